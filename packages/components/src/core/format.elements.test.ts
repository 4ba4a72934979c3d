// What the elements show in Arabic and Sorani: every date, month, time, amount, count and quantity
// in the page's language (no Latin letter), every time Baghdad's, references as they are typed.
// Like format.test.ts, this file runs in a browser set to en-US and UTC, and again in one set to
// ckb-IQ (no Sorani data in this Chromium) and America/Los_Angeles (web-test-runner.config.mjs).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { unwrap } from '@iq-eservices/api';
import '../define/ration-card.js';
import '../define/login.js';
import type { IqRationCard } from '../ration-card/ration-card.js';
import type { IqLogin } from '../login/login.js';
import {
  createdPayments,
  payAtGateway,
  postReturn,
  reach,
  setup as paymentSetup,
  submit,
  toReview,
} from '../payment-form/test/harness.js';
import { atStep, mount, next, signedIn, viewOf } from '../update-wizard/test/harness.js';
import { setPageLanguage, signIn, until, useSandbox } from '../test/helpers.js';

type Shown = 'ar' | 'ckb';
const LANGUAGES: readonly Shown[] = ['ar', 'ckb'];

/** Baghdad's zone label in each language (format.baghdad-time). */
const BAGHDAD: Record<Shown, string> = { ar: '(بتوقيت بغداد)', ckb: '(بە کاتی بەغدا)' };
/** Before and after noon. */
const PERIODS: Record<Shown, [string, string]> = { ar: ['ص', 'م'], ckb: ['ب.ن', 'د.ن'] };
/** A few month names of each language (Iraqi in Arabic, CLDR's Sorani ones). */
const MONTH_NAMES: Record<Shown, RegExp> = {
  ar: /كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين/,
  ckb: /کانوونی|شوبات|ئازار|نیسان|ئایار|حوزەیران|تەمووز|ئاب|ئەیلوول|تشرینی|کانونی/,
};

const arabic = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + +d));

/**
 * The hour and minutes of a moment in Baghdad (UTC+3 all year), as the 12-hour clock of Arabic
 * and Sorani writes them: worked out here, not with the library's formatter.
 */
function baghdadClock(moment: string, locale: Shown): string {
  const at = new Date(Date.parse(moment) + 3 * 3600_000);
  const hours = at.getUTCHours();
  const clock = `${hours % 12 || 12}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
  return `${arabic(clock)} ${PERIODS[locale][hours < 12 ? 0 : 1]}`;
}

/**
 * The text an element shows, without its left-to-right islands (numbers, references, card and
 * phone numbers: `dir="ltr"` elements and U+2066 … U+2069 runs), which may be Latin.
 */
function shownText(root: ShadowRoot | Element): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let out = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('[dir="ltr"], style, script')) continue;
    out += node.textContent;
  }
  return out.replace(/\u2066[^\u2069]*\u2069/g, '').replace(/\s+/g, ' ');
}

/** True once the page has downloaded the library's Sorani formatting (`core/sorani.ts`). */
const soraniLoaded = () =>
  performance.getEntriesByType('resource').some((e) => /\/core\/sorani\.(ts|js)/.test(e.name));

/** Fails with the Latin words found, if any. */
function expectNoLatin(text: string, where: string): void {
  expect(text.match(/[A-Za-z][\w.-]*/g) ?? [], `${where}: ${text}`).to.deep.equal([]);
}

describe('formatting in the elements, in Arabic and Sorani', function () {
  this.timeout(90000);

  after(() => setPageLanguage('ar'));

  for (const locale of LANGUAGES) {
    describe(locale, () => {
      beforeEach(() => setPageLanguage(locale));

      it('the ration card: dates, months, quantities and counts in the language; references in Latin', async () => {
        const s = useSandbox();
        await signIn(s, 'cit_01');
        const el = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
        await until(
          () => !!el.shadowRoot!.querySelector('[part="request"]'),
          'the card and its requests',
        );
        await el.updateComplete;
        const root = el.shadowRoot!;
        // The Sorani formatting comes with the Sorani messages: an Arabic page never loads it.
        expect(soraniLoaded()).to.equal(locale === 'ckb');
        const text = shownText(root);
        expectNoLatin(text, 'ration card');
        expect(text).to.match(MONTH_NAMES[locale]);
        expect(text).to.match(/[٠-٩]/);
        expect(text).to.not.match(/[0-9]/);
        // Birth dates, the entitlement's month, the history's months.
        const member = root.querySelector('.member')!.textContent!;
        expect(member).to.match(MONTH_NAMES[locale]);
        expect(root.querySelector('#entitlement-heading')!.textContent).to.match(
          MONTH_NAMES[locale],
        );
        expect(root.querySelector('.month h4')!.textContent).to.match(MONTH_NAMES[locale]);
        const reference = root.querySelector('[part="request"] bdi.reference')!;
        expect(reference.getAttribute('dir')).to.equal('ltr');
        expect(reference.textContent).to.equal('RC-2026-700412');

        // A blocked card says since when.
        const blocked = useSandbox();
        await signIn(blocked, 'cit_05');
        const card = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
        await until(() => !!card.shadowRoot!.querySelector('.status.blocked'), 'blocked card');
        await card.updateComplete;
        const status = shownText(card.shadowRoot!.querySelector('.status')!);
        expectNoLatin(status, 'blocked status');
        expect(status).to.match(MONTH_NAMES[locale]);
      });

      it('the payment form: due dates, amounts, fees, the receipt in Baghdad time, the reference in Latin', async () => {
        const s = await paymentSetup();
        const list = shownText(s.el.shadowRoot!);
        expectNoLatin(list, 'bills');
        expect(list).to.match(MONTH_NAMES[locale]);
        expect(list).to.contain('د.ع');
        await toReview(s.el);
        expectNoLatin(shownText(s.el.shadowRoot!), 'review');
        submit(s.el);
        await reach(s.el, 'awaiting');
        expectNoLatin(shownText(s.el.shadowRoot!), 'awaiting');
        const payment = createdPayments(s.sandbox)[0]!;
        await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, 'approve');
        postReturn(payment.id);
        await reach(s.el, 'receipt');
        const receipt = s.el.shadowRoot!.querySelector('[part="receipt"]')!;
        const text = shownText(receipt);
        expectNoLatin(text, 'receipt');
        const stored = Object.values(s.sandbox.state.payments.receipts).find(
          (r) => r.paymentId === payment.id,
        )!;
        // The moment of payment in Baghdad, named as Baghdad's.
        expect(text).to.contain(`${baghdadClock(stored.paidAt, locale)} ${BAGHDAD[locale]}`);
        const reference = receipt.querySelector('.reference')!;
        expect(reference.getAttribute('dir')).to.equal('ltr');
        expect(reference.textContent).to.equal(stored.referenceNumber);
        expect(reference.textContent).to.match(/^[A-Z]{2,4}-[0-9]{4}-[0-9]{6}$/);
      });

      it('the login lock-out: the time sign-in opens again is Baghdad’s, and says so', async () => {
        const s = useSandbox();
        const el = await fixture<IqLogin>(html`<iq-login></iq-login>`);
        const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
        const field = (id: string) => $(id)!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
        field('#id-field').focus();
        await sendKeys({ type: '199012345678' });
        await sendKeys({ press: 'Enter' });
        await until(() => !!$('#code-field'), 'the code step');
        const summary = () => $('[part="error-summary"]')?.textContent ?? '';
        for (const code of ['000000', '111111', '222222']) {
          const before = summary();
          await until(() => !!$('#code-field'), 'the code field');
          await el.updateComplete;
          const input = field('#code-field');
          input.focus();
          input.select();
          await sendKeys({ type: code });
          await sendKeys({ press: 'Enter' });
          await until(() => summary() !== before && summary() !== '', `the answer to ${code}`);
        }
        await until(() => !$('#code-field'), 'locked');
        const lockedUntil = Object.values(s.sandbox.state.identity.lockedUntil)[0]!;
        const text = shownText($('[part="error-summary"]')!);
        expectNoLatin(text, 'lock-out');
        expect(text).to.contain(`${baghdadClock(lockedUntil, locale)} ${BAGHDAD[locale]}`);
      });

      it('the update wizard: birth dates, the status history and the reference', async () => {
        await signedIn('cit_01');
        const el = await mount('social-protection');
        await atStep(el, 'identity');
        expectNoLatin(shownText(el.shadowRoot!.querySelector('form, .root')!), 'identity');
        await next(el);
        await atStep(el, 'residence');
        await next(el);
        await atStep(el, 'household');
        const members = [...el.shadowRoot!.querySelectorAll('.member')].map((m) => shownText(m));
        expect(members.length).to.be.greaterThan(0);
        for (const member of members) {
          expectNoLatin(member, 'member');
          expect(member).to.match(MONTH_NAMES[locale]);
        }

        // The status of cit_05's request, looked up by its reference number.
        const other = await signedIn('cit_05');
        el.remove();
        const lookup = await mount('social-protection');
        await until(() => !!lookup.shadowRoot!.querySelector('button.link'), 'the status link');
        lookup.shadowRoot!.querySelector<HTMLButtonElement>('button.link')!.click();
        await until(() => viewOf(lookup) === 'status', 'the status view');
        await lookup.updateComplete;
        const input = lookup.shadowRoot!.querySelector<HTMLInputElement>('#f-reference')!;
        input.value = 'MZL-2026-090501';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        lookup.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
        await until(() => !!lookup.shadowRoot!.querySelector('[part="status"]'), 'the status');
        const status = lookup.shadowRoot!.querySelector('[part="status"]')!;
        const shown = shownText(status);
        expectNoLatin(shown, 'status');
        expect(shown).to.match(MONTH_NAMES[locale]);
        const reference = status.querySelector('bdi.reference')!;
        expect(reference.getAttribute('dir')).to.equal('ltr');
        expect(reference.textContent).to.equal('MZL-2026-090501');
        const history = unwrap(
          await other.client.socialProtection.GET('/update-request-status/{referenceNumber}', {
            params: { path: { referenceNumber: 'MZL-2026-090501' } },
          }),
        ).history;
        expect(status.querySelectorAll('li').length).to.equal(history.length);
      });
    });
  }
});
