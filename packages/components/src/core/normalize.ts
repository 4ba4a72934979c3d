/**
 * Input normalization for Iraqi users: digits from any of the three scripts Iraqi keyboards
 * produce, spaces and dashes, and the bidirectional control characters that must never reach a
 * service.
 */

/** Bidirectional control characters (embeddings, overrides, isolates). */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/u;

/**
 * `text` without bidirectional control characters: server text shown in a page, where they could
 * reorder what surrounds it.
 */
export function stripBidiControls(text: string): string {
  return text.replace(new RegExp(BIDI_CONTROLS.source, 'gu'), '');
}

/** True when `text` contains a bidirectional control character. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROLS.test(text);
}

/**
 * ASCII digits for Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) ones; other
 * characters unchanged.
 */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => {
    const code = d.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** ASCII digits, with spaces (any kind), dashes and dots used as separators removed. */
export function normalizeNumeric(text: string): string {
  return toAsciiDigits(text).replace(/[\s\u00a0\u200f\u200e.\-‐‑‒–—_]/gu, '');
}

/** Length of the unified national card number (not verified against an official specification). */
export const NATIONAL_ID_LENGTH = 12;

/** Why a typed value is not acceptable. */
export type InputProblem = 'required' | 'bidi' | 'characters' | 'length' | 'prefix';

/** The outcome of parsing what a citizen typed. */
export type Parsed = { ok: true; value: string } | { ok: false; problem: InputProblem };

/** A national card number from what was typed (any digit script, spaces, dashes). */
export function parseNationalId(text: string): Parsed {
  if (!text.trim()) return { ok: false, problem: 'required' };
  if (hasBidiControls(text)) return { ok: false, problem: 'bidi' };
  const digits = normalizeNumeric(text);
  if (!/^[0-9]*$/.test(digits)) return { ok: false, problem: 'characters' };
  if (digits.length !== NATIONAL_ID_LENGTH) return { ok: false, problem: 'length' };
  return { ok: true, value: digits };
}

/**
 * Mobile operators by the two digits after `+964` (community data, not verified: kept here only).
 */
export const MOBILE_OPERATORS: Readonly<Record<string, string>> = {
  '74': 'IraqCell',
  '75': 'Korek',
  '76': 'Omnea',
  '77': 'Asiacell',
  '78': 'Zain',
  '79': 'Zain',
};

/**
 * An Iraqi mobile number in E.164 (`+9647XXXXXXXXX`) from `07…`, `7…`, `+9647…` or `009647…`,
 * with spaces or dashes, in any digit script.
 */
export function parseMobile(text: string): Parsed {
  if (!text.trim()) return { ok: false, problem: 'required' };
  if (hasBidiControls(text)) return { ok: false, problem: 'bidi' };
  let digits = normalizeNumeric(text).replace(/[()]/g, '');
  if (digits.startsWith('+')) digits = `00${digits.slice(1)}`;
  if (!/^[0-9]*$/.test(digits)) return { ok: false, problem: 'characters' };
  // The trunk 0 is dropped after the country code too: `+964 (0)770…` is common in signatures.
  const national = (
    digits.startsWith('00964')
      ? digits.slice(5)
      : digits.startsWith('964') && digits.length >= 13
        ? digits.slice(3)
        : digits
  ).replace(/^0/, '');
  if (national.length !== 10) return { ok: false, problem: 'length' };
  if (!national.startsWith('7')) return { ok: false, problem: 'prefix' };
  return { ok: true, value: `+964${national}` };
}

/** The operator of an E.164 Iraqi mobile number, when its prefix is known. */
export function mobileOperator(e164: string): string | undefined {
  return MOBILE_OPERATORS[e164.slice(4, 6)];
}

/** A one-time code of `length` digits from what was typed or pasted (any digit script). */
export function parseCode(text: string, length: number): Parsed {
  if (!text.trim()) return { ok: false, problem: 'required' };
  if (hasBidiControls(text)) return { ok: false, problem: 'bidi' };
  const digits = normalizeNumeric(text);
  if (!/^[0-9]*$/.test(digits)) return { ok: false, problem: 'characters' };
  if (digits.length !== length) return { ok: false, problem: 'length' };
  return { ok: true, value: digits };
}

/** The services' reference number prefixes: Mazalati, ration card, payments. */
export const REFERENCE_PREFIXES = ['MZL', 'RC', 'PAY'] as const;

/**
 * A reference number (`MZL-2026-000123`, `RC-…`, `PAY-…`) from what was typed: any digit script,
 * lower-case letters, spaces, and the dashes left out or typed as other dashes.
 */
export function parseReference(text: string): Parsed {
  if (!text.trim()) return { ok: false, problem: 'required' };
  if (hasBidiControls(text)) return { ok: false, problem: 'bidi' };
  const compact = toAsciiDigits(text)
    .toUpperCase()
    .replace(/[\s\u00a0\u200e\u200f]/gu, '')
    .replace(/[‐‑‒–—_]/gu, '-');
  const match = /^([A-Z]+)-?([0-9]{4})-?([0-9]{6})$/.exec(compact);
  if (!match) return { ok: false, problem: /[^A-Z0-9-]/.test(compact) ? 'characters' : 'length' };
  const [, prefix = '', year = '', serial = ''] = match;
  if (!(REFERENCE_PREFIXES as readonly string[]).includes(prefix))
    return { ok: false, problem: 'prefix' };
  return { ok: true, value: `${prefix}-${year}-${serial}` };
}
