// core/format.ts in the browser. This file runs twice (web-test-runner.config.mjs): in a browser
// whose own language is en-US and zone UTC, and in one whose language is ckb-IQ (which this
// Chromium has no data for) and zone America/Los_Angeles. Neither may change what is shown.
import { expect } from '@open-wc/testing';
import { TIME_ZONE, formatter, type Locale, type Numerals } from './format.js';
// The library's Sorani, as the Sorani messages bring it (format.elements.test.ts checks that).
import './sorani.js';

const LATIN_LETTER = /[A-Za-z]/;
/** A moment that is 10:19 in Baghdad, 07:19 UTC, and the day before in Los Angeles. */
const MOMENT = '2026-11-25T07:19:00Z';
/** 00:30 on 26 November in Baghdad, still 25 November in UTC. */
const AFTER_MIDNIGHT = '2026-11-25T21:30:00Z';

/** Every kind of value the elements format, for one locale and numbering. */
function everything(locale: Locale, numerals?: Numerals): string[] {
  const f = formatter(locale, numerals);
  return [
    f.date('1977-03-14'),
    f.date(MOMENT),
    f.time('2026-11-25T10:02:00Z'),
    f.time(MOMENT),
    f.time('2026-11-25T13:02:00Z'),
    f.month('2025-11'),
    ...Array.from({ length: 12 }, (_, i) => f.month(`2026-${String(i + 1).padStart(2, '0')}`)),
    f.iqd(48250),
    f.iqd(1250000),
    f.number(12),
    f.number(2.5, { maximumFractionDigits: 3 }),
    f.number(1234567),
    f.digits('+96477*****567'),
    f.list(['بغداد', 'أربيل', 'البصرة']),
  ];
}

describe('formatting (core/format.ts)', () => {
  it(`runs in a browser whose own language or zone is not the page's (${navigator.language}, ${
    new Intl.DateTimeFormat().resolvedOptions().timeZone
  })`, () => {
    const own = new Intl.DateTimeFormat().resolvedOptions();
    expect(['en-US', 'ckb-IQ']).to.include(navigator.language);
    expect(own.locale).to.equal(navigator.language);
    expect(own.timeZone).to.not.equal(TIME_ZONE);
  });

  for (const locale of ['ar', 'ckb'] as const) {
    for (const numerals of [undefined, 'arab', 'latn'] as const) {
      it(`${locale} (${numerals ?? 'default'} digits): no Latin letter in any date, time, amount or count`, () => {
        for (const value of everything(locale, numerals)) {
          expect(value, value).to.not.match(LATIN_LETTER);
          expect(value, value).to.not.match(numerals === 'latn' ? /[٠-٩]/ : /[0-9]/);
        }
      });
    }
  }

  it('writes Sorani dates, months, times and dinars as CLDR does, with Arabic-Indic digits', () => {
    const f = formatter('ckb');
    expect(f.date('1977-03-14')).to.equal('١٤ی ئازاری ١٩٧٧');
    expect(f.month('2025-11')).to.equal('٢٠٢٥ تشرینی دووەم');
    expect(f.time(MOMENT)).to.equal('١٠:١٩ ب.ن');
    expect(f.time('2026-11-25T10:02:00Z')).to.equal('١:٠٢ د.ن');
    expect(f.date(AFTER_MIDNIGHT)).to.equal('٢٦ی تشرینی دووەمی ٢٠٢٦');
    expect(f.time(AFTER_MIDNIGHT)).to.equal('١٢:٣٠ ب.ن');
    expect(f.iqd(48250)).to.equal('٤٨٬٢٥٠\u00a0د.ع.\u200f');
    expect(f.number(2.5)).to.equal('٢٫٥');
    expect(f.list(['ئاسۆ', 'ڕێژین', 'دلێر'])).to.equal('ئاسۆ، ڕێژین و دلێر');
    expect(f.list(['ئاسۆ', 'ڕێژین'])).to.equal('ئاسۆ و ڕێژین');
    const months = Array.from({ length: 12 }, (_, i) =>
      f.month(`2026-${i + 1 < 10 ? '0' : ''}${i + 1}`),
    );
    expect(months.map((m) => m.replace('٢٠٢٦ ', ''))).to.deep.equal([
      'کانوونی دووەم',
      'شوبات',
      'ئازار',
      'نیسان',
      'ئایار',
      'حوزەیران',
      'تەمووز',
      'ئاب',
      'ئەیلوول',
      'تشرینی یەکەم',
      'تشرینی دووەم',
      'کانونی یەکەم',
    ]);
  });

  it('writes Sorani with Latin digits when the host asks, as CLDR does', () => {
    const f = formatter('ckb', 'latn');
    expect(f.date('1977-03-14')).to.equal('14ی ئازاری 1977');
    expect(f.time(MOMENT)).to.equal('10:19 ب.ن');
    expect(f.iqd(48250)).to.equal('د.ع.\u200f\u00a048,250');
  });

  it('writes Arabic with Iraqi month names and Arabic day periods', () => {
    const f = formatter('ar');
    expect(f.date('1977-03-14')).to.equal('١٤ آذار ١٩٧٧');
    expect(f.month('2025-11')).to.equal('تشرين الثاني ٢٠٢٥');
    expect(f.time(MOMENT)).to.equal('١٠:١٩ ص');
    expect(f.iqd(48250)).to.contain('٤٨٬٢٥٠').and.contain('د.ع');
  });

  it('shows every time in Baghdad, whatever the browser zone', () => {
    expect(formatter('en').time(MOMENT)).to.match(/^10:19\sAM$/);
    expect(formatter('ar').time(MOMENT)).to.equal('١٠:١٩ ص');
    expect(formatter('en').time(AFTER_MIDNIGHT)).to.match(/^12:30\sAM$/);
    // A moment is the day it is in Baghdad; a calendar date is that date everywhere.
    expect(formatter('en').date(AFTER_MIDNIGHT)).to.equal('November 26, 2026');
    expect(formatter('en').date('2026-11-25')).to.equal('November 25, 2026');
    expect(formatter('en').month('2026-11')).to.equal('November 2026');
  });

  it('keeps English Latin, and the numerals setting wins over the language', () => {
    expect(formatter('en').iqd(48250)).to.equal('IQD\u00a048,250');
    expect(formatter('en', 'arab').number(12)).to.equal('١٢');
    expect(formatter('ar', 'latn').number(1234)).to.equal('1,234');
    expect(formatter('ckb').digits('0770 123')).to.equal('٠٧٧٠\u200e \u200e١٢٣');
  });
});
