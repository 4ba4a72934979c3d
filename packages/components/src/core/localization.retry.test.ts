import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { getLocale, setLocale, useMessages } from './localization.js';
import { until } from '../test/helpers.js';

// `msg` without its type's brand: the catalogue's extractor does not take this test's id for a
// message of the library.
const translate: (text: string, options: { id: string }) => string = msg;
const text = () => translate('Arrived', { id: 'test.flaky' });

// An element's messages whose first download fails, as on a dropped connection. Registered before
// the page's language loads, as an element defined by the page is.
let attempts = 0;
useMessages({
  id: 'flaky',
  ar: async () => {
    attempts++;
    if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return { templates: { 'test.flaky': 'وصلت' } };
  },
  ckb: async () => ({ templates: { 'test.flaky': 'گەیشت' } }),
  en: async () => ({ templates: { 'test.flaky': 'Arrived' } }),
});

describe('localization on a bad network', () => {
  it('switches language though a download failed, and shows those messages once it succeeds', async () => {
    await setLocale('ar');
    expect(getLocale()).to.equal('ar');
    expect(attempts).to.equal(1);
    expect(text(), "the code's own text until the messages arrive").to.equal('Arrived');
    // The network comes back: the download is tried again, the elements re-render.
    let rerendered = false;
    window.addEventListener('lit-localize-status', () => (rerendered = true), { once: true });
    window.dispatchEvent(new Event('online'));
    await until(() => text() === 'وصلت', 'the message after the retry');
    expect(attempts).to.equal(2);
    await until(() => rerendered, 'a re-render');
  });
});
