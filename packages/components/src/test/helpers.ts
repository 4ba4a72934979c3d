// Shared helpers of the component tests (run in Chromium by @web/test-runner).
import {
  SANDBOX_OTP,
  createSandbox,
  createSandboxFetch,
  type Sandbox,
} from '@iq-eservices/sandbox';
import { createEServicesClient, unwrap, type EServicesClient } from '@iq-eservices/api';
import { configure } from '../core/config.js';
import { followDocumentLanguage, getLocale, localeReady } from '../core/localization.js';
import type { Locale } from '../core/format.js';

/** The three languages every state is checked in. */
export const LOCALES: readonly Locale[] = ['ar', 'ckb', 'en'];

/** A fresh in-page sandbox and a client over it, configured for every element. */
export function useSandbox(options: Parameters<typeof createSandbox>[0] = {}): {
  sandbox: Sandbox;
  client: EServicesClient;
} {
  const sandbox = createSandbox(options);
  const client = createEServicesClient({
    baseUrl: 'http://sandbox.localhost',
    fetch: createSandboxFetch(sandbox),
    locale: () => getLocale(),
    retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 },
    timeoutMs: 2000,
  });
  configure({ client });
  return { sandbox, client };
}

/** Sets the page language the way a host does (`<html lang dir>`) and waits for the messages. */
export async function setPageLanguage(locale: Locale): Promise<void> {
  document.documentElement.lang = locale;
  document.documentElement.dir = locale === 'en' ? 'ltr' : 'rtl';
  // The library follows <html lang> through a MutationObserver; follow it now rather than wait for
  // the observer (a loaded machine may be slow to run it), then wait until the language is shown
  // with every element's messages: states, not time.
  await followDocumentLanguage();
  await localeReady();
  if (getLocale() !== locale) throw new Error(`locale did not switch to ${locale}`);
  await new Promise((r) => setTimeout(r, 0));
}

interface AxeResults {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResults> };
  }
}

/** The WCAG 2.2 A and AA rules of axe-core. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (WCAG 2.2 AA) on an element; throws listing every violation. */
export async function expectAccessible(element: Element): Promise<void> {
  if (!window.axe) await import('axe-core/axe.min.js' as string);
  const results = await window.axe!.run(element, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  if (results.violations.length) {
    throw new Error(
      `axe (${document.documentElement.lang}): ` +
        results.violations
          .map(
            (v) =>
              `${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          )
          .join('\n'),
    );
  }
}

/** Waits until `condition` holds (polling), or fails with `message`. */
export async function until(
  condition: () => boolean,
  message = 'condition',
  timeoutMs = 6000,
): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Signs a sandbox citizen in through a client (a cookie session), as `<iq-login>` would. */
export async function signIn(
  setup: { sandbox: Sandbox; client: EServicesClient },
  citizenId: string,
): Promise<void> {
  const citizen = setup.sandbox.citizens.find((c) => c.id === citizenId);
  if (!citizen) throw new Error(`no sandbox citizen ${citizenId}`);
  const challenge = unwrap(
    await setup.client.identity.POST('/sign-in', {
      body: { method: 'national-id', nationalId: citizen.nationalId },
    }),
  );
  unwrap(
    await setup.client.identity.POST('/sign-in/{challengeId}/verify', {
      params: { path: { challengeId: challenge.challengeId } },
      body: { code: SANDBOX_OTP, mode: 'cookie' },
    }),
  );
}
