// A field rendered on the server (declarative shadow DOM) is on screen before its script: what
// the citizen types into it then is the field's value once the element takes over.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { IqNationalIdInput } from '../national-id-input/national-id-input.js';
import { setPageLanguage } from '../test/helpers.js';

describe('form control rendered on the server', () => {
  it('keeps what was typed before its script ran', async () => {
    await setPageLanguage('en');
    const host = document.createElement('div');
    document.body.append(host);
    try {
      // The server's markup, before the element is defined (a tag of this test's own).
      host.setHTMLUnsafe(
        '<iq-test-early-field><template shadowrootmode="open"><input inputmode="numeric" /></template></iq-test-early-field>',
      );
      const early = host.querySelector('iq-test-early-field')!;
      early.shadowRoot!.querySelector('input')!.focus();
      await sendKeys({ type: '199012345678' });
      customElements.define('iq-test-early-field', class extends IqNationalIdInput {});
      const field = early as IqNationalIdInput;
      await field.updateComplete;
      expect(field.value).to.equal('199012345678');
      expect(field.normalizedValue).to.equal('199012345678');
    } finally {
      host.remove();
    }
  });
});
