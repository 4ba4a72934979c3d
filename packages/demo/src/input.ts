/** Digits in any of the scripts Iraqi keyboards produce, turned into ASCII; spaces and dashes removed. */
export function normalizeDigits(value: string): string {
  return value
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\-\u00a0]/g, '');
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** A national card number (12 digits) from what was typed, or null. */
export function parseNationalId(value: string): string | null {
  if (BIDI.test(value)) return null;
  const digits = normalizeDigits(value);
  return /^[0-9]{12}$/.test(digits) ? digits : null;
}

/** An Iraqi mobile number in E.164 from `07…`, `7…`, `+9647…` or `009647…`, or null. */
export function parseMobile(value: string): string | null {
  if (BIDI.test(value)) return null;
  const digits = normalizeDigits(value).replace(/^\+/, '00');
  const national = digits.replace(/^00964/, '').replace(/^0/, '');
  return /^7[0-9]{9}$/.test(national) && !/[^0-9]/.test(digits) ? `+964${national}` : null;
}

/** A one-time code of `length` digits, or null. */
export function parseCode(value: string, length: number): string | null {
  const digits = normalizeDigits(value);
  return digits.length === length && /^[0-9]+$/.test(digits) ? digits : null;
}
