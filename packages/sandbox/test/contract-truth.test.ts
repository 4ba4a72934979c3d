// Whether the contracts tell the whole truth about the sandbox: every operation of every contract
// gets generated requests, valid and invalid, over real HTTP, and every answer must be one its
// operation documents — a documented status, a body valid by the documented schema (Ajv, as the
// sandbox validates), the documented media type and headers — and never a 5xx.
//
// What the generator covers (schema-arbitrary.ts says which JSON Schema keywords): path, query and
// header parameters and JSON and multipart bodies generated from their schemas; path ids mostly
// taken from state a setup step made (a pending sign-in, drafts with a document, submitted
// requests' reference numbers, a payment, payables, card members), so that handlers run past
// their 404s; cookie and bearer sessions. Half the requests are "genuine": what only the state
// or a secret gives is put in the generated body (the sandbox's one-time code, the session's
// refresh token, an unpaid payable and a local return URL, the draft's version, a payment and its
// method in a gateway notification signed with the sandbox's secret), so that operations answer
// their successes too, not only their refusals.
// Each invalid request breaks one thing: a malformed `X-Request-Id` or other header, a path or
// query value its schema refuses, a body its schema refuses, malformed JSON, a wrong content type,
// a missing body, a file part sent as a plain field, no session, a cookie without its CSRF token,
// an unknown bearer token. Fixed cases per operation add a body over its size limit (413).
// Keyed operations are sent twice with the same key and body, and a success must be replayed.
// What it does not cover: sequences of operations beyond the setup (a fresh state per operation,
// and again after a run that may have changed it), the time-driven answers (expired codes,
// sessions and payments, `Retry-After` of rate limits: `identity.test.ts` and `payments.test.ts`
// drive the clock), concurrent duplicates (`idempotency.in-progress`), faults injected on
// purpose, HEAD and methods a path does not have (405, `http.test.ts`), cookies other than the
// session's, and request-body content the schema cannot see beyond what is generated (file bytes
// are a PDF, PNG or JPEG signature or none, under several declared types).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { contracts } from '../src/generated/contracts.js';
import { compileContract, responseValidator, type CompiledOperation } from '../src/validation.js';
import type { OpenApiDocument, Operation, Parameter } from '../src/openapi-types.js';
import { startSandboxServer, type SandboxServer } from '../src/node.js';
import { SANDBOX_OTP } from '../src/index.js';
import { signGatewayPayload } from '../src/services/payments.js';
import { JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../src/body-limit.js';
import {
  invalidArbitrary,
  resolveRef,
  validArbitrary,
  type GeneratedFile,
  type Schema,
} from '../src/conformance/schema-arbitrary.js';

const SEED = 20261203;
/**
 * Valid and invalid requests per operation (each). Bounded: the suite runs on a loaded 2-core
 * machine. `CONTRACT_TRUTH_RUNS=200` searches deeper (same seed, so a failure repeats).
 */
const RUNS = Number(process.env['CONTRACT_TRUTH_RUNS'] ?? 12);
const CITIZEN = { nationalId: '199012345678' };

let server: SandboxServer;
before(async () => {
  server = await startSandboxServer({ port: 0, hangMs: 1000 });
});
after(async () => {
  await server.close();
});

// ---- the operations, as the contracts state them ------------------------------------------------

interface ContractOperation {
  service: string;
  doc: OpenApiDocument;
  basePath: string;
  method: string;
  /** The path template, e.g. `/sign-in/{challengeId}/verify`. */
  path: string;
  raw: Operation;
  compiled: CompiledOperation;
  parameters: Parameter[];
  problemSchema: ValidateFunction;
}

function resolveNode<T>(doc: OpenApiDocument, node: unknown): T {
  let at = node as { $ref?: string };
  while (at && typeof at.$ref === 'string') {
    at = at.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (n, key) => (n as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')],
        doc,
      ) as { $ref?: string };
  }
  return at as T;
}

const operations: ContractOperation[] = [];
for (const [service, doc] of Object.entries(contracts)) {
  const compiled = compileContract(`${service}-truth`, doc);
  const problemSchema = compiled.schemaValidator('/components/schemas/Problem');
  for (const op of compiled.operations) {
    const item = doc.paths![op.path]!;
    const raw = item[op.method] as Operation;
    const parameters = [...(item.parameters ?? []), ...(raw.parameters ?? [])].map((p) =>
      resolveNode<Parameter>(doc, p),
    );
    operations.push({
      service,
      doc,
      basePath: compiled.basePath,
      method: op.method.toUpperCase(),
      path: op.path,
      raw,
      compiled: op,
      parameters,
      problemSchema,
    });
  }
}

// ---- state made by a setup step -----------------------------------------------------------------

interface World {
  cookie: string;
  csrf: string;
  bearer: string;
  refreshToken: string;
  /** Ids for path parameters, by parameter name. */
  ids: Record<string, string[]>;
}

async function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
}

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  return JSON.parse(text) as T;
}

async function signIn(mode: 'cookie' | 'bearer') {
  const started = await call('/identity/v1/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'national-id', ...CITIZEN }),
  });
  const { challengeId } = await json<{ challengeId: string }>(started, 201);
  const verified = await call(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: SANDBOX_OTP, mode }),
  });
  const cookie = (verified.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = verified.headers.get('x-csrf-token') ?? '';
  const session = await json<{ accessToken?: string; refreshToken?: string }>(verified, 200);
  return { cookie, csrf, session };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/** Back to the seeded state, then a session of each mode and what the service's paths name. */
async function setUp(service: string): Promise<World> {
  server.sandbox.reset();
  const cookieSession = await signIn('cookie');
  const bearerSession = await signIn('bearer');
  const world: World = {
    cookie: cookieSession.cookie,
    csrf: cookieSession.csrf,
    bearer: bearerSession.session.accessToken ?? '',
    refreshToken: bearerSession.session.refreshToken ?? '',
    ids: {},
  };
  const auth = { Authorization: `Bearer ${world.bearer}` };
  const get = async <T>(path: string) => json<T>(await call(path, { headers: auth }), 200);
  const post = async <T>(path: string, body: unknown, status: number, extra = {}) =>
    json<T>(
      await call(path, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', ...extra },
        body: JSON.stringify(body),
      }),
      status,
    );
  const upload = async (path: string) => {
    const form = new FormData();
    form.set('type', 'national-card');
    form.set('file', new Blob([PNG], { type: 'image/png' }), 'card.png');
    const response = await call(path, { method: 'POST', headers: auth, body: form });
    return (await json<{ id: string }>(response, 201)).id;
  };
  if (service === 'identity') {
    const started = await post<{ challengeId: string }>(
      '/identity/v1/sign-in',
      { method: 'national-id', ...CITIZEN },
      201,
    );
    world.ids['challengeId'] = [started.challengeId];
  }
  if (service === 'ration-card' || service === 'social-protection') {
    const base =
      service === 'ration-card'
        ? '/ration-card/v1/change-requests'
        : '/social-protection/v1/update-requests';
    const kind = service === 'ration-card' ? 'change-agent' : 'beneficiary-update';
    const draft = await post<{ id: string }>(base, { kind }, 201);
    const documentId = await upload(`${base}/${draft.id}/documents`);
    const list = await get<{ items: { id: string; referenceNumber: string | null }[] }>(base);
    world.ids['requestId'] = [draft.id, ...list.items.map((i) => i.id)];
    world.ids['documentId'] = [documentId];
    world.ids['referenceNumber'] = list.items.flatMap((i) =>
      i.referenceNumber ? [i.referenceNumber] : [],
    );
    if (service === 'ration-card') {
      const card = await get<{ members: { id: string }[] }>('/ration-card/v1/card');
      world.ids['memberId'] = card.members.map((m) => m.id);
    }
  }
  if (service === 'payments') {
    const payables = await get<{ items: { id: string; status: string }[] }>(
      '/payments/v1/payables',
    );
    world.ids['payableId'] = payables.items.map((p) => p.id);
    const unpaid = payables.items.filter((p) => p.status === 'unpaid');
    assert.ok(unpaid.length > 1, 'the citizen has unpaid payables');
    // One for the setup's payment, one left for a generated one.
    world.ids['unpaidPayableId'] = [unpaid[1]!.id];
    const payment = await post<{ id: string }>(
      '/payments/v1/payments',
      { payableIds: [unpaid[0]!.id], method: 'qi-card', returnUrl: 'http://localhost:5173/done' },
      201,
      { 'Idempotency-Key': 'setup-key-0000000001' },
    );
    world.ids['paymentId'] = [payment.id];
  }
  return world;
}

// ---- generated requests -------------------------------------------------------------------------

type Mutation =
  | { kind: 'none' }
  | { kind: 'header'; name: string; value: string }
  | { kind: 'path'; name: string; value: string }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'body'; value: unknown }
  | { kind: 'malformed-json' }
  | { kind: 'content-type' }
  | { kind: 'no-body' }
  | { kind: 'file-as-field' }
  | { kind: 'auth'; variant: 'none' | 'no-csrf' | 'unknown-bearer' };

interface Sample {
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  auth: 'cookie' | 'bearer';
  /** Whether the body carries what only the state or a secret gives (see {@link genuine}). */
  genuine: boolean;
  mutation: Mutation;
}

/** Marks a path value that stands for the setup's id at an index. */
const KNOWN = '\u0000known:';

/** A parameter value as it travels: a string (arrays as repeated values are not used here). */
const asParam = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** A path segment value a URL can carry: not empty, no lone surrogate (the route must match). */
const encodable = (value: string) => {
  try {
    return encodeURIComponent(value).length > 0;
  } catch {
    return false;
  }
};

/** Header values must be visible ASCII (fetch refuses others), without surrounding spaces. */
const headerSafe = (value: string) => /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value);

function bodySchema(op: ContractOperation): { media: 'json' | 'multipart'; schema: Schema } | null {
  const content = op.raw.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  if (jsonSchema) return { media: 'json', schema: jsonSchema };
  const multipart = content['multipart/form-data']?.schema;
  if (multipart) return { media: 'multipart', schema: multipart };
  return null;
}

function paramSchema(op: ContractOperation, p: Parameter): Schema {
  return p.schema ? resolveRef(p.schema, op.doc) : {};
}

function validRequest(op: ContractOperation, world: World): fc.Arbitrary<Sample> {
  const path: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<string>> = {};
  const headers: Record<string, fc.Arbitrary<string>> = {};
  const requiredQuery: string[] = [];
  const requiredHeaders: string[] = [];
  for (const p of op.parameters) {
    const generated = validArbitrary(paramSchema(op, p), op.doc).map(asParam);
    if (p.in === 'path') {
      // An id of the setup's state (resolved when the request is made: a fresh state has new
      // random ids), or a generated one.
      const known = world.ids[p.name] ?? [];
      path[p.name] = known.length
        ? fc.oneof(
            { weight: 4, arbitrary: fc.nat({ max: known.length - 1 }).map((i) => `${KNOWN}${i}`) },
            { weight: 1, arbitrary: generated },
          )
        : generated;
    } else if (p.in === 'query') {
      query[p.name] = generated;
      if (p.required) requiredQuery.push(p.name);
    } else if (p.in === 'header') {
      const name = p.name.toLowerCase();
      headers[name] =
        name === 'accept-language'
          ? fc.constantFrom('ar', 'ckb', 'en', 'ku', 'en-GB,en;q=0.8', 'fr')
          : generated.filter(headerSafe);
      if (p.required) requiredHeaders.push(name);
    }
  }
  const body = bodySchema(op);
  return fc.record({
    path: fc.record(path),
    query: fc.record(query, { requiredKeys: requiredQuery }),
    headers: fc.record(headers, { requiredKeys: requiredHeaders }),
    body: body ? validArbitrary(body.schema, op.doc) : fc.constant(undefined),
    auth: fc.constantFrom('cookie' as const, 'bearer' as const),
    genuine: fc.boolean(),
    mutation: fc.constant({ kind: 'none' } as Mutation),
  });
}

function mutations(op: ContractOperation): fc.Arbitrary<Mutation> {
  const out: fc.Arbitrary<Mutation>[] = [
    fc
      .oneof(
        fc.constantFrom(
          'short',
          'has spaces in it',
          'x'.repeat(129),
          'req_ünïcode_id',
          'a/b/c/d/e/f',
        ),
        fc.string({ maxLength: 12 }),
      )
      .filter((v) => headerSafe(v) && !/^[A-Za-z0-9._-]{8,128}$/.test(v))
      .map((value) => ({ kind: 'header', name: 'x-request-id', value })),
  ];
  for (const p of op.parameters) {
    if (p.in === 'header' && p.name.toLowerCase() === 'x-request-id') continue;
    const bad = invalidArbitrary(paramSchema(op, p), op.doc);
    if (!bad) continue;
    const value = bad.map(asParam);
    if (p.in === 'header') {
      out.push(
        value
          .filter(headerSafe)
          .map((v) => ({ kind: 'header', name: p.name.toLowerCase(), value: v })),
      );
    } else if (p.in === 'path') {
      out.push(value.filter(encodable).map((v) => ({ kind: 'path', name: p.name, value: v })));
    } else if (p.in === 'query') {
      out.push(value.map((v) => ({ kind: 'query', name: p.name, value: v })));
    }
  }
  const body = bodySchema(op);
  if (body) {
    const bad = invalidArbitrary(body.schema, op.doc);
    if (bad && body.media === 'json') out.push(bad.map((value) => ({ kind: 'body', value })));
    out.push(
      fc.constantFrom<Mutation>(
        { kind: 'malformed-json' },
        { kind: 'content-type' },
        { kind: 'no-body' },
      ),
    );
    if (body.media === 'multipart') out.push(fc.constant<Mutation>({ kind: 'file-as-field' }));
  }
  if (op.compiled.secured || op.compiled.optionalAuth) {
    out.push(
      fc.constantFrom<Mutation>(
        { kind: 'auth', variant: 'none' },
        { kind: 'auth', variant: 'no-csrf' },
        { kind: 'auth', variant: 'unknown-bearer' },
      ),
    );
  }
  return fc.oneof(...out);
}

function invalidRequest(op: ContractOperation, world: World): fc.Arbitrary<Sample> {
  return fc
    .tuple(validRequest(op, world), mutations(op))
    .map(([sample, mutation]) => ({ ...sample, mutation }));
}

function isFile(value: unknown): value is GeneratedFile {
  return typeof value === 'object' && value !== null && (value as GeneratedFile).kind === 'file';
}

/** The request a sample stands for. */
async function toRequest(op: ContractOperation, world: World, sample: Sample): Promise<Request> {
  const { mutation } = sample;
  const path = Object.fromEntries(
    Object.entries(sample.path).map(([name, value]) => [
      name,
      value.startsWith(KNOWN)
        ? (world.ids[name]?.[Number(value.slice(KNOWN.length))] ?? '')
        : value,
    ]),
  );
  const query = { ...sample.query };
  const headers: Record<string, string> = { ...sample.headers };
  if (mutation.kind === 'path') path[mutation.name] = mutation.value;
  if (mutation.kind === 'query') query[mutation.name] = mutation.value;
  if (mutation.kind === 'header') headers[mutation.name] = mutation.value;

  const auth = mutation.kind === 'auth' ? mutation.variant : sample.auth;
  if (auth === 'cookie') {
    headers['cookie'] = world.cookie;
    if (op.method !== 'GET') headers['x-csrf-token'] = world.csrf;
  } else if (auth === 'no-csrf') {
    headers['cookie'] = world.cookie;
  } else if (auth === 'bearer') {
    headers['authorization'] = `Bearer ${world.bearer}`;
  } else if (auth === 'unknown-bearer') {
    headers['authorization'] = 'Bearer at_unknownunknownunknownunknown';
  }

  let body: BodyInit | undefined;
  const schema = bodySchema(op);
  if (schema && mutation.kind !== 'no-body') {
    const value = mutation.kind === 'body' ? mutation.value : sample.body;
    if (schema.media === 'json') {
      const sent =
        sample.genuine && mutation.kind !== 'body' && isRecord(value)
          ? genuine(op.compiled.operationId, value, world)
          : value;
      const text = mutation.kind === 'malformed-json' ? '{"truncated": ' : JSON.stringify(sent);
      body = text;
      headers['content-type'] =
        mutation.kind === 'content-type' ? 'text/plain' : 'application/json';
      if (op.compiled.operationId === 'receiveGatewayNotification' && sample.genuine) {
        headers['x-gateway-signature'] = await signGatewayPayload(text);
      }
    } else if (mutation.kind === 'malformed-json' || mutation.kind === 'content-type') {
      body = mutation.kind === 'content-type' ? JSON.stringify(value) : '--x\r\nbroken';
      headers['content-type'] =
        mutation.kind === 'content-type' ? 'application/json' : 'multipart/form-data; boundary=x';
    } else {
      const form = new FormData();
      for (const [key, part] of Object.entries(isRecord(value) ? value : {})) {
        if (isFile(part)) {
          if (mutation.kind === 'file-as-field') form.set(key, 'not a file');
          else form.set(key, new Blob([part.bytes], { type: part.type }), part.name);
        } else form.set(key, asParam(part));
      }
      body = form;
    }
  }

  const url = new URL(
    server.url +
      op.basePath +
      op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(path[name] ?? '')),
  );
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return new Request(url, { method: op.method, headers, body, redirect: 'manual' });
}

/** A generated body with what only the state or a secret gives, for the operations that need it. */
function genuine(
  operationId: string,
  body: Record<string, unknown>,
  world: World,
): Record<string, unknown> {
  switch (operationId) {
    case 'verifySignIn':
      return { ...body, code: SANDBOX_OTP };
    case 'refreshSession':
      return { ...body, refreshToken: world.refreshToken };
    case 'createPayment':
      return {
        ...body,
        payableIds: world.ids['unpaidPayableId'] ?? [],
        returnUrl: 'http://localhost:5173/done',
      };
    case 'receiveGatewayNotification':
      // The generated `gateway` is the payment's method (qi-card) one time in three.
      return { ...body, paymentId: world.ids['paymentId']?.[0] };
    case 'saveChangeRequest':
    case 'saveUpdateRequest':
    case 'submitChangeRequest':
    case 'submitUpdateRequest':
      // The setup's draft is at its first version (uploads do not change it).
      return { ...body, version: 1 };
    default:
      return body;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---- what an answer must be ---------------------------------------------------------------------

interface DocumentedResponse {
  headers?: Record<string, unknown>;
  content?: Record<string, unknown>;
}

function documentedResponse(op: ContractOperation, status: number): DocumentedResponse | undefined {
  const responses = op.raw.responses;
  const node =
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
  return node === undefined ? undefined : resolveNode<DocumentedResponse>(op.doc, node);
}

/** Field names the operation's description (or a parameter's) names in backticks. */
function describedFields(op: ContractOperation): Set<string> {
  const text = [
    String(op.raw['description'] ?? ''),
    ...op.parameters.map((p) => String((p as { description?: string }).description ?? '')),
  ].join('\n');
  return new Set([...text.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.split(/[./[\]]+/)));
}

/** Everything wrong with an answer, as sentences (empty when it is what the contract says). */
async function answerProblems(
  op: ContractOperation,
  sample: Sample,
  response: Response,
): Promise<string[]> {
  const problems: string[] = [];
  const { status } = response;
  const text = await response.text();
  if (status >= 500) problems.push(`answered ${status}: ${text.slice(0, 300)}`);
  const documented = documentedResponse(op, status);
  if (!documented) {
    problems.push(`status ${status} is not documented (${text.slice(0, 200)})`);
    return problems;
  }
  const validator = responseValidator(op.compiled, status);
  const contentType = response.headers.get('content-type') ?? '';
  const media = Object.keys(documented.content ?? {});
  if (validator) {
    if (!media.some((m) => contentType.startsWith(m))) {
      problems.push(`${status} is ${contentType}, documented as ${media.join(' or ')}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${status} body is not JSON: ${text.slice(0, 100)}`);
    }
    if (body !== undefined && !validator(body)) {
      problems.push(
        `${status} body does not match its schema: ${JSON.stringify(validator.errors)}`,
      );
    }
    if (contentType.startsWith('application/problem+json') && body !== undefined) {
      const problem = body as { status?: number; errors?: { pointer: string }[] };
      if (problem.status !== status)
        problems.push(`problem status ${problem.status} on a ${status}`);
      if (!op.problemSchema(body)) problems.push(`${status} is not a Problem`);
      // A request valid by the schemas refused for a rule only the server knows: the operation's
      // description states the rule, naming the field its pointer names.
      if (sample.mutation.kind === 'none' && status === 422 && problem.errors) {
        const named = describedFields(op);
        for (const error of problem.errors) {
          const field =
            error.pointer
              .split('/')
              .filter((s) => s && !/^[0-9]+$/.test(s))
              .pop() ?? '';
          if (!named.has(field)) {
            problems.push(
              `422 names \`${field}\` (${error.pointer}), which the description does not state a rule for`,
            );
          }
        }
      }
    }
  } else if (media.length === 0 && text.length > 0 && status !== 303) {
    problems.push(`${status} has a body the contract does not document`);
  }
  // Headers: the request id always; what a problem carries, documented where it is sent.
  const requestId = response.headers.get('x-request-id') ?? '';
  if (!/^[A-Za-z0-9._-]{8,128}$/.test(requestId)) problems.push(`X-Request-Id "${requestId}"`);
  const sentId =
    sample.mutation.kind === 'header' && sample.mutation.name === 'x-request-id'
      ? null
      : sample.headers['x-request-id'];
  if (sentId && requestId !== sentId) problems.push('X-Request-Id does not echo the one sent');
  const declared = new Set(Object.keys(documented.headers ?? {}).map((h) => h.toLowerCase()));
  if (status >= 400 && !declared.has('x-request-id'))
    problems.push(`${status} does not document X-Request-Id`);
  // The headers a client acts on are declared on the responses that carry them.
  for (const header of ['retry-after', 'x-csrf-token', 'idempotency-replayed']) {
    if (response.headers.has(header) && !declared.has(header)) {
      problems.push(`${status} sends ${header}, undocumented`);
    }
  }
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null && !/^[0-9]+$/.test(retryAfter)) {
    problems.push(`Retry-After "${retryAfter}"`);
  }
  return problems;
}

async function send(
  op: ContractOperation,
  world: World,
  sample: Sample,
  seen: Map<number, number>,
): Promise<{ problems: string[]; status: number; replayed: boolean }> {
  const request = await toRequest(op, world, sample);
  const response = await fetch(request);
  seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
  const replayed = response.headers.get('idempotency-replayed') === 'true';
  const problems = (await answerProblems(op, sample, response)).map(
    (p) => `${op.compiled.operationId} ${request.method} ${new URL(request.url).pathname}: ${p}`,
  );
  return { problems, status: response.status, replayed };
}

/** A body over the operation's limit, announced by `Content-Length`: 413 before it is read. */
function oversized(op: ContractOperation, world: World, limit: number): Promise<Response> {
  const url = new URL(
    server.url +
      op.basePath +
      op.path.replace(/\{([^}]+)\}/g, (_, name: string) => world.ids[name]?.[0] ?? 'x_000001'),
  );
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: op.method,
      headers: {
        'Content-Type':
          bodySchema(op)?.media === 'multipart'
            ? 'multipart/form-data; boundary=x'
            : 'application/json',
        'Content-Length': String(limit + 1),
        Cookie: world.cookie,
        'X-CSRF-Token': world.csrf,
      },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [key, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') headers.set(key, value);
        }
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write('{"a":');
  });
}

// ---- the properties -----------------------------------------------------------------------------

/** Whether the operation takes an `Idempotency-Key`. */
const keyed = (op: ContractOperation) =>
  op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');

/**
 * Whether an answer may have changed what the next run sees, which then starts from a fresh
 * state: any success of an unsafe operation, and any answer of sign-in's (a wrong code uses an
 * attempt). A refusal of a draft, document or payment operation changes nothing.
 */
const changedState = (op: ContractOperation, status: number) =>
  op.method !== 'GET' && (status < 400 || op.service === 'identity');

/** The oversized request's sample: nothing generated, nothing broken but its size. */
const OVERSIZED: Sample = {
  path: {},
  query: {},
  headers: {},
  body: undefined,
  auth: 'cookie',
  genuine: false,
  mutation: { kind: 'none' },
};

for (const op of operations) {
  test(`${op.service} ${op.compiled.operationId}: every answer is one the contract documents`, async (t) => {
    let world = await setUp(op.service);
    const failures: string[] = [];
    const seen = new Map<number, number>();
    let dirty = false;
    const property = (arbitrary: (w: World) => fc.Arbitrary<Sample>) =>
      fc.asyncProperty(arbitrary(world), async (sample) => {
        if (dirty) world = Object.assign(world, await setUp(op.service));
        const { problems, status } = await send(op, world, sample, seen);
        dirty = changedState(op, status);
        // A keyed operation sent again with the same key and body: a success is replayed.
        if (keyed(op) && sample.genuine) {
          const again = await send(op, world, sample, seen);
          problems.push(...again.problems);
          if (status < 300 && !(again.status === status && again.replayed)) {
            problems.push(
              `${op.compiled.operationId}: a ${status} was not replayed (${again.status})`,
            );
          }
        }
        failures.push(...problems);
        return problems.length === 0;
      });
    const check = async (arbitrary: (w: World) => fc.Arbitrary<Sample>, seed: number) => {
      try {
        // No shrinking: each run is HTTP requests; the failures say what was wrong.
        await fc.assert(property(arbitrary), { seed, numRuns: RUNS, endOnFailure: true });
      } catch (error) {
        // A counterexample is reported below with its problems; anything else (a setup step
        // that failed, a network error) fails the test as it is.
        if (failures.length === 0) throw error;
      }
    };
    await check((w) => validRequest(op, w), SEED);
    // The setup's sessions work: a signed-in operation's valid requests get past authentication.
    if (op.compiled.secured && failures.length === 0) {
      const past = [...seen.keys()].filter((status) => status !== 401 && status !== 403);
      assert.ok(
        past.length > 0,
        `${op.compiled.operationId}: every valid request was refused its session`,
      );
    }
    await check((w) => invalidRequest(op, w), SEED + 1);

    const body = bodySchema(op);
    if (body) {
      world = await setUp(op.service);
      const response = await oversized(
        op,
        world,
        body.media === 'multipart' ? UPLOAD_BODY_LIMIT : JSON_BODY_LIMIT,
      );
      assert.equal(response.status, 413);
      failures.push(
        ...(await answerProblems(op, OVERSIZED, response)).map(
          (p) => `${op.compiled.operationId} oversized: ${p}`,
        ),
      );
    }
    t.diagnostic(
      `statuses: ${[...seen]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    assert.deepEqual([...new Set(failures)], [], 'every answer matches the contract');
  });
}

test('the sandbox itself recorded no answer outside its contracts', () => {
  assert.deepEqual(server.sandbox.violations, []);
});
