import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Sandbox } from '@iq-eservices/sandbox';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  $$,
  ATTEMPT_KEY,
  PASSPORT,
  PENDING_KEY,
  WATER,
  createKeys,
  createdPayments,
  mount,
  otherBrowser,
  pageClient,
  payAtGateway,
  postReturn,
  reach,
  secondary,
  setup,
  stored,
  submit,
  text,
  toReview,
  view,
  type Setup,
} from './test/harness.js';
import type { IqPaymentForm } from './payment-form.js';

/* A reload (or a dropped tab) while "Confirm and pay" is out, and a bill whose payment is in
   progress elsewhere: the citizen can always continue, and pays at most once. "Reload" is what
   the other reload tests do: the element is removed and a new one made in the same page
   (sessionStorage survives); the old page's client is killed so no answer reaches it. */

/** Receipts (charges) the sandbox holds for a payable. */
const charges = (sandbox: Sandbox, payableId: string) =>
  Object.values(sandbox.state.payments.receipts).filter((r) =>
    r.items.some((i) => i.payableId === payableId),
  );

/** The id of the focused element in the form. */
const focusedId = (el: IqPaymentForm) => el.shadowRoot!.activeElement?.id ?? '';

/** The buttons offered on a bill (outside its checkbox's label). */
const itemButtons = (el: IqPaymentForm, payableId: string) =>
  $$<HTMLButtonElement>(el, `[part="item"]`)
    .find((li) => li.querySelector(`#t-${payableId}`))
    ?.querySelectorAll<HTMLButtonElement>('.actions button') ?? [];

/** A payment for `ids` made on another device of the same citizen. */
async function payElsewhere(sandbox: Sandbox, ids: string[]) {
  const device = await otherBrowser(sandbox, 'cit_01');
  const created = await device.payments.POST('/payments', {
    body: { payableIds: ids, method: 'zaincash', returnUrl: window.location.href },
  });
  return created.data!;
}

/** Reloads: the old page is gone, a new element starts in the same page. */
async function reload(s: Setup, old: { kill(): void }, events: Event[] = []) {
  old.kill();
  s.el.remove();
  return mount(html`<iq-payment-form></iq-payment-form>`, s.nav, events);
}

describe('iq-payment-form: a reload while paying, and payments in progress', function () {
  this.timeout(60000);

  beforeEach(() => setPageLanguage('en'));
  afterEach(async () => {
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  type Moment = 'before it leaves' | 'in flight' | 'answer dropped' | 'answer delayed' | 'answered';
  const MOMENTS: Moment[] = [
    'before it leaves',
    'in flight',
    'answer dropped',
    'answer delayed',
    'answered',
  ];
  for (const moment of MOMENTS) {
    it(`a reload ${moment === 'answered' ? 'after the answer' : `with the create ${moment}`} resumes the one payment`, async () => {
      const s = await setup('cit_01', undefined, { hangMs: 20000 });
      const page = await pageClient(s.sandbox);
      s.el.client = page.client;
      await toReview(s.el, [PASSPORT]);
      if (moment === 'before it leaves') {
        page.kill();
        submit(s.el);
        // Kept before the request leaves: the key and the exact body, nothing else.
        const attempt = JSON.parse(sessionStorage.getItem(ATTEMPT_KEY)!) as { key: string };
        expect(attempt).to.deep.equal({
          key: attempt.key,
          body: { payableIds: [PASSPORT], method: 'qi-card', returnUrl: window.location.href },
        });
        expect(Object.keys(stored().session)).to.deep.equal([ATTEMPT_KEY]);
      } else if (moment === 'in flight') {
        // The request is on its way: the service acts on it only after the reload.
        page.hold = true;
        submit(s.el);
        await until(() => page.held.length === 1, 'the request to leave');
      } else if (moment === 'answer dropped') {
        s.sandbox.faults.set({
          faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 1 }],
        });
        page.dieOnAnswer = true;
        submit(s.el);
        await until(() => page.dead, 'the lost answer');
        expect(createdPayments(s.sandbox).length).to.equal(1);
      } else if (moment === 'answer delayed') {
        s.sandbox.faults.set({
          faults: [{ kind: 'timeout', operations: ['createPayment'], phase: 'after', count: 1 }],
        });
        submit(s.el);
        await until(() => createdPayments(s.sandbox).length === 1, 'the service to act');
      } else {
        submit(s.el);
        await reach(s.el, 'awaiting');
      }
      const events: Event[] = [];
      const again = await reload(s, page, events);
      await reach(again, 'awaiting');
      if (moment === 'in flight') {
        // The old request arrives now: the service answers it with the same payment.
        page.release();
        await until(() => s.sandbox.calls['createPayment'] === 2, 'the late request');
      }
      expect(focusedId(again)).to.equal('heading');
      const [payment, ...others] = createdPayments(s.sandbox);
      expect(others.length).to.equal(0);
      expect(createKeys(s.sandbox).length).to.equal(1);
      expect(payment!.payableIds).to.deep.equal([PASSPORT]);
      if (moment === 'before it leaves') expect(s.sandbox.calls['createPayment']).to.equal(1);
      // Only the payment's id stays stored, until it is decided.
      expect(stored().session).to.deep.equal({ [PENDING_KEY]: payment!.id });
      if (moment !== 'answered') {
        // The new page learnt of the payment: the host hears of it once.
        expect(events.filter((e) => e.type === 'iq-payment-started').length).to.equal(1);
      }

      // The way forward: the same payment's page, paid once.
      const windows = s.nav.windows.length;
      secondary(again); // Reopen the payment page
      expect(s.nav.windows.length).to.equal(windows + 1);
      const url = s.nav.windows.at(-1)!.urls[0]!;
      expect(url).to.contain(`/${payment!.id}?`);
      await payAtGateway(s.sandbox, url, 'approve');
      postReturn(payment!.id);
      await reach(again, 'receipt');
      expect(createdPayments(s.sandbox).length).to.equal(1);
      expect(charges(s.sandbox, PASSPORT).length).to.equal(1);
      expect(stored().session).to.deep.equal({});
      expect(s.sandbox.violations).to.deep.equal([]);
    });
  }

  it('a reload while the service cannot be reached: Try again sends the same attempt', async () => {
    const s = await setup();
    const page = await pageClient(s.sandbox);
    s.el.client = page.client;
    await toReview(s.el, [PASSPORT, WATER]);
    page.kill();
    submit(s.el);
    // The new page's request (and the client's retry) do not get through either.
    s.sandbox.faults.set({
      faults: [{ kind: 'drop', operations: ['createPayment'], count: 2 }],
    });
    const again = await reload(s, page);
    await until(() => !!$(again, '#problem .retry'), 'the offline problem');
    expect(text(again, '#problem')).to.contain('could not reach the service');
    expect(createdPayments(s.sandbox).length).to.equal(0);
    $<HTMLButtonElement>(again, '#problem .retry')!.click();
    await reach(again, 'awaiting');
    expect(createdPayments(s.sandbox).map((p) => p.payableIds)).to.deep.equal([[WATER, PASSPORT]]);
    expect(createKeys(s.sandbox).length).to.equal(1);
  });

  it('a reload while the service still handles the first sending: Try again, one payment', async () => {
    const s = await setup();
    const page = await pageClient(s.sandbox);
    s.el.client = page.client;
    await toReview(s.el, [PASSPORT]);
    page.kill();
    submit(s.el);
    // The service is still creating the payment of the first sending when the new page asks.
    const { key } = JSON.parse(sessionStorage.getItem(ATTEMPT_KEY)!) as { key: string };
    const scope = `createPayment|cit_01|${key}`;
    s.sandbox.state.idempotency[scope] = {
      fingerprint: '',
      status: 0,
      body: '',
      contentType: '',
      inProgress: true,
    };
    const again = await reload(s, page);
    await until(() => !!$(again, '#problem .retry'), 'the problem');
    expect(text(again, '#problem')).to.contain('took too long to answer');
    expect(sessionStorage.getItem(ATTEMPT_KEY)).to.contain(key);
    // That sending ended without a payment; asking again makes the one payment.
    delete s.sandbox.state.idempotency[scope];
    $<HTMLButtonElement>(again, '#problem .retry')!.click();
    await reach(again, 'awaiting');
    expect(createdPayments(s.sandbox).length).to.equal(1);
    expect(createKeys(s.sandbox)).to.deep.equal([scope]);
  });

  it('Back from the review forgets the attempt: after a reload the list shows what exists', async () => {
    const s = await setup();
    await toReview(s.el, [PASSPORT]);
    s.sandbox.faults.set({
      faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 2 }],
    });
    submit(s.el);
    await until(() => !!$(s.el, '#problem'), 'the offline problem');
    expect(sessionStorage.getItem(ATTEMPT_KEY)).to.not.equal(null);
    secondary(s.el); // Back
    await reach(s.el, 'method');
    expect(stored().session).to.deep.equal({});
    s.el.remove();
    const again = await mount(html`<iq-payment-form></iq-payment-form>`, s.nav);
    expect(view(again)).to.equal('select');
    // The payment the service made before the answer was lost is there, with ways forward.
    expect($<HTMLInputElement>(again, `input[value="${PASSPORT}"]`)!.disabled).to.equal(true);
    expect([...itemButtons(again, PASSPORT)].map((b) => b.textContent!.trim())).to.deep.equal([
      'Reopen the payment page',
      'Cancel and start again',
    ]);
    expect(createdPayments(s.sandbox).length).to.equal(1);
  });

  it('storage blocked: after a reload the bill in progress is reopened from the list', async () => {
    const proto = Storage.prototype;
    const saved = { getItem: proto.getItem, setItem: proto.setItem, removeItem: proto.removeItem };
    try {
      const s = await setup();
      const page = await pageClient(s.sandbox);
      s.el.client = page.client;
      const blocked = () => {
        throw new DOMException('storage is blocked', 'SecurityError');
      };
      Object.assign(proto, { getItem: blocked, setItem: blocked, removeItem: blocked });
      await toReview(s.el, [PASSPORT]);
      s.sandbox.faults.set({
        faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 1 }],
      });
      page.dieOnAnswer = true;
      submit(s.el);
      await until(() => page.dead, 'the lost answer');
      const again = await reload(s, page);
      expect(view(again)).to.equal('select');
      const [payment] = createdPayments(s.sandbox);
      itemButtons(again, PASSPORT)[0]!.click(); // Reopen the payment page
      // Opened in the click; sent to the page once the service confirmed the payment awaits.
      expect(s.nav.windows.length).to.equal(2);
      await reach(again, 'awaiting');
      const [url, ...more] = s.nav.windows[1]!.urls;
      expect(more.length).to.equal(0);
      expect(url).to.contain(`/gateway/qi-card/${payment!.id}?`);
      await payAtGateway(s.sandbox, url!, 'approve');
      postReturn(payment!.id);
      await reach(again, 'receipt');
      expect(createdPayments(s.sandbox).length).to.equal(1);
      expect(charges(s.sandbox, PASSPORT).length).to.equal(1);
    } finally {
      Object.assign(proto, saved);
    }
  });

  it('a bill being paid on another device: reopen its payment page from the list', async () => {
    const s = await setup();
    const elsewhere = await payElsewhere(s.sandbox, [PASSPORT]);
    await s.el.refresh();
    expect(text(s.el, `[part="item"]:has(#t-${PASSPORT})`)).to.contain('Payment in progress');
    const [reopen, cancel] = itemButtons(s.el, PASSPORT);
    // Each button says which bill it is about.
    expect(reopen!.getAttribute('aria-describedby')).to.equal(`t-${PASSPORT}`);
    expect(cancel!.getAttribute('aria-describedby')).to.equal(`t-${PASSPORT}`);
    expect(itemButtons(s.el, WATER).length).to.equal(0);
    reopen!.click();
    await reach(s.el, 'awaiting');
    expect(focusedId(s.el)).to.equal('heading');
    expect(s.nav.windows.map((w) => w.urls)).to.deep.equal([[elsewhere.redirectUrl]]);
    await payAtGateway(s.sandbox, elsewhere.redirectUrl, 'approve');
    postReturn(elsewhere.id);
    await reach(s.el, 'receipt');
    expect(createdPayments(s.sandbox).length).to.equal(1);
    expect(charges(s.sandbox, PASSPORT).length).to.equal(1);
  });

  it('redirect mode: reopening from the list leaves for the same payment page', async () => {
    const s = await setup(
      'cit_01',
      html`<iq-payment-form gateway-mode="redirect"></iq-payment-form>`,
    );
    const elsewhere = await payElsewhere(s.sandbox, [WATER]);
    await s.el.refresh();
    itemButtons(s.el, WATER)[0]!.click();
    await until(() => s.nav.assigned.length === 1, 'the redirect');
    expect(s.nav.assigned).to.deep.equal([elsewhere.redirectUrl]);
    expect(s.nav.windows.length).to.equal(0);
  });

  it('cancel and start again: a new payment that can be paid; the old one can no longer be completed', async () => {
    const s = await setup();
    const old = await payElsewhere(s.sandbox, [PASSPORT]);
    await s.el.refresh();
    itemButtons(s.el, PASSPORT)[1]!.click(); // Cancel and start again
    await until(() => !!$(s.el, '[part="notice"]'), 'the notice');
    expect(view(s.el)).to.equal('select');
    expect(text(s.el, '[part="notice"]')).to.equal(
      'The payment was cancelled: nothing was charged. You can pay again.',
    );
    expect(focusedId(s.el)).to.equal('heading');
    expect(text(s.el, '[role="status"]')).to.contain('nothing was charged');
    // The bill is payable again, and chosen.
    const box = $<HTMLInputElement>(s.el, `input[value="${PASSPORT}"]`)!;
    expect(box.disabled).to.equal(false);
    expect(box.checked).to.equal(true);
    const cancelled = s.events.filter((e) => e.type === 'iq-payment-cancelled');
    expect(cancelled.map((e) => (e as Event & { paymentId: string }).paymentId)).to.deep.equal([
      old.id,
    ]);

    submit(s.el);
    await reach(s.el, 'method');
    $<HTMLInputElement>(s.el, 'input[value="qi-card"]')!.click();
    submit(s.el);
    await reach(s.el, 'review');
    submit(s.el);
    await reach(s.el, 'awaiting');
    const [first, second] = createdPayments(s.sandbox);
    expect(first!.id).to.equal(old.id);
    expect(first!.status).to.equal('cancelled');
    await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, 'approve');
    postReturn(second!.id);
    await reach(s.el, 'receipt');
    // The old payment's page still answers, but completing it changes nothing.
    await payAtGateway(s.sandbox, old.redirectUrl, 'approve');
    expect(
      s.sandbox.state.payments.payments['cit_01']!.find((p) => p.id === old.id)!.status,
    ).to.equal('cancelled');
    expect(charges(s.sandbox, PASSPORT).map((r) => r.paymentId)).to.deep.equal([second!.id]);
  });

  it('cancel from the awaiting view after a reload; the tab forgets the payment', async () => {
    const s = await setup();
    const page = await pageClient(s.sandbox);
    s.el.client = page.client;
    await toReview(s.el, [WATER]);
    page.kill();
    submit(s.el);
    const again = await reload(s, page);
    await reach(again, 'awaiting');
    const buttons = $$<HTMLButtonElement>(again, '[part="actions"] button');
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
      'Check again',
      'Reopen the payment page',
      'Cancel and start again',
    ]);
    buttons[2]!.click();
    await until(() => !!$(again, '[part="notice"]'), 'the notice');
    expect(stored().session).to.deep.equal({});
    expect(createdPayments(s.sandbox).map((p) => p.status)).to.deep.equal(['cancelled']);
    expect($<HTMLInputElement>(again, `input[value="${WATER}"]`)!.checked).to.equal(true);
  });

  it('a payment decided meanwhile is not cancelled: the form shows how it ended', async () => {
    const s = await setup();
    const elsewhere = await payElsewhere(s.sandbox, [PASSPORT]);
    await s.el.refresh();
    // Paid on the other device after this list was read.
    await payAtGateway(s.sandbox, elsewhere.redirectUrl, 'approve');
    itemButtons(s.el, PASSPORT)[1]!.click();
    await reach(s.el, 'receipt');
    expect(createdPayments(s.sandbox)[0]!.status).to.equal('succeeded');
    expect(charges(s.sandbox, PASSPORT).length).to.equal(1);
    expect(s.events.some((e) => e.type === 'iq-payment-cancelled')).to.equal(false);
  });

  it('one bill (item-id) in progress offers the same ways forward', async () => {
    const s = await setup();
    await payElsewhere(s.sandbox, [WATER]);
    s.el.itemId = WATER;
    await reach(s.el, 'in-progress');
    const [, cancel] = itemButtons(s.el, WATER);
    cancel!.click();
    await until(() => !!$(s.el, '[part="notice"]'), 'the notice');
    expect(view(s.el)).to.equal('select');
    expect(text(s.el, '#heading')).to.equal('Pay this bill');
    submit(s.el);
    await reach(s.el, 'method');
  });

  it('can be done with the keyboard only: Tab to a bill’s Reopen, Enter', async () => {
    const s = await setup();
    await payElsewhere(s.sandbox, [PASSPORT]);
    await s.el.refresh();
    const [reopen] = itemButtons(s.el, PASSPORT);
    for (let i = 0; i < 20 && s.el.shadowRoot!.activeElement !== reopen; i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(s.el.shadowRoot!.activeElement === reopen).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await reach(s.el, 'awaiting');
    expect(focusedId(s.el)).to.equal('heading');
    // From the heading: Check again, Reopen the payment page, Cancel and start again.
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Tab' });
    expect(s.el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Cancel and start again');
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(s.el, '[part="notice"]'), 'the notice');
    expect(createdPayments(s.sandbox)[0]!.status).to.equal('cancelled');
  });

  for (const locale of LOCALES) {
    it(`the new states pass axe (WCAG 2.2 AA) in ${locale}`, async () => {
      await setPageLanguage(locale);
      const s = await setup();
      await payElsewhere(s.sandbox, [PASSPORT]);
      await s.el.refresh();
      await expectAccessible(s.el); // a bill in progress, with its buttons
      itemButtons(s.el, PASSPORT)[0]!.click();
      await reach(s.el, 'awaiting');
      await expectAccessible(s.el); // awaiting, with Cancel and start again
      $$<HTMLButtonElement>(s.el, '[part="actions"] button')[2]!.click();
      await until(() => !!$(s.el, '[part="notice"]'), 'the notice');
      // Said in the page's language.
      expect(text(s.el, '[part="notice"]').includes('nothing was charged')).to.equal(
        locale === 'en',
      );
      await expectAccessible(s.el); // started again, with the notice

      const one = await setup('cit_01', html`<iq-payment-form item-id=${WATER}></iq-payment-form>`);
      await payElsewhere(one.sandbox, [WATER]);
      await one.el.refresh();
      await reach(one.el, 'in-progress');
      await expectAccessible(one.el);
    });
  }
});
