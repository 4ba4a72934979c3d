/** One request and its answer, as the conformance kit sent and received it. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** The body sent, as text (a multipart body is described, not copied). */
  requestBody?: string;
  /** 0 when no answer arrived. */
  status: number;
  responseHeaders: Headers;
  /** The answer's body as text. */
  text: string;
  /** Why no answer arrived. */
  error?: string;
}

/** What {@link Client.send} sends. */
export interface SendOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (with `headers['content-type']` when given). */
  body?: string | FormData;
  headers?: Record<string, string>;
  /** Send the session (cookie and CSRF token, or the bearer token). Default true. */
  auth?: boolean;
}

/**
 * A caller of one back end with a session of its own, as a browser would hold it: the cookies the
 * back end set (whatever their `Secure` flag: the kit may test a loopback server) and the CSRF
 * token it returned. Every exchange is recorded for the checks and the report.
 */
export class Client {
  readonly cookies = new Map<string, string>();
  /** Every `Set-Cookie` line received, for the cookie checks. */
  readonly setCookies: string[] = [];
  csrfToken: string | undefined;
  bearer: string | undefined;
  /** Every exchange so far, oldest first. */
  readonly exchanges: Exchange[] = [];
  /** Called with each exchange as it completes. */
  onExchange: ((exchange: Exchange) => void) | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  /** Holds `other`'s session (its cookies, CSRF token and bearer token) from now on. */
  adopt(other: Client): this {
    for (const [name, value] of other.cookies) this.cookies.set(name, value);
    this.csrfToken = other.csrfToken;
    this.bearer = other.bearer;
    return this;
  }

  /** Sends `method path` (`path` below the base URL, with its query) and records the exchange. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Exchange> {
    const url = new URL(path.replace(/^\//, ''), this.baseUrl.replace(/\/?$/, '/')).href;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...lower(options.headers),
    };
    let body: string | FormData | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    if (options.auth !== false) {
      if (this.cookies.size && !('cookie' in headers))
        headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (this.csrfToken && !/^(GET|HEAD)$/.test(method) && !('x-csrf-token' in headers))
        headers['x-csrf-token'] = this.csrfToken;
      if (this.bearer && !('authorization' in headers))
        headers['authorization'] = `Bearer ${this.bearer}`;
    }
    const exchange: Exchange = {
      method,
      url,
      requestHeaders: headers,
      requestBody:
        typeof body === 'string' ? body : body ? '(multipart/form-data body)' : undefined,
      status: 0,
      responseHeaders: new Headers(),
      text: '',
    };
    try {
      const response = await fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      exchange.status = response.status;
      exchange.responseHeaders = response.headers;
      exchange.text = await response.text();
      for (const line of response.headers.getSetCookie()) {
        this.setCookies.push(line);
        const [pair = ''] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq < 1) continue;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        // An expired or emptied cookie is the server ending it.
        if (!value || /;\s*max-age=0\b/i.test(line)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const csrf = response.headers.get('x-csrf-token');
      if (csrf) this.csrfToken = csrf;
    } catch (error) {
      exchange.error = (error as Error).message;
    }
    this.exchanges.push(exchange);
    this.onExchange?.(exchange);
    return exchange;
  }
}

/** The exchange's body as JSON, or undefined when it is not JSON. */
export function jsonOf<T = unknown>(exchange: Exchange): T | undefined {
  try {
    return JSON.parse(exchange.text) as T;
  } catch {
    return undefined;
  }
}

function lower(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A `curl` command that sends the exchange's request again, with every secret in `redact`
 * replaced by a placeholder (`<session>`, `<otp>`…): the report never holds a live session.
 */
export function curl(exchange: Exchange, redact: (text: string) => string): string {
  const parts = [`curl -i -X ${exchange.method} ${quote(redact(exchange.url))}`];
  for (const [name, value] of Object.entries(exchange.requestHeaders))
    parts.push(`-H ${quote(`${name}: ${redact(value)}`)}`);
  if (exchange.requestBody !== undefined)
    parts.push(`--data-raw ${shellText(redact(exchange.requestBody))}`);
  return parts.join(' \\\n  ');
}

/**
 * A shell word for `text`: single-quoted, with each run of 1 000 or more of one letter or digit
 * (a hostile 10 000-character value, an oversized body) written as the command that makes it.
 */
function shellText(text: string): string {
  return text
    .split(/(([A-Za-z0-9])\2{999,})/)
    .filter((_, i) => i % 3 !== 2)
    .map((part, i) =>
      i % 2 ? `"$(head -c ${part.length} /dev/zero | tr '\\0' ${part[0]})"` : quote(part),
    )
    .join('');
}
