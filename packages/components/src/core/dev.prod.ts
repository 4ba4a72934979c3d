/**
 * `#dev` in production builds: integrators' warnings are dropped, with their messages (see
 * `dev.ts`, the development build, for what they say).
 *
 * @param _element the element (or tag name) the warning is about
 * @param _message the warning
 */
export function devWarn(_element: Element | string, _message: string): void {}
