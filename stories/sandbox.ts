// A fresh in-page sandbox and a client over it, for stories: no server, no network. Stories that
// set `parameters: { sandbox: true }` (or sandbox options) get one per render from the preview,
// already given to `configure({ client })`, and find it in `context.loaded.sandbox`.
import { createSandbox, createSandboxFetch, type Sandbox } from '@iq-eservices/sandbox';
import { createEServicesClient, type EServicesClient } from '@iq-eservices/api';
import { getLocale } from '@iq-eservices/components';

/** Where the in-page sandbox answers (never fetched over the network). */
export const SANDBOX_BASE_URL = 'http://sandbox.localhost';

/** Options of `createSandbox` (seed, clock, …). */
export type SandboxClientOptions = Parameters<typeof createSandbox>[0];

/** A sandbox with its client. */
export interface StorySandbox {
  sandbox: Sandbox;
  client: EServicesClient;
}

/** A new sandbox (fresh seeded state) and a client speaking to it in the page's language. */
export function sandboxClient(options: SandboxClientOptions = {}): StorySandbox {
  const sandbox = createSandbox(options);
  const client = createEServicesClient({
    baseUrl: SANDBOX_BASE_URL,
    fetch: createSandboxFetch(sandbox, { baseUrl: SANDBOX_BASE_URL }),
    locale: () => getLocale(),
  });
  return { sandbox, client };
}
