// What the "my requests" test files share: a signed-in sandbox on a clock the test moves, and
// reading the element's shadow DOM.
import { fixture, html } from '@open-wc/testing';
import type { EServicesClient } from '@iq-eservices/api';
import type { Sandbox } from '@iq-eservices/sandbox';
import '../../define/my-requests.js';
import type { IqMyRequests } from '../my-requests.js';
import { signIn, until, useSandbox } from '../../test/helpers.js';

/** The day the sandbox's seeded data is written around. */
export const START = Date.parse('2026-11-25T09:00:00Z');

/** A sandbox with its clock, and the client every element on the page uses. */
export interface Setup {
  sandbox: Sandbox;
  client: EServicesClient;
  /** Moves the sandbox clock to `at` and signs the citizen in again (sessions do not last days). */
  moveTo(at: number): Promise<void>;
}

/** A fresh sandbox at {@link START} with `citizenId` signed in (no one when `null`). */
export async function signedIn(citizenId: string | null): Promise<Setup> {
  let now = START;
  const s = useSandbox({ clock: () => new Date(now), hangMs: 3000 });
  if (citizenId) await signIn(s, citizenId);
  return {
    ...s,
    moveTo: async (at) => {
      now = at;
      if (citizenId) await signIn(s, citizenId);
    },
  };
}

/** The first element matching `selector` in the element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: IqMyRequests, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Every element matching `selector` in the element's shadow root. */
export const $$ = (el: IqMyRequests, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** The text of `selector`, with runs of white space as one space. */
export const text = (el: IqMyRequests, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The references shown in the list, in order. */
export const references = (el: IqMyRequests) =>
  $$(el, '[part="list"] [part="reference"]').map((r) => r.textContent?.trim() ?? '');

/** What the live region says now. */
export const said = (el: IqMyRequests) => text(el, '[role="status"]');

/** A new `<iq-my-requests>` that has shown its list, an empty state or a problem. */
export async function render(mode: 'list' | 'lookup' = 'list'): Promise<IqMyRequests> {
  const el = await fixture<IqMyRequests>(
    mode === 'lookup'
      ? html`<iq-my-requests mode="lookup"></iq-my-requests>`
      : html`<iq-my-requests></iq-my-requests>`,
  );
  if (mode === 'list') await settled(el);
  return el;
}

/** Waits until the list, its empty state or a problem shows. */
export async function settled(el: IqMyRequests): Promise<IqMyRequests> {
  await until(
    () => !!$(el, '[part="list"]') || !!$(el, '.empty') || !!$(el, '#problem'),
    'requests, empty state or problem',
  );
  await el.updateComplete;
  return el;
}
