import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/national-id-input.js';
import type { IqNationalIdInput } from './national-id-input.js';
import { LOCALES, expectAccessible, setPageLanguage } from '../test/helpers.js';
import { errorOf, innerInput, runFormControlConformance } from '../test/conformance.js';

const BIDI = 'Remove the hidden direction characters from the number';
const LENGTH = 'The national card number has 12 digits';
const CHARACTERS = 'Use digits only';

runFormControlConformance({
  tag: 'iq-national-id-input',
  validText: '1990 1234 5678',
  normalized: '199012345678',
  invalidText: '12345',
  invalidMessage: LENGTH,
  requiredMessage: { id: 'national-id.required', en: 'Enter your national card number' },
  defaultLabel: 'National card number',
  badInputMessages: [BIDI, LENGTH, CHARACTERS],
});

describe('iq-national-id-input', () => {
  afterEach(() => setPageLanguage('ar'));

  it('normalizes Arabic-Indic digits, spaces and dashes into the submitted value', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><iq-national-id-input name="nid" required></iq-national-id-input></form>`,
    );
    const field = form.querySelector('iq-national-id-input')!;
    field.focus();
    await sendKeys({ type: '١٩٩٠-١٢٣٤ ٥٦٧٨' });
    await field.updateComplete;
    expect(new FormData(form).get('nid')).to.equal('199012345678');
    expect(field.checkValidity()).to.equal(true);
  });

  it('accepts Extended Arabic-Indic digits (Kurdish keyboards) and mixed scripts', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><iq-national-id-input name="nid"></iq-national-id-input></form>`,
    );
    const field = form.querySelector('iq-national-id-input')!;
    field.focus();
    await sendKeys({ type: '۱۹۹۰ 1234 ٥٦٧٨' });
    await field.updateComplete;
    expect(new FormData(form).get('nid')).to.equal('199012345678');
  });

  it('asks for digits only when letters are typed', async () => {
    await setPageLanguage('en');
    const field = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input value="1990 ABCD 5678"></iq-national-id-input>`,
    );
    field.reportValidity();
    await field.updateComplete;
    expect(errorOf(field)!.textContent).to.contain(CHARACTERS);
  });

  it('writes the number of digits in the page language', async () => {
    await setPageLanguage('ar');
    const field = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input value="12345"></iq-national-id-input>`,
    );
    field.reportValidity();
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('[part="hint"]')!.textContent).to.contain('١٢');
    expect(errorOf(field)!.textContent).to.contain('١٢');
    field.numerals = 'latn';
    await field.updateComplete;
    expect(field.shadowRoot!.querySelector('[part="hint"]')!.textContent).to.contain('12');
  });

  it('offers no autocomplete and a numeric keyboard', async () => {
    const field = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input></iq-national-id-input>`,
    );
    const input = innerInput(field);
    expect(input.getAttribute('autocomplete')).to.equal('off');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
  });

  it('shows our own localized error, tied to the field, and is accessible in every language', async () => {
    for (const locale of LOCALES) {
      await setPageLanguage(locale);
      const field = await fixture<IqNationalIdInput>(
        html`<iq-national-id-input required></iq-national-id-input>`,
      );
      field.value = '12345';
      field.reportValidity();
      await field.updateComplete;
      const input = innerInput(field);
      const error = errorOf(field)!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('error');
      expect(error.textContent).to.not.equal('');
      await expectAccessible(field);
    }
  });
});
