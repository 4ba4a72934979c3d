import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { isEServicesError } from '../src/index.js';
import { json, networkFailure, problem, testClient } from './fake-fetch.js';

const card = { cardNumber: '1234567' };

describe('retries', () => {
  for (const status of [408, 429, 502, 503, 504]) {
    test(`a GET answered ${status} is retried, then succeeds`, async () => {
      const { client, server } = testClient([
        problem(status, 'service.unavailable'),
        json(200, card),
      ]);
      const { data, response } = await client.rationCard.GET('/card');
      assert.equal(response.status, 200);
      assert.deepEqual(data, card);
      assert.equal(server.received.length, 2);
    });
  }

  test('a network error on a GET is retried', async () => {
    const { client, server } = testClient([networkFailure(), json(200, card)]);
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 200);
    assert.equal(server.received.length, 2);
  });

  test('retries stop after maxRetries and the last response is returned', async () => {
    const { client, server } = testClient(
      [
        problem(503, 'service.unavailable'),
        problem(503, 'service.unavailable'),
        problem(503, 'service.unavailable'),
      ],
      { retry: { maxRetries: 2 } },
    );
    const { error, response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 503);
    assert.equal(error?.code, 'service.unavailable');
    assert.equal(server.received.length, 3);
  });

  test('network errors after all retries reject with EServicesError network.error', async () => {
    const cause = networkFailure();
    const { client, server } = testClient([networkFailure(), networkFailure(), cause]);
    const error: unknown = await client.rationCard.GET('/card').then(
      () => assert.fail('should reject'),
      (e: unknown) => e,
    );
    assert.ok(isEServicesError(error));
    assert.equal(error.status, 0);
    assert.equal(error.code, 'network.error');
    assert.equal(error.retryable, true);
    assert.equal(error.cause, cause);
    assert.equal(error.requestId, server.received[0]?.headers.get('X-Request-Id'));
    assert.equal(server.received.length, 3);
  });

  test('retry: false sends once', async () => {
    const { client, server } = testClient([problem(503, 'service.unavailable')], { retry: false });
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 503);
    assert.equal(server.received.length, 1);
  });

  test('a POST without Idempotency-Key is not retried, on a status or a network error', async () => {
    const body = { kind: 'add-newborn' as const };
    const first = testClient([problem(503, 'service.unavailable')]);
    const { response } = await first.client.rationCard.POST('/change-requests', { body });
    assert.equal(response.status, 503);
    assert.equal(first.server.received.length, 1);
    assert.equal(first.server.received[0]?.headers.has('Idempotency-Key'), false);

    const second = testClient([networkFailure()]);
    const error: unknown = await second.client.rationCard
      .POST('/change-requests', { body })
      .catch((e: unknown) => e);
    assert.ok(isEServicesError(error));
    assert.equal(error.code, 'network.error');
    assert.equal(second.server.received.length, 1);
  });

  test('a POST carrying an Idempotency-Key is retried', async () => {
    const { client, server } = testClient([
      problem(502, 'server.error'),
      json(201, { id: 'rcr_1' }),
    ]);
    const { response } = await client.rationCard.POST('/change-requests', {
      body: { kind: 'add-newborn' },
      headers: { 'Idempotency-Key': 'idem_caller_key_0001' },
    });
    assert.equal(response.status, 201);
    assert.equal(server.received.length, 2);
  });

  test('409 idempotency.in-progress on a keyed call is asked again after Retry-After', async () => {
    const created = { id: 'pay_000001' };
    const { client, server, sleeps } = testClient([
      problem(409, 'idempotency.in-progress', {}, { 'Retry-After': '1' }),
      json(201, created),
    ]);
    const { data, response } = await client.payments.POST('/payments', {
      body: { payableIds: ['pbl_0101'], method: 'qi-card', returnUrl: 'http://localhost/' },
      params: { header: { 'Idempotency-Key': 'idem_caller_key_0002' } },
    });
    assert.equal(response.status, 201);
    assert.deepEqual(data, created);
    assert.deepEqual(sleeps, [1000]);
    const keys = server.received.map((r) => r.headers.get('Idempotency-Key'));
    assert.deepEqual(keys, ['idem_caller_key_0002', 'idem_caller_key_0002']);

    // Still in progress after every retry: the caller gets a retryable error.
    const busy = testClient(
      Array.from({ length: 3 }, () =>
        problem(409, 'idempotency.in-progress', {}, { 'Retry-After': '1' }),
      ),
    );
    const { error } = await busy.client.payments.POST('/payments', {
      body: { payableIds: ['pbl_0101'], method: 'qi-card', returnUrl: 'http://localhost/' },
      params: { header: { 'Idempotency-Key': 'idem_caller_key_0003' } },
    });
    assert.equal(busy.server.received.length, 3);
    assert.equal(error?.code, 'idempotency.in-progress');
  });

  for (const [status, code] of [
    [400, 'request.malformed'],
    [401, 'auth.required'],
    [404, 'not-found'],
    [409, 'draft.version-conflict'],
    [422, 'validation.failed'],
    [500, 'server.error'],
  ] as const) {
    test(`a GET answered ${status} is not retried`, async () => {
      const { client, server } = testClient([problem(status, code)]);
      const { response } = await client.rationCard.GET('/card');
      assert.equal(response.status, status);
      assert.equal(server.received.length, 1);
    });
  }

  test('a caller abort is not retried and rejects with the abort reason', async () => {
    const controller = new AbortController();
    const { client, server, sleeps } = testClient([
      (request) => {
        queueMicrotask(() => controller.abort());
        return new Promise((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        });
      },
    ]);
    const error: unknown = await client.rationCard
      .GET('/card', { signal: controller.signal })
      .catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(isEServicesError(error), false);
    assert.equal(server.received.length, 1);
    assert.deepEqual(sleeps, [], 'no backoff after a caller abort');
  });

  test('an abort during the backoff ends the call at once, without another attempt', async () => {
    const controller = new AbortController();
    // The real (default) sleep: the backoff would be 0.5 × 2000 ms.
    const { client, server } = testClient([problem(503, 'service.unavailable'), json(200, card)], {
      retry: { baseDelayMs: 2000 },
      sleep: undefined,
    });
    const started = Date.now();
    const pending = client.rationCard.GET('/card', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error: unknown = await pending.catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.ok(Date.now() - started < 500, 'the backoff was cut short');
    assert.equal(server.received.length, 1);
  });
});

describe('backoff', () => {
  test('full jitter: the delay is random × min(maxDelay, base × 2^retry)', async () => {
    const randoms = [0, 0.999, 0.5, 0.25];
    const { client, sleeps } = testClient(
      [
        problem(503, 'service.unavailable'),
        problem(503, 'service.unavailable'),
        problem(503, 'service.unavailable'),
        problem(503, 'service.unavailable'),
        json(200, card),
      ],
      {
        retry: { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 1500 },
        random: () => randoms.shift() ?? 0,
      },
    );
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 200);
    // caps: 500, 1000, min(1500, 2000), min(1500, 4000)
    assert.deepEqual(sleeps, [0, 999, 750, 375]);
  });

  test('with the default policy every delay lies between 0 and its cap', async () => {
    for (const random of [0, 0.5, 0.999999]) {
      const { client, sleeps } = testClient(
        [problem(503, 'service.unavailable'), problem(503, 'service.unavailable'), json(200, card)],
        { random: () => random },
      );
      await client.rationCard.GET('/card');
      const [first = -1, second = -1] = sleeps;
      assert.equal(sleeps.length, 2);
      assert.ok(first >= 0 && first < 500, `first delay ${first}`);
      assert.ok(second >= 0 && second < 1000, `second delay ${second}`);
    }
  });

  test('Retry-After in seconds is honoured exactly', async () => {
    const { client, sleeps } = testClient([
      problem(429, 'rate-limited', { retryAfterSeconds: 3 }, { 'Retry-After': '3' }),
      json(200, card),
    ]);
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 200);
    assert.deepEqual(sleeps, [3000]);
  });

  test('Retry-After as an HTTP date is honoured against the clock', async () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    const { client, sleeps } = testClient(
      [
        problem(503, 'service.unavailable', {}, { 'Retry-After': 'Fri, 20 Nov 2026 10:00:05 GMT' }),
        json(200, card),
      ],
      { now: () => now },
    );
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 200);
    assert.deepEqual(sleeps, [5000]);
  });

  test('a Retry-After longer than 4 × maxDelayMs is not waited for: the response is returned', async () => {
    const { client, server, sleeps } = testClient([
      problem(429, 'rate-limited', { retryAfterSeconds: 120 }, { 'Retry-After': '120' }),
    ]);
    const { error, response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 429);
    assert.equal(error?.retryAfterSeconds, 120);
    assert.deepEqual(sleeps, []);
    assert.equal(server.received.length, 1);
  });

  test('an unreadable Retry-After falls back to the backoff', async () => {
    const { client, sleeps } = testClient([
      problem(503, 'service.unavailable', {}, { 'Retry-After': 'soon' }),
      json(200, card),
    ]);
    await client.rationCard.GET('/card');
    assert.deepEqual(sleeps, [250]);
  });
});

describe('timeouts', () => {
  test('a timed-out attempt is retried, then succeeds', async () => {
    const { client, server } = testClient(['hang', json(200, card)], { timeoutMs: 20 });
    const { data } = await client.rationCard.GET('/card');
    assert.deepEqual(data, card);
    assert.equal(server.received.length, 2);
    assert.equal(server.received[0]?.request.signal.aborted, true);
  });

  test('timeouts on every attempt reject with EServicesError network.timeout', async () => {
    const { client, server } = testClient(['hang', 'hang', 'hang'], { timeoutMs: 10 });
    const error: unknown = await client.rationCard.GET('/card').catch((e: unknown) => e);
    assert.ok(isEServicesError(error));
    assert.equal(error.code, 'network.timeout');
    assert.equal(error.status, 0);
    assert.equal(error.retryable, true);
    assert.equal(server.received.length, 3);
  });

  test('the timeout applies per attempt, not to the whole call', async () => {
    const slow = (ms: number) => () =>
      new Promise<Response>((resolve) => setTimeout(() => resolve(json(200, card)), ms));
    // A 40 ms timeout then a 30 ms answer: 70 ms in all, but the second attempt had its own 40 ms.
    const { client, server } = testClient(['hang', slow(30)], { timeoutMs: 40 });
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 200);
    assert.equal(server.received.length, 2);
  });
});

describe('timeouts, many calls at once', () => {
  test('each attempt ends at its own deadline, an earlier one after a later one included', async () => {
    const ended: string[] = [];
    const call = (name: string, timeoutMs: number) => {
      const { client } = testClient(['hang'], { timeoutMs, retry: false });
      return client.rationCard.GET('/card').catch((error: unknown) => {
        assert.ok(isEServicesError(error));
        assert.equal(error.code, 'network.timeout');
        ended.push(name);
      });
    };
    // The first deadline set is the latest: the one armed after it must end first.
    await Promise.all([call('slow', 120), call('fast', 10), call('middle', 60)]);
    assert.deepEqual(ended, ['fast', 'middle', 'slow']);
  });

  test('answered calls leave no timer behind (a Node process is not held open by one)', () => {
    // A child process: the test runner's own timers would hide ours.
    const script = `
      import { createEServicesClient } from './packages/api/src/index.ts';
      const client = createEServicesClient({
        baseUrl: 'https://eservices.example.gov.iq/api',
        fetch: async () => new Response('{}', { headers: { 'Content-Type': 'application/json' } }),
        timeoutMs: 600000,
      });
      for (let i = 0; i < 3; i++) await client.rationCard.GET('/card');
      const pending = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const inFlight = client.rationCard.GET('/card');
      const during = pending();
      await inFlight;
      console.log(JSON.stringify({ during, after: pending() }));
      process.exit(0);
    `;
    const out = execFileSync(
      process.execPath,
      ['--conditions=iq-source', '--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: fileURLToPath(new URL('../../..', import.meta.url)), encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(out), { during: 1, after: 0 });
  });
});

describe('timeouts, after the headers', () => {
  test('the timer stops once the response headers arrive', async () => {
    const { client, server } = testClient([json(200, card)], { timeoutMs: 15 });
    await client.rationCard.GET('/card');
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(server.received[0]?.request.signal.aborted, false);
  });
});

describe('request bodies', () => {
  test('the body is replayed identically on every retry', async () => {
    const { client, server } = testClient([
      problem(503, 'service.unavailable'),
      networkFailure(),
      json(200, { requestId: 'rcr_1', referenceNumber: 'RC-2026-000001' }),
    ]);
    const { response } = await client.rationCard.POST('/change-requests/{requestId}/submit', {
      params: { path: { requestId: 'rcr_000031' } },
      body: { version: 3 },
    });
    assert.equal(response.status, 200);
    assert.equal(server.received.length, 3);
    for (const received of server.received) {
      assert.equal(received.body, '{"version":3}');
      assert.equal(received.headers.get('Content-Type'), 'application/json');
    }
  });
});
