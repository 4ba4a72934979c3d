import { isPaymentId } from './attempt.js';

/** The name of the gateway's window: the returning page recognises itself by it. */
export const GATEWAY_WINDOW_NAME = 'iq-payment-gateway';

/** The message the returning popup sends its opener. */
export const RETURN_MESSAGE_TYPE = 'iq-payment-return';

/** Query parameters of the return that are removed from the address bar. */
const RETURN_PARAMS = ['payment', 'result', 'signature'];

/** A window opened for the gateway's page (a browser `Window` is one). */
export interface GatewayWindow {
  /** True once the citizen (or the page) closed it. */
  readonly closed: boolean;
  /** Where the window is; `location.replace(url)` sends it to the gateway's page. */
  readonly location: { replace(url: string): void };
  close(): void;
}

/**
 * Every navigation the payment form makes, in one seam: tests and unusual hosts (a WebView that
 * opens pages itself) give their own; the default uses the browser.
 */
export interface GatewayNavigator {
  /**
   * Opens an empty named window. Called synchronously in the click handler, so browsers allow it;
   * returns null when the popup is blocked.
   */
  open(): GatewayWindow | null;
  /** Leaves this page for `url` (redirect mode). */
  assign(url: string): void;
}

/** The browser's `window.open` and `location.assign`. */
export const browserNavigator: GatewayNavigator = {
  open() {
    // Not `noopener`: the returning page tells this one through `window.opener.postMessage`.
    return window.open('about:blank', GATEWAY_WINDOW_NAME, 'popup,width=560,height=760');
  },
  assign: (url) => window.location.assign(url),
};

/**
 * Reads `payment=pay_…` from the page's address and removes `payment`, `result` and `signature`
 * from the address bar (the rest of the URL is kept). `result` and `signature` are never read:
 * the outcome is asked of the service. Returns the id ('' when the parameter is there but not a
 * payment id), or null when there is no return.
 */
export function takeReturn(): string | null {
  const url = new URL(window.location.href);
  if (!RETURN_PARAMS.some((p) => url.searchParams.has(p))) return null;
  const id = url.searchParams.get('payment');
  for (const p of RETURN_PARAMS) url.searchParams.delete(p);
  window.history.replaceState(window.history.state, '', url.href);
  return isPaymentId(id) ? id : '';
}

/** The current page without the return's parameters: the default `returnUrl`. */
export function defaultReturnUrl(): string {
  const url = new URL(window.location.href);
  for (const p of RETURN_PARAMS) url.searchParams.delete(p);
  url.hash = '';
  return url.href;
}

/** The opener, when this page is the gateway's popup coming back on the same origin. */
export function gatewayOpener(): Window | null {
  try {
    const opener = window.opener as Window | null;
    if (!opener || window.name !== GATEWAY_WINDOW_NAME) return null;
    // Reading the origin of a cross-origin window throws: then it is not our opener.
    return opener.location.origin === window.location.origin ? opener : null;
  } catch {
    return null;
  }
}

/** The payment id of a return message, if it comes from this origin and is well formed. */
export function returnedId(event: MessageEvent): string | null {
  if (event.origin !== window.location.origin) return null;
  const data = event.data as { type?: unknown; payment?: unknown } | null;
  if (!data || data.type !== RETURN_MESSAGE_TYPE || !isPaymentId(data.payment)) return null;
  return data.payment;
}
