import { expect, fixture, html } from '@open-wc/testing';
import '../define/national-id-input.js';
import type { IqNationalIdInput } from '../national-id-input/national-id-input.js';
import { useMessages } from './localization.js';
import { messages as everyMessage } from '../generated/messages/all.js';
import { setPageLanguage } from '../test/helpers.js';

// A page with every element (the single-file bundle) asks for the whole catalogue: one module per
// language instead of one per element.
useMessages(everyMessage);

describe('localization with every message', () => {
  it('downloads one module per language, not one per element', async () => {
    await setPageLanguage('ckb');
    const el = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input></iq-national-id-input>`,
    );
    expect(el.shadowRoot?.querySelector('label')?.textContent?.trim()).to.equal(
      'ژمارەی کارتی نیشتمانی',
    );
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => /\/generated\/locales\/((?:ar|ckb)(?:\/[\w-]+)?)\.(?:ts|js)/.exec(e.name)?.[1])
      .filter(Boolean);
    expect(loaded.filter((m) => m?.startsWith('ckb'))).to.deep.equal(['ckb']);
  });
});
