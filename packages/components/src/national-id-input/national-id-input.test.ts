import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/national-id-input.js';
import type { IqNationalIdInput } from './national-id-input.js';
import { LOCALES, expectAccessible, setPageLanguage } from '../test/helpers.js';

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

  it('shows our own localized error, tied to the field, and is accessible in every language', async () => {
    for (const locale of LOCALES) {
      await setPageLanguage(locale);
      const field = await fixture<IqNationalIdInput>(
        html`<iq-national-id-input required></iq-national-id-input>`,
      );
      field.value = '12345';
      field.reportValidity();
      await field.updateComplete;
      const input = field.shadowRoot!.querySelector('input')!;
      const error = field.shadowRoot!.querySelector('#error')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('error');
      expect(error.textContent).to.not.equal('');
      await expectAccessible(field);
    }
  });
});
