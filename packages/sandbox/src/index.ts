/**
 * `@iq-eservices/sandbox`: a back end that behaves like the ministries' e-services, for demos,
 * Storybook, tests and integrators. It is a web-standard handler, `(Request) => Promise<Response>`,
 * so the same sandbox runs as an HTTP server (`iq-sandbox`, `@iq-eservices/sandbox/node`) and inside
 * a page as a client's injected `fetch` ({@link createSandboxFetch}).
 *
 * @packageDocumentation
 * @module @iq-eservices/sandbox
 */
import { DroppedConnection } from './faults.js';
import type { Sandbox } from './app.js';
import { SANDBOX_OTP } from './data/citizens.js';
import type { GatewayOutcome } from './services/gateway-pages.js';

export { createSandbox, services } from './app.js';
export type { Sandbox, SandboxOptions, SandboxEnv, ContractViolation } from './app.js';
export { FaultController, DroppedConnection, parseFault } from './faults.js';
export type { FaultKind, FaultRule, Scenario } from './faults.js';
export {
  SANDBOX_OTP,
  seedCitizens,
  maskNationalId,
  maskPhone,
  describeIdentities,
} from './data/citizens.js';
export type { Citizen } from './data/citizens.js';
export { seedState } from './state.js';
export type { SandboxState } from './state.js';
export { IDENTITY_POLICY } from './services/identity.js';
export { UPLOAD_POLICY } from './drafts.js';
export { negotiateLanguage } from './messages.js';
export type { Lang, ServiceName } from './types.js';
export { GATEWAY_OUTCOMES } from './services/gateway-pages.js';
export { educationControls, materialBytes } from './services/education.js';
export { sandboxUrlFor, siteAdvice } from './site-advice.js';
export type { EducationState } from './services/education.js';
export type { GatewayOutcome } from './services/gateway-pages.js';

/**
 * Acts at a simulated gateway's hosted page as the citizen would, without a browser window: opens
 * the page at `redirectUrl` (a payment's), posts its form with `outcome` (and the one-time code,
 * where the page asks for one), and follows the gateway's way back to the service. Returns the URL
 * the browser is then sent to: the client's `returnUrl` with the payment's id. For tests and
 * stories that pay through the sandbox.
 */
export async function actAtGateway(
  sandbox: Sandbox,
  redirectUrl: string,
  outcome: GatewayOutcome,
): Promise<string> {
  const url = new URL(redirectUrl);
  const page = await sandbox.fetch(new Request(redirectUrl));
  if (page.status !== 200) throw new Error(`gateway page answered ${page.status}`);
  const posted = await sandbox.fetch(
    new Request(`${url.origin}${url.pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        session: url.searchParams.get('session') ?? '',
        outcome,
        otp: SANDBOX_OTP,
      }).toString(),
    }),
  );
  const back = posted.headers.get('location');
  if (posted.status !== 303 || !back) throw new Error(`gateway answered ${posted.status}`);
  const returned = await sandbox.fetch(new Request(new URL(back, url).href));
  return returned.headers.get('location') ?? '';
}

/** Options of {@link createSandboxFetch}. */
export interface SandboxFetchOptions {
  /** The origin requests are addressed to (default `http://sandbox.localhost`). */
  baseUrl?: string;
}

/**
 * A `fetch` that answers from an in-process sandbox, for pages without a server (Storybook,
 * component tests) and for Node tests. It keeps the session cookie in memory as a browser's cookie
 * jar would (scripts cannot set `Cookie` themselves), and a dropped-connection fault rejects with a
 * `TypeError`, exactly as a browser's `fetch` does on a network failure.
 */
export function createSandboxFetch(
  sandbox: Sandbox,
  options: SandboxFetchOptions = {},
): typeof fetch {
  const jar = new Map<string, string>();
  const base = options.baseUrl ?? 'http://sandbox.localhost';
  return async (input, init) => {
    const request =
      input instanceof Request
        ? init
          ? new Request(input, init)
          : input
        : new Request(new URL(String(input), base), init);
    if (request.signal.aborted)
      throw request.signal.reason ?? new DOMException('aborted', 'AbortError');
    const pending = sandbox.fetch(request, { jar });
    // A caller's abort ends the wait as it would on a network (the handler may still finish).
    const aborted = new Promise<never>((_, reject) => {
      request.signal.addEventListener(
        'abort',
        () => reject(request.signal.reason ?? new DOMException('aborted', 'AbortError')),
        { once: true },
      );
    });
    try {
      return await Promise.race([pending, aborted]);
    } catch (error) {
      if (error instanceof DroppedConnection)
        throw new TypeError('Failed to fetch', { cause: error });
      throw error;
    }
  };
}
