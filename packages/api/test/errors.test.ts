import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EServicesError, isEServicesError, unwrap } from '../src/index.js';
import { json, problem, testClient } from './fake-fetch.js';

describe('EServicesError', () => {
  test('carries the fields of a problem body, field errors included', async () => {
    const { client } = testClient([
      problem(422, 'validation.failed', {
        title: 'بعض البيانات غير صحيحة',
        detail: 'تحقق من الحقول المؤشرة',
        requestId: 'req_01HZX3J6W8K9ABCDEF',
        errors: [{ pointer: '/body/kind', code: 'enum', detail: 'نوع الطلب غير معروف' }],
      }),
    ]);
    const result = await client.rationCard.POST('/change-requests', {
      body: { kind: 'add-newborn' },
    });
    const error = EServicesError.fromResponse(result.response, result.error);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'EServicesError');
    assert.equal(error.status, 422);
    assert.equal(error.code, 'validation.failed');
    assert.equal(error.title, 'بعض البيانات غير صحيحة');
    assert.equal(error.detail, 'تحقق من الحقول المؤشرة');
    assert.equal(error.requestId, 'req_01HZX3J6W8K9ABCDEF');
    assert.equal(error.retryable, false);
    assert.deepEqual(error.fieldErrors, [
      { pointer: '/body/kind', code: 'enum', detail: 'نوع الطلب غير معروف' },
    ]);
    assert.equal(error.problem?.code, 'validation.failed');
    assert.match(error.message, /validation\.failed/);
  });

  test('a 503 problem is retryable and takes Retry-After from the header', async () => {
    const response = problem(503, 'service.unavailable', {}, { 'Retry-After': '7' });
    const error = EServicesError.fromResponse(response, await response.clone().json());
    assert.equal(error.retryable, true);
    assert.equal(error.retryAfterSeconds, 7);
  });

  test("the problem's retryAfterSeconds wins over the header", async () => {
    const response = problem(
      429,
      'otp.resend-too-early',
      { retryAfterSeconds: 42 },
      { 'Retry-After': '40' },
    );
    const error = EServicesError.fromResponse(response, await response.clone().json());
    assert.equal(error.retryAfterSeconds, 42);
    assert.equal(error.retryable, true);
  });

  test('a body that is not a problem gives response.malformed, with the header request id', () => {
    const response = new Response('<html>Bad gateway</html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req_from_header_01' },
    });
    const error = EServicesError.fromResponse(response, '<html>Bad gateway</html>');
    assert.equal(error.code, 'response.malformed');
    assert.equal(error.status, 502);
    assert.equal(error.requestId, 'req_from_header_01');
    assert.equal(error.retryable, true);
    assert.equal(error.title, '');
    assert.deepEqual(error.fieldErrors, []);
    assert.equal(error.problem, undefined);
  });

  test('JSON without a code is malformed too', () => {
    const response = json(500, { message: 'oops' });
    const error = EServicesError.fromResponse(response, { message: 'oops' });
    assert.equal(error.code, 'response.malformed');
    assert.equal(error.retryable, false);
  });

  test('isEServicesError recognises the class and a copy from another bundle', () => {
    const own = new EServicesError({ status: 0, code: 'network.error' });
    const foreign = Object.assign(new Error('x'), { name: 'EServicesError', code: 'not-found' });
    assert.equal(isEServicesError(own), true);
    assert.equal(isEServicesError(foreign), true);
    assert.equal(isEServicesError(new Error('x')), false);
    assert.equal(isEServicesError(null), false);
    assert.equal(isEServicesError('EServicesError'), false);
  });
});

describe('unwrap', () => {
  test('returns the data of a success', async () => {
    const { client } = testClient([json(200, { cardNumber: '1234567' })]);
    const card = unwrap(await client.rationCard.GET('/card'));
    assert.deepEqual(card, { cardNumber: '1234567' });
  });

  test('returns undefined for a 204', async () => {
    const { client } = testClient([new Response(null, { status: 204 })]);
    const result: undefined = unwrap(await client.identity.DELETE('/session'));
    assert.equal(result, undefined);
  });

  test('throws the EServicesError of an error response', async () => {
    const { client } = testClient([problem(404, 'not-found')]);
    const result = await client.rationCard.GET('/card');
    assert.throws(
      () => unwrap(result),
      (error: unknown) =>
        isEServicesError(error) && error.code === 'not-found' && error.status === 404,
    );
  });

  test('throws response.malformed for an empty error body', async () => {
    const { client } = testClient([new Response(null, { status: 500 })]);
    const result = await client.rationCard.GET('/card');
    assert.throws(
      () => unwrap(result),
      (error: unknown) => isEServicesError(error) && error.code === 'response.malformed',
    );
  });
});
