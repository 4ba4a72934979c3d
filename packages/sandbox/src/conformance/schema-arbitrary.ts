// fast-check arbitraries derived from the JSON Schemas (2020-12) of the contracts: values a schema
// accepts, and values it refuses. No package on npm does this for 2020-12 and a current fast-check
// (json-schema-fast-check 0.0.6 depends on fast-check 1 and faker 4), so this is the small subset
// the contracts use, checked by `packages/sandbox/test/schema-arbitrary.test.ts` against Ajv for every request schema.
//
// Covered: local `$ref`, `const`, `enum`, `type` (and type arrays), `oneOf` / `anyOf` (a branch),
// `allOf` (of object schemas), objects (`properties`, `required`, `additionalProperties: false`),
// arrays (`items`, `minItems`, `maxItems`, `uniqueItems`), strings (`pattern` through
// `fc.stringMatching`, `minLength`, `maxLength`, formats `date`, `date-time`, `uri`,
// `uri-reference`, `contentMediaType` as a file), integers and numbers (`minimum`, `maximum`,
// `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`).
// Not covered: `not`, `if`/`then`/`else`, `patternProperties`, `dependentRequired`,
// `prefixItems`, `contains`, remote `$ref`s, formats other than the four above (a string with an
// unknown format is generated as a plain string). Valid values keep optional properties and
// arrays small (a few items) and strings at most 60 characters unless the schema needs more;
// invalid values break one rule at one place (the value, or one property or item of it).
import fc from 'fast-check';

/** A JSON Schema node as the contracts write them. */
export type Schema = Record<string, unknown>;

/** A file part of a multipart body: what a generated `contentMediaType` value is. */
export interface GeneratedFile {
  kind: 'file';
  bytes: Uint8Array<ArrayBuffer>;
  /** The type the part declares (`Content-Type` of the part). */
  type: string;
  name: string;
}

const MAX_DEPTH = 8;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/schemas/X`) within `root`. */
export function resolveRef(schema: Schema, root: unknown): Schema {
  let node: Schema = schema;
  for (let hops = 0; typeof node['$ref'] === 'string'; hops += 1) {
    if (hops > 20) throw new Error(`$ref cycle at ${String(node['$ref'])}`);
    const ref = node['$ref'];
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (at, key) => (isSchema(at) ? at[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
        root,
      );
    if (!isSchema(target)) throw new Error(`unresolved $ref ${ref}`);
    // Keywords beside a $ref apply too (2020-12): the description usually.
    const { $ref: _ref, ...rest } = node;
    node = { ...target, ...rest };
  }
  return node;
}

function types(schema: Schema): string[] {
  const type = schema['type'];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (typeof type === 'string') return [type];
  if (isSchema(schema['properties']) || Array.isArray(schema['required'])) return ['object'];
  if (schema['items'] !== undefined) return ['array'];
  return [];
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * Merges the schemas of an `allOf` into one: properties and required lists are joined; of other
 * keywords, the outer schema's (or the first part's) is kept. Enough for the contracts, whose
 * `allOf`s add a description or a tighter `maxLength` to one schema.
 */
function mergeAllOf(schema: Schema, root: unknown): Schema {
  const parts = (schema['allOf'] as unknown[]).filter(isSchema).map((s) => resolveRef(s, root));
  const { allOf: _allOf, ...rest } = schema;
  const merged: Schema = { ...rest };
  const properties: Record<string, unknown> = { ...(rest['properties'] as object | undefined) };
  const required = new Set<string>((rest['required'] as string[] | undefined) ?? []);
  for (const part of parts) {
    const flat = part['allOf'] ? mergeAllOf(part, root) : part;
    for (const [key, value] of Object.entries(flat)) {
      if (key === 'properties') Object.assign(properties, value);
      else if (key === 'required') for (const name of value as string[]) required.add(name);
      // Otherwise the outer schema's keyword wins (`maxLength: 200` beside a 500 one).
      else if (!(key in merged)) merged[key] = value;
    }
  }
  if (Object.keys(properties).length) merged['properties'] = properties;
  if (required.size) merged['required'] = [...required];
  return merged;
}

function normalize(schema: Schema, root: unknown): Schema {
  const resolved = resolveRef(schema, root);
  return Array.isArray(resolved['allOf']) ? mergeAllOf(resolved, root) : resolved;
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** A file: real PDF/PNG/JPEG signatures or arbitrary bytes, declared as any of a few types. */
export function fileArbitrary(): fc.Arbitrary<GeneratedFile> {
  return fc
    .record({
      head: fc.constantFrom(PDF, PNG, JPEG, [0x4d, 0x5a], []),
      tail: fc.uint8Array({ maxLength: 64 }),
      type: fc.constantFrom(
        'application/pdf',
        'image/png',
        'image/jpeg',
        'application/octet-stream',
        'text/plain',
        '',
      ),
      name: fc.constantFrom('scan.pdf', 'photo.png', 'card.jpg', 'x', 'a\u202eexe.pdf'),
    })
    .map(({ head, tail, type, name }) => {
      const bytes = new Uint8Array(head.length + tail.length);
      bytes.set(head, 0);
      bytes.set(tail, head.length);
      return { kind: 'file' as const, bytes, type, name };
    });
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const minLength = num(schema['minLength']) ?? 0;
  const maxLength = num(schema['maxLength']);
  const fits = (s: string) =>
    [...s].length >= minLength && (maxLength === undefined || [...s].length <= maxLength);
  const pattern = schema['pattern'];
  // The contracts' patterns are ECMAScript with the `u` flag (common.yaml says so).
  const re = typeof pattern === 'string' ? new RegExp(pattern, 'u') : null;
  const format = formatArbitrary(schema['format'], fits);
  // A format and a pattern: values of the format, kept when they match.
  if (format) return re ? format.filter((s) => re.test(s)) : format;
  if (re) return fc.stringMatching(re).filter(fits);
  return fc.string({
    minLength,
    maxLength: Math.max(minLength, Math.min(maxLength ?? 60, 60)),
    unit: 'grapheme',
  });
}

function formatArbitrary(
  format: unknown,
  fits: (s: string) => boolean,
): fc.Arbitrary<string> | null {
  switch (format) {
    case 'date':
      return fc
        .date({
          min: new Date('1930-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'uri':
    case 'uri-reference':
      return fc
        .oneof(
          fc.webUrl({ withQueryParameters: true }),
          fc.constantFrom('http://localhost:5173/done', 'http://127.0.0.1:8080/pay/back'),
        )
        .filter(fits);
    default:
      return null;
  }
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin = num(schema['exclusiveMinimum']);
  const exclusiveMax = num(schema['exclusiveMaximum']);
  let min = num(schema['minimum']) ?? -1_000_000;
  let max = num(schema['maximum']) ?? 1_000_000;
  if (exclusiveMin !== undefined)
    min = Math.max(min, integer ? Math.floor(exclusiveMin) + 1 : exclusiveMin);
  if (exclusiveMax !== undefined)
    max = Math.min(max, integer ? Math.ceil(exclusiveMax) - 1 : exclusiveMax);
  const multipleOf = num(schema['multipleOf']);
  if (multipleOf !== undefined) {
    return fc
      .integer({ min: Math.ceil(min / multipleOf), max: Math.floor(max / multipleOf) })
      .map((n) => n * multipleOf);
  }
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .filter(
      (n) =>
        (exclusiveMin === undefined || n > exclusiveMin) &&
        (exclusiveMax === undefined || n < exclusiveMax),
    );
}

/** An arbitrary of values `schema` accepts (`root`: the document its `$ref`s point into). */
export function validArbitrary(schema: Schema, root: unknown, depth = 0): fc.Arbitrary<unknown> {
  const s = normalize(schema, root);
  if ('const' in s) return fc.constant(s['const']);
  if (Array.isArray(s['enum'])) return fc.constantFrom(...(s['enum'] as unknown[]));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = s[keyword];
    if (Array.isArray(branches)) {
      const { [keyword]: _branches, discriminator: _d, ...rest } = s;
      return fc.oneof(
        ...branches.filter(isSchema).map((branch) => {
          const b = normalize(branch, root);
          // Keywords beside the oneOf (a `type`) apply to every branch.
          return validArbitrary({ ...rest, ...b }, root, depth + 1);
        }),
      );
    }
  }
  if (typeof s['contentMediaType'] === 'string') return fileArbitrary();
  const options = types(s).map((type) => typedArbitrary(s, type, root, depth));
  if (options.length === 0)
    return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  return options.length === 1 ? options[0]! : fc.oneof(...options);
}

function typedArbitrary(
  s: Schema,
  type: string,
  root: unknown,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'string':
      return stringArbitrary(s);
    case 'array': {
      const items = isSchema(s['items']) ? s['items'] : {};
      const minLength = num(s['minItems']) ?? 0;
      const maxLength = Math.min(num(s['maxItems']) ?? minLength + 3, minLength + 3);
      if (depth >= MAX_DEPTH) return fc.constant([]);
      const item = validArbitrary(items, root, depth + 1);
      return s['uniqueItems'] === true
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength });
    }
    case 'object': {
      const properties = isSchema(s['properties']) ? s['properties'] : {};
      const required = new Set((s['required'] as string[] | undefined) ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) {
        if (!isSchema(sub)) continue;
        // Past the depth limit only what is required is generated.
        if (depth >= MAX_DEPTH && !required.has(key)) continue;
        model[key] = validArbitrary(sub, root, depth + 1);
      }
      for (const key of required) model[key] ??= fc.string({ maxLength: 10 });
      return fc.record(model, { requiredKeys: [...required] });
    }
    default:
      throw new Error(`unsupported type ${type}`);
  }
}

/** A string of `length` ASCII letters. */
const filler = (length: number) => 'a'.repeat(length);

function invalidString(s: Schema): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const maxLength = num(s['maxLength']);
  const minLength = num(s['minLength']);
  if (maxLength !== undefined) out.push(fc.constant(filler(maxLength + 1)));
  if (minLength !== undefined && minLength > 0) out.push(fc.constant(filler(minLength - 1)));
  const pattern = s['pattern'];
  if (typeof pattern === 'string') {
    const re = new RegExp(pattern, 'u');
    out.push(
      fc
        .oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom('', ' ', '\u202e', '\u0000', '<script>', '\ud800', '١٢٣٤'),
        )
        .filter((v) => !re.test(v)),
    );
  }
  if (s['format'] === 'date') out.push(fc.constantFrom('2026-02-30', '25/11/2026', 'yesterday'));
  if (s['format'] === 'date-time')
    out.push(fc.constantFrom('2026-11-25', 'now', '2026-11-25T25:00:00Z'));
  if (s['format'] === 'uri') out.push(fc.constantFrom('not a url', '//no-scheme', 'http//x'));
  return out;
}

function invalidNumber(s: Schema, integer: boolean): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const min = num(s['minimum']);
  const max = num(s['maximum']);
  if (min !== undefined) out.push(fc.constant(min - 1));
  if (max !== undefined) out.push(fc.constant(max + 1));
  if (integer) out.push(fc.constant(1.5));
  return out;
}

/**
 * An arbitrary of values `schema` refuses, or null when it refuses nothing (`{}`). Each value
 * breaks one rule: a wrong type, a value outside the enum, a broken pattern or length, a missing
 * required property, an unknown property where none are allowed, or one property or item that
 * breaks its own schema.
 */
export function invalidArbitrary(
  schema: Schema,
  root: unknown,
  depth = 0,
): fc.Arbitrary<unknown> | null {
  const s = normalize(schema, root);
  const out: fc.Arbitrary<unknown>[] = [];
  const allowed = types(s);
  // A value of a type the schema does not allow.
  const samples: [string, unknown][] = [
    ['string', 'not-a-valid-value'],
    ['integer', 7],
    ['boolean', true],
    ['null', null],
    ['object', { unexpected: 1 }],
    ['array', ['x']],
  ];
  if ('const' in s) {
    out.push(fc.constant(typeof s['const'] === 'string' ? `${s['const']}-x` : 'x'));
  } else if (Array.isArray(s['enum'])) {
    const values = s['enum'] as unknown[];
    out.push(fc.constantFrom('not-in-enum', 12345).filter((v) => !values.includes(v)));
  } else if (Array.isArray(s['oneOf']) || Array.isArray(s['anyOf'])) {
    // Outside every branch: a type none of them has, or a discriminator value none names.
    const discriminator = s['discriminator'];
    if (isSchema(discriminator) && typeof discriminator['propertyName'] === 'string') {
      out.push(fc.constant({ [discriminator['propertyName']]: 'no-such-kind' }));
    }
    out.push(fc.constant([[[]]]));
  } else if (typeof s['contentMediaType'] === 'string') {
    // A file is a string to JSON Schema: what a part may hold is the server's rule, not the
    // schema's (the contract-truth test sends a file part as a plain field).
  } else if (allowed.length > 0) {
    const wrong = samples.filter(
      ([t]) => !allowed.includes(t) && !(t === 'integer' && allowed.includes('number')),
    );
    if (wrong.length) out.push(fc.constantFrom(...wrong.map(([, v]) => v)));
    for (const type of allowed) {
      if (type === 'string') out.push(...invalidString(s));
      if (type === 'integer') out.push(...invalidNumber(s, true));
      if (type === 'number') out.push(...invalidNumber(s, false));
      if (type === 'array' && depth < MAX_DEPTH) {
        const items = isSchema(s['items']) ? s['items'] : {};
        const maxItems = num(s['maxItems']);
        const minItems = num(s['minItems']);
        const item = validArbitrary(items, root, depth + 1);
        if (maxItems !== undefined && maxItems < 50) {
          out.push(fc.array(item, { minLength: maxItems + 1, maxLength: maxItems + 1 }));
        }
        if (minItems !== undefined && minItems > 0) out.push(fc.constant([]));
        const bad = invalidArbitrary(items, root, depth + 1);
        if (bad) {
          out.push(
            fc
              .tuple(
                fc.array(item, { minLength: Math.max(0, (minItems ?? 1) - 1), maxLength: 1 }),
                bad,
              )
              .map(([good, b]) => [...good, b]),
          );
        }
      }
      if (type === 'object' && depth < MAX_DEPTH) out.push(...invalidObject(s, root, depth));
    }
  }
  if (out.length === 0) return null;
  return fc.oneof(...out);
}

function invalidObject(s: Schema, root: unknown, depth: number): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const properties = isSchema(s['properties']) ? s['properties'] : {};
  const required = (s['required'] as string[] | undefined) ?? [];
  const base = validArbitrary(s, root, depth).filter(isSchema);
  if (required.length > 0) {
    out.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([value, key]) => {
        const { [key]: _dropped, ...rest } = value;
        return rest;
      }),
    );
  }
  if (s['additionalProperties'] === false) {
    out.push(base.map((value) => ({ ...value, unexpectedProperty: 'x' })));
  }
  const broken = Object.entries(properties).flatMap(([key, sub]) => {
    if (!isSchema(sub)) return [];
    const bad = invalidArbitrary(sub, root, depth + 1);
    return bad ? [fc.tuple(base, bad).map(([value, b]) => ({ ...value, [key]: b }))] : [];
  });
  if (broken.length) out.push(fc.oneof(...broken));
  return out;
}
