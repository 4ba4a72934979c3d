import { msg } from '@lit/localize';
import type { EServicesError, FieldError, ProblemDetails } from '@iq-eservices/api';

/**
 * What kind of failure a {@link Problem} is — what the citizen can do about it:
 * - `offline`: no answer reached the page (`network.error`); check the connection, try again.
 * - `timeout`: the service did not answer in time (`network.timeout`, 408, or still in progress
 *   after the client's retries); try again (keyed calls are never done twice).
 * - `rate-limited`: 429; wait `retryAfterSeconds`.
 * - `server`: 5xx or an answer that is not a problem (`response.malformed`); try again later.
 * - `auth`: 401; the citizen must sign in (again).
 * - `cookie-blocked`: 401 after this page signed in, the service being on another site than the
 *   page (`SessionControls.cookieBlocked()`): the browser does not send the session cookie, so
 *   signing in again cannot help; the site must call the service from its own site.
 * - `not-configured`: the host gave the element no client (`configure({ client })`).
 * - `not-found`: 404.
 * - `validation`: 422 with field errors (`fieldErrors` carry JSON pointers and codes).
 * - `refused`: any other 4xx: the element reads `code` (the contract's `ProblemCode`).
 */
export type ProblemKind =
  | 'offline'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'auth'
  | 'cookie-blocked'
  | 'not-configured'
  | 'not-found'
  | 'validation'
  | 'refused';

/** Every failed call of every element, as one type: from {@link toProblem}. */
export interface Problem {
  readonly kind: ProblemKind;
  /** The contract's stable code (`otp.invalid`…), `network.*`, or `client.not-configured`. */
  readonly code: string;
  /** HTTP status; 0 without a response. */
  readonly status: number;
  /** The call's request id, quoted to the ministry's support as the reference. */
  readonly requestId?: string;
  /** How long the service asked to wait, in seconds. */
  readonly retryAfterSeconds?: number;
  /** Field errors of a `validation` problem (pointers into the request body). */
  readonly fieldErrors: readonly FieldError[];
  /**
   * The problem document as the service sent it, for the extension members an element reads
   * (`attemptsLeft`, `lockedUntil`…). Its `title` and `detail` are the server's words: never
   * rendered.
   */
  readonly details?: ProblemDetails;
}

/** The problem of an element the host gave no client. */
export const NOT_CONFIGURED: Problem = {
  kind: 'not-configured',
  code: 'client.not-configured',
  status: 0,
  fieldErrors: [],
};

/**
 * The one mapping from the client's typed error to a {@link Problem}. `cookieBlocked`: the
 * client's `session.cookieBlocked()` when the call failed (a 401 is then `cookie-blocked`).
 */
export function toProblem(error: EServicesError, cookieBlocked = false): Problem {
  const { status, code, fieldErrors } = error;
  const kind: ProblemKind =
    status === 401
      ? cookieBlocked
        ? 'cookie-blocked'
        : 'auth'
      : code === 'network.timeout' || status === 408 || code === 'idempotency.in-progress'
        ? 'timeout'
        : status === 0
          ? 'offline'
          : status === 429
            ? 'rate-limited'
            : status >= 500 || code === 'response.malformed'
              ? 'server'
              : status === 404
                ? 'not-found'
                : fieldErrors.length
                  ? 'validation'
                  : 'refused';
  return {
    kind,
    code,
    status,
    requestId: error.requestId,
    retryAfterSeconds: error.retryAfterSeconds,
    fieldErrors,
    details: error.problem,
  };
}

/** Whether trying the same call again may succeed (offline, timeout, rate limited, server). */
export const isRetryable = ({ kind }: Problem): boolean =>
  kind === 'offline' || kind === 'timeout' || kind === 'rate-limited' || kind === 'server';

/**
 * The library's own sentence for a problem, in the page's language. Elements give their own for
 * what only they can say (a card not found, a code refused) and this for the rest; a 4xx they do
 * not know (`not-found`, `validation`, `refused`) reads "could not accept this".
 */
export function problemMessage({ kind }: Problem): string {
  switch (kind) {
    case 'offline':
      return msg('We could not reach the service. Check your internet connection and try again.', {
        id: 'problem.offline',
      });
    case 'timeout':
      return msg('The service took too long to answer. Try again.', { id: 'problem.timeout' });
    case 'rate-limited':
      return msg('Too many attempts. Wait a moment, then try again.', {
        id: 'problem.rate-limited',
      });
    case 'auth':
      return msg('Your session has ended. Sign in again to continue.', { id: 'problem.auth' });
    case 'cookie-blocked':
      return msg(
        'This page cannot keep you signed in because of a problem with the site. Try again later.',
        { id: 'problem.cookie-blocked' },
      );
    case 'not-configured':
      return msg('This service cannot be used on this page at the moment.', {
        id: 'problem.not-configured',
      });
    case 'not-found':
    case 'validation':
    case 'refused':
      return msg('The service could not accept this. Check what you entered and try again.', {
        id: 'problem.refused',
      });
    default:
      return msg('Something went wrong on our side. Try again in a few minutes.', {
        id: 'problem.server',
      });
  }
}
