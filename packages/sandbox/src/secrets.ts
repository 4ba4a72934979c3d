/**
 * Identifiers and tokens no one can guess or derive. Web Crypto only, so the same code runs in Node
 * and inside a page.
 */

/** `bytes` random bytes as lowercase hex. */
export function randomHex(bytes = 16): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

/** An identifier with 128 random bits: `prefix_` and 32 hex digits (`chl_3f9c…`). */
export function randomId(prefix: string): string {
  return `${prefix}_${randomHex(16)}`;
}

const encoder = new TextEncoder();
let processKey: Promise<CryptoKey> | null = null;

/**
 * Hex HMAC-SHA256 of `payload` with a secret drawn at random when the process (or page) first
 * needs it, never stored, logged or published: what only this sandbox can compute, and only until
 * it restarts.
 */
export async function processMac(payload: string): Promise<string> {
  processKey ??= crypto.subtle.importKey(
    'raw',
    crypto.getRandomValues(new Uint8Array(32)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', await processKey, encoder.encode(payload));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
