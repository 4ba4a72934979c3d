// What the ration card's test files share: a signed-in sandbox and reading the card's shadow DOM.
import { fixture, html } from '@open-wc/testing';
import type { EServicesClient } from '@iq-eservices/api';
import type { Sandbox } from '@iq-eservices/sandbox';
import '../../define/ration-card.js';
import type { IqRationCard } from '../ration-card.js';
import { signIn, until, useSandbox } from '../../test/helpers.js';

/** A sandbox and the client every element on the page uses. */
export interface Setup {
  sandbox: Sandbox;
  client: EServicesClient;
}

/** A fresh sandbox with `citizenId` signed in through the client (no one when `null`). */
export async function signedIn(
  citizenId: string | null,
  options: Parameters<typeof useSandbox>[0] = {},
): Promise<Setup> {
  const s = useSandbox(options);
  if (citizenId) await signIn(s, citizenId);
  return s;
}

/** The first element matching `selector` in the card's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: IqRationCard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Every element matching `selector` in the card's shadow root. */
export const $$ = (el: IqRationCard, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** The text of `selector`, with runs of white space as one space. */
export const text = (el: IqRationCard, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A new `<iq-ration-card>` on the page. */
export const render = (): Promise<IqRationCard> =>
  fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);

/** Waits until the card shows its status or a problem. */
export async function loaded(el: IqRationCard): Promise<IqRationCard> {
  await until(() => !!$(el, '[part="status"]') || !!$(el, '#problem'), 'card or problem');
  await el.updateComplete;
  return el;
}
