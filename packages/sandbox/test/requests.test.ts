// Requests that are not what the contract says: each gets a documented 4xx problem, never a 5xx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_FILES, createTestSandbox, documentForm, problemOf, signIn } from './helpers.js';
import { contracts } from '../src/generated/contracts.js';
import { JSON_BODY_LIMIT } from '../src/body-limit.js';
import { UPLOAD_POLICY } from '../src/index.js';
import { compileContract, responseValidator, type CompiledOperation } from '../src/validation.js';

/** Every operation of every contract, compiled, with the path it is mounted at. */
let compiled: { service: string; url: string; op: CompiledOperation }[] | undefined;
function contractOperations(): { service: string; url: string; op: CompiledOperation }[] {
  return (compiled ??= Object.entries(contracts).flatMap(([service, doc]) => {
    const contract = compileContract(service, doc);
    return contract.operations.map((op) => ({
      service,
      // Path parameters get a placeholder: the body is checked whatever they are.
      url: contract.basePath + op.path.replace(/\{[^}]+\}/g, 'x1'),
      op,
    }));
  }));
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

test('every operation with a body documents 413 request.too-large', () => {
  const missing = contractOperations()
    .filter(({ op }) => op.bodyType !== null && op.responses['413'] === undefined)
    .map(({ op }) => op.operationId);
  assert.deepEqual(missing, []);
});

test('a JSON body over 64 KiB gets 413 request.too-large and changes nothing', async () => {
  const env = createTestSandbox();
  const me = await signIn(env);
  const drafts = () => JSON.stringify(env.sandbox.state.socialProtection.drafts);
  const before = drafts();
  const response = await me.request('/social-protection/v1/update-requests', {
    method: 'POST',
    json: { kind: 'beneficiary-update', padding: 'x'.repeat(JSON_BODY_LIMIT) },
  });
  assert.equal(response.status, 413);
  const problem = await problemOf(response);
  assert.equal(problem.code, 'request.too-large');
  assertDocumented(
    contractOperations().find(({ op }) => op.operationId === 'createUpdateRequest')!.op,
    413,
    problem,
    'createUpdateRequest',
  );
  assert.equal(drafts(), before);
});

test('a body that never ends is read only up to the limit, then cancelled', async () => {
  const env = createTestSandbox();
  let pulled = 0;
  let cancelled = false;
  const chunk = new TextEncoder().encode(`{"method":"phone","phone":"${' '.repeat(4000)}`);
  // Endless as far as a limit-respecting reader can tell; it stops at 16 MiB so that a reader
  // without a limit fails this test instead of exhausting the machine's memory.
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 16 * 1024 * 1024) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = await env.fetch('http://sandbox.localhost/identity/v1/sign-in', {
    method: 'POST',
    body: endless,
    headers: { 'Content-Type': 'application/json' },
    duplex: 'half',
  } as RequestInit);
  assert.equal(response.status, 413);
  assert.equal((await problemOf(response)).code, 'request.too-large');
  assert.equal(cancelled, true, 'the sandbox stopped reading');
  assert.ok(pulled <= JSON_BODY_LIMIT + 4 * chunk.byteLength, `pulled ${pulled} bytes`);
});

test('an upload of exactly the policy’s maxBytes still fits, with its multipart framing', async () => {
  const env = createTestSandbox();
  const me = await signIn(env);
  const created = await me.request('/social-protection/v1/update-requests', {
    method: 'POST',
    json: { kind: 'beneficiary-update' },
  });
  const { id } = (await created.json()) as { id: string };
  const file = new Uint8Array(UPLOAD_POLICY.maxBytes);
  file.set(SAMPLE_FILES.pdf);
  const name = `${'بطاقة'.repeat(30)}.pdf`;
  const response = await me.request(`/social-protection/v1/update-requests/${id}/documents`, {
    method: 'POST',
    body: documentForm('national-card', file, name, 'application/pdf'),
  });
  assert.equal(response.status, 201, await response.clone().text());
});

test('every kind of answer carries X-Content-Type-Options: nosniff', async () => {
  const env = createTestSandbox();
  const me = await signIn(env);
  const payment = await me.request('/payments/v1/payments', {
    method: 'POST',
    json: { payableIds: ['pbl_0101'], method: 'qi-card', returnUrl: 'http://localhost:5173/done' },
    headers: { 'Idempotency-Key': 'test_key_0000000002' },
  });
  const { id, redirectUrl } = (await payment.json()) as { id: string; redirectUrl: string };
  const answers: [string, Response][] = [
    ['201 JSON', payment],
    ['200 JSON', await me.request('/identity/v1/me')],
    ['401 problem', await env.request('/ration-card/v1/card', { headers: { Cookie: '' } })],
    ['404 route', await env.request('/nothing-here')],
    ['405 method', await env.request('/identity/v1/me', { method: 'PUT' })],
    ['303 redirect', await env.request(`/payments/v1/payments/${id}/return`)],
    ['200 HTML page', await env.fetch(redirectUrl)],
    ['CORS preflight', await env.request('/identity/v1/me', { method: 'OPTIONS' })],
    ['204', await me.request('/identity/v1/session', { method: 'DELETE' })],
  ];
  for (const [what, response] of answers) {
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', what);
  }
});

test('a method a path does not have gets 405 with Allow, a path that does not exist 404', async () => {
  const env = createTestSandbox();
  const cases: [string, string, string][] = [
    ['PUT', '/identity/v1/me', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/identity/v1/session', 'GET, HEAD, DELETE, OPTIONS'],
    ['GET', '/identity/v1/sign-in', 'POST, OPTIONS'],
    ['DELETE', '/payments/v1/payments/pay_x1', 'GET, HEAD, OPTIONS'],
    ['POST', '/social-protection/v1/update-requests/upd_x1', 'GET, HEAD, PUT, OPTIONS'],
    ['DELETE', '/gateway/qi-card/pay_x1', 'GET, HEAD, POST, OPTIONS'],
  ];
  for (const [method, path, allow] of cases) {
    const response = await env.request(path, { method });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
    assert.match(response.headers.get('x-request-id') ?? '', /^req_/);
    const problem = await problemOf(response);
    assert.equal(problem.code, 'method-not-allowed');
    assert.equal(problem.status, 405);
  }
  const missing = await env.request('/identity/v1/nothing', { method: 'PUT' });
  assert.equal(missing.status, 404);
  assert.equal((await problemOf(missing)).code, 'not-found');
});

test('the hosted gateway form is limited to 64 KiB too: 413, and the payment is untouched', async () => {
  const env = createTestSandbox();
  const me = await signIn(env);
  const created = await me.request('/payments/v1/payments', {
    method: 'POST',
    json: { payableIds: ['pbl_0101'], method: 'qi-card', returnUrl: 'http://localhost:5173/done' },
    headers: { 'Idempotency-Key': 'test_key_0000000003' },
  });
  const payment = (await created.json()) as { id: string; redirectUrl: string };
  const url = new URL(payment.redirectUrl);
  const response = await env.fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    body: new URLSearchParams({
      session: url.searchParams.get('session') ?? '',
      outcome: 'approve',
      otp: '123456',
      padding: 'x'.repeat(JSON_BODY_LIMIT),
    }),
  });
  assert.equal(response.status, 413);
  assert.equal((await problemOf(response)).code, 'request.too-large');
  const after = await me.request(`/payments/v1/payments/${payment.id}`);
  assert.equal(((await after.json()) as { status: string }).status, 'awaiting-confirmation');
});
