// The library's own Sorani data (core/format.ts) writes exactly what an engine with CLDR's Sorani
// data writes. Node's ICU has that data (Chromium's has none, which is why the library carries
// its own): the same moments are formatted both ways and compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatter, useSorani, type Formatter, type Numerals } from '../src/core/format.js';
import * as sorani from '../src/core/sorani.js';

const MOMENTS = [
  '2026-11-25T07:19:00Z', // 10:19 in Baghdad
  '2026-11-25T10:02:00Z', // 13:02
  '2026-11-25T21:30:00Z', // 00:30 the next day in Baghdad
  '2026-01-31T09:00:00Z', // noon
  '2025-07-03T20:59:00Z', // 23:59
];
const DATES = ['1977-03-14', '1990-12-01', '2026-10-05', '2019-01-31'];
/** Every month of a year. */
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const AMOUNTS = [0, 7, 1250, 48250, 1250000];
const NUMBERS = [2.5, 1234, 0.125, 9];

/** A Sorani formatter from the engine's CLDR data, and one from the library's own. */
function both(numerals?: Numerals): { engine: Formatter; own: Formatter } {
  useSorani(sorani); // a fresh cache
  const engine = formatter('ckb', numerals);
  const supported = Intl.DateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat.supportedLocalesOf = () => [];
  try {
    useSorani(sorani);
    return { engine, own: formatter('ckb', numerals) };
  } finally {
    Intl.DateTimeFormat.supportedLocalesOf = supported;
    useSorani(sorani);
  }
}

test('this Node has CLDR Sorani data to compare with', () => {
  assert.deepEqual(Intl.DateTimeFormat.supportedLocalesOf('ckb-IQ'), ['ckb-IQ']);
  assert.equal(new Intl.DateTimeFormat('ckb-IQ').resolvedOptions().locale, 'ckb-IQ');
});

for (const numerals of [undefined, 'arab', 'latn'] as const) {
  test(`own Sorani data writes what CLDR writes (${numerals ?? 'default'} digits)`, () => {
    const { engine, own } = both(numerals);
    // The engine's formatter writes its own dates; the other, the library's.
    assert.notEqual(engine.date, own.date);
    for (const value of [...MOMENTS, ...DATES]) {
      assert.equal(own.date(value), engine.date(value), `date ${value}`);
    }
    for (const value of MOMENTS) {
      assert.equal(own.time(value), engine.time(value), `time ${value}`);
    }
    for (const value of MONTHS) assert.equal(own.month(value), engine.month(value), value);
    for (const amount of AMOUNTS) assert.equal(own.iqd(amount), engine.iqd(amount), `${amount}`);
    for (const n of NUMBERS) {
      assert.equal(own.number(n), engine.number(n), `${n}`);
      assert.equal(
        own.number(n, { maximumFractionDigits: 3 }),
        engine.number(n, { maximumFractionDigits: 3 }),
      );
    }
    assert.equal(own.digits('+96477*****567'), engine.digits('+96477*****567'));
  });
}

test('Sorani digits are Arabic-Indic by default, as CLDR says', () => {
  assert.equal(formatter('ckb').number(1234), '١٬٢٣٤');
  assert.equal(formatter('ckb').date('1977-03-14'), '١٤ی ئازاری ١٩٧٧');
  assert.equal(formatter('ckb', 'latn').date('1977-03-14'), '14ی ئازاری 1977');
});
