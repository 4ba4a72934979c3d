// Left-to-right islands in right-to-left pages (examples to type, references, Latin names,
// "3-D Secure"), in the real elements: each shows as it must be typed.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import {
  createdPayments,
  payAtGateway,
  postReturn,
  reach,
  setup as paymentSetup,
  submit,
  toReview,
} from '../payment-form/test/harness.js';
import {
  atStep,
  choose,
  fill,
  mount,
  next,
  signedIn,
  viewOf,
} from '../update-wizard/test/harness.js';
import { doneView } from '../update-wizard/views.js';
import { problemText } from '../update-wizard/fields.js';
import { formatter } from './format.js';
import { expectAccessible, setPageLanguage, until } from '../test/helpers.js';

const LRI = '\u2066';
const PDI = '\u2069';

/** Where `needle` is drawn (after `after`, when given) in the text node that holds it. */
function boxOf(root: Node, needle: string, after = ''): DOMRect {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!;
    const start = text.indexOf(after);
    const at = start < 0 ? -1 : text.indexOf(needle, start + after.length);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${needle}" is not shown`);
}

/** True when two boxes are on the same line. */
const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(a.top - b.top) < a.height / 2;

describe('left-to-right islands', function () {
  this.timeout(60000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await setPageLanguage('ar');
  });

  for (const locale of ['ar', 'ckb'] as const) {
    describe(locale, () => {
      beforeEach(async () => {
        await setPageLanguage(locale);
        await setViewport({ width: 320, height: 640 });
      });

      it('the wizard: the Latin name keeps its brackets, the file number is as typed', async () => {
        await signedIn('cit_01');
        const el = await mount('social-protection');
        await atStep(el, 'identity');
        // The name's island, the national number's, the file number's.
        const islands = el.shadowRoot!.querySelectorAll('.identity dd bdi[dir="ltr"]');
        const island = islands[0]!;
        expect(island.textContent).to.equal('(Ali Hussein Kadhim Al-Musawi)');
        // No bracket outside the island, where the line's direction would mirror it.
        const dd = island.closest('dd')!;
        expect(dd.textContent!.replace(island.textContent!, '')).to.not.match(/[()]/);
        // At 320 px each bracket is drawn beside its word, on its word's line.
        const open = boxOf(island, '(');
        const first = boxOf(island, 'Ali');
        const close = boxOf(island, ')');
        const last = boxOf(island, 'Musawi');
        expect(sameLine(open, first) && open.right <= first.left + 1).to.equal(true);
        expect(sameLine(close, last) && close.left >= last.right - 1).to.equal(true);
        expect(islands[2]!.textContent).to.match(/^SP-[0-9]+$/);
        await expectAccessible(el);
      });

      it('the wizard: the date example shows as it must be typed, in the hint and the error', async () => {
        await signedIn('cit_01');
        const el = await mount('ration-card-family', 'remove-deceased-member');
        await atStep(el, 'deceased');
        const hint = el.shadowRoot!.querySelector('#f-dateOfDeath-hint')!;
        expect(hint.textContent).to.contain(`${LRI}2019-10-05${PDI}`);
        // Drawn left to right: the year on the left, the day on the right.
        expect(boxOf(hint, '2019').left).to.be.lessThan(boxOf(hint, '05', '10-').left);
        const options = el.shadowRoot!.querySelectorAll<HTMLInputElement>(
          'input[name="f-deceasedMemberId"]',
        );
        await choose(el, 'deceasedMemberId', options[0]!.value);
        await fill(el, 'dateOfDeath', '2019-13-45');
        await next(el);
        await until(() => !!el.shadowRoot!.querySelector('#f-dateOfDeath-error'), 'the date error');
        const error = el.shadowRoot!.querySelector('#f-dateOfDeath-error')!;
        expect(error.textContent).to.contain(`${LRI}2019-10-05${PDI}`);
        expect(boxOf(error, '2019').left).to.be.lessThan(boxOf(error, '05', '10-').left);
        // What is shown is accepted when typed.
        await fill(el, 'dateOfDeath', '2019-10-05');
        await next(el);
        await atStep(el, 'documents');
        await expectAccessible(el);
      });

      it('the wizard: the reference example, the phone example and the confirmation', async () => {
        await signedIn('cit_01');
        const el = await mount('social-protection');
        await until(() => !!el.shadowRoot!.querySelector('button.link'), 'the status link');
        el.shadowRoot!.querySelector<HTMLButtonElement>('button.link')!.click();
        await until(() => viewOf(el) === 'status', 'the status view');
        await el.updateComplete;
        await fill(el, 'reference', 'nonsense');
        el.shadowRoot!.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
        await until(() => !!el.shadowRoot!.querySelector('#f-reference-error'), 'the error');
        expect(el.shadowRoot!.querySelector('#f-reference-error')!.textContent).to.contain(
          `${LRI}MZL-2026-000123${PDI}`,
        );
        // The phone example in the page's digits, as the phone field's own hint.
        expect(problemText('phone', formatter(locale))).to.contain(
          `${LRI}٠٧٧٠\u200e \u200e١٢٣\u200e \u200e٤٥٦٧${PDI}`,
        );
        // The confirmation's reference: Latin digits, as typed on a phone.
        const done = document.createElement('div');
        render(
          doneView('MZL-2026-000123', () => undefined),
          done,
        );
        const reference = done.querySelector('[part="reference"] bdi')!;
        expect(reference.getAttribute('dir')).to.equal('ltr');
        expect(reference.textContent).to.equal('MZL-2026-000123');
      });

      it('the payment form: "(3-D Secure)" is one unbreakable island', async () => {
        const s = await paymentSetup();
        await toReview(s.el);
        submit(s.el);
        await reach(s.el, 'awaiting');
        const payment = createdPayments(s.sandbox)[0]!;
        await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, '3ds-failed');
        postReturn(payment.id);
        await reach(s.el, 'failure');
        const what = s.el.shadowRoot!.querySelector('[part="failure"] .what')!;
        expect(what.textContent).to.contain(`${LRI}(3\u2011D\u00a0Secure)${PDI}`);
        const open = boxOf(what, '(3');
        const close = boxOf(what, 'Secure)');
        expect(sameLine(open, close)).to.equal(true);
        expect(open.left).to.be.lessThan(close.left);
        await expectAccessible(s.el);
      });
    });
  }
});
