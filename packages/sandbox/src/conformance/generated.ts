// Requests made from the contracts' schemas and examples, valid and hostile, for every operation:
// property-based with fast-check (a seed makes a run repeatable; a failure is shrunk to a small
// request before it is reported). Each answer must be documented for its operation, match the
// documented schema and not be a 5xx.
//
// What is generated: bodies made from the operation's JSON Schema, valid ones and ones that break
// exactly one rule (schema-arbitrary.ts, whose header says which keywords it covers); the
// operation's example body (from the contract) with one value replaced by
// a hostile string (bidi overrides, 10 000 characters, Arabic-Indic and Persian digits, markup,
// control characters, random text) or a value of the wrong type, or a required member removed, or
// the whole body replaced (an array, a string, null); hostile path and query values; a malformed
// `X-Request-Id` or `Accept-Language`; a wrong `Content-Type`; a body that is not JSON. Fixed
// cases beside them: no session at all, and a body over any limit (2 MiB).
// What is not: multipart uploads' contents, and sequences of operations (the scenarios cover the
// flows).
import fc from 'fast-check';
import type { Check, CheckContext } from './checks.js';
import { contractOperations, contractProblems, type ContractOperation } from './contract.js';
import { Client, type SendOptions } from './http.js';
import { invalidArbitrary, resolveRef, validArbitrary, type Schema } from './schema-arbitrary.js';

/** Operations whose request ends what the other checks need (the session). */
const SKIPPED = new Set(['signOut']);

/** A request the generator built. */
interface Built {
  method: string;
  path: string;
  options: SendOptions;
}

const hostileString = fc.oneof(
  fc.constantFrom(
    '\u202E1990\u202C12345678',
    '\u2066+964\u2069 770 123 4567',
    '١٩٩٠١٢٣٤٥٦٧٨',
    '۱۹۹۰۱۲۳۴۵۶۷۸',
    '<img src=x onerror=alert(1)>',
    "' OR '1'='1",
    '\u0000\u0007\u001b',
    '   ',
    '',
    '../../etc/passwd',
    '%00',
    '😀'.repeat(50),
  ),
  fc.constant('x'.repeat(10_000)),
  fc.string({ unit: 'grapheme', maxLength: 64 }),
  fc.string({ maxLength: 64 }),
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in `value` (`['payableIds', 0]`…), the root excluded. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function replaced(value: Json, path: (string | number)[], next: Json | undefined): Json {
  if (!path.length) return next ?? null;
  const [head, ...rest] = path;
  const copy: Json = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
  const child = (copy as Record<string | number, Json>)[head!]!;
  if (!rest.length && next === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete (copy as Record<string, Json>)[head as string];
  } else (copy as Record<string | number, Json>)[head!] = replaced(child, rest, next);
  return copy;
}

/** The `application/json` media object of an operation's request body, if it takes JSON. */
function jsonMedia(operation: ContractOperation): Record<string, unknown> | undefined {
  const body = operation.raw['requestBody'] as Schema | undefined;
  const content = body && resolveRef(body, operation.doc)['content'];
  return (content as Record<string, Record<string, unknown>> | undefined)?.['application/json'];
}

/** The JSON Schema of an operation's JSON body, if it takes one. */
const bodySchema = (operation: ContractOperation): Schema | undefined =>
  jsonMedia(operation)?.['schema'] as Schema | undefined;

/** The contract's example body of an operation (its first example), or `{}`. */
function exampleBody(operation: ContractOperation): Json {
  const media = jsonMedia(operation);
  if (!media) return {};
  if (media['example'] !== undefined) return media['example'] as Json;
  const first = Object.values((media['examples'] ?? {}) as Record<string, Schema>)[0];
  return ((first && resolveRef(first, operation.doc)['value']) as Json) ?? {};
}

/** The path of an operation with each parameter filled (its example, or `x`). */
function pathWith(operation: ContractOperation, fill: (name: string) => string): string {
  return (
    operation.basePath +
    operation.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(fill(name)))
  );
}

function requestArbitrary(operation: ContractOperation): fc.Arbitrary<Built> {
  const method = operation.op.method.toUpperCase();
  const json = operation.op.bodyType === 'json';
  const example = exampleBody(operation);
  const plain = (): Built => ({
    method,
    path: pathWith(operation, () => 'x'),
    options: json ? { json: example } : {},
  });
  const variants: fc.Arbitrary<Built>[] = [
    fc.constant(plain()),
    // A hostile path value.
    fc.record({ value: hostileString }).map(({ value }) => ({
      ...plain(),
      // Kept under any server's URL limit (414 and 431 are the transport's, not the contract's).
      path: pathWith(operation, () => value.slice(0, 2_000) || 'x'),
    })),
    // Hostile query values (every operation takes `?` without complaint or with a documented 4xx).
    fc
      .tuple(fc.constantFrom('cursor', 'limit', 'status', 'lang'), hostileString)
      .map(([name, value]) => {
        const base = plain();
        return {
          ...base,
          path: `${base.path}?${name}=${encodeURIComponent(value.slice(0, 2_000))}`,
        };
      }),
    // Malformed headers the elements' gateways may see.
    fc
      .tuple(fc.constantFrom('x-request-id', 'accept-language'), hostileString)
      .map(([name, value]) => {
        const base = plain();
        // A header value cannot hold control characters or non-Latin-1 text at all.
        const safe = value.replace(/[^\x20-\x7e]/g, '?');
        return { ...base, options: { ...base.options, headers: { [name]: safe } } };
      }),
  ];
  if (json) {
    const schema = bodySchema(operation);
    if (schema) {
      // Bodies from the schema: valid ones, and ones that break one rule.
      const made = (arbitrary: fc.Arbitrary<unknown>) =>
        arbitrary.map((body) => ({ ...plain(), options: { json: body as Json } }));
      variants.push(made(validArbitrary(schema, operation.doc)));
      const invalid = invalidArbitrary(schema, operation.doc);
      if (invalid) variants.push(made(invalid));
    }
    const where = paths(example);
    if (where.length)
      variants.push(
        fc
          .tuple(fc.constantFrom(...where), fc.oneof(hostileString, wrongType))
          .map(([path, value]) => ({
            ...plain(),
            options: { json: replaced(example, path, value as Json) },
          })),
        fc.constantFrom(...where).map((path) => ({
          ...plain(),
          options: { json: replaced(example, path, undefined) },
        })),
      );
    variants.push(
      fc.oneof(wrongType, hostileString).map((value) => ({ ...plain(), options: { json: value } })),
      fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data').map((type) => ({
        ...plain(),
        options: { body: JSON.stringify(example), headers: { 'content-type': type } },
      })),
      fc.constantFrom('{', '{"a":', 'null null', '\u0000').map((text) => ({
        ...plain(),
        options: { body: text, headers: { 'content-type': 'application/json' } },
      })),
    );
  }
  return fc.oneof(...variants);
}

/** Options of the generated checks. */
export interface GeneratedOptions {
  seed: number;
  maxExamples: number;
  /** Only these operationIds (all when empty). */
  operations: readonly string[];
}

/** One generated check per operation of the contracts. */
export function generatedChecks(options: GeneratedOptions): Check[] {
  return contractOperations()
    .filter(({ op }) => !SKIPPED.has(op.operationId))
    .filter(({ op }) => !options.operations.length || options.operations.includes(op.operationId))
    .map((operation) => ({
      suite: 'generated' as const,
      name: `${operation.op.operationId}: generated and hostile requests`,
      run: (context: CheckContext) => runGenerated(context, operation, options),
    }));
}

async function runGenerated(
  context: CheckContext,
  operation: ContractOperation,
  options: GeneratedOptions,
): Promise<void> {
  // The run's session for the generated requests; their answers are checked by the property.
  const session = context.signedIn();
  if (!session) return;
  const quiet = new Client(context.baseUrl).adopt(session);
  context.clients.push(quiet);
  const send = async (built: Built, client: Client) =>
    client.send(built.method, built.path.slice(1), built.options);
  const result = await fc.check(
    fc.asyncProperty(requestArbitrary(operation), async (built) => {
      const exchange = await send(built, quiet);
      return contractProblems(operation, exchange).length === 0;
    }),
    { seed: options.seed, numRuns: options.maxExamples, endOnFailure: false },
  );
  if (result.failed && result.counterexample) {
    // Sent once more by a checked client: the failure and its exchange go in the report.
    const checked = context.client().adopt(quiet);
    const [built] = result.counterexample;
    const exchange = await send(built, checked);
    if (!contractProblems(operation, exchange).length)
      context.fail(
        `${operation.op.operationId}: a generated request failed once and passed when sent again (seed ${options.seed}, path ${result.counterexamplePath})`,
        quiet.exchanges.at(-1),
      );
  }
  // Fixed cases: no session, and a body over any limit.
  // A well-formed request (the contract's example body, or a small PDF for an upload) with no
  // session: what a page sends after the citizen's session ended elsewhere.
  const bare = context.client();
  const form = new FormData();
  form.set('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'card.pdf');
  const anonymous = await send(
    {
      method: operation.op.method.toUpperCase(),
      path: pathWith(operation, () => 'x'),
      options:
        operation.op.bodyType === 'json'
          ? { json: exampleBody(operation) }
          : operation.op.bodyType === 'multipart'
            ? { body: form }
            : {},
    },
    bare,
  );
  if (operation.op.secured)
    context.expect(
      anonymous.status === 401 || anonymous.status === 403,
      `${operation.op.operationId} without a session: expected 401 or 403, got ${anonymous.status}`,
      anonymous,
    );
  if (operation.op.method !== 'get') {
    await send(
      {
        method: operation.op.method.toUpperCase(),
        path: pathWith(operation, () => 'x'),
        options: {
          body: `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`,
          headers: { 'content-type': 'application/json' },
        },
      },
      context.client().adopt(quiet),
    );
  }
}

/**
 * The requests the generated check of `operationId` starts from with `seed` (before shrinking):
 * the same seed gives the same requests. For reproducing a run and for the kit's own tests.
 */
export function sampleRequests(
  operationId: string,
  { seed, count }: { seed: number; count: number },
): { method: string; path: string; headers?: Record<string, string>; body?: string }[] {
  const operation = contractOperations().find((o) => o.op.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId} in the contracts`);
  return fc.sample(requestArbitrary(operation), { seed, numRuns: count }).map((built) => ({
    method: built.method,
    path: built.path,
    headers: built.options.headers,
    body:
      built.options.json !== undefined
        ? JSON.stringify(built.options.json)
        : (built.options.body as string | undefined),
  }));
}
