import { expect, fixture, html } from '@open-wc/testing';
import { setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  PASSPORT,
  PENDING_KEY,
  createdPayments,
  mount,
  otherBrowser,
  payAtGateway,
  postReturn,
  reach,
  secondary,
  setup,
  submit,
  text,
  toReview,
  view,
} from './test/harness.js';
import type {
  IqPaymentCancelledEvent,
  IqPaymentFailedEvent,
  IqPaymentSucceededEvent,
} from './events.js';
import type { IqPaymentForm } from './payment-form.js';
import { browserNavigator } from './gateway.js';

/** Puts return parameters in the address bar, as the gateway's way back does. */
function arriveWith(query: string): string {
  const before = window.location.href;
  const url = new URL(before);
  for (const [k, v] of new URLSearchParams(query)) url.searchParams.set(k, v);
  window.history.replaceState(null, '', url.href);
  return before;
}

describe('iq-payment-form: the gateway', function () {
  this.timeout(30000);
  let home = '';

  beforeEach(async () => {
    home = window.location.href;
    await setPageLanguage('en');
  });
  afterEach(async () => {
    window.history.replaceState(null, '', home);
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  it('the browser navigator opens one named blank window, reused by name', () => {
    const first = browserNavigator.open() as Window | null;
    const again = browserNavigator.open() as Window | null;
    try {
      expect(first !== null).to.equal(true);
      expect(first!.name).to.equal('iq-payment-gateway');
      expect(first!.location.href).to.equal('about:blank');
      // Its opener is this page (no `noopener`): the returning page reports through it.
      expect(first!.opener === window).to.equal(true);
      expect(again === first).to.equal(true);
    } finally {
      first?.close();
    }
  });

  it('opens the gateway window in the click, then sends it to the payment page', async () => {
    const { el, sandbox, nav, events } = await setup();
    await toReview(el);
    submit(el);
    // The window exists before the service answered (browsers only allow it in the click).
    expect(nav.windows.length).to.equal(1);
    expect(nav.windows[0]!.urls.length).to.equal(0);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    expect(nav.windows[0]!.urls.length).to.equal(1);
    expect(nav.windows[0]!.urls[0]).to.match(
      new RegExp(`/gateway/qi-card/${payment!.id}\\?session=`),
    );
    expect(text(el, '#heading')).to.equal('Complete the payment');
    const started = events.find((e) => e.type === 'iq-payment-started') as
      (Event & { paymentId: string; method: string; total: number }) | undefined;
    expect(started?.paymentId).to.equal(payment!.id);
    expect(started?.method).to.equal('qi-card');
    expect(started?.total).to.equal(payment!.total);
    // The return URL is this page, without return parameters.
    expect(payment!.returnUrl).to.equal(window.location.href.split('#')[0]);
  });

  it('sends return-url; one the service does not allow is refused and nothing is created', async () => {
    const finish = `${window.location.origin}/payments/finish?from=form`;
    const ok = await setup(
      'cit_01',
      html`<iq-payment-form return-url=${finish}></iq-payment-form>`,
    );
    await toReview(ok.el);
    submit(ok.el);
    await reach(ok.el, 'awaiting');
    expect(createdPayments(ok.sandbox)[0]!.returnUrl).to.equal(finish);

    const bad = await setup(
      'cit_01',
      html`<iq-payment-form return-url="https://elsewhere.example/finish"></iq-payment-form>`,
    );
    await toReview(bad.el);
    submit(bad.el);
    await until(() => !!$(bad.el, '#problem'), 'the problem');
    expect(view(bad.el)).to.equal('review');
    expect(createdPayments(bad.sandbox).length).to.equal(0);
    const error = bad.events.find((e) => e.type === 'iq-error') as Event & { code: string };
    expect(error.code).to.equal('validation.failed');
  });

  it('sends the amount the service computes, never one from the page', async () => {
    const { el, sandbox } = await setup();
    await toReview(el, [PASSPORT], 'zaincash');
    // 25 000 IQD with ZainCash: 1 % fee = 250.
    expect(text(el, '[part="review"]')).to.contain('IQD 250');
    expect(text(el, '[part="review"] .total')).to.contain('25,250');
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    expect(payment!.fee).to.equal(250);
    expect(payment!.total).to.equal(25250);
  });

  it('a blocked popup offers to open the page again or continue in this window', async () => {
    const { el, sandbox, nav } = await setup();
    nav.blocked = true;
    await toReview(el);
    submit(el);
    await reach(el, 'popup-blocked');
    expect(nav.refused).to.equal(1);
    expect(createdPayments(sandbox).length).to.equal(1);
    nav.blocked = false;
    submit(el); // Open the payment page
    await reach(el, 'awaiting');
    expect(nav.windows.length).to.equal(1);
    const url = nav.windows[0]!.urls[0]!;
    expect(url).to.contain(createdPayments(sandbox)[0]!.id);
    // Still one payment, and "continue here" goes to the same page.
    nav.blocked = true;
    secondary(el); // Reopen the payment page
    await reach(el, 'popup-blocked');
    secondary(el); // Continue in this window
    expect(nav.assigned).to.deep.equal([url]);
    expect(createdPayments(sandbox).length).to.equal(1);
  });

  it('redirect mode leaves the page for the payment page, and resumes on return', async () => {
    const { el, sandbox, nav } = await setup(
      'cit_01',
      html`<iq-payment-form gateway-mode="redirect"></iq-payment-form>`,
    );
    await toReview(el);
    submit(el);
    await until(() => nav.assigned.length === 1, 'the redirect');
    expect(nav.windows.length).to.equal(0);
    const back = await payAtGateway(sandbox, nav.assigned[0]!, 'approve');
    // The browser comes back to the return URL: a new page, a new element.
    el.remove();
    arriveWith(new URL(back).search);
    const events: Event[] = [];
    const again = await mount(
      html`<iq-payment-form gateway-mode="redirect"></iq-payment-form>`,
      nav,
      events,
    );
    await reach(again, 'receipt');
    expect(window.location.search).to.not.match(/payment=|result=|signature=/);
    expect(events.filter((e) => e.type === 'iq-payment-succeeded').length).to.equal(1);
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
  });

  it('a forged result=succeeded shows what the service says: the failure', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'insufficient-funds');
    el.remove();
    arriveWith(`payment=${payment!.id}&result=succeeded&signature=${'ab'.repeat(32)}`);
    const events: Event[] = [];
    const again = await mount(html`<iq-payment-form></iq-payment-form>`, nav, events);
    await reach(again, 'failure');
    expect($(again, '[part="failure"]')!.dataset['reason']).to.equal('insufficient-funds');
    expect(events.some((e) => e.type === 'iq-payment-succeeded')).to.equal(false);
    expect(window.location.search).to.not.match(/result=|signature=/);
  });

  it('a return naming another citizen’s payment, or no payment, shows a clear error', async () => {
    const { sandbox, nav, el } = await setup();
    el.remove();
    const other = await otherBrowser(sandbox, 'cit_02');
    const list = await other.payments.GET('/payables', { params: { query: { status: 'unpaid' } } });
    const theirs = await other.payments.POST('/payments', {
      body: {
        payableIds: [list.data!.items[0]!.id],
        method: 'qi-card',
        returnUrl: window.location.href,
      },
    });
    arriveWith(`payment=${theirs.data!.id}&result=succeeded`);
    const events: Event[] = [];
    const first = await mount(html`<iq-payment-form></iq-payment-form>`, nav, events);
    await until(() => !!$(first, '#problem'), 'the problem');
    // Said plainly, above the citizen's own bills; nothing is shown as paid.
    expect(text(first, '#problem')).to.contain('We could not find this payment');
    expect(view(first)).to.equal('select');
    expect(events.some((e) => e.type === 'iq-payment-succeeded')).to.equal(false);
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    first.remove();

    arriveWith('payment=not-a-payment&result=succeeded');
    const calls = sandbox.calls['getPayment'] ?? 0;
    const second = await mount(html`<iq-payment-form></iq-payment-form>`, nav);
    await until(() => !!$(second, '#problem'), 'the problem');
    expect(text(second, '#problem')).to.contain('We could not find this payment');
    expect(sandbox.calls['getPayment'] ?? 0).to.equal(calls);
    expect(window.location.search).to.not.match(/payment=|result=/);
  });

  it('the returning popup tells its opener the id and closes; the opener asks the service', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'approve');
    // This page plays the popup coming back: the gateway window's name, and an opener on the
    // same origin (here, itself: the message reaches the waiting form).
    const page = window as unknown as { opener: unknown; close: () => void };
    const close = page.close;
    let closed = 0;
    window.name = 'iq-payment-gateway';
    page.opener = window;
    page.close = () => (closed += 1);
    try {
      arriveWith(`payment=${payment!.id}&result=succeeded&signature=00`);
      const popup = await fixture<IqPaymentForm>(html`<iq-payment-form></iq-payment-form>`);
      await reach(el, 'receipt');
      expect(closed).to.equal(1);
      expect(view(popup)).to.equal('checking');
      expect(window.location.search).to.not.match(/payment=|result=|signature=/);
    } finally {
      window.name = '';
      page.opener = null;
      page.close = close;
    }
  });

  it('trusts return messages only from its origin and for the payment it awaits', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'approve');
    const calls = sandbox.calls['getPayment'] ?? 0;
    postReturn(payment!.id, 'https://evil.example');
    postReturn('pay_999999');
    await new Promise((r) => setTimeout(r, 200));
    expect(sandbox.calls['getPayment'] ?? 0).to.equal(calls);
    expect(view(el)).to.equal('awaiting');
    postReturn(payment!.id);
    await reach(el, 'receipt');
  });

  it('checks when the payment window closes, and keeps waiting while undecided', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const calls = sandbox.calls['getPayment'] ?? 0;
    nav.windows[0]!.closed = true;
    await until(() => (sandbox.calls['getPayment'] ?? 0) > calls, 'a check on close');
    await el.updateComplete;
    expect(view(el)).to.equal('awaiting');
    // Check again, after the citizen cancelled at the gateway.
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'cancel');
    submit(el);
    await reach(el, 'failure');
  });

  it('polls the service while awaiting', async () => {
    const { el, sandbox, nav } = await setup();
    el.pollMs = 50;
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'approve');
    await reach(el, 'receipt');
  });

  it('stops polling once the payment has expired', async () => {
    // The service's clock runs 16 minutes behind the page's: every payment it creates expired
    // (by the page's clock) a minute ago, though the service still reads it as awaiting.
    const { el, sandbox } = await setup('cit_01', undefined, {
      clock: () => new Date(Date.now() - 16 * 60_000),
    });
    el.pollMs = 50;
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const calls = sandbox.calls['getPayment'] ?? 0;
    await new Promise((r) => setTimeout(r, 400));
    expect(sandbox.calls['getPayment'] ?? 0).to.be.at.most(calls + 1);
    expect(view(el)).to.equal('awaiting');
  });

  const OUTCOMES: [string, string, string][] = [
    ['decline', 'declined', 'declined'],
    ['insufficient-funds', 'insufficient-funds', 'Not enough money'],
    ['expired-card', 'expired-card', 'expired'],
    ['3ds-failed', '3ds-failed', '(3\u2011D Secure)'],
    ['cancel', 'cancelled', 'cancelled'],
    ['timeout', 'timed-out', 'not completed in time'],
  ];
  for (const [outcome, reason, words] of OUTCOMES) {
    it(`shows the reason and what to do when the gateway answers ${outcome}`, async () => {
      const { el, sandbox, nav, events } = await setup();
      await toReview(el);
      submit(el);
      await reach(el, 'awaiting');
      const [payment] = createdPayments(sandbox);
      await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, outcome);
      postReturn(payment!.id);
      await reach(el, 'failure');
      expect($(el, '[part="failure"]')!.dataset['reason']).to.equal(reason);
      expect(text(el, '[part="failure"] .what')).to.contain(words);
      expect(text(el, '[part="failure"]')).to.contain('still unpaid');
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
      if (reason === 'cancelled') {
        const cancelled = events.filter((e) => e.type === 'iq-payment-cancelled');
        expect(cancelled.length).to.equal(1);
        expect((cancelled[0] as IqPaymentCancelledEvent).paymentId).to.equal(payment!.id);
      } else {
        const failed = events.filter((e) => e.type === 'iq-payment-failed');
        expect(failed.length).to.equal(1);
        expect((failed[0] as IqPaymentFailedEvent).reason).to.equal(reason);
        expect((failed[0] as IqPaymentFailedEvent).paymentId).to.equal(payment!.id);
      }
    });
  }

  it('succeeds with a receipt from the service; the event carries it once', async () => {
    const { el, sandbox, nav, events } = await setup();
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'approve');
    postReturn(payment!.id);
    postReturn(payment!.id);
    await reach(el, 'receipt');
    const receipt = sandbox.state.payments.receipts[payment!.id]!;
    expect(text(el, '.reference')).to.equal(receipt.referenceNumber);
    expect($(el, '.reference')!.getAttribute('dir')).to.equal('ltr');
    expect(text(el, '[part="receipt"]')).to.contain(receipt.maskedAccount);
    expect(text(el, '[part="receipt"]')).to.contain('Qi Card');
    await new Promise((r) => setTimeout(r, 100));
    const succeeded = events.filter((e) => e.type === 'iq-payment-succeeded');
    expect(succeeded.length).to.equal(1);
    expect((succeeded[0] as IqPaymentSucceededEvent).receipt.referenceNumber).to.equal(
      receipt.referenceNumber,
    );
  });

  it('choose another method after a failure keeps the bills and asks for a method', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el);
    submit(el);
    await reach(el, 'awaiting');
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'decline');
    submit(el); // Check again
    await reach(el, 'failure');
    secondary(el);
    await reach(el, 'method');
    const checked = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    expect(checked === null).to.equal(true);
    expect(text(el, '[part="total"]')).to.contain('25,000');
  });
});
