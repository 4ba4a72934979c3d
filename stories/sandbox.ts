// A fresh in-page sandbox and a client over it, for stories: no server, no network. Stories that
// set `parameters: { sandbox: true }` (or sandbox options) get one per render from the preview,
// already given to `configure({ client })`, and find it in `context.loaded.sandbox`.
import {
  SANDBOX_OTP,
  createSandbox,
  createSandboxFetch,
  type Sandbox,
} from '@iq-eservices/sandbox';
import { createEServicesClient, unwrap, type EServicesClient } from '@iq-eservices/api';
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

/**
 * The story's own `nationalId` arg (which sandbox citizen is signed in), listed apart from the
 * element's API on its docs page.
 */
export const citizenArgType = {
  nationalId: {
    control: 'text',
    description:
      'National number of the sandbox citizen signed in for the story (none: signed out).',
    table: { category: 'story' },
  },
} as const;

/**
 * A new sandbox whose citizen (by national number) is signed in through the client, as
 * `<iq-login>` would leave it; `null` for nobody (signed-out stories). `setup` runs after the
 * sign-in, so faults and latency set there do not slow it. `options` are the sandbox's (a clock).
 */
export async function signedInSandbox(
  nationalId: string | null,
  setup?: (sandbox: Sandbox) => void,
  options: SandboxClientOptions = {},
): Promise<StorySandbox> {
  const s = sandboxClient(options);
  if (nationalId) {
    const challenge = unwrap(
      await s.client.identity.POST('/sign-in', { body: { method: 'national-id', nationalId } }),
    );
    unwrap(
      await s.client.identity.POST('/sign-in/{challengeId}/verify', {
        params: { path: { challengeId: challenge.challengeId } },
        body: { code: SANDBOX_OTP, mode: 'cookie' },
      }),
    );
  }
  setup?.(s.sandbox);
  return s;
}
