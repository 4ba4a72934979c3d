// Requests that are not what the contract says: each gets a documented 4xx problem, never a 5xx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestSandbox, problemOf, signIn } from './helpers.js';
import { contracts } from '../src/generated/contracts.js';
import { compileContract, responseValidator, type CompiledOperation } from '../src/validation.js';

/** Every operation of every contract, compiled, with the path it is mounted at. */
function contractOperations(): { service: string; url: string; op: CompiledOperation }[] {
  return Object.entries(contracts).flatMap(([service, doc]) => {
    const compiled = compileContract(service, doc);
    return compiled.operations.map((op) => ({
      service,
      // Path parameters get a placeholder: the body is checked whatever they are.
      url: compiled.basePath + op.path.replace(/\{[^}]+\}/g, 'x1'),
      op,
    }));
  });
}

/** Fails unless `status` is documented for `op` and `body` matches the documented schema. */
function assertDocumented(op: CompiledOperation, status: number, body: unknown, what: string) {
  const validator = responseValidator(op, status);
  assert.notEqual(validator, undefined, `${what}: ${status} is documented`);
  if (validator) assert.ok(validator(body), `${what}: ${JSON.stringify(validator.errors)}`);
}

test('every operation with a body answers JSON that is not what its schema says with a documented 4xx, never a 5xx', async () => {
  const env = createTestSandbox();
  const me = await signIn(env);
  const withBody = contractOperations().filter(({ op }) => op.bodyType !== null);
  assert.ok(withBody.length >= 10, 'the contracts have operations with a body');
  const statuses: number[] = [];
  for (const { url, op } of withBody) {
    for (const raw of ['null', '[]', '1', '"x"', 'true', '{', '']) {
      // No body is a valid request where the body is optional (refreshing in cookie mode).
      if (raw === '' && !op.bodyRequired) continue;
      const what = `${op.operationId} ${raw || '(empty)'}`;
      const response = await me.request(url, {
        method: op.method.toUpperCase(),
        body: raw,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': 'test_key_0000000001',
          'X-Gateway-Signature': '0'.repeat(64),
        },
      });
      statuses.push(response.status);
      const problem = await problemOf(response);
      assertDocumented(op, response.status, problem, what);
      if (raw === '{' || op.bodyType === 'multipart') {
        assert.equal(response.status, 400, what);
        assert.equal(problem.code, 'request.malformed', what);
      } else {
        assert.equal(response.status, 422, what);
        assert.equal(problem.code, 'validation.failed', what);
        assert.ok(
          problem.errors?.some((e) => e.pointer.startsWith('/body')),
          `${what}: a field error points into the body: ${JSON.stringify(problem.errors)}`,
        );
      }
    }
  }
  assert.deepEqual(
    statuses.filter((s) => s >= 500),
    [],
    'no request of this test got a 5xx',
  );
});
