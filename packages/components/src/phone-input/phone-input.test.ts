import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/phone-input.js';
import type { IqPhoneInput } from './phone-input.js';
import { setPageLanguage } from '../test/helpers.js';
import { errorOf, innerInput, runFormControlConformance } from '../test/conformance.js';

const EXAMPLE = '\u20660770 123 4567\u2069';
const LENGTH = `A mobile number has 11 digits, like ${EXAMPLE}`;
const CHARACTERS = 'Use digits only, with spaces or dashes if you like';
const PREFIX = 'Enter an Iraqi mobile number: it starts with \u206607\u2069';
const BIDI = 'Remove the hidden direction characters from the number';

runFormControlConformance({
  tag: 'iq-phone-input',
  validText: '0770 123 4567',
  normalized: '+9647701234567',
  invalidText: '0770 123',
  invalidMessage: LENGTH,
  requiredMessage: { id: 'phone.required', en: 'Enter your mobile number' },
  defaultLabel: 'Mobile number',
  badInputMessages: [LENGTH, CHARACTERS, PREFIX, BIDI],
});

const operatorOf = (el: IqPhoneInput) =>
  el.shadowRoot!.querySelector('[part="operator"]')!.textContent!.trim();

describe('iq-phone-input', () => {
  afterEach(() => setPageLanguage('ar'));

  async function form(attributes = '') {
    const root = await fixture<HTMLFormElement>(
      html`<form><iq-phone-input name="phone" .value=${attributes}></iq-phone-input></form>`,
    );
    const el = root.querySelector('iq-phone-input')!;
    await el.updateComplete;
    return { root, el };
  }

  const accepted: [string, string][] = [
    ['07701234567', '+9647701234567'],
    ['0770 123 4567', '+9647701234567'],
    ['0770-123-4567', '+9647701234567'],
    ['7501234567', '+9647501234567'],
    ['+964 790 123 4567', '+9647901234567'],
    ['00964 780 123 4567', '+9647801234567'],
    ['9647401234567', '+9647401234567'],
    ['+964 (0)770 123 4567', '+9647701234567'],
    ['٠٧٧٠ ١٢٣ ٤٥٦٧', '+9647701234567'],
    ['۰۷۵۰ ۱۲۳ ۴۵۶۷', '+9647501234567'],
    ['\u200f٠٧٧٠\u200f ١٢٣ 4567', '+9647701234567'],
  ];
  for (const [typed, e164] of accepted) {
    it(`submits "${typed}" as ${e164}`, async () => {
      const { root, el } = await form(typed);
      expect(el.checkValidity()).to.equal(true);
      expect(new FormData(root).get('phone')).to.equal(e164);
    });
  }

  it('takes a number typed with Arabic-Indic digits on the keyboard', async () => {
    const { root, el } = await form();
    el.focus();
    await sendKeys({ type: '٠٧٨٠ ١٢٣ ٤٥٦٧' });
    await el.updateComplete;
    expect(new FormData(root).get('phone')).to.equal('+9647801234567');
  });

  it('asks for a mobile number when the prefix is not 07', async () => {
    await setPageLanguage('en');
    const { el } = await form('0170 123 4567');
    el.reportValidity();
    await el.updateComplete;
    expect(errorOf(el)!.textContent).to.contain(PREFIX);
  });

  it('shows the operator in a polite live region once the number is valid', async () => {
    await setPageLanguage('en');
    const { el } = await form();
    const status = el.shadowRoot!.querySelector('[part="operator"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(operatorOf(el)).to.equal('');
    el.focus();
    await sendKeys({ type: '0790 123 456' });
    await el.updateComplete;
    expect(operatorOf(el), 'not before the number is complete').to.equal('');
    await sendKeys({ type: '7' });
    await el.updateComplete;
    expect(operatorOf(el)).to.equal('Network: \u2068Zain\u2069');
    expect(el.operator).to.equal('Zain');
    // The same region is updated in place (a new one would not be announced).
    expect(el.shadowRoot!.querySelector('[part="operator"]') === status).to.equal(true);
  });

  const operators: [string, string][] = [
    ['0750 123 4567', 'Korek'],
    ['0770 123 4567', 'Asiacell'],
    ['0780 123 4567', 'Zain'],
    ['0790 123 4567', 'Zain'],
    ['0760 123 4567', 'Omnea'],
    ['0740 123 4567', 'IraqCell'],
  ];
  for (const [number, operator] of operators) {
    it(`names ${operator} for ${number}`, async () => {
      const { el } = await form(number);
      expect(operatorOf(el)).to.contain(operator);
    });
  }

  it('names no operator for an unknown prefix', async () => {
    const { el } = await form('0710 123 4567');
    expect(el.checkValidity()).to.equal(true);
    expect(operatorOf(el)).to.equal('');
  });

  it('asks the browser for a phone keyboard and national-number autofill', async () => {
    const { el } = await form();
    const input = innerInput(el);
    expect(input.getAttribute('inputmode')).to.equal('tel');
    expect(input.getAttribute('autocomplete')).to.equal('tel-national');
    expect(input.getAttribute('dir')).to.equal('ltr');
  });

  it('writes the example in the page digits, as a left-to-right island', async () => {
    await setPageLanguage('ar');
    const { el } = await form();
    const hintElement = () => el.shadowRoot!.querySelector<HTMLElement>('[part="hint"]')!;
    const hint = () => hintElement().textContent!.replace(/\u200e/g, '');
    expect(hint()).to.contain('\u2066٠٧٧٠ ١٢٣ ٤٥٦٧\u2069');
    // The groups read left to right on screen: the first group sits left of the last one.
    const text = [...hintElement().childNodes].find((n) => n.textContent?.includes('٠٧٧٠'))!;
    const at = (needle: string) => {
      const range = document.createRange();
      const start = text.textContent!.indexOf(needle);
      range.setStart(text, start);
      range.setEnd(text, start + needle.length);
      return range.getBoundingClientRect().left;
    };
    expect(at('٠٧٧٠') < at('٤٥٦٧'), 'groups in reading order').to.equal(true);
    el.numerals = 'latn';
    await el.updateComplete;
    expect(hint()).to.contain('\u20660770 123 4567\u2069');
    await setPageLanguage('en');
    el.numerals = undefined;
    await el.updateComplete;
    expect(hint()).to.equal(`For example ${EXAMPLE}`);
  });
});
