import type { SandboxState } from './state.js';
import type { Citizen } from './data/citizens.js';

/** The languages every message of the sandbox exists in. */
export type Lang = 'ar' | 'ckb' | 'en';

/**
 * The four e-services and the aggregation of the citizen's requests across them; each is one
 * contract in `openapi/` mounted at `/<service>/v1`.
 */
export type ServiceName =
  'identity' | 'ration-card' | 'social-protection' | 'payments' | 'requests' | 'education';

/** A field error of RFC 9457 problem details (`common.yaml#/components/schemas/FieldError`). */
export interface FieldError {
  pointer: string;
  code: string;
  detail: string;
}

/** Extension members and headers for {@link OperationContext.problem}. */
export interface ProblemExtra {
  /** Overrides the localized detail from the message catalogue. */
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  lockedUntil?: string;
  attemptsLeft?: number;
  currentVersion?: number;
  headers?: Record<string, string>;
}

/** Options of a cookie set with {@link OperationContext.setCookie}. */
export interface CookieOptions {
  httpOnly?: boolean;
  maxAgeSeconds?: number;
  path?: string;
}

/** A signed-in session (cookie or bearer mode). */
export interface SessionRecord {
  id: string;
  citizenId: string;
  mode: 'cookie' | 'bearer';
  csrfToken: string | null;
  accessToken: string | null;
  accessExpiresAt: string | null;
  refreshToken: string | null;
  createdAt: string;
  /** Absolute end of the session; refresh cannot extend past it. */
  maxExpiresAt: string;
  /** Idle expiry, extended by refresh. */
  expiresAt: string;
}

/**
 * What a handler of one contract operation receives. Everything in it has already been validated
 * against the contract: path, query, headers and body match their schemas, and for operations with
 * a security requirement the caller is signed in (`citizen` is set).
 */
export interface OperationContext {
  readonly operationId: string;
  readonly service: ServiceName;
  readonly request: Request;
  /** Path parameters. */
  readonly path: Readonly<Record<string, string>>;
  /** Query parameters, coerced to their schema types and with schema defaults applied. */
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Headers;
  /** The validated JSON body; for multipart bodies a plain object of fields (files as `File`). */
  readonly body: unknown;
  /** The body exactly as received (for signatures computed over the raw bytes); '' when none. */
  readonly rawBody: string;
  readonly lang: Lang;
  readonly requestId: string;
  readonly state: SandboxState;
  /** The sandbox clock (injectable in tests). */
  readonly now: Date;
  /** Absolute base URL of the sandbox as the browser reaches it (for hosted gateway pages). */
  readonly publicUrl: string;
  /** Origins allowed by CORS; a payment `returnUrl` must be on one of them or on localhost. */
  readonly allowedOrigins: readonly string[];
  readonly session: SessionRecord | null;
  readonly citizen: Citizen | null;
  /** A JSON response (`application/json`). */
  json(status: number, body: unknown, headers?: Record<string, string>): Response;
  /** A 204 response. */
  noContent(headers?: Record<string, string>): Response;
  /** An HTML page (hosted gateway pages only). */
  html(status: number, body: string, headers?: Record<string, string>): Response;
  /** A redirect (303 by default). */
  redirect(location: string, status?: number): Response;
  /** A localized RFC 9457 problem (`application/problem+json`) for a code of `messages.ts`. */
  problem(status: number, code: string, extra?: ProblemExtra): Response;
  /** Reads a cookie of the request (works in-process too, where browsers forbid `Cookie`). */
  cookie(name: string): string | undefined;
  /** Sets (or with `maxAgeSeconds: 0` clears) a cookie; always `Secure; SameSite=Strict`. */
  setCookie(name: string, value: string, options?: CookieOptions): void;
  /** A deterministic id: `prefix_` and a counter, e.g. `upd_000007`. */
  nextId(prefix: string): string;
  /** A reference number such as `MZL-2026-000123` (year from the sandbox clock). */
  nextReference(prefix: string): string;
  /**
   * Runs `compute` once per idempotency key (scoped to this operation and citizen). The same key
   * with the same path and body replays the stored response (with `Idempotency-Replayed: true`);
   * a different body gets 409 `idempotency.key-reused`; a concurrent duplicate gets 409
   * `idempotency.in-progress`. Only 2xx results are stored, so a failed attempt may be retried.
   */
  idempotent(key: string, compute: () => Promise<Response> | Response): Promise<Response>;
}

/** A handler for one `operationId`. */
export type OperationHandler = (ctx: OperationContext) => Response | Promise<Response>;

/** One e-service as the sandbox implements it. */
export interface ServiceModule {
  name: ServiceName;
  /** A handler for every operationId of the service's contract (a test checks none is missing). */
  handlers: Record<string, OperationHandler>;
  /** Extra routes outside the contract (hosted gateway pages), mounted at the sandbox root. */
  extraRoutes?: ExtraRoute[];
}

/** A route outside the contracts, such as a payment gateway's hosted page. */
export interface ExtraRoute {
  method: 'GET' | 'POST';
  /** Hono path syntax, e.g. `/gateway/:method/:paymentId`. */
  path: string;
  handler: (
    ctx: Omit<OperationContext, 'operationId' | 'body' | 'rawBody' | 'query'> & {
      query: Readonly<Record<string, string>>;
      form: () => Promise<Record<string, string>>;
    },
  ) => Response | Promise<Response>;
}
