// What the framework samples' tests share (docs/frameworks.md): a signed-in sandbox whose citizen
// has a blocked ration card, the card's data fetched once through the client, and the card's
// shadow root read as a citizen sees it.
import { sendKeys } from '@web/test-runner-commands';
import { unwrap } from '@iq-eservices/api';
import type { RationCardData } from '../../ration-card/events.js';
import '../../define/ration-card.js';
import type { IqRationCard } from '../../ration-card/ration-card.js';
import { signIn, until, useSandbox } from '../helpers.js';

/** cit_05's card is blocked ("not updated"): its call to action fires `iq-request-change`. */
export async function blockedCard() {
  const setup = useSandbox();
  await signIn(setup, 'cit_05');
  const card = unwrap(await setup.client.rationCard.GET('/card'));
  const data: RationCardData = { card };
  /** The sandbox's calls so far, to show the framework's page made none. */
  const calls = () => JSON.stringify(setup.sandbox.calls);
  return { ...setup, card, data, calls };
}

/** The card once it shows its status. */
export async function shownCard(host: ParentNode): Promise<IqRationCard> {
  await until(
    () => !!host.querySelector('iq-ration-card')?.shadowRoot?.querySelector('[part="status"]'),
    'the card',
  );
  const el = host.querySelector<IqRationCard>('iq-ration-card')!;
  await el.updateComplete;
  return el;
}

/** Presses the card's call to action with the keyboard (focus, then Enter). */
export async function pressCallToAction(el: IqRationCard): Promise<void> {
  el.shadowRoot!.querySelector<HTMLElement>('[part="request-change"]')!.focus();
  await sendKeys({ press: 'Enter' });
}
