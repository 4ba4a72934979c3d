import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Payable } from '@iq-eservices/api';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import { configure } from '../core/config.js';
import { IqPaymentForm } from './payment-form.js';
import {
  $,
  $$,
  ELECTRICITY,
  NEW_PLATES,
  PAID,
  PASSPORT,
  WATER,
  createdPayments,
  payAtGateway,
  postReturn,
  reach,
  secondary,
  settled,
  setup,
  signIn,
  submit,
  text,
  toReview,
  view,
  type Setup,
} from './test/harness.js';

/** Creates a payment for `ids` outside the form (another tab), so they read as processing. */
async function payElsewhere(s: Pick<Setup, 'client'>, ids: string[]) {
  const created = await s.client.payments.POST('/payments', {
    body: { payableIds: ids, method: 'qi-card', returnUrl: window.location.href },
  });
  return created.data!;
}

/** Walks to a receipt for the passport fee. */
async function receiptFor(s: Setup): Promise<void> {
  await toReview(s.el);
  submit(s.el);
  await reach(s.el, 'awaiting');
  await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, 'approve');
  postReturn(createdPayments(s.sandbox)[0]!.id);
  await reach(s.el, 'receipt');
}

const focused = (el: IqPaymentForm) => el.shadowRoot!.activeElement;

describe('iq-payment-form', function () {
  this.timeout(60000);

  let home = '';
  beforeEach(() => {
    home = window.location.href;
  });
  afterEach(async () => {
    window.history.replaceState(null, '', home);
    sessionStorage.clear();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
    await setPageLanguage('ar');
  });

  describe('what to pay', () => {
    beforeEach(() => setPageLanguage('en'));

    it('lists the unpaid fees and bills with amounts, due dates and overdue in words', async () => {
      const { el, sandbox } = await setup();
      expect(view(el)).to.equal('select');
      const items = $$(el, '[part="item"]');
      expect(items.length).to.equal(5);
      const first = items[0]!.textContent!.replace(/\s+/g, ' ');
      expect(first).to.contain('Electricity bill');
      expect(first).to.contain('IQD 48,250');
      expect(first).to.contain('Due November 10, 2026');
      expect(first).to.contain('Overdue');
      expect(items.some((i) => i.textContent!.includes('Ordinary passport issue fee'))).to.equal(
        true,
      );
      expect($(el, `input[value="${PAID}"]`) === null).to.equal(true);
      expect(text(el, '#heading')).to.equal('What do you want to pay?');
      expect(focused(el)?.id).to.equal('heading');
      expect(text(el, '[part="total"]')).to.equal('Total: IQD 0');
      $<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.click();
      $<HTMLInputElement>(el, `input[value="${ELECTRICITY}"]`)!.click();
      await el.updateComplete;
      expect(text(el, '[part="total"]')).to.equal('Total: IQD 73,250');
      expect(text(el, '[role="status"]')).to.equal('Total: IQD 73,250');
      expect(sandbox.violations).to.deep.equal([]);
    });

    it('a payable paid alone clears the other choices, with a note', async () => {
      const { el } = await setup();
      $<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.click();
      $<HTMLInputElement>(el, `input[value="${NEW_PLATES}"]`)!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.checked).to.equal(false);
      expect($<HTMLInputElement>(el, `input[value="${NEW_PLATES}"]`)!.checked).to.equal(true);
      expect(text(el, '[part="notice"]')).to.contain('paid on its own');
      $<HTMLInputElement>(el, `input[value="${WATER}"]`)!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, `input[value="${NEW_PLATES}"]`)!.checked).to.equal(false);
      expect(text(el, '[part="total"]')).to.equal('Total: IQD 15,000');
    });

    it('shows a payable being paid as disabled, "payment in progress"', async () => {
      const s = await setup();
      await payElsewhere(s, [WATER]);
      await s.el.refresh();
      await reach(s.el, 'select');
      const box = $<HTMLInputElement>(s.el, `input[value="${WATER}"]`)!;
      expect(box.disabled).to.equal(true);
      expect(box.closest('li')!.textContent).to.contain('Payment in progress');
    });

    it('asks for at least one bill, with focus on the error', async () => {
      const { el } = await setup();
      submit(el);
      await el.updateComplete;
      await until(() => !!$(el, '#problem'), 'the problem');
      expect(text(el, '#problem')).to.equal('Choose at least one bill to pay.');
      expect(focused(el)?.id).to.equal('problem');
      expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('problem');
      expect(view(el)).to.equal('select');
    });

    it('says when there is nothing to pay', async () => {
      const { el } = await setup('cit_01', undefined, {}, (sandbox) => {
        sandbox.state.payments.payables['cit_01'] = [];
      });
      expect(view(el)).to.equal('empty');
      expect(text(el, '#heading')).to.equal('You have no unpaid fees or bills');
    });
  });

  describe('one bill', () => {
    beforeEach(() => setPageLanguage('en'));

    it('item-id shows that bill alone and pays it', async () => {
      const { el, sandbox } = await setup(
        'cit_01',
        html`<iq-payment-form item-id=${ELECTRICITY}></iq-payment-form>`,
      );
      expect(view(el)).to.equal('select');
      expect(text(el, '#heading')).to.equal('Pay this bill');
      expect($$(el, '[part="item"]').length).to.equal(1);
      expect($(el, 'input[type="checkbox"]') === null).to.equal(true);
      submit(el);
      await reach(el, 'method');
      $<HTMLInputElement>(el, 'input[value="qi-card"]')!.click();
      submit(el);
      await reach(el, 'review');
      submit(el);
      await reach(el, 'awaiting');
      expect(createdPayments(sandbox)[0]!.payableIds).to.deep.equal([ELECTRICITY]);
    });

    it('an unknown or malformed item-id: "we could not find this bill"', async () => {
      for (const id of ['pbl_9999', 'not an id <b>']) {
        const { el } = await setup(
          'cit_01',
          html`<iq-payment-form item-id=${id}></iq-payment-form>`,
        );
        expect(view(el)).to.equal('not-found');
        expect(text(el, '#heading')).to.equal('We could not find this bill');
        expect($(el, 'b') === null).to.equal(true);
      }
    });

    it('an already paid bill shows the paid view; one being paid, the in-progress view', async () => {
      const paid = await setup('cit_01', html`<iq-payment-form item-id=${PAID}></iq-payment-form>`);
      expect(view(paid.el)).to.equal('paid');
      const s = await setup('cit_01', html`<iq-payment-form></iq-payment-form>`);
      await payElsewhere(s, [WATER]);
      s.el.itemId = WATER;
      await reach(s.el, 'in-progress');
      expect(text(s.el, '#heading')).to.equal('This bill is being paid');
    });

    it('item from the host is verified: the amount on record is shown and paid', async () => {
      const s = await setup(null);
      await signIn(s.sandbox, s.client, 'cit_01');
      const real = (
        await s.client.payments.GET('/payables/{payableId}', {
          params: { path: { payableId: PASSPORT } },
        })
      ).data!;
      const tampered: Payable = { ...real, amount: 10, title: 'A cheaper fee' };
      s.el.item = tampered;
      await reach(s.el, 'select');
      expect(text(s.el, '[part="notice"]')).to.contain('IQD 25,000');
      expect(text(s.el, '[part="item"]')).to.contain('Ordinary passport issue fee');
      expect(text(s.el, '[part="item"]')).to.not.contain('cheaper');
      submit(s.el);
      await reach(s.el, 'method');
      $<HTMLInputElement>(s.el, 'input[value="fib"]')!.click();
      submit(s.el);
      await reach(s.el, 'review');
      expect(text(s.el, '[part="review"] .total')).to.contain('25,000');
      submit(s.el);
      await reach(s.el, 'awaiting');
      expect(createdPayments(s.sandbox)[0]!.amount).to.equal(25000);
    });
  });

  describe('how to pay', () => {
    beforeEach(() => setPageLanguage('en'));

    it('shows fees, and disables a method that is unavailable or cannot take the amount', async () => {
      const { el } = await setup('cit_01', undefined, {}, (sandbox) => {
        const fib = sandbox.state.payments.methods.find((m) => m.id === 'fib')!;
        fib.available = false;
        fib.unavailableReason = 'maintenance';
      });
      $<HTMLInputElement>(el, `input[value="${NEW_PLATES}"]`)!.click();
      submit(el);
      await reach(el, 'method');
      expect(focused(el)?.id).to.equal('heading');
      const zain = $<HTMLInputElement>(el, 'input[value="zaincash"]')!;
      const fib = $<HTMLInputElement>(el, 'input[value="fib"]')!;
      const qi = $<HTMLInputElement>(el, 'input[value="qi-card"]')!;
      expect(zain.disabled).to.equal(true);
      expect(text(el, '#why-zaincash')).to.equal('Takes IQD 250 to IQD 1,000,000 only.');
      expect(fib.disabled).to.equal(true);
      expect(text(el, '#why-fib')).to.contain('maintenance');
      expect(qi.disabled).to.equal(false);
      expect(qi.getAttribute('aria-describedby')).to.equal('why-qi-card');
      // The fee for this amount: Qi Card 1 000 fixed, ZainCash 1 % of 1 250 000.
      expect(text(el, '[part="methods"]')).to.contain('Card · Fee IQD 1,000');
      expect(text(el, '[part="methods"]')).to.contain('Mobile wallet · Fee IQD 12,500');
    });

    it('asks for a method; refuses hostile phone text with the field’s own error', async () => {
      const { el } = await setup();
      $<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.click();
      submit(el);
      await reach(el, 'method');
      submit(el);
      await until(() => !!$(el, '#problem'), 'the problem');
      expect(text(el, '#problem')).to.equal('Choose a method that can take this payment.');
      $<HTMLInputElement>(el, 'input[value="qi-card"]')!.click();
      const phone = el.shadowRoot!.querySelector('iq-phone-input')!;
      for (const hostile of ['<img src=x onerror=alert(1)>', '0770\u202e1234567', "0770'; DROP"]) {
        phone.value = hostile;
        await phone.updateComplete;
        submit(el);
        await el.updateComplete;
        await phone.updateComplete;
        expect(view(el)).to.equal('method');
        const error = phone.shadowRoot!.querySelector('[part="error"]');
        expect(error !== null).to.equal(true);
        expect(phone.shadowRoot!.querySelector('img') === null).to.equal(true);
      }
      phone.value = '';
      await phone.updateComplete;
      submit(el);
      await reach(el, 'review');
    });

    it('Back keeps the choices', async () => {
      const { el } = await setup();
      await toReview(el, [PASSPORT, WATER], 'zaincash');
      secondary(el);
      await reach(el, 'method');
      expect($<HTMLInputElement>(el, 'input[value="zaincash"]')!.checked).to.equal(true);
      secondary(el);
      await reach(el, 'select');
      expect($<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.checked).to.equal(true);
      expect($<HTMLInputElement>(el, `input[value="${WATER}"]`)!.checked).to.equal(true);
    });

    it('a method that became unavailable is refused by the service and said plainly', async () => {
      const { el, sandbox } = await setup();
      await toReview(el, [PASSPORT], 'fib');
      sandbox.state.payments.methods.find((m) => m.id === 'fib')!.available = false;
      submit(el);
      await until(() => !!$(el, '#problem'), 'the problem');
      // The service's refusal, with its reference for the ministry's support.
      expect(text(el, '#problem')).to.match(
        /^Choose a method that can take this payment\. Reference: req_\w+$/,
      );
      expect(view(el)).to.equal('review');
      expect(createdPayments(sandbox).length).to.equal(0);
    });
  });

  describe('failures of the network and the session', () => {
    beforeEach(() => setPageLanguage('en'));

    it('offline while loading: a retry that works', async () => {
      const { el, sandbox } = await setup('cit_01', undefined, {}, (sb) =>
        sb.faults.set({ faults: [{ kind: 'drop', operations: ['listPayables'], count: 2 }] }),
      );
      expect(text(el, '#problem')).to.contain('could not reach the service');
      expect(focused(el)?.id).to.equal('problem');
      $<HTMLButtonElement>(el, '#problem .retry')!.click();
      await reach(el, 'select');
      expect($(el, '#problem') === null).to.equal(true);
      expect(sandbox.calls['listPayables']).to.equal(1);
    });

    it('a server error while loading the methods keeps the selection', async () => {
      const { el, sandbox } = await setup();
      // Retry-After (1 s) is beyond what the test client waits: the 503 reaches the element.
      sandbox.faults.set({ faults: [{ kind: 503, operations: ['listPaymentMethods'], count: 1 }] });
      $<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.click();
      submit(el);
      await until(() => !!$(el, '#problem'), 'the problem');
      expect(text(el, '#problem')).to.contain('Something went wrong');
      expect($<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.checked).to.equal(true);
      $<HTMLButtonElement>(el, '#problem .retry')!.click();
      await reach(el, 'method');
    });

    it('401: asks the host to sign in and shows the signed-out view', async () => {
      const { el, events } = await setup(null);
      expect(view(el)).to.equal('signed-out');
      expect(events.some((e) => e.type === 'iq-auth-required')).to.equal(true);
      expect(events.some((e) => e.type === 'iq-error')).to.equal(true);
    });

    it('a host that gave no client: the library’s “not configured” sentence, no retry', async () => {
      const warn = console.warn;
      const logged: string[] = [];
      console.warn = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        configure({ client: undefined });
        const el = await fixture<IqPaymentForm>(html`<iq-payment-form></iq-payment-form>`);
        await until(() => !!$(el, '#problem'), 'the problem');
        expect(text(el, '#problem')).to.equal(
          'This service cannot be used on this page at the moment.',
        );
        expect($(el, '#problem .retry')).to.equal(null);
        expect(el.shadowRoot!.activeElement?.id).to.equal('problem');
        // The host's developer is told why, in the console (development builds: core/dev.ts).
        expect(logged.join('\n')).to.contain('<iq-payment-form>: no client');
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('the receipt', () => {
    beforeEach(() => setPageLanguage('en'));

    it('saves a UTF-8 text receipt named with the reference number', async () => {
      const s = await setup();
      await receiptFor(s);
      const receipt = Object.values(s.sandbox.state.payments.receipts).find(
        (r) => r.paymentId === createdPayments(s.sandbox)[0]!.id,
      )!;
      let saved: { name: string; href: string } | null = null;
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved = { name: this.download, href: this.href };
      };
      try {
        secondary(s.el);
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      const file = saved as { name: string; href: string } | null;
      expect(file?.name).to.equal(`receipt-${receipt.referenceNumber}.txt`);
      const blob = await (await fetch(file!.href)).blob();
      expect(blob.type).to.equal('text/plain;charset=utf-8');
      const body = (await blob.text()).replace(/\u00a0/g, ' ');
      expect(body).to.contain(`Reference number: ${receipt.referenceNumber}`);
      expect(body).to.contain('Ordinary passport issue fee');
      expect(body).to.contain('Total: IQD 26,000');
      expect(body).to.contain(receipt.maskedAccount);
      expect(body).to.not.contain('<');
    });

    it('prints only the receipt, without buttons, on A4', async () => {
      const s = await setup();
      await receiptFor(s);
      const css = IqPaymentForm.styles
        .flat()
        .map((sheet) => ('cssText' in sheet ? sheet.cssText : ''))
        .join('\n');
      expect(css).to.contain('@media print');
      expect(css).to.match(/size:\s*A4/);
      let printed = 0;
      const print = window.print;
      window.print = () => (printed += 1);
      try {
        submit(s.el);
      } finally {
        window.print = print;
      }
      expect(printed).to.equal(1);
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle($(s.el, '[part="actions"]')!).display).to.equal('none');
      expect(getComputedStyle($(s.el, '[part="receipt"]')!).display).to.not.equal('none');
      expect(getComputedStyle($(s.el, '#heading')!).display).to.not.equal('none');
    });

    it('shows Arabic-Indic digits and Baghdad time in Arabic, the reference as typed in an LTR island', async () => {
      await setPageLanguage('ar');
      const s = await setup();
      await receiptFor(s);
      const reference = $(s.el, '.reference')!;
      expect(reference.getAttribute('dir')).to.equal('ltr');
      expect(reference.textContent).to.match(/^[A-Z]+-[0-9]{4}-[0-9]{6}$/);
      expect(text(s.el, '[part="receipt"]')).to.contain('(بتوقيت بغداد)');
      expect(text(s.el, '[part="receipt"]')).to.match(/د\.ع/);
    });
  });

  describe('keyboard, layout and accessibility', () => {
    it('can be completed with the keyboard only', async () => {
      await setPageLanguage('en');
      const { el, sandbox, nav } = await setup();
      // Focus is on the heading; Tab to the first bill (the electricity bill), Space to tick it.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, `input[value="${ELECTRICITY}"]`)!.checked).to.equal(true);
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await reach(el, 'method');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[value="qi-card"]')!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' }); // the phone field
      await sendKeys({ press: 'Tab' }); // Continue
      await sendKeys({ press: 'Enter' });
      await reach(el, 'review');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await reach(el, 'awaiting');
      expect(createdPayments(sandbox)[0]!.payableIds).to.deep.equal([ELECTRICITY]);
      expect(nav.windows.length).to.equal(1);
    });

    it('lays out right to left in Arabic and left to right in English, down to 320 px', async () => {
      for (const locale of ['ar', 'en'] as const) {
        await setPageLanguage(locale);
        await setViewport({ width: 320, height: 640 });
        const { el } = await setup();
        const box = $(el, `input[value="${PASSPORT}"]`)!.getBoundingClientRect();
        const title = $(el, `input[value="${PASSPORT}"] + .text .title`)!.getBoundingClientRect();
        const heading = $(el, '#heading')!.getBoundingClientRect();
        if (locale === 'ar') {
          expect(box.left > title.left).to.equal(true);
          expect(Math.abs(box.right - heading.right) < 2).to.equal(true);
        } else {
          expect(box.right < title.right).to.equal(true);
          expect(Math.abs(box.left - heading.left) < 2).to.equal(true);
        }
        expect(el.scrollWidth <= 320).to.equal(true);
        expect(el.getBoundingClientRect().width <= 320).to.equal(true);
        const button = $(el, '[part="submit"]')!.getBoundingClientRect();
        expect(button.height >= 44).to.equal(true);
        // The whole row is the checkbox's label: a 44 px target.
        const row = $(el, `input[value="${PASSPORT}"]`)!.closest('label')!.getBoundingClientRect();
        expect(row.height >= 44).to.equal(true);
        el.remove();
      }
    });

    for (const locale of LOCALES) {
      it(`every view passes axe (WCAG 2.2 AA) in ${locale}`, async () => {
        await setPageLanguage(locale);
        const slow = await setup();
        slow.sandbox.faults.set({ latencyMs: 500 });
        void slow.el.refresh();
        await slow.el.updateComplete;
        expect(view(slow.el)).to.equal('loading');
        await expectAccessible(slow.el);
        await settled(slow.el);

        const s = await setup();
        const { el } = s;
        await expectAccessible(el); // select
        submit(el);
        await until(() => !!$(el, '#problem'), 'the problem');
        await expectAccessible(el); // select with a problem
        $<HTMLInputElement>(el, `input[value="${NEW_PLATES}"]`)!.click();
        await el.updateComplete;
        await expectAccessible(el); // with a notice
        $<HTMLInputElement>(el, `input[value="${PASSPORT}"]`)!.click();
        submit(el);
        await reach(el, 'method');
        await expectAccessible(el); // method
        $<HTMLInputElement>(el, 'input[value="qi-card"]')!.click();
        submit(el);
        await reach(el, 'review');
        await expectAccessible(el);
        s.nav.blocked = true;
        submit(el);
        await reach(el, 'popup-blocked');
        await expectAccessible(el);
        s.nav.blocked = false;
        submit(el);
        await reach(el, 'awaiting');
        await expectAccessible(el);
        const [payment] = createdPayments(s.sandbox);
        await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, 'decline');
        postReturn(payment!.id);
        await reach(el, 'failure');
        await expectAccessible(el);
        submit(el);
        await reach(el, 'review');
        submit(el);
        await reach(el, 'awaiting');
        await payAtGateway(s.sandbox, s.nav.windows.at(-1)!.urls[0]!, 'approve');
        postReturn(createdPayments(s.sandbox)[1]!.id);
        await reach(el, 'receipt');
        await expectAccessible(el);

        for (const [template, expected] of [
          [html`<iq-payment-form item-id="pbl_9999"></iq-payment-form>`, 'not-found'],
          [html`<iq-payment-form item-id=${PAID}></iq-payment-form>`, 'paid'],
        ] as const) {
          const one = await setup('cit_01', template);
          expect(view(one.el)).to.equal(expected);
          await expectAccessible(one.el);
        }
        const busy = await setup('cit_01', html`<iq-payment-form></iq-payment-form>`);
        await payElsewhere(busy, [WATER]);
        busy.el.itemId = WATER;
        await reach(busy.el, 'in-progress');
        await expectAccessible(busy.el);
        const empty = await setup('cit_01', undefined, {}, (sb) => {
          sb.state.payments.payables['cit_01'] = [];
        });
        await expectAccessible(empty.el);
        const out = await setup(null);
        expect(view(out.el)).to.equal('signed-out');
        await expectAccessible(out.el);
        window.history.replaceState(null, '', `${window.location.pathname}?payment=pay_x1`);
        const unknown = await setup();
        await until(() => !!$(unknown.el, '#problem'), 'the unknown payment');
        await expectAccessible(unknown.el);
        const offline = await setup('cit_01', undefined, {}, (sb) =>
          sb.faults.set({ faults: [{ kind: 'drop', operations: ['listPayables'], count: 2 }] }),
        );
        expect(!!$(offline.el, '#problem')).to.equal(true);
        await expectAccessible(offline.el);
        // A method disabled with its reason.
        const limits = await setup();
        $<HTMLInputElement>(limits.el, `input[value="${NEW_PLATES}"]`)!.click();
        submit(limits.el);
        await reach(limits.el, 'method');
        expect($<HTMLInputElement>(limits.el, 'input[value="zaincash"]')!.disabled).to.equal(true);
        await expectAccessible(limits.el);
      });
    }
  });
});
