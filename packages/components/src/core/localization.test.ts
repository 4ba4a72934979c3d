import { expect, fixture, html } from '@open-wc/testing';
import '../define/national-id-input.js';
import type { IqNationalIdInput } from '../national-id-input/national-id-input.js';
import type { IqPhoneInput } from '../phone-input/phone-input.js';
import { followDocumentLanguage, getLocale, localeFromTag, setLocale } from './localization.js';
import { formatter } from './format.js';
import { setPageLanguage, until } from '../test/helpers.js';

/** The message modules the page has downloaded (`ar/phone-input`, or `ar` for all of them). */
const messageModules = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => /\/generated\/locales\/((?:ar|ckb)(?:\/[\w-]+)?)\.(?:ts|js)/.exec(e.name)?.[1])
    .filter((m): m is string => !!m);

const labelOf = (el: IqNationalIdInput) =>
  el.shadowRoot?.querySelector('label')?.textContent?.trim();

describe('localization', () => {
  afterEach(async () => {
    await followDocumentLanguage();
    await setPageLanguage('ar');
  });

  it('reads ku and ku-IQ as Sorani, and knows only ar, ckb and en', () => {
    expect([localeFromTag('ku'), localeFromTag('ku-IQ'), localeFromTag('ckb-IQ')]).to.deep.equal([
      'ckb',
      'ckb',
      'ckb',
    ]);
    expect([
      localeFromTag('ar-IQ'),
      localeFromTag('en-GB'),
      localeFromTag('fr'),
      localeFromTag(null),
    ]).to.deep.equal(['ar', 'en', null, null]);
  });

  it('re-renders elements already on the page when <html lang> changes', async () => {
    await setPageLanguage('en');
    const el = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input></iq-national-id-input>`,
    );
    expect(labelOf(el)).to.equal('National card number');
    document.documentElement.lang = 'ku';
    await until(() => labelOf(el) === 'ژمارەی کارتی نیشتمانی', 'the Sorani label');
    document.documentElement.lang = 'ar-IQ';
    await until(() => labelOf(el) === 'رقم البطاقة الوطنية', 'the Arabic label');
  });

  it('ends on the last language the page asked for, even when a load is still under way', async () => {
    await setPageLanguage('en');
    document.documentElement.lang = 'ckb';
    await new Promise((r) => setTimeout(r, 0));
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r, 200));
    expect(getLocale()).to.equal('en');
    const el = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input></iq-national-id-input>`,
    );
    expect(labelOf(el)).to.equal('National card number');
  });

  it('setLocale() wins over <html lang> until the host follows the document again', async () => {
    await setPageLanguage('ar');
    const el = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input></iq-national-id-input>`,
    );
    await setLocale('en');
    await el.updateComplete;
    expect(labelOf(el)).to.equal('National card number');
    document.documentElement.lang = 'ckb';
    await new Promise((r) => setTimeout(r, 50));
    expect(getLocale()).to.equal('en');
  });

  it('downloads the messages of the elements the page defines, not the whole catalogue', async () => {
    await setPageLanguage('ckb');
    const el = await fixture<IqNationalIdInput>(
      html`<iq-national-id-input></iq-national-id-input>`,
    );
    expect(labelOf(el)).to.equal('ژمارەی کارتی نیشتمانی');
    const loaded = messageModules();
    expect(loaded).to.include('ckb/national-id-input');
    expect(loaded.filter((m) => m.startsWith('ckb'))).to.deep.equal(['ckb/national-id-input']);
  });

  it('an element defined after the language loaded gets its messages and shows them', async () => {
    await setPageLanguage('ar');
    expect(messageModules()).to.not.include('ar/phone-input');
    await import('../define/phone-input.js');
    const phone = await fixture<IqPhoneInput>(html`<iq-phone-input></iq-phone-input>`);
    await until(
      () => phone.shadowRoot?.querySelector('label')?.textContent?.trim() === 'رقم الهاتف المحمول',
      'the Arabic label of a field defined late',
    );
    expect(messageModules()).to.include('ar/phone-input');
  });

  it('formats with the Iraqi locale tags: Arabic-Indic digits and Iraqi month names, numerals override', () => {
    const dinars = formatter('ar').iqd(25000);
    expect(dinars).to.contain('٢٥٬٠٠٠');
    expect(dinars).to.contain('د.ع');
    expect(dinars).to.not.contain(',');
    expect(formatter('ar').month('2026-01')).to.contain('كانون الثاني');
    expect(formatter('ar', 'latn').number(1234)).to.equal('1,234');
    expect(formatter('en', 'arab').digits('0770')).to.equal('٠٧٧٠');
    // Groups keep their reading order in a left-to-right island.
    expect(formatter('ar').digits('+96477*****567')).to.equal(
      '\u200e+\u200e٩٦٤٧٧\u200e*****\u200e٥٦٧',
    );
    expect(formatter('ar').plural(2)).to.equal('two');
    expect(formatter('ar').plural(11)).to.equal('many');
    expect(formatter('ckb').plural(2)).to.equal('other');
  });
});
