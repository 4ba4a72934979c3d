/**
 * `@iq-eservices/react`: every element of `@iq-eservices/components` as a React component, made
 * with `@lit/react` from the elements' manifest (`custom-elements.json`) — properties as props,
 * events as typed `on…` props (`onIqLogin`, `onIqRequestChange`…). Importing this module defines
 * every tag; import `@iq-eservices/react/<element>.js` (e.g. `login.js`) to load one element.
 * For the tags written directly in React 19, `import type {} from '@iq-eservices/react/jsx'`.
 *
 * @packageDocumentation
 * @module @iq-eservices/react
 */
export * from './generated/index.js';
