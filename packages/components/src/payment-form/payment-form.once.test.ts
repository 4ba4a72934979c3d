import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  ELECTRICITY,
  PASSPORT,
  PENDING_KEY,
  WATER,
  createKeys,
  createdPayments,
  mount,
  payAtGateway,
  postReturn,
  reach,
  setup,
  stored,
  submit,
  text,
  toReview,
  view,
} from './test/harness.js';
import type { IqPaymentStartedEvent } from './events.js';

describe('iq-payment-form: exactly once', function () {
  this.timeout(30000);

  beforeEach(() => setPageLanguage('en'));
  afterEach(async () => {
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  it('a double click on Confirm sends one request and opens one window', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el);
    const confirm = $<HTMLButtonElement>(el, '[part="submit"]')!;
    confirm.click();
    confirm.click();
    await reach(el, 'awaiting');
    expect(sandbox.calls['createPayment']).to.equal(1);
    expect(nav.windows.length).to.equal(1);
    expect(createdPayments(sandbox).length).to.equal(1);
  });

  it('a double Enter on Confirm sends one request', async () => {
    const { el, sandbox } = await setup();
    await toReview(el);
    sandbox.faults.set({ latencyMs: 300 });
    $<HTMLButtonElement>(el, '[part="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await reach(el, 'awaiting');
    // A second request would reach the service after the same latency: give it time to.
    await new Promise((r) => setTimeout(r, 600));
    expect(sandbox.calls['createPayment']).to.equal(1);
    expect(createdPayments(sandbox).length).to.equal(1);
  });

  it('after a dropped answer, Try again reuses the key: one payment', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el, [PASSPORT, WATER]);
    // The service creates the payment, then the answer is lost — for the client's retry too.
    sandbox.faults.set({
      faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 2 }],
    });
    submit(el);
    await until(() => !!$(el, '#problem'), 'the offline problem');
    expect(view(el)).to.equal('review');
    expect(createdPayments(sandbox).length).to.equal(1);
    expect(nav.windows[0]!.closed).to.equal(true);
    expect(sandbox.calls['createPayment']).to.equal(2);
    $<HTMLButtonElement>(el, '#problem .retry')!.click();
    await reach(el, 'awaiting');
    expect(sandbox.calls['createPayment']).to.equal(3);
    expect(createdPayments(sandbox).length).to.equal(1);
    expect(createKeys(sandbox).length).to.equal(1);
    expect(sandbox.violations).to.deep.equal([]);
    expect(nav.windows.at(-1)!.urls[0]).to.contain(`/${createdPayments(sandbox)[0]!.id}?`);
  });

  it('after a timeout, Try again gets the same payment', async () => {
    const { el, sandbox } = await setup('cit_01', undefined, { hangMs: 5000 });
    await toReview(el);
    sandbox.faults.set({
      faults: [{ kind: 'timeout', operations: ['createPayment'], phase: 'after', count: 2 }],
    });
    submit(el);
    await until(() => !!$(el, '#problem'), 'the timeout problem', 10000);
    expect(text(el, '#problem')).to.contain('took too long to answer');
    const events: IqPaymentStartedEvent[] = [];
    el.addEventListener('iq-payment-started', (e) => events.push(e));
    $<HTMLButtonElement>(el, '#problem .retry')!.click();
    await reach(el, 'awaiting');
    const payments = createdPayments(sandbox);
    expect(payments.length).to.equal(1);
    expect(createKeys(sandbox).length).to.equal(1);
    expect(events.length).to.equal(1);
    expect(events[0]!.paymentId).to.equal(payments[0]!.id);
    expect(events[0]!.total).to.equal(payments[0]!.total);
  });

  it('the retry sends the same body even if the page address changed meanwhile', async () => {
    const home = window.location.href;
    try {
      const { el, sandbox } = await setup();
      await toReview(el);
      sandbox.faults.set({
        faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 2 }],
      });
      submit(el);
      await until(() => !!$(el, '#problem'), 'the offline problem');
      // A single-page app moved on: the default return URL would now differ.
      window.history.replaceState(null, '', `${home}&step=2`);
      $<HTMLButtonElement>(el, '#problem .retry')!.click();
      await reach(el, 'awaiting');
      const payments = createdPayments(sandbox);
      expect(payments.length).to.equal(1);
      expect(payments[0]!.returnUrl).to.not.contain('step=2');
    } finally {
      window.history.replaceState(null, '', home);
    }
  });

  it('a changed selection after a lost answer is a new attempt with a new key', async () => {
    const { el, sandbox } = await setup();
    await toReview(el, [PASSPORT]);
    sandbox.faults.set({
      faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 2 }],
    });
    submit(el);
    await until(() => !!$(el, '#problem'), 'the offline problem');
    // Back to the list: the water bill instead. Replaying the old key with this body would get
    // 409 idempotency.key-reused; a new attempt creates the water bill's payment.
    $<HTMLButtonElement>(el, '[part="actions"] .secondary')!.click();
    await reach(el, 'method');
    $<HTMLButtonElement>(el, '[part="actions"] .secondary')!.click();
    await reach(el, 'select');
    $<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.click();
    $<HTMLInputElement>(el, `input[value="${WATER}"]`)!.click();
    await el.updateComplete;
    submit(el);
    await reach(el, 'method');
    submit(el);
    await reach(el, 'review');
    submit(el);
    await reach(el, 'awaiting');
    const payments = createdPayments(sandbox);
    expect(payments.map((p) => p.payableIds[0])).to.deep.equal([PASSPORT, WATER]);
    expect(createKeys(sandbox).length).to.equal(2);
  });

  it('reload during the gateway step resumes from sessionStorage without a new payment', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el, [ELECTRICITY]);
    submit(el);
    await reach(el, 'awaiting');
    const [payment] = createdPayments(sandbox);
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(payment!.id);
    el.remove();

    const events: Event[] = [];
    const again = await mount(html`<iq-payment-form></iq-payment-form>`, nav, events);
    expect(view(again)).to.equal('awaiting');
    expect(sandbox.calls['getPayment']).to.be.greaterThan(0);
    // Reopening sends the citizen to the same payment's page.
    $<HTMLButtonElement>(again, '[part="actions"] .secondary')!.click();
    expect(nav.windows.length).to.equal(2);
    expect(nav.windows[1]!.urls[0]).to.equal(nav.windows[0]!.urls[0]);
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'approve');
    submit(again);
    await reach(again, 'receipt');
    expect(createdPayments(sandbox).length).to.equal(1);
    expect(sandbox.calls['createPayment']).to.equal(1);
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    expect(events.filter((e) => e.type === 'iq-payment-succeeded').length).to.equal(1);
    expect(sandbox.violations).to.deep.equal([]);
  });

  it('two tabs on the same bill: one payment, the second told it is being paid', async () => {
    const first = await setup();
    const second = await mount(html`<iq-payment-form></iq-payment-form>`, first.nav);
    await toReview(first.el, [PASSPORT]);
    await toReview(second, [PASSPORT]);
    submit(first.el);
    await reach(first.el, 'awaiting');
    submit(second);
    await until(() => !!$(second, '#problem') && view(second) === 'select', 'the taken problem');
    expect(text(second, '#problem')).to.contain('already paid or being paid');
    // The list is read again: the passport now shows as being paid, and cannot be ticked.
    const box = $<HTMLInputElement>(second, `input[value="${PASSPORT}"]`)!;
    expect(box.disabled).to.equal(true);
    expect(createdPayments(first.sandbox).length).to.equal(1);
  });

  it('stores only the payment id, in sessionStorage; nothing in localStorage or the URL', async () => {
    const logged: string[] = [];
    // Every console method is recorded while the payment is made (none may carry its data).
    const sink = console as unknown as Record<string, (...args: unknown[]) => void>;
    const original = { ...sink };
    for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
      sink[level] = (...args: unknown[]) => logged.push(args.map(String).join(' '));
    }
    try {
      const { el, sandbox } = await setup();
      await toReview(el, [PASSPORT]);
      // A receipt phone goes to the service, never to storage.
      $<HTMLButtonElement>(el, '[part="actions"] .secondary')!.click();
      await reach(el, 'method');
      const phone = el.shadowRoot!.querySelector('iq-phone-input')!;
      phone.focus();
      await sendKeys({ type: '0770 123 4567' });
      submit(el);
      await reach(el, 'review');
      submit(el);
      await reach(el, 'awaiting');
      const [payment] = createdPayments(sandbox);
      expect(payment!.receiptPhone).to.equal('+9647701234567');
      const { session, local } = stored();
      expect(session).to.deep.equal({ [PENDING_KEY]: payment!.id });
      expect(local).to.equal(0);
      expect(window.location.href).to.not.contain(payment!.id);
      expect(window.location.href).to.not.contain('7701234567');
      expect(logged.join('\n')).to.not.match(/7701234567|session=|pay_/);
    } finally {
      Object.assign(sink, original);
    }
  });

  it('a decided failure makes Try again a new attempt (new key, new payment)', async () => {
    const { el, sandbox, nav } = await setup();
    await toReview(el, [PASSPORT]);
    submit(el);
    await reach(el, 'awaiting');
    await payAtGateway(sandbox, nav.windows[0]!.urls[0]!, 'decline');
    postReturn(createdPayments(sandbox)[0]!.id);
    await reach(el, 'failure');
    submit(el); // Try again: same choices, straight to the review
    await reach(el, 'review');
    submit(el);
    await reach(el, 'awaiting');
    const payments = createdPayments(sandbox);
    expect(payments.length).to.equal(2);
    expect(payments[0]!.status).to.equal('failed');
    expect(payments[1]!.payableIds).to.deep.equal([PASSPORT]);
    expect(createKeys(sandbox).length).to.equal(2);
  });
});
