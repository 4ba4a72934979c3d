import {
  TIME_ZONE,
  intlTag,
  memo,
  toDate,
  useSorani,
  type Formatter,
  type Numerals,
} from './format.js';

/*
 * Sorani (`ckb`) as CLDR writes it, brought by the Sorani messages: its lists everywhere, and
 * its numbers, dates, times and dinars where the engine has no Sorani data.
 */

/** The twelve month names, then before and after noon (CLDR ckb). */
const CKB =
  'کانوونی دووەم|شوبات|ئازار|نیسان|ئایار|حوزەیران|تەمووز|ئاب|ئەیلوول|تشرینی یەکەم|تشرینی دووەم|کانونی یەکەم|ب.ن|د.ن'.split(
    '|',
  );

/** The dinar's symbol, with its right-to-left mark as CLDR has it. */
const IQD = 'د.ع.\u200f';

/** A moment's fields in Baghdad (numbers only: any engine has them). */
const fields = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

/**
 * Items joined as Sorani joins them (`a، b و c`). CLDR has no Sorani list patterns, so every
 * engine answers in English: this one is used wherever the engine has Sorani dates or not.
 */
const list = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join('، ')} و ${items.at(-1)}` : (items[0] ?? '');

/**
 * A Sorani formatter's lists and, where the engine has no Sorani data (detected, not assumed:
 * Node's ICU has it, Chromium's has none), its numbers, dates, times and dinars. `toDigits`
 * writes its digits (`numerals`).
 */
export function formats(
  numerals: Numerals,
  toDigits: (text: string) => string,
): Partial<Formatter> {
  if (Intl.DateTimeFormat.supportedLocalesOf('ckb').length) return { list };
  // Sorani numbers are written as Iraqi Arabic ones (the same digits, `٬` and `٫`).
  const numberFormat = memo((o) => new Intl.NumberFormat(intlTag('ar', numerals), o));
  const number = (value: number, options: Intl.NumberFormatOptions = {}) =>
    numberFormat(options).format(value);
  /**
   * CLDR ckb's pattern, whose letters stand for the day, Month name, year, hour, minutes and the
   * period of the day, filled with the moment's fields in Baghdad.
   */
  const moment = (pattern: string) => (value: string | Date) => {
    const p: Record<string, string> = {};
    for (const part of fields.formatToParts(toDate(value))) p[part.type] = part.value;
    const hour = Number(p['hour']);
    const field: Record<string, unknown> = {
      d: p['day'],
      M: CKB[Number(p['month']) - 1],
      y: p['year'],
      h: hour % 12 || 12,
      m: p['minute'],
      a: CKB[hour < 12 ? 12 : 13],
    };
    return toDigits(pattern.replace(/[dMyhma]/g, (c) => String(field[c])));
  };
  return {
    list,
    number,
    // CLDR ckb: `#,##0 ¤` with Arabic-Indic digits, `¤ #,##0` with Latin ones.
    iqd: (amount) => {
      const n = number(Math.round(amount));
      return numerals === 'arab' ? `${n}\u00a0${IQD}` : `${IQD}\u00a0${n}`;
    },
    // CLDR ckb: `dی MMMMی y`, `h:mm a`, `y MMMM`.
    date: moment('dی Mی y'),
    time: moment('h:m a'),
    month: moment('y M'),
  };
}

useSorani({ formats });
