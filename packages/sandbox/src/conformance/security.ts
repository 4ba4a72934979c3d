// Security checks a back end must pass for the elements to be safe on it.
import { short, type Check, type CheckContext } from './checks.js';
import type { Exchange } from './http.js';
import { signIn } from './scenarios.js';

/** An origin no ministry allows. */
export const FOREIGN_ORIGIN = 'https://attacker.example';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

function corsReflected(exchange: Exchange): boolean {
  const origin = exchange.responseHeaders.get('access-control-allow-origin');
  const credentials = exchange.responseHeaders.get('access-control-allow-credentials') === 'true';
  return (origin === FOREIGN_ORIGIN || origin === '*') && credentials;
}

export const securityChecks: Check[] = [
  {
    suite: 'security',
    name: 'CORS: a foreign origin is not allowed with credentials',
    async run(context) {
      const client = context.client();
      const read = await client.send('GET', '/identity/v1/session', {
        headers: { origin: FOREIGN_ORIGIN },
      });
      context.expect(
        !corsReflected(read),
        `getSession from ${FOREIGN_ORIGIN}: the answer allows that origin with credentials`,
        read,
      );
      const preflight = await client.send('OPTIONS', '/payments/v1/payments', {
        headers: {
          origin: FOREIGN_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-csrf-token, idempotency-key',
        },
      });
      context.expect(
        !corsReflected(preflight),
        `preflight of createPayment from ${FOREIGN_ORIGIN}: allowed with credentials`,
        preflight,
      );
    },
  },
  {
    suite: 'security',
    name: 'Cookies: the session cookie is HttpOnly, SameSite and Secure (except on loopback)',
    async run(context) {
      const client = context.client();
      if (!(await signIn(context, client))) return;
      const verify = client.exchanges.at(-1);
      await client.send('DELETE', '/identity/v1/session');
      const loopback = LOOPBACK.test(new URL(context.baseUrl).hostname);
      context.expect(client.setCookies.length > 0, 'sign-in set no cookie', verify);
      for (const line of client.setCookies) {
        const name = line.split('=')[0]?.trim();
        const flags = line
          .split(';')
          .slice(1)
          .map((f) => f.trim().toLowerCase());
        context.expect(flags.includes('httponly'), `cookie ${name} is not HttpOnly`, verify);
        context.expect(
          flags.some((f) => f === 'samesite=strict' || f === 'samesite=lax'),
          `cookie ${name} has no SameSite=Strict or Lax`,
          verify,
        );
        if (!loopback)
          context.expect(flags.includes('secure'), `cookie ${name} is not Secure`, verify);
      }
    },
  },
  {
    suite: 'security',
    name: 'CSRF: unsafe methods with the session cookie but no valid X-CSRF-Token are refused',
    async run(context) {
      const client = context.signedIn();
      if (!client) return;
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const body = {
        payableIds: ['pbl_any'],
        method: 'qi-card',
        returnUrl: context.identity.returnUrl,
      };
      const missing = await client.send('POST', '/payments/v1/payments', {
        json: body,
        auth: false,
        headers: { cookie, 'idempotency-key': `conf-csrf-${Date.now()}` },
      });
      context.expectStatus(missing, 403, 'createPayment without X-CSRF-Token');
      const wrong = await client.send('POST', '/payments/v1/payments', {
        json: body,
        auth: false,
        headers: {
          cookie,
          'x-csrf-token': 'not-the-token',
          'idempotency-key': `conf-csrf-${Date.now()}-2`,
        },
      });
      context.expectStatus(wrong, 403, 'createPayment with a wrong X-CSRF-Token');
      const out = await client.send('DELETE', '/identity/v1/session', {
        auth: false,
        headers: { cookie },
      });
      context.expectStatus(out, 403, 'signOut without X-CSRF-Token');
    },
  },
];

/** The secrets of a run: what must never be in a URL or an error body. */
export function secretsOf(context: CheckContext[], identity: { nationalId: string; otp: string }) {
  const secrets = new Map<string, string>([
    [identity.nationalId, '<national-id>'],
    [identity.otp, '<otp>'],
  ]);
  for (const { clients } of context)
    for (const client of clients) {
      for (const value of client.cookies.values()) secrets.set(value, '<session>');
      for (const exchange of client.exchanges) {
        const csrf = exchange.responseHeaders.get('x-csrf-token');
        if (csrf) secrets.set(csrf, '<csrf-token>');
        for (const line of exchange.responseHeaders.getSetCookie()) {
          const value = line.split(';')[0]?.split('=').slice(1).join('=').trim();
          if (value && value.length >= 8) secrets.set(value, '<session>');
        }
        const token = /"accessToken"\s*:\s*"([^"]+)"/.exec(exchange.text)?.[1];
        if (token) secrets.set(token, '<access-token>');
      }
    }
  return secrets;
}

/** A function that replaces every secret in a text by its placeholder. */
export function redactor(secrets: Map<string, string>): (text: string) => string {
  const ordered = [...secrets]
    .filter(([s]) => s.length >= 4)
    .sort((a, b) => b[0].length - a[0].length);
  return (text) => ordered.reduce((t, [secret, label]) => t.split(secret).join(label), text);
}

/**
 * No national number, code or token in a URL the back end gave (`Location`, URLs in bodies) or in
 * an error body: checked over every exchange of the run.
 */
export function leakFailures(
  exchanges: readonly Exchange[],
  secrets: Map<string, string>,
): { message: string; exchange: Exchange }[] {
  const found: { message: string; exchange: Exchange }[] = [];
  // Longest first, each found one taken out of the text: a code that happens to be part of the
  // national number is not reported twice.
  const ordered = [...secrets]
    .filter(([s]) => s.length >= 4)
    .sort((a, b) => b[0].length - a[0].length);
  const check = (text: string, where: string, exchange: Exchange) => {
    let rest = text;
    for (const [secret, label] of ordered)
      if (rest.includes(secret)) {
        rest = rest.split(secret).join(' ');
        found.push({
          message: `${exchange.method} ${short(new URL(exchange.url).pathname)}: ${label} in ${where}`,
          exchange,
        });
      }
  };
  for (const exchange of exchanges) {
    const location = exchange.responseHeaders.get('location');
    if (location) check(location, 'the Location header', exchange);
    for (const url of exchange.text.match(/https?:\/\/[^\s"'<>]+/g) ?? [])
      check(url, 'a URL of the answer', exchange);
    if (exchange.status >= 400)
      check(exchange.text, `an error body (${exchange.status})`, exchange);
  }
  return found;
}
