// The arbitraries of `schema-arbitrary.ts` against Ajv, for every schema and parameter of every
// contract: what `validArbitrary` makes, the schema accepts; what `invalidArbitrary` makes, it
// refuses. The contract-truth test leans on both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contracts } from '../src/generated/contracts.js';
import { compileContract } from '../src/validation.js';
import {
  invalidArbitrary,
  validArbitrary,
  type GeneratedFile,
  type Schema,
} from '../src/conformance/schema-arbitrary.js';

const SEED = 20261203;

/** Files stand in the JSON as the sandbox validates a multipart part: by their name. */
function asValidated(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asValidated);
  if (value && typeof value === 'object') {
    if ((value as GeneratedFile).kind === 'file' && (value as GeneratedFile).bytes) {
      return (value as GeneratedFile).name;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asValidated(v)]));
  }
  return value;
}

for (const [name, doc] of Object.entries(contracts)) {
  test(`${name}: generated values are valid, and invalid ones invalid, by every schema of the contract`, () => {
    const compiled = compileContract(`${name}-arbitrary`, doc);
    const schemas = Object.entries((doc.components?.['schemas'] ?? {}) as Record<string, Schema>);
    const parameters = Object.entries(
      (doc.components?.['parameters'] ?? {}) as Record<string, { schema?: Schema }>,
    );
    const targets: [string, Schema][] = [
      ...schemas.map(([key, schema]): [string, Schema] => [`/components/schemas/${key}`, schema]),
      ...parameters
        .filter(([, p]) => p.schema)
        .map(([key]): [string, Schema] => [
          `/components/parameters/${key}/schema`,
          { $ref: `#/components/parameters/${key}/schema` },
        ]),
    ];
    assert.ok(targets.length > 5);
    for (const [pointer, schema] of targets) {
      const validate = compiled.schemaValidator(pointer);
      const valid = fc.sample(validArbitrary(schema, doc), { numRuns: 40, seed: SEED });
      for (const value of valid) {
        assert.ok(
          validate(asValidated(value)),
          `${name}${pointer}: generated ${JSON.stringify(value)} is invalid: ${JSON.stringify(validate.errors)}`,
        );
      }
      const invalid = invalidArbitrary(schema, doc);
      if (!invalid) continue;
      for (const value of fc.sample(invalid, { numRuns: 40, seed: SEED })) {
        assert.ok(
          !validate(asValidated(value)),
          `${name}${pointer}: ${JSON.stringify(value)} was generated as invalid but is valid`,
        );
      }
    }
  });
}

test('the arbitraries follow the keywords they cover', () => {
  const root = {};
  const sample = (schema: Schema) =>
    fc.sample(validArbitrary(schema, root), { numRuns: 50, seed: SEED });
  assert.ok(
    sample({ type: 'string', pattern: '^chl_[a-z]{6}$' }).every((v) =>
      /^chl_[a-z]{6}$/.test(String(v)),
    ),
  );
  assert.ok(
    sample({ type: 'integer', minimum: 3, maximum: 5 }).every((v) => v === 3 || v === 4 || v === 5),
  );
  assert.ok(sample({ enum: ['a', 'b'] }).every((v) => v === 'a' || v === 'b'));
  assert.ok(sample({ type: ['string', 'null'], maxLength: 2 }).some((v) => v === null));
  const objects = sample({
    type: 'object',
    required: ['a'],
    properties: { a: { const: 1 }, b: { type: 'boolean' } },
  }) as Record<string, unknown>[];
  assert.ok(objects.every((o) => o['a'] === 1));
  assert.ok(
    objects.some((o) => 'b' in o) && objects.some((o) => !('b' in o)),
    'optional properties come and go',
  );
  assert.equal(invalidArbitrary({}, root), null, 'an empty schema refuses nothing');
  const missing = fc.sample(
    invalidArbitrary(
      { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } },
      root,
    )!,
    { numRuns: 30, seed: SEED },
  ) as unknown[];
  assert.ok(
    missing.some((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !('a' in v)),
  );
});
