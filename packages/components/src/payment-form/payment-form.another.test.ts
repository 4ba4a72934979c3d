import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LOCALES, expectAccessible, setPageLanguage } from '../test/helpers.js';
import type { IqPaymentForm } from './payment-form.js';
import {
  $,
  $$,
  PASSPORT,
  WATER,
  createdPayments,
  payAtGateway,
  postReturn,
  reach,
  setup,
  submit,
  text,
  toReview,
  type Setup,
} from './test/harness.js';

/** Pays `ids` with Qi Card, approved at the gateway: the receipt is on screen. */
async function pay(s: Setup, ids: string[]): Promise<void> {
  await toReview(s.el, ids);
  submit(s.el);
  await reach(s.el, 'awaiting');
  const payment = createdPayments(s.sandbox).at(-1)!;
  await payAtGateway(s.sandbox, s.nav.windows.at(-1)!.urls[0]!, 'approve');
  postReturn(payment.id);
  await reach(s.el, 'receipt');
}

/** The receipt's buttons, as a citizen reads them. */
const buttons = (el: IqPaymentForm) =>
  $$<HTMLButtonElement>(el, '[part="actions"] button').map((b) => b.textContent!.trim());

const another = (el: IqPaymentForm) =>
  $$<HTMLButtonElement>(el, '[part="actions"] button').find(
    (b) => b.textContent!.trim() === 'Pay another bill',
  );

describe('iq-payment-form: pay another bill after a receipt', function () {
  this.timeout(60000);

  beforeEach(() => setPageLanguage('en'));
  afterEach(async () => {
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  it('goes back to the list read again, without the bill just paid, focus on its heading', async () => {
    const s = await setup();
    await pay(s, [PASSPORT]);
    expect(buttons(s.el)).to.deep.equal([
      'Print the receipt',
      'Save the receipt',
      'Pay another bill',
    ]);
    const lists = s.sandbox.calls['listPayables'] ?? 0;
    another(s.el)!.click();
    await reach(s.el, 'select');
    expect(s.sandbox.calls['listPayables']).to.equal(lists + 1);
    expect(text(s.el, '#heading')).to.equal('What do you want to pay?');
    expect(s.el.shadowRoot!.activeElement?.id).to.equal('heading');
    expect(text(s.el, '[role="status"]')).to.equal('What do you want to pay?');
    // Paid: no longer in the list; nothing is chosen, nothing is shown as a problem.
    expect($(s.el, `input[value="${PASSPORT}"]`)).to.equal(null);
    expect($$<HTMLInputElement>(s.el, 'input[type="checkbox"]:checked').length).to.equal(0);
    expect($(s.el, '#problem')).to.equal(null);
    expect(text(s.el, '[part="total"]')).to.equal('Total: IQD 0');
  });

  it('the next bill is a payment of its own, reported once, with its own receipt', async () => {
    const s = await setup();
    await pay(s, [PASSPORT]);
    const firstReference = text(s.el, '.reference');
    another(s.el)!.click();
    await reach(s.el, 'select');
    await pay(s, [WATER]);
    const payments = createdPayments(s.sandbox);
    expect(payments.map((p) => p.payableIds)).to.deep.equal([[PASSPORT], [WATER]]);
    expect(payments.map((p) => p.status)).to.deep.equal(['succeeded', 'succeeded']);
    expect(text(s.el, '.reference')).to.not.equal(firstReference);
    expect(text(s.el, '[part="receipt"]')).to.contain('Water');
    const succeeded = s.events.filter((e) => e.type === 'iq-payment-succeeded');
    expect(succeeded.length).to.equal(2);
    // Nothing of the first payment is left in the tab.
    expect(sessionStorage.length).to.equal(0);
  });

  it('works with the keyboard: Tab to Pay another bill, Enter', async () => {
    const s = await setup();
    await pay(s, [PASSPORT]);
    const button = another(s.el)!;
    for (let i = 0; i < 10 && s.el.shadowRoot!.activeElement !== button; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(s.el.shadowRoot!.activeElement === button).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await reach(s.el, 'select');
    expect(s.el.shadowRoot!.activeElement?.id).to.equal('heading');
  });

  it('is not offered for the one bill a host named', async () => {
    const s = await setup('cit_01', html`<iq-payment-form item-id=${WATER}></iq-payment-form>`);
    submit(s.el);
    await reach(s.el, 'method');
    $<HTMLInputElement>(s.el, 'input[value="qi-card"]')!.click();
    submit(s.el);
    await reach(s.el, 'review');
    submit(s.el);
    await reach(s.el, 'awaiting');
    await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, 'approve');
    postReturn(createdPayments(s.sandbox)[0]!.id);
    await reach(s.el, 'receipt');
    expect(buttons(s.el)).to.deep.equal(['Print the receipt', 'Save the receipt']);
  });

  const WORDS = { ar: 'ادفع فاتورة أخرى', ckb: 'پسوولەیەکی تر بدە', en: 'Pay another bill' };
  for (const locale of LOCALES) {
    it(`the receipt with Pay another bill passes axe (WCAG 2.2 AA) in ${locale}`, async () => {
      await setPageLanguage(locale);
      const s = await setup();
      await pay(s, [PASSPORT]);
      const labels = $$<HTMLButtonElement>(s.el, '[part="actions"] button').map((b) =>
        b.textContent!.trim(),
      );
      expect(labels.at(-1)).to.equal(WORDS[locale]);
      await expectAccessible(s.el);
      $$<HTMLButtonElement>(s.el, '[part="actions"] button').at(-1)!.click();
      await reach(s.el, 'select');
      await expectAccessible(s.el);
    });
  }
});
