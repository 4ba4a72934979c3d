import { EServicesError, RETRYABLE_STATUSES, retryAfterMs } from './errors.js';
import { idempotentOperations } from './generated/idempotent-operations.js';

/** A language the services answer in. */
export type Locale = 'ar' | 'ckb' | 'en';

/** Retry policy of idempotent calls. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** The backoff cap of the first retry; it doubles on each retry. Default 500 ms. */
  baseDelayMs?: number;
  /** The largest backoff cap. A `Retry-After` longer than four times this ends the retries. Default 8000 ms. */
  maxDelayMs?: number;
}

/** How the client authenticates. */
export interface AuthOptions {
  /**
   * `cookie` (default): the session is an HttpOnly cookie that page scripts cannot read (RFC 10017's
   * backend-for-frontend); the client sends credentials and echoes the CSRF token.
   * `bearer`, for integrators that cannot use a cookie: the tokens `verifySignIn` returns (sign in
   * with `mode: 'bearer'`) are kept in memory only and sent as `Authorization: Bearer`.
   */
  mode: 'cookie' | 'bearer';
  /**
   * Called once when the server refuses to renew the session (a refresh answered with an error):
   * the citizen must sign in again. Not called for a network failure, which leaves the session as it was.
   */
  onSessionExpired?: () => void;
}

/** One attempt of a call, as the `onRequest` hook sees it. Bodies and headers are left out on purpose. */
export interface AttemptInfo {
  /** HTTP method. */
  method: string;
  /** The full URL requested. */
  url: string;
  /** The call's `X-Request-Id`, the same for all its attempts. */
  requestId: string;
  /** 0 for the first attempt, 1 for the first retry… */
  attempt: number;
}

/** The outcome of one attempt, as the `onResponse` hook sees it. */
export interface AttemptOutcome extends AttemptInfo {
  /** HTTP status; 0 when no response arrived (network failure or timeout). */
  status: number;
  /** Time from sending to the response headers (or the failure). */
  durationMs: number;
}

/** What the shared fetch pipeline needs (the client's options, resolved). */
export interface PipelineOptions {
  baseUrl: string;
  fetch?: (request: Request) => Promise<Response>;
  locale?: Locale | (() => Locale);
  auth?: AuthOptions;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  onRequest?: (info: AttemptInfo) => void;
  onResponse?: (outcome: AttemptOutcome) => void;
  /** Test seams: a random source in [0, 1), a sleep, a clock. */
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** What the client can tell and do about its sign-in state. */
export interface SessionControls {
  /** `cookie` or `bearer`, as configured. */
  readonly mode: 'cookie' | 'bearer';
  /**
   * Bearer mode: whether an access token is held. Cookie mode: whether a CSRF token was received
   * (the cookie itself is invisible to scripts; `getSession` is the authority).
   */
  isSignedIn(): boolean;
  /**
   * Cookie mode: whether this page has signed in (a CSRF token was received) while the service is
   * on another site than the page ({@link isSameSite}: `localhost` and `127.0.0.1` are two
   * sites). The browser then does not send the `SameSite=Strict` session cookie, and every call
   * after the sign-in answers 401: elements explain such a 401 with this instead of asking the
   * citizen to sign in again. False in bearer mode, outside a browser, and with a `fetch` option
   * (the in-page sandbox, a test double: a host's fetch keeps cookies its own way).
   */
  cookieBlocked(): boolean;
  /** Bearer mode: when the held access token expires (as the server said), for a timeout warning. */
  accessTokenExpiresAt(): string | undefined;
  /**
   * Extends the session now (the "stay signed in" of a timeout warning); in bearer mode also renews
   * the tokens. Resolves false (after `onSessionExpired`) when the server refuses; rejects with an
   * {@link EServicesError} when the network fails.
   */
  refresh(): Promise<boolean>;
  /** Forgets the tokens and the CSRF token (sign-out does this by itself). */
  clear(): void;
}

interface Tokens {
  accessToken: string;
  refreshToken?: string;
  accessTokenExpiresAt?: string;
}

interface Call {
  requestId: string;
  method: string;
  canRetry: boolean;
  isRefresh: boolean;
  /**
   * What each attempt is made from: the URL of a {@link CallDraft}, with {@link Call.init}; or a
   * request (made by a middleware, or the refresh), sent as it is by the first attempt.
   */
  input: string | Request;
  /** A draft's init (its headers are {@link Call.headers}); unused for a request. */
  init: RequestInit;
  /**
   * The headers every attempt sends (the caller's and the pipeline's), by lower-case name. A plain
   * object, not a `Headers`: the request an attempt makes copies a `Headers` through its
   * iterator, which costs Chromium about 1.5 µs an entry, and an object's entries much less.
   */
  headers: Record<string, string>;
  /** The request, until its first attempt sends it. */
  fresh: Request | undefined;
  /**
   * A copy of the request taken before the first attempt sends its body, while another attempt
   * may need it (a retry, or the attempt after a bearer token's renewal). A request without a
   * body is sent again as it is.
   */
  replay: Request | undefined;
  /** The caller's signal, if any. */
  caller: AbortSignal | undefined;
  /** The access token sent by the last attempt. */
  token?: string;
}

/**
 * A call as openapi-fetch describes it (the `Request` option the service clients are made with,
 * client.ts), taken as it is: its URL and init. No request is made until an attempt sends it, and
 * then only one: the platform's fetch is called with the URL and init (it makes its request from
 * them, as from a request), a host's fetch is given a request made from them. openapi-fetch alone
 * makes a request per call and the platform's fetch a second from it; making a request costs more
 * than everything else the pipeline does (in Node each `new Request` takes several µs).
 *
 * Middleware must be given a true request (it may copy or clone it), so a service client with
 * middleware, or a call with its own, makes one (client.ts).
 */
export class CallDraft {
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  /** The caller's signal, if it gave one. */
  readonly signal: AbortSignal | null;

  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method ?? 'GET';
    // openapi-fetch gives a Headers of the call's own.
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
  }
}

/** An attempt in flight, in the list of those a timeout may end. */
interface Watched {
  /** Ends this attempt. */
  readonly controller: AbortController;
  /** When it times out (performance.now() ms); undefined while not in the list. */
  deadline: number | undefined;
  prev: Watched | undefined;
  next: Watched | undefined;
}

/** One attempt of a call: its controller, its place among those in flight, the caller's abort. */
class Attempt implements Watched {
  readonly controller = new AbortController();
  deadline: number | undefined;
  prev: Watched | undefined;
  next: Watched | undefined;

  constructor(readonly caller: AbortSignal | undefined) {}

  /** The caller's abort, forwarded (the attempt itself is the listener: no closure per attempt). */
  handleEvent(): void {
    this.controller.abort(this.caller?.reason);
  }
}

// Every attempt in flight, with its deadline (performance.now() ms), under one timer for them all:
// a timer of its own per attempt costs about 3 µs in Chromium, as much as the rest of the
// pipeline's work on a call. The attempts are a list linked through themselves (no hashing, nothing
// allocated beside the attempt). The timer is armed for the earliest deadline, re-armed only for an
// earlier one, and when it fires ends what is due and arms for the next. In Node it holds the
// process open only while some attempt is in flight, as a timer per attempt did.
let head: Watched | undefined;
let tail: Watched | undefined;
let watching = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

type NodeTimer = { ref?: () => unknown; unref?: () => unknown };

function arm(at: number): void {
  clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(expire, Math.max(0, Math.ceil(at - performance.now())));
}

function expire(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = performance.now();
  let next = Infinity;
  for (let w = head; w;) {
    const after = w.next;
    const at = w.deadline as number;
    if (at <= now) {
      unwatch(w);
      w.controller.abort();
    } else if (at < next) next = at;
    w = after;
  }
  if (next < Infinity) arm(next);
}

/** Aborts `w.controller` after `ms`, unless {@link unwatch}ed first. */
function watch(w: Watched, ms: number): void {
  const at = performance.now() + ms;
  w.deadline = at;
  w.prev = tail;
  w.next = undefined;
  if (tail) tail.next = w;
  else head = w;
  tail = w;
  if (watching++ === 0) (timer as NodeTimer | undefined)?.ref?.();
  if (at < timerAt) arm(at);
}

function unwatch(w: Watched): void {
  if (w.deadline === undefined) return;
  const { prev, next } = w;
  if (prev) prev.next = next;
  else head = next;
  if (next) next.prev = prev;
  else tail = prev;
  w.deadline = w.prev = w.next = undefined;
  if (--watching === 0) (timer as NodeTimer | undefined)?.unref?.();
}

/** Methods that change nothing on the server, and those that may be repeated safely. */
const SAFE = /^(GET|HEAD|OPTIONS)$/;
const IDEMPOTENT = /^(GET|HEAD|PUT|DELETE|OPTIONS)$/;

const REFRESH_PATH = '/identity/v1/session/refresh';
const TOKEN_PATH = /\/identity\/v1\/(sign-in\/[^/]+\/verify|session\/refresh)$/;

// Ids are cut from a string of random hex made 32 ids at a time: one getRandomValues call (several
// µs in Node) and one pass over a byte → hex table for all of them, then a slice per id.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Hex digits per id (128 bits). */
const ID_HEX = 32;
const IDS_PER_DRAW = 32;
const bytes = new Uint8Array((IDS_PER_DRAW * ID_HEX) / 2);
let hexPool = '';
let cut = 0;
/** 128 random bits in hex. getRandomValues (unlike randomUUID) also works outside secure contexts. */
const randomId = (prefix: string): string => {
  if (cut === hexPool.length) {
    crypto.getRandomValues(bytes);
    let hex = '';
    for (const byte of bytes) hex += HEX[byte] as string;
    hexPool = hex;
    cut = 0;
  }
  return prefix + hexPool.slice(cut, (cut += ID_HEX));
};

// The listener goes when the sleep ends either way: a long-lived signal (a page's, an element's)
// must not collect one listener per retry.
const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** The signal of a call without one: never aborts. */
const NEVER = new AbortController().signal;

const problemCode = (response: Response): Promise<unknown> =>
  response
    .clone()
    .json()
    .then(
      (body: { code?: unknown } | null) => body?.code,
      () => undefined,
    );

/**
 * 409 `idempotency.in-progress`: the first sending of this key is still being handled (a page
 * reloaded while paying sends its request again). Asked again after `Retry-After`, it answers
 * that sending's result.
 */
const inProgress = async (response: Response): Promise<boolean> =>
  response.status === 409 && (await problemCode(response)) === 'idempotency.in-progress';

/**
 * The fetch every service client shares: request ids, language, credentials, idempotency keys,
 * per-attempt timeouts, retries with backoff, and the session (CSRF token, bearer tokens, one
 * shared refresh). Returns the wrapped fetch for openapi-fetch and the session controls.
 */
export function createPipeline(o: PipelineOptions): {
  fetch: (request: Request) => Promise<Response>;
  session: SessionControls;
  /**
   * The `Request` option of a service's openapi-fetch client: it describes each call as a
   * {@link CallDraft}, or makes a request while `middleware()` is true (a middleware is given
   * the request and may copy or clone it). Requests are made with the client's credentials.
   */
  requestClass: (middleware: () => boolean) => typeof Request;
} {
  const host = o.fetch;
  const auth = o.auth ?? { mode: 'cookie' };
  const bearer = auth.mode === 'bearer';
  const retry = o.retry === false ? { maxRetries: 0 } : (o.retry ?? {});
  const maxRetries = retry.maxRetries ?? 2;
  const baseDelay = retry.baseDelayMs ?? 500;
  const maxDelay = retry.maxDelayMs ?? 8000;
  const timeoutMs = o.timeoutMs ?? 15000;
  const random = o.random ?? Math.random;
  const sleep = o.sleep ?? abortableSleep;
  const now = o.now ?? Date.now;
  // Held in this closure only: never in storage, never in a URL.
  let csrf: string | undefined;
  let tokens: Tokens | undefined;
  let refreshing: Promise<boolean> | undefined;

  const clear = (): void => {
    csrf = tokens = undefined;
  };

  const credentials: RequestCredentials | undefined = bearer ? undefined : 'include';

  /** What an attempt of a draft is sent with: its init, every member named (see below). */
  const attemptInit = (
    init: RequestInit,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): RequestInit =>
    // None spread: undici reads an object made by spreading openapi-fetch's init several µs slower
    // (measured in Node 20: 8.2 µs against 3.9 µs a request).
    ({
      method: init.method,
      headers,
      body: init.body,
      redirect: init.redirect,
      signal,
      credentials: credentials ?? init.credentials,
      cache: init.cache,
      mode: init.mode,
      keepalive: init.keepalive,
      priority: init.priority,
      referrer: init.referrer,
      referrerPolicy: init.referrerPolicy,
      integrity: init.integrity,
    }) as RequestInit;

  /**
   * Sends one attempt, with its signal: at most one request is made, none for a draft on the
   * platform's fetch. A host's fetch is given a request that carries the signal (a host may not
   * pass a second argument on, and a timeout must end its request on the network too).
   */
  function dispatch(call: Call, attempt: Attempt, request: Request | undefined): Promise<Response> {
    const signal = attempt.controller.signal;
    if (!request) {
      const init = attemptInit(call.init, call.headers, signal);
      return host ? host(new Request(call.input, init)) : fetch(call.input, init);
    }
    // The attempt's signal replaces the request's own, which cannot be aborted from here; the
    // headers replace its headers (the same, with the pipeline's).
    const init = { headers: call.headers, signal, credentials };
    return host ? host(new Request(request, init)) : fetch(request, init);
  }

  async function attempts(call: Call): Promise<Response> {
    for (let n = 0; ; n++) {
      const caller = call.caller;
      caller?.throwIfAborted();
      // A request is sent as it is by its first attempt; the others send a copy of its body.
      const request =
        typeof call.input === 'string'
          ? undefined
          : (call.fresh ?? call.replay?.clone() ?? call.input);
      call.fresh = undefined;
      const headers = call.headers;
      // Tokens as they are now: the headers may carry what an earlier attempt sent.
      const token = call.isRefresh ? undefined : tokens?.accessToken;
      if (token) headers.authorization = `Bearer ${token}`;
      else if (call.token) {
        delete headers.authorization;
        request?.headers.delete('authorization');
      }
      call.token = token;
      if (csrf && !SAFE.test(call.method)) headers['x-csrf-token'] = csrf;
      // A middleware's request shows what it is sent with (the middleware's `onResponse` may read
      // its request id).
      if (request) for (const name in headers) request.headers.set(name, headers[name] as string);
      // What the host's hooks are told (only made for a host that listens).
      const info: AttemptInfo | undefined =
        o.onRequest || o.onResponse
          ? {
              method: call.method,
              url: request ? request.url : (call.input as string),
              requestId: call.requestId,
              attempt: n,
            }
          : undefined;
      if (info) o.onRequest?.(info);
      const started = info ? now() : 0;
      const attempt = new Attempt(caller);
      // The caller's abort ends the attempt. The listener goes when the attempt has its answer
      // (or failed), the last attempt's included, so that a signal shared by many calls keeps
      // none: a caller's abort stops the wait for the response, not the read of its body.
      // (AbortSignal.any would also follow the body, but costs ~90 µs a call in Node.)
      caller?.addEventListener('abort', attempt);
      watch(attempt, timeoutMs);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await dispatch(call, attempt, request);
      } catch (error) {
        // The caller's own abort ends the call as fetch would: it is not a failure to retry.
        if (caller?.aborted) throw caller.reason;
        failure = error;
      } finally {
        unwatch(attempt);
        caller?.removeEventListener('abort', attempt);
      }
      if (response && !bearer) {
        const csrfToken = response.headers.get('X-CSRF-Token');
        if (csrfToken) csrf = csrfToken;
      }
      if (info)
        o.onResponse?.({ ...info, status: response?.status ?? 0, durationMs: now() - started });
      let wait: number | undefined;
      if (
        !call.canRetry ||
        n >= maxRetries ||
        (response &&
          !RETRYABLE_STATUSES.includes(response.status) &&
          !(response.status === 409 && (await inProgress(response)))) ||
        // Waiting longer inside one call helps nobody on a slow phone: hand the wait to the caller.
        ((wait = response && retryAfterMs(response.headers, now())) ?? 0) > maxDelay * 4
      ) {
        if (response) return response;
        throw new EServicesError({
          status: 0,
          // Not the caller's abort (thrown above): the attempt's own, its timeout.
          code: attempt.controller.signal.aborted ? 'network.timeout' : 'network.error',
          requestId: call.requestId,
          retryable: true,
          cause: failure,
        });
      }
      await response?.body?.cancel().catch(() => undefined);
      // Full jitter: anywhere between 0 and the exponential cap, so clients do not retry in step.
      const delay = wait ?? random() * Math.min(maxDelay, baseDelay * 2 ** n);
      await sleep(delay, caller ?? NEVER);
    }
  }

  async function send(given: Request | CallDraft): Promise<Response> {
    // A body that is read once (a stream) is sent through a request, which keeps a copy of it.
    const input =
      given instanceof CallDraft && given.body instanceof ReadableStream
        ? new Request(given.url, { ...given.init, headers: given.headers })
        : given;
    const draft = input instanceof CallDraft ? input : undefined;
    const request = draft ? undefined : (input as Request);
    const headers: Record<string, string> = {};
    input.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const method = input.method;
    // Only calls that change something need their path (idempotency keys, the session's own calls).
    const pathname = SAFE.test(method) ? '' : new URL(input.url).pathname;
    // One id per call, kept by its retries: the server's logs show the attempts of one call together.
    let requestId = headers['x-request-id'];
    if (!requestId) headers['x-request-id'] = requestId = randomId('req_');
    const locale = typeof o.locale === 'function' ? o.locale() : o.locale;
    if (locale && !headers['accept-language']) headers['accept-language'] = locale;
    // Calls that create something once (their contract declares the header): a retry without a
    // key could pay or submit twice.
    if (
      pathname &&
      !headers['idempotency-key'] &&
      idempotentOperations.some(([m, path]) => m === method && path.test(pathname))
    ) {
      headers['idempotency-key'] = randomId('idem_');
    }
    const canRetry = IDEMPOTENT.test(method) || !!headers['idempotency-key'];
    const call: Call = {
      requestId,
      method,
      canRetry,
      isRefresh: pathname.endsWith(REFRESH_PATH),
      input: request ?? input.url,
      init: draft ? draft.init : {},
      headers,
      fresh: request,
      replay: request?.body && (canRetry || bearer) ? request.clone() : undefined,
      caller: input.signal ?? undefined,
    };
    try {
      let response = await attempts(call);
      const sent = call.token;
      if (
        sent &&
        response.status === 401 &&
        (await problemCode(response)) === 'auth.token-expired' &&
        tokens &&
        // Another call may have refreshed meanwhile: then only retry with the new token.
        (tokens.accessToken !== sent || (await refresh().catch(() => false)))
      ) {
        response = await attempts(call);
      }
      if (bearer && response.ok && TOKEN_PATH.test(pathname)) {
        const body = (await response
          .clone()
          .json()
          .catch(() => undefined)) as Partial<Tokens> | undefined;
        if (body?.accessToken) {
          tokens = {
            accessToken: body.accessToken,
            refreshToken: body.refreshToken ?? tokens?.refreshToken,
            accessTokenExpiresAt: body.accessTokenExpiresAt,
          };
        }
      }
      return response;
    } finally {
      if (method === 'DELETE' && pathname.endsWith('/identity/v1/session')) clear();
    }
  }

  // Concurrent expired calls share one refresh. Resolves false when the server refused it (the
  // session is over), rejects on a network failure (the session may still be alive).
  function refresh(): Promise<boolean> {
    return (refreshing ??= (async () => {
      const refreshToken = tokens?.refreshToken;
      const ok =
        (!bearer || !!refreshToken) &&
        (
          await send(
            new Request(
              o.baseUrl + REFRESH_PATH,
              bearer
                ? {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json' },
                    body: JSON.stringify({ refreshToken }),
                  }
                : { method: 'POST' },
            ),
          )
        ).ok;
      if (!ok) {
        clear();
        auth.onSessionExpired?.();
      }
      return ok;
    })().finally(() => {
      refreshing = undefined;
    }));
  }

  return {
    fetch: send,
    requestClass: (middleware) => {
      // openapi-fetch calls it with `new`: a function called so may give another object than `this`.
      function CallRequest(url: string, init: RequestInit): Request | CallDraft {
        return middleware()
          ? new Request(url, { ...init, credentials: credentials ?? init.credentials })
          : new CallDraft(url, init);
      }
      // openapi-fetch takes what a middleware returns if it is an instance of this option: any
      // request is (one the middleware made itself included).
      Object.defineProperty(CallRequest, Symbol.hasInstance, {
        value: (value: unknown) => value instanceof Request,
      });
      return CallRequest as unknown as typeof Request;
    },
    session: {
      mode: auth.mode,
      isSignedIn: () => !!(bearer ? tokens : csrf),
      cookieBlocked: () => {
        const page = (globalThis as { location?: { href?: string } }).location?.href;
        return !bearer && !o.fetch && !!csrf && !!page && !isSameSite(page, o.baseUrl);
      },
      accessTokenExpiresAt: () => tokens?.accessTokenExpiresAt,
      refresh,
      clear,
    },
  };
}

/** Second-level labels under which a country's domains are registered (`moh.gov.iq`, `uokufa.edu.iq`). */
const SECOND_LEVEL = new Set(['gov', 'edu', 'com', 'org', 'net', 'ac', 'co', 'mil', 'sch']);

/**
 * The "site" of an address as browsers compare it for `SameSite` cookies: the scheme and the
 * registrable domain (`https://moh.gov.iq` for `https://api.moh.gov.iq`); a loopback name or an
 * IP address is its own site. The registrable domain is approximated without the public suffix
 * list: the last two labels, or three under a country code's `gov`, `edu`, `com`… .
 */
function siteOf(address: string): string {
  const { protocol, hostname } = new URL(address);
  const labels = hostname.split('.');
  const [second = '', top = ''] = labels.slice(-2);
  const own =
    hostname === 'localhost' || hostname.startsWith('[') || /^[\d.]+$/.test(hostname)
      ? labels.length
      : labels.length >= 3 && top.length === 2 && SECOND_LEVEL.has(second)
        ? 3
        : 2;
  return `${protocol}//${labels.slice(-own).join('.')}`;
}

/**
 * Whether a page at `pageUrl` and a service at `serviceUrl` are one site to the browser, so that
 * the service's `SameSite=Strict` session cookie is sent with the page's calls
 * (`http://localhost:5173` and `http://127.0.0.1:4010` are not; `https://www.moh.gov.iq` and
 * `https://api.moh.gov.iq` are). A relative `serviceUrl` is the page's own site.
 */
export function isSameSite(pageUrl: string, serviceUrl: string): boolean {
  return siteOf(pageUrl) === siteOf(new URL(serviceUrl, pageUrl).href);
}
