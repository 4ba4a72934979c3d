/** One invalid value of a request, as listed in a problem's `errors`. */
export interface FieldError {
  /** JSON Pointer into the request (`/body/nationalId`) or, on submitting a draft, into the draft. */
  pointer: string;
  /** What is wrong: `required`, `pattern`, `maxLength`, `enum`, `bidi`… */
  code: string;
  /** Localized explanation, in the language of `Accept-Language`. */
  detail: string;
}

/** An RFC 9457 problem details object as every e-service returns it (`common.yaml#/components/schemas/Problem`). */
export interface ProblemDetails {
  /** A URI reference naming the problem type. */
  type?: string;
  /** Short localized summary. */
  title?: string;
  /** The HTTP status. */
  status?: number;
  /** Localized explanation of this occurrence. */
  detail?: string;
  /** The request path that produced the problem. */
  instance?: string;
  /** Stable machine code: branch on it, never on `title` or `status`. */
  code: string;
  /** Correlates the request with server logs. */
  requestId?: string;
  /** Field errors, one per invalid value. */
  errors?: FieldError[];
  /** With `rate-limited` and `otp.resend-too-early`, the wait before trying again. */
  retryAfterSeconds?: number;
  /** Other extension members (`lockedUntil`, `attemptsLeft`, `currentVersion`…). */
  [member: string]: unknown;
}

/** What {@link EServicesError} is built from. */
export interface EServicesErrorInit {
  /** HTTP status; 0 when no response arrived. */
  status: number;
  /** Problem code, or `network.error`, `network.timeout`, `response.malformed`. */
  code: string;
  /** Localized title from the server; empty when there is none. */
  title?: string;
  /** Localized detail from the server. */
  detail?: string;
  /** The request id of the call. */
  requestId?: string;
  /** Whether trying the same call again later may succeed. */
  retryable?: boolean;
  /** Field errors of a `validation.failed` problem. */
  fieldErrors?: FieldError[];
  /** How long the server asked to wait, in seconds. */
  retryAfterSeconds?: number;
  /** The problem details as received. */
  problem?: ProblemDetails;
  /** The underlying error (a network failure, an abort). */
  cause?: unknown;
}

/** Statuses that describe a passing condition: the same request may succeed later. */
export const RETRYABLE_STATUSES: readonly number[] = [408, 429, 502, 503, 504];

/**
 * The milliseconds a `Retry-After` header asks to wait (delay-seconds or HTTP-date), or undefined
 * when it is absent or unreadable.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? +value * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * The error of every failed call: a problem returned by a service (`status` ≥ 400, `code` from
 * `ProblemCode`), a response that is not a problem (`response.malformed`), or no response at all
 * (`status` 0, `network.error` or `network.timeout`).
 *
 * Show `title` (and `fieldErrors`' `detail`) to citizens: they come localized from the server.
 * `message` is for logs. Quote `requestId` when reporting a problem.
 */
export class EServicesError extends Error {
  /** HTTP status; 0 when no response arrived. */
  declare readonly status: number;
  /** Stable machine code: a `ProblemCode`, or `network.error`, `network.timeout`, `response.malformed`. */
  declare readonly code: string;
  /** Localized title from the server; empty when the server sent none. */
  declare readonly title: string;
  /** Localized detail from the server. */
  declare readonly detail: string | undefined;
  /** The request id of the call (`X-Request-Id`): quote it when reporting a problem. */
  declare readonly requestId: string | undefined;
  /** Whether the same call may succeed later (a network failure, 408, 429, 502, 503, 504). */
  declare readonly retryable: boolean;
  /** Field errors of a `validation.failed` problem (empty otherwise). */
  declare readonly fieldErrors: readonly FieldError[];
  /** How long the server asked to wait, in seconds, from the problem or the `Retry-After` header. */
  declare readonly retryAfterSeconds: number | undefined;
  /** The problem details as received, when the body was one. */
  declare readonly problem: ProblemDetails | undefined;

  /** Builds an error; most code gets one from {@link EServicesError.fromResponse} or a rejected call. */
  constructor(init: EServicesErrorInit) {
    super(init.title ? `${init.code}: ${init.title}` : init.code, { cause: init.cause });
    this.name = 'EServicesError';
    Object.assign(this, {
      status: init.status,
      code: init.code,
      title: init.title ?? '',
      detail: init.detail,
      requestId: init.requestId,
      retryable: init.retryable ?? RETRYABLE_STATUSES.includes(init.status),
      fieldErrors: init.fieldErrors ?? [],
      retryAfterSeconds: init.retryAfterSeconds,
      problem: init.problem,
    });
  }

  /**
   * The error for a non-2xx response and its parsed body (openapi-fetch's `error`). A body that is
   * not a problem (an HTML page from a proxy, plain text) gives the code `response.malformed`.
   */
  static fromResponse(response: Response, body?: unknown): EServicesError {
    const problem =
      body && typeof body === 'object' && typeof (body as ProblemDetails).code === 'string'
        ? (body as ProblemDetails)
        : undefined;
    const waitMs = retryAfterMs(response.headers, Date.now());
    return new EServicesError({
      status: response.status,
      code: problem?.code ?? 'response.malformed',
      title: typeof problem?.title === 'string' ? problem.title : '',
      detail: problem?.detail,
      requestId: problem?.requestId ?? response.headers.get('X-Request-Id') ?? undefined,
      fieldErrors: Array.isArray(problem?.errors) ? problem.errors : [],
      retryAfterSeconds:
        problem?.retryAfterSeconds ?? (waitMs === undefined ? undefined : Math.ceil(waitMs / 1000)),
      problem,
    });
  }
}

/** Whether `value` is an {@link EServicesError} (also across two copies of this library on a page). */
export function isEServicesError(value: unknown): value is EServicesError {
  return value instanceof EServicesError || (value as Error | null)?.name === 'EServicesError';
}

/** What every openapi-fetch call resolves to: `data` on success, `error` otherwise. */
export interface ApiResult {
  /** The parsed body of a 2xx response. */
  data?: unknown;
  /** The parsed body of an error response. */
  error?: unknown;
  /** The response itself. */
  response: Response;
}

/** The data of a successful openapi-fetch result: what {@link unwrap} returns. */
export type DataOf<R> = R extends { data: infer D } ? D : never;

/**
 * The data of an openapi-fetch result, or throws the {@link EServicesError} of its error response.
 *
 * @example
 * const card = unwrap(await client.rationCard.GET('/card'));
 */
export function unwrap<R extends ApiResult>(result: R): DataOf<R> {
  if (result.response.ok) return result.data as DataOf<R>;
  throw EServicesError.fromResponse(result.response, result.error);
}
