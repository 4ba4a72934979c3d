/**
 * Warnings for integrators (no client configured, an unknown attribute value), printed while a
 * page is developed and never shipped to citizens. Modules import them as `#dev`
 * (`package.json` `imports`): under the `development` export condition (Vite's and
 * web-test-runner's dev servers, `node --conditions=development`) that is this module; otherwise
 * `dev.prod.ts`, whose `devWarn` does nothing, so that production bundles carry none of the
 * messages, as Lit does with its own development build.
 *
 * @param element the element (or tag name) the warning is about: the message starts with `<tag>:`
 * @param message what is wrong and how to fix it, in English (integrators read it, not citizens)
 */
export function devWarn(element: Element | string, message: string): void {
  const tag = typeof element === 'string' ? element : element.localName;
  console.warn(`<${tag}>: ${message}`);
}
