import { msg, str } from '@lit/localize';

/**
 * One formatting module for every element, with the Iraqi locale tags: `ar-IQ` (Arabic-Indic
 * digits, Iraqi month names), `ckb-IQ` (Sorani), `en-IQ`. Every number, date and time an element
 * shows goes through here, so the `numerals` setting and the time zone apply everywhere, whatever
 * the browser's own language and zone.
 */

/** The languages of the library. */
export type Locale = 'ar' | 'ckb' | 'en';

/** Digits to show: Latin (`0-9`) or Arabic-Indic (`٠-٩`); by default what the locale uses. */
export type Numerals = 'latn' | 'arab';

/**
 * The one time zone of every time and date the library shows: Baghdad's (Iraq keeps UTC+3 all
 * year). Never the browser's: a phone set to UTC or a citizen abroad sees the service's times.
 */
export const TIME_ZONE = 'Asia/Baghdad';

/** The BCP 47 tag used with `Intl` for a locale and numbering system. */
export function intlTag(locale: Locale, numerals?: Numerals): string {
  return `${locale}-IQ${numerals ? `-u-nu-${numerals}` : ''}`;
}

/**
 * A left-to-right island inside a localized sentence (U+2066 … U+2069): an example to type, a
 * reference, `3-D Secure`. It shows as it must be typed, whatever the sentence's direction.
 */
export const ltr = (text: string): string => `\u2066${text}\u2069`;

/**
 * Text of either direction inside a localized sentence (U+2068 … U+2069): a name or a file name,
 * which then cannot reorder the words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** A time in a sentence, named as Baghdad's so that nobody reads it in their own zone. */
export const baghdadTime = (time: string): string =>
  msg(str`${time} (Baghdad time)`, { id: 'format.baghdad-time' });

/** Formatters bound to one locale and numbering system. */
export interface Formatter {
  readonly locale: Locale;
  readonly tag: string;
  /** A plain number (grouping as the locale does). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /**
   * A digit string (an id, a code, a masked phone) in the chosen numerals, without grouping, safe
   * to show inside a left-to-right island.
   */
  digits(value: string): string;
  /** Whole Iraqi dinars, e.g. `‏٢٥٬٠٠٠ د.ع.‏`. */
  iqd(amount: number): string;
  /**
   * A date, long form. A `YYYY-MM-DD` string is that calendar date; a moment is the day it is
   * in Baghdad.
   */
  date(value: string | Date): string;
  /** A time of day in Baghdad. */
  time(value: string | Date): string;
  /** A month and year with the locale's month names (Iraqi ones in Arabic). */
  month(value: string | Date): string;
  /** Items joined with "and" as the language does (`a، b و c` in Sorani). */
  list(items: readonly string[]): string;
  /** The plural category of a count (Arabic has six: zero, one, two, few, many, other). */
  plural(count: number): Intl.LDMLPluralRule;
}

const cache = new Map<string, Formatter>();

/** A `YYYY-MM(-DD)` string is a calendar date (noon UTC: the same day in Baghdad). */
export function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value)
    ? new Date(`${value.length === 7 ? `${value}-01` : value}T12:00:00Z`)
    : new Date(value);
}

/** Builds a formatter once per set of options: building one costs far more than using it. */
export function memo<T>(make: (options: object) => T): (options: object) => T {
  const made = new Map<string, T>();
  return (options) => {
    const key = JSON.stringify(options);
    let format = made.get(key);
    if (!format) made.set(key, (format = make(options)));
    return format;
  };
}

/**
 * The library's own Sorani (`sorani.ts`): lists, and numbers, dates, times and dinars for
 * engines with no Sorani data. The Sorani messages bring it (scripts/message-groups.mjs), so
 * that Arabic and English pages never download it.
 */
let sorani: Sorani | undefined;

/** What `sorani.ts` gives a Sorani formatter (digits written by `toDigits`, in `numerals`). */
export interface Sorani {
  formats(numerals: Numerals, toDigits: (text: string) => string): Partial<Formatter>;
}

/** Takes the library's Sorani into use (`sorani.ts` calls it when it loads). */
export function useSorani(module: Sorani): void {
  sorani = module;
  cache.clear();
}

/** The formatter for a locale and numbering system (cached). */
export function formatter(
  locale: Locale,
  // The digits each language writes (CLDR): Arabic-Indic in Arabic and in Sorani, Latin in English.
  numerals: Numerals = locale === 'en' ? 'latn' : 'arab',
): Formatter {
  const tag = intlTag(locale, numerals);
  const cached = cache.get(tag);
  if (cached) return cached;
  const numberFormat = memo((o) => new Intl.NumberFormat(tag, o));
  const dateFormat = memo((o) => new Intl.DateTimeFormat(tag, { ...o, timeZone: TIME_ZONE }));
  const plurals = new Intl.PluralRules(tag);
  const arab = numerals === 'arab';
  const toDigits = (text: string) =>
    arab ? text.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d))) : text;
  const number = (value: number, options: Intl.NumberFormatOptions = {}) =>
    numberFormat(options).format(value);
  const moment = (options: Intl.DateTimeFormatOptions) => (value: string | Date) =>
    dateFormat(options).format(toDate(value));
  const created: Formatter = {
    locale,
    tag,
    number,
    digits: (value) => {
      const out = toDigits(value);
      // Arabic-Indic digits are "Arabic numbers" to the bidi algorithm: the spaces, dashes and
      // asterisks between two groups take the right-to-left direction, and the groups of an
      // ID would show reversed even inside a left-to-right island. A left-to-right mark on each
      // side of every separator keeps the groups in reading order.
      return arab ? out.replace(/[^\u0660-\u0669]+/g, (run) => `\u200e${run}\u200e`) : out;
    },
    iqd: (amount) =>
      number(Math.round(amount), {
        style: 'currency',
        currency: 'IQD',
        maximumFractionDigits: 0,
        minimumFractionDigits: 0,
      }),
    date: moment({ dateStyle: 'long' }),
    time: moment({ hour: 'numeric', minute: '2-digit' }),
    month: moment({ month: 'long', year: 'numeric' }),
    list: (items) => new Intl.ListFormat(tag, { type: 'conjunction' }).format(items),
    plural: (count) => plurals.select(count),
    // Sorani's lists, and where the engine has no Sorani data its numbers and dates: the library's.
    ...(locale === 'ckb' && sorani?.formats(numerals, toDigits)),
  };
  cache.set(tag, created);
  return created;
}

/**
 * Picks the message for a count by the locale's plural rules. Each category is its own catalogue
 * message, so translators can give Arabic all six forms; missing ones fall back to `other`.
 */
export function pluralize(
  format: Formatter,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, () => string>> & { other: () => string },
): string {
  const category = format.plural(count);
  return (forms[category] ?? forms.other)();
}
