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
  canRetry: boolean;
  isRefresh: boolean;
  /** The access token sent by the last attempt. */
  token?: string;
}

const REFRESH_PATH = '/identity/v1/session/refresh';
const TOKEN_PATH = /\/identity\/v1\/(sign-in\/[^/]+\/verify|session\/refresh)$/;

/** 128 random bits in hex. getRandomValues (unlike randomUUID) also works outside secure contexts. */
const randomId = (prefix: string): string =>
  prefix +
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

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
} {
  const fetchFn = o.fetch ?? ((request: Request) => fetch(request));
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

  async function attempts(template: Request, call: Call): Promise<Response> {
    const caller = template.signal;
    for (let attempt = 0; ; attempt++) {
      caller.throwIfAborted();
      const controller = new AbortController();
      // The caller's abort ends the attempt. The listener goes when the attempt has its answer
      // (or failed), the last attempt's included, so that a signal shared by many calls keeps
      // none: a caller's abort stops the wait for the response, not the read of its body.
      // (AbortSignal.any would also follow the body, but costs ~90 µs a call in Node.)
      const forward = (): void => controller.abort(caller.reason);
      caller.addEventListener('abort', forward);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      // A clone per attempt: the template's body is never consumed, so every retry replays it.
      const request = new Request(template.clone(), {
        signal: controller.signal,
        credentials: bearer ? undefined : 'include',
      });
      call.token = call.isRefresh ? undefined : tokens?.accessToken;
      if (call.token) request.headers.set('Authorization', `Bearer ${call.token}`);
      if (csrf && !/^(GET|HEAD|OPTIONS)$/.test(request.method)) {
        request.headers.set('X-CSRF-Token', csrf);
      }
      const info: AttemptInfo = {
        method: request.method,
        url: request.url,
        requestId: call.requestId,
        attempt,
      };
      o.onRequest?.(info);
      const started = now();
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await fetchFn(request);
      } catch (error) {
        // The caller's own abort ends the call as fetch would: it is not a failure to retry.
        if (caller.aborted) throw caller.reason;
        failure = error;
      } finally {
        clearTimeout(timer);
        caller.removeEventListener('abort', forward);
      }
      const token = response?.headers.get('X-CSRF-Token');
      if (token && !bearer) csrf = token;
      o.onResponse?.({ ...info, status: response?.status ?? 0, durationMs: now() - started });
      const wait = response && retryAfterMs(response.headers, now());
      if (
        !call.canRetry ||
        attempt >= maxRetries ||
        (response &&
          !RETRYABLE_STATUSES.includes(response.status) &&
          !(await inProgress(response))) ||
        // Waiting longer inside one call helps nobody on a slow phone: hand the wait to the caller.
        (wait ?? 0) > maxDelay * 4
      ) {
        if (response) return response;
        throw new EServicesError({
          status: 0,
          code: timedOut ? 'network.timeout' : 'network.error',
          requestId: call.requestId,
          retryable: true,
          cause: failure,
        });
      }
      await response?.body?.cancel().catch(() => undefined);
      // Full jitter: anywhere between 0 and the exponential cap, so clients do not retry in step.
      await sleep(wait ?? random() * Math.min(maxDelay, baseDelay * 2 ** attempt), caller);
    }
  }

  async function send(input: Request): Promise<Response> {
    const { pathname } = new URL(input.url);
    const headers = input.headers;
    const method = input.method;
    // One id per call, kept by its retries: the server's logs show the attempts of one call together.
    if (!headers.has('X-Request-Id')) headers.set('X-Request-Id', randomId('req_'));
    const locale = typeof o.locale === 'function' ? o.locale() : o.locale;
    if (locale && !headers.has('Accept-Language')) headers.set('Accept-Language', locale);
    // Calls that create something once (their contract declares the header): a retry without a
    // key could pay or submit twice.
    if (
      !headers.has('Idempotency-Key') &&
      idempotentOperations.some(([m, path]) => m === method && path.test(pathname))
    ) {
      headers.set('Idempotency-Key', randomId('idem_'));
    }
    const call: Call = {
      requestId: headers.get('X-Request-Id') as string,
      canRetry: /^(GET|HEAD|PUT|DELETE|OPTIONS)$/.test(method) || headers.has('Idempotency-Key'),
      isRefresh: pathname.endsWith(REFRESH_PATH),
    };
    try {
      let response = await attempts(input, call);
      const sent = call.token;
      if (
        sent &&
        response.status === 401 &&
        (await problemCode(response)) === 'auth.token-expired' &&
        tokens &&
        // Another call may have refreshed meanwhile: then only retry with the new token.
        (tokens.accessToken !== sent || (await refresh().catch(() => false)))
      ) {
        response = await attempts(input, call);
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
    session: {
      mode: auth.mode,
      isSignedIn: () => !!(bearer ? tokens : csrf),
      accessTokenExpiresAt: () => tokens?.accessTokenExpiresAt,
      refresh,
      clear,
    },
  };
}
