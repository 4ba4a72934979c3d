import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { contracts } from './generated/contracts.js';
import {
  compileContract,
  responseValidator,
  toFieldErrors,
  type CompiledContract,
  type CompiledOperation,
} from './validation.js';
import type { OpenApiDocument } from './openapi-types.js';
import { fieldErrorDetail, negotiateLanguage, problemTitle } from './messages.js';
import { seedState, type SandboxState } from './state.js';
import { DroppedConnection, FaultController, type FaultKind, type Scenario } from './faults.js';
import { identityService } from './services/identity.js';
import { rationCardService } from './services/ration-card.js';
import { socialProtectionService } from './services/social-protection.js';
import { paymentsService } from './services/payments.js';
import { requestsService } from './services/requests.js';
import { educationService } from './services/education.js';
import { BodyTooLarge, JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT, readBody } from './body-limit.js';
import type { Citizen } from './data/citizens.js';
import type {
  CookieOptions,
  ExtraRoute,
  FieldError,
  OperationContext,
  ProblemExtra,
  ServiceModule,
  ServiceName,
  SessionRecord,
} from './types.js';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** The clock (default: real time). Tests pass a manual one to expire codes and sessions. */
  clock?: () => Date;
  /** A state to start from (e.g. read from a data file); the seeded state otherwise. */
  state?: SandboxState;
  /** Called after every request that may have changed the state (used to write the data file). */
  onStateChange?: (state: SandboxState) => void;
  /** Origins allowed by CORS (with credentials). Localhost origins are always allowed. */
  allowedOrigins?: string[];
  /** Base URL the browser reaches the sandbox at; by default the origin of each request. */
  publicUrl?: string;
  /**
   * Validate every response against the contract (default true). A mismatch is recorded in
   * {@link Sandbox.violations} and reported with `console.error`; the response is still sent.
   */
  validateResponses?: boolean;
  /** Expose `/__sandbox/*` controls (reset, scenario) over HTTP (default true). */
  controls?: boolean;
  /** The longest a `timeout` fault holds a request, in milliseconds (default 30 000). */
  hangMs?: number;
  /** Seed of the fault generator (default fixed), so fault rates repeat run after run. */
  faultSeed?: number;
}

/** A response that did not match its contract. */
export interface ContractViolation {
  operationId: string;
  status: number;
  errors: string[];
}

/** Per-request values passed from the adapter (in-process fetch or Node server). */
export interface SandboxEnv {
  /** In-process cookie jar: browsers forbid `Cookie` and `Set-Cookie` on script-built messages. */
  jar?: Map<string, string>;
}

/** A running sandbox: a web-standard handler plus its controls. */
export interface Sandbox {
  /** Handles one request, as a server would. */
  fetch(request: Request, env?: SandboxEnv): Promise<Response>;
  /** The live state. */
  readonly state: SandboxState;
  /** Back to the seeded state; scenario cleared. */
  reset(): void;
  /** Latency and fault injection. */
  readonly faults: FaultController;
  /** Responses that did not match the contract (tests assert this stays empty). */
  readonly violations: ContractViolation[];
  /** The sandbox's citizens (for printing identities and for tests). */
  readonly citizens: readonly Citizen[];
  /** How many requests reached each operation's handler (tests check every operation is exercised). */
  readonly calls: Readonly<Record<string, number>>;
  /** Every operationId of every contract, and whether the sandbox implements it. */
  readonly operations: readonly {
    service: ServiceName;
    operationId: string;
    implemented: boolean;
  }[];
}

/** The services, in contract order. */
export const services: ServiceModule[] = [
  identityService,
  rationCardService,
  socialProtectionService,
  paymentsService,
  requestsService,
  educationService,
];

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-CSRF-Token',
  'Retry-After',
  'Content-Language',
  'Idempotency-Replayed',
  // Downloads that resume (education's material files).
  'Accept-Ranges',
  'Content-Range',
  'Content-Length',
  'ETag',
];
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

// Compiling the validators takes most of a sandbox's start-up; they depend only on the contract.
const compiledContracts = new Map<string, CompiledContract>();
function compiledContract(name: string, doc: OpenApiDocument): CompiledContract {
  let compiled = compiledContracts.get(name);
  if (!compiled) {
    compiled = compileContract(name, doc);
    compiledContracts.set(name, compiled);
  }
  return compiled;
}

/** Creates a sandbox over seeded, deterministic data. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? (() => new Date());
  const validateResponses = options.validateResponses ?? true;
  const hangMs = options.hangMs ?? 30_000;
  const allowedOrigins = options.allowedOrigins ?? [];
  let state = options.state ?? seedState();
  const faults = new FaultController(options.faultSeed);
  const violations: ContractViolation[] = [];
  const calls: Record<string, number> = {};
  const changed = () => options.onStateChange?.(state);

  const app = new Hono<{ Bindings: SandboxEnv }>();
  app.use(
    '*',
    cors({
      origin: (origin) =>
        LOCAL_ORIGIN.test(origin) || allowedOrigins.includes(origin) ? origin : null,
      credentials: true,
      allowHeaders: [
        'Content-Type',
        'Accept-Language',
        'X-Request-Id',
        'X-CSRF-Token',
        'Idempotency-Key',
        'Authorization',
        'Range',
        'If-Range',
      ],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    }),
  );

  const operations: { service: ServiceName; operationId: string; implemented: boolean }[] = [];

  // Every route and its method, so that a method a path does not have gets 405 with `Allow`.
  const routes: { pattern: RegExp; method: string }[] = [];
  const route = (method: string, path: string) => {
    const source = path
      .split(/(:[A-Za-z]+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    routes.push({ pattern: new RegExp(`^${source}$`), method });
    return path;
  };

  for (const service of services) {
    const doc = contracts[service.name];
    if (!doc) throw new Error(`no contract for ${service.name}`);
    const compiled = compiledContract(service.name, doc);
    for (const op of compiled.operations) {
      const handler = service.handlers[op.operationId];
      operations.push({
        service: service.name,
        operationId: op.operationId,
        implemented: Boolean(handler),
      });
      const path = compiled.basePath + op.path.replace(/\{([^}]+)\}/g, ':$1');
      app.on(op.method.toUpperCase(), route(op.method.toUpperCase(), path), async (c) => {
        const base = await baseContext(c, service.name);
        try {
          return await runOperation(c, base, op, handler);
        } catch (error) {
          if (error instanceof DroppedConnection) throw error;
          console.error(`sandbox: ${op.operationId} failed`, error);
          return problemResponse(base, 500, 'server.error');
        }
      });
    }
    for (const extra of service.extraRoutes ?? []) mountExtra(service.name, extra);
  }

  function mountExtra(serviceName: ServiceName, extra: ExtraRoute) {
    app.on(extra.method, route(extra.method, extra.path), async (c) => {
      const base = await baseContext(c, serviceName);
      const session = resolveSession(c, base).session;
      let response: Response;
      try {
        response = await extra.handler({
          ...base,
          path: c.req.param() as Record<string, string>,
          query: Object.fromEntries(new URL(c.req.url).searchParams),
          form: async () => {
            const bytes = await readBody(c.req.raw, JSON_BODY_LIMIT);
            const data = await new Response(bytes, {
              headers: { 'Content-Type': c.req.header('content-type') ?? '' },
            }).formData();
            return Object.fromEntries(
              [...data].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
            );
          },
          session,
          citizen: session
            ? (state.citizens.find((x) => x.id === session.citizenId) ?? null)
            : null,
        });
      } catch (error) {
        if (error instanceof BodyTooLarge) return finish(base, tooLarge(base));
        throw error;
      }
      changed();
      return finish(base, response);
    });
  }

  if (options.controls ?? true) {
    app.post(route('POST', '/__sandbox/reset'), () => {
      reset();
      return new Response(null, { status: 204 });
    });
    app.get(route('GET', '/__sandbox/scenario'), () => Response.json(faults.scenario));
    app.put(route('PUT', '/__sandbox/scenario'), async (c) => {
      let scenario: Scenario;
      try {
        const bytes = await readBody(c.req.raw, JSON_BODY_LIMIT);
        scenario = JSON.parse(new TextDecoder().decode(bytes)) as Scenario;
        faults.set(scenario);
      } catch {
        return Response.json(
          { error: 'expected a JSON scenario { latencyMs, faults }' },
          { status: 400 },
        );
      }
      return Response.json(faults.scenario);
    });
    app.delete(route('DELETE', '/__sandbox/scenario'), () => {
      faults.clear();
      return new Response(null, { status: 204 });
    });
  }

  // A dropped connection must leave the app as an exception, for the adapter to drop the socket.
  app.onError((error) => {
    if (error instanceof DroppedConnection) throw error;
    console.error('sandbox: unhandled error', error);
    return new Response(null, { status: 500 });
  });
  app.notFound(async (c) => {
    const base = await baseContext(c, 'identity');
    const path = new URL(c.req.url).pathname;
    const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.size === 0) return finish(base, problemResponse(base, 404, 'not-found'));
    // A path that exists, asked with a method it does not have (TRACE, PATCH…): 405 and what it has.
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS'); // CORS preflights are answered on every path
    const allow = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].filter((m) =>
      methods.has(m),
    );
    return finish(
      base,
      problemResponse(base, 405, 'method-not-allowed', { headers: { Allow: allow.join(', ') } }),
    );
  });

  // ---- per-request context -------------------------------------------------------------------

  type Base = Omit<
    OperationContext,
    'operationId' | 'path' | 'query' | 'body' | 'rawBody' | 'session' | 'citizen'
  > & {
    pendingCookies: string[];
  };

  async function baseContext(
    c: Context<{ Bindings: SandboxEnv }>,
    serviceName: ServiceName,
  ): Promise<Base> {
    const request = c.req.raw;
    const lang = negotiateLanguage(request.headers.get('accept-language'));
    const given = request.headers.get('x-request-id');
    const requestId =
      given && REQUEST_ID.test(given) ? given : `req_${crypto.randomUUID().replace(/-/g, '')}`;
    const now = clock();
    const jar = c.env?.jar;
    const pendingCookies: string[] = [];
    const requestCookies = parseCookies(request.headers.get('cookie'));
    const publicUrl = options.publicUrl ?? new URL(request.url).origin;
    const base: Base = {
      service: serviceName,
      request,
      headers: request.headers,
      lang,
      requestId,
      state,
      now,
      publicUrl,
      allowedOrigins,
      pendingCookies,
      json: (status, body, headers) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json', ...headers },
        }),
      noContent: (headers) => new Response(null, { status: 204, headers }),
      html: (status, body, headers) =>
        new Response(body, {
          status,
          headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
        }),
      redirect: (location, status = 303) =>
        new Response(null, { status, headers: { Location: location } }),
      problem: (status, code, extra) => problemResponse(base, status, code, extra),
      cookie: (name) => (jar ? jar.get(name) : requestCookies[name]),
      setCookie: (name, value, cookieOptions?: CookieOptions) => {
        const maxAge = cookieOptions?.maxAgeSeconds;
        if (jar) {
          if (maxAge === 0) jar.delete(name);
          else jar.set(name, value);
        }
        pendingCookies.push(
          `${name}=${encodeURIComponent(value)}; Path=${cookieOptions?.path ?? '/'}; Secure; SameSite=Strict` +
            (cookieOptions?.httpOnly === false ? '' : '; HttpOnly') +
            (maxAge !== undefined ? `; Max-Age=${maxAge}` : ''),
        );
      },
      nextId: (prefix) => {
        const n = (state.counters[prefix] ?? 0) + 1;
        state.counters[prefix] = n;
        return `${prefix}_${String(n).padStart(6, '0')}`;
      },
      nextReference: (prefix) => {
        const key = `ref:${prefix}`;
        const n = (state.counters[key] ?? 0) + 1;
        state.counters[key] = n;
        return `${prefix}-${now.getUTCFullYear()}-${String(n).padStart(6, '0')}`;
      },
      idempotent: async () => {
        throw new Error('idempotent() is only available to contract operations');
      },
    };
    return base;
  }

  function problemResponse(
    base: Base,
    status: number,
    code: string,
    extra: ProblemExtra = {},
  ): Response {
    const { headers, ...members } = extra;
    const path = new URL(base.request.url).pathname;
    const body = {
      type: `https://eservices.gov.iq/problems/${code.replace(/\./g, '-')}`,
      title: problemTitle(code, base.lang),
      status,
      code,
      requestId: base.requestId,
      instance: path,
      ...members,
    };
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    });
  }

  /**
   * 413 for a body over its limit. The connection is closed after it, so that a server does not
   * read on what the client keeps sending.
   */
  function tooLarge(base: Base): Response {
    return problemResponse(base, 413, 'request.too-large', { headers: { Connection: 'close' } });
  }

  function finish(base: Base, response: Response): Response {
    const headers = new Headers(response.headers);
    headers.set('X-Request-Id', base.requestId);
    // A hosted page may be in another language than Accept-Language (its `?lang=`).
    if (!headers.has('Content-Language')) headers.set('Content-Language', base.lang);
    headers.set('Cache-Control', 'no-store');
    for (const cookie of base.pendingCookies) headers.append('Set-Cookie', cookie);
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }

  function resolveSession(
    c: Context<{ Bindings: SandboxEnv }>,
    base: Base,
  ): { session: SessionRecord | null; problem: Response | null; refresh?: boolean } {
    const now = base.now.getTime();
    const authorization = c.req.header('authorization');
    if (authorization?.startsWith('Bearer ')) {
      const token = authorization.slice(7);
      const session =
        Object.values(state.identity.sessions).find((s) => s.accessToken === token) ?? null;
      if (!session) return { session: null, problem: base.problem(401, 'auth.required') };
      if (
        Date.parse(session.accessExpiresAt ?? '') <= now ||
        Date.parse(session.expiresAt) <= now
      ) {
        // `refresh`: the client's refresh token may still open a new access token.
        return { session: null, problem: base.problem(401, 'auth.token-expired'), refresh: true };
      }
      return { session, problem: null };
    }
    const id = base.cookie('iq_session');
    if (!id) return { session: null, problem: base.problem(401, 'auth.required') };
    const session = state.identity.sessions[id];
    if (!session || session.mode !== 'cookie')
      return { session: null, problem: base.problem(401, 'auth.required') };
    if (Date.parse(session.expiresAt) <= now) {
      return { session: null, problem: base.problem(401, 'auth.token-expired') };
    }
    if (UNSAFE.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
      return { session, problem: base.problem(403, 'auth.csrf-invalid') };
    }
    return { session, problem: null };
  }

  async function injectFault(kind: FaultKind, base: Base): Promise<Response> {
    if (kind === 'drop') throw new DroppedConnection();
    if (kind === 'timeout') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, hangMs);
        base.request.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      return problemResponse(base, 504, 'service.unavailable');
    }
    if (kind === 'malformed') {
      return new Response('{"truncated": ', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const retry = kind === 429 || kind === 503 ? { 'Retry-After': '1' } : undefined;
    return problemResponse(
      base,
      kind,
      kind === 429 ? 'rate-limited' : kind === 500 ? 'server.error' : 'service.unavailable',
      {
        ...(retry ? { headers: retry, retryAfterSeconds: 1 } : {}),
      },
    );
  }

  async function runOperation(
    c: Context<{ Bindings: SandboxEnv }>,
    base: Base,
    op: CompiledOperation,
    handler: ServiceModule['handlers'][string] | undefined,
  ): Promise<Response> {
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const before = faults.draw(op.operationId, 'before');
    if (before !== null) return finish(base, await injectFault(before, base));

    // ---- validate the request against the contract ----
    const errors: FieldError[] = [];
    const path = { ...(c.req.param() as Record<string, string>) };
    if (!op.validatePath(path))
      errors.push(...toFieldErrors(op.validatePath.errors, '/path', path, base.lang));
    const url = new URL(c.req.url);
    const query: Record<string, unknown> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      query[key] = values.length > 1 ? values : values[0];
    }
    if (!op.validateQuery(query))
      errors.push(...toFieldErrors(op.validateQuery.errors, '/query', query, base.lang));
    const headerValues: Record<string, string> = {};
    c.req.raw.headers.forEach((value, key) => {
      headerValues[key] = value;
    });
    if (!op.validateHeaders(headerValues)) {
      errors.push(...toFieldErrors(op.validateHeaders.errors, '/header', headerValues, base.lang));
    }

    let bytes = new Uint8Array(0);
    if (op.bodyType) {
      try {
        bytes = await readBody(
          c.req.raw,
          op.bodyType === 'multipart' ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT,
        );
      } catch (error) {
        if (error instanceof BodyTooLarge) return finish(base, tooLarge(base));
        throw error;
      }
    }
    let body: unknown = undefined;
    let rawBody = '';
    let fingerprintBody = '';
    if (op.bodyType === 'json') {
      rawBody = new TextDecoder().decode(bytes);
      const type = c.req.header('content-type') ?? '';
      if (rawBody.length === 0) {
        if (op.bodyRequired)
          errors.push({
            pointer: '/body',
            code: 'required',
            detail: fieldErrorDetail('required', base.lang),
          });
      } else if (!/^application\/(.+\+)?json\b/i.test(type)) {
        return finish(base, base.problem(400, 'request.malformed'));
      } else {
        try {
          body = JSON.parse(rawBody);
        } catch {
          return finish(base, base.problem(400, 'request.malformed'));
        }
        if (op.validateBody && !op.validateBody(body)) {
          errors.push(...toFieldErrors(op.validateBody.errors, '/body', body, base.lang));
        }
      }
    } else if (op.bodyType === 'multipart') {
      let form: FormData;
      try {
        form = await new Response(bytes, {
          headers: { 'Content-Type': c.req.header('content-type') ?? '' },
        }).formData();
      } catch {
        return finish(base, base.problem(400, 'request.malformed'));
      }
      const fields: Record<string, unknown> = {};
      const shadow: Record<string, unknown> = {};
      for (const [key, value] of form) {
        fields[key] = value;
        // Files validate as the strings the contract describes them as; handlers get the File.
        shadow[key] = typeof value === 'string' ? value : value.name || 'file';
      }
      body = fields;
      fingerprintBody = JSON.stringify(shadow);
      if (op.validateBody && !op.validateBody(shadow)) {
        errors.push(...toFieldErrors(op.validateBody.errors, '/body', shadow, base.lang));
      }
      const file = fields['file'];
      if ('file' in fields && typeof file === 'string') {
        errors.push({
          pointer: '/body/file',
          code: 'type',
          detail: fieldErrorDetail('type', base.lang),
        });
      }
    }

    // ---- authenticate ----
    let session: SessionRecord | null = null;
    if (op.secured || op.optionalAuth) {
      const resolved = resolveSession(c, base);
      // Where anyone may ask, no live session is an answer, not a 401: only an expired bearer
      // access token is refused, so that the client refreshes it and asks again.
      if (resolved.problem && (op.secured || resolved.refresh)) {
        return finish(base, resolved.problem);
      }
      session = resolved.problem ? null : resolved.session;
    }
    if (errors.length > 0) {
      return finish(base, base.problem(422, 'validation.failed', { errors }));
    }
    if (!handler) return finish(base, base.problem(500, 'server.error'));

    const citizen = session
      ? (state.citizens.find((x) => x.id === session.citizenId) ?? null)
      : null;
    const ctx: OperationContext = {
      ...base,
      operationId: op.operationId,
      path,
      query,
      body,
      rawBody,
      session,
      citizen,
      idempotent: (key, compute) =>
        idempotent(
          ctx,
          key,
          `${c.req.method} ${url.pathname}\n${fingerprintBody || rawBody}`,
          compute,
        ),
    };
    calls[op.operationId] = (calls[op.operationId] ?? 0) + 1;
    const response = await handler(ctx);
    if (c.req.method !== 'GET') changed();

    if (validateResponses) await checkResponse(op, response);
    const after = faults.draw(op.operationId, 'after');
    if (after !== null) return finish(base, await injectFault(after, base));
    return finish(base, response);
  }

  async function idempotent(
    ctx: OperationContext,
    key: string,
    fingerprint: string,
    compute: () => Promise<Response> | Response,
  ): Promise<Response> {
    const scope = `${ctx.operationId}|${ctx.citizen?.id ?? 'anonymous'}|${key}`;
    const record = state.idempotency[scope];
    if (record) {
      if (record.inProgress)
        return ctx.problem(409, 'idempotency.in-progress', { headers: { 'Retry-After': '1' } });
      if (record.fingerprint !== fingerprint) return ctx.problem(409, 'idempotency.key-reused');
      return new Response(record.body, {
        status: record.status,
        headers: { 'Content-Type': record.contentType, 'Idempotency-Replayed': 'true' },
      });
    }
    state.idempotency[scope] = {
      fingerprint,
      status: 0,
      body: '',
      contentType: '',
      inProgress: true,
    };
    try {
      const response = await compute();
      if (response.status >= 200 && response.status < 300) {
        const text = await response.clone().text();
        state.idempotency[scope] = {
          fingerprint,
          status: response.status,
          body: text,
          contentType: response.headers.get('content-type') ?? 'application/json',
          inProgress: false,
        };
      } else {
        delete state.idempotency[scope];
      }
      return response;
    } catch (error) {
      delete state.idempotency[scope];
      throw error;
    }
  }

  async function checkResponse(op: CompiledOperation, response: Response): Promise<void> {
    const validator = responseValidator(op, response.status);
    const problems: string[] = [];
    if (validator === undefined) {
      problems.push(`status ${response.status} is not in the contract`);
    } else if (validator) {
      const text = await response.clone().text();
      try {
        const body = JSON.parse(text) as unknown;
        if (!validator(body)) {
          problems.push(
            ...(validator.errors ?? []).map(
              (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
            ),
          );
        }
      } catch {
        problems.push('body is not JSON');
      }
    }
    if (problems.length > 0) {
      violations.push({ operationId: op.operationId, status: response.status, errors: problems });
      console.error(
        `sandbox: ${op.operationId} ${response.status} does not match the contract: ${problems.join('; ')}`,
      );
    }
  }

  function reset() {
    state = seedState();
    faults.clear();
    violations.length = 0;
    changed();
  }

  return {
    fetch: async (request, env) => {
      const response = await app.fetch(request, env ?? {});
      // No response may be read as another type than it says (a JSON body as HTML, say).
      try {
        response.headers.set('X-Content-Type-Options', 'nosniff');
        return response;
      } catch {
        // Immutable headers (a redirect made with Response.redirect): copy the response.
        const headers = new Headers(response.headers);
        headers.set('X-Content-Type-Options', 'nosniff');
        return new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers,
        });
      }
    },
    get state() {
      return state;
    },
    reset,
    faults,
    violations,
    calls,
    get citizens() {
      return state.citizens;
    },
    operations,
  };
}

function parseCookies(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    try {
      out[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      // A malformed cookie is ignored, as browsers and servers do.
    }
  }
  return out;
}
