/**
 * One formatting module over `Intl`, with the Iraqi locale tags: `ar-IQ` (Arabic-Indic digits,
 * Iraqi month names), `ckb-IQ` (Sorani), `en-IQ`. Every number an element shows goes through here,
 * so the `numerals` setting applies everywhere.
 */

/** The languages of the library. */
export type Locale = 'ar' | 'ckb' | 'en';

/** Digits to show: Latin (`0-9`) or Arabic-Indic (`٠-٩`); by default what the locale uses. */
export type Numerals = 'latn' | 'arab';

const TAGS: Record<Locale, string> = { ar: 'ar-IQ', ckb: 'ckb-IQ', en: 'en-IQ' };

/** The BCP 47 tag used with `Intl` for a locale and numbering system. */
export function intlTag(locale: Locale, numerals?: Numerals): string {
  return numerals ? `${TAGS[locale]}-u-nu-${numerals}` : TAGS[locale];
}

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
  /** A date (a `YYYY-MM-DD` string is read as a calendar date, not shifted by the time zone). */
  date(value: string | Date, options?: Intl.DateTimeFormatOptions): string;
  /** A time of day. */
  time(value: string | Date): string;
  /** A month and year with the locale's month names (Iraqi ones in Arabic). */
  month(value: string | Date): string;
  /** The plural category of a count (Arabic has six: zero, one, two, few, many, other). */
  plural(count: number): Intl.LDMLPluralRule;
}

const cache = new Map<string, Formatter>();

function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}(-\d{2})?$/.test(value)
    ? new Date(`${value.length === 7 ? `${value}-01` : value}T12:00:00Z`)
    : new Date(value);
}

/** The formatter for a locale and numbering system (cached). */
export function formatter(locale: Locale, numerals?: Numerals): Formatter {
  const key = `${locale}|${numerals ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const tag = intlTag(locale, numerals);
  const plain = new Intl.NumberFormat(tag, { useGrouping: false });
  const grouped = new Intl.NumberFormat(tag);
  const iqd = new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'IQD',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  });
  const plurals = new Intl.PluralRules(tag);
  const monthFormat = new Intl.DateTimeFormat(tag, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const timeFormat = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit' });
  // Building an Intl formatter costs far more than using one: a card formats a hundred dates.
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (options: Intl.DateTimeFormatOptions) => {
    const key = JSON.stringify(options);
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(tag, options);
      dateFormats.set(key, format);
    }
    return format;
  };
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(tag, options);
      numberFormats.set(key, format);
    }
    return format;
  };
  const created: Formatter = {
    locale,
    tag,
    number: (value, options) =>
      options ? numberFormat(options).format(value) : grouped.format(value),
    digits: (value) => {
      const out = value.replace(/[0-9]/g, (d) => plain.format(Number(d)));
      // Arabic-Indic digits are "Arabic numbers" to the bidi algorithm: the spaces, dashes and
      // asterisks between two groups take the right-to-left direction, and the groups of an
      // ID would show reversed even inside a left-to-right island. A left-to-right mark on each
      // side of every separator keeps the groups in reading order.
      return /[\u0660-\u0669]/.test(out)
        ? out.replace(/[^\u0660-\u0669]+/g, (run) => `\u200e${run}\u200e`)
        : out;
    },
    iqd: (amount) => iqd.format(Math.round(amount)),
    date: (value, options = { dateStyle: 'long' }) => {
      const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
      return dateFormat(dateOnly ? { ...options, timeZone: 'UTC' } : options).format(toDate(value));
    },
    time: (value) => timeFormat.format(toDate(value)),
    month: (value) => monthFormat.format(toDate(value)),
    plural: (count) => plurals.select(count),
  };
  cache.set(key, created);
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
