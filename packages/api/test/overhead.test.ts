// What a call costs the client beyond openapi-fetch (bench/client.ts measures it): the first
// attempt sends the request openapi-fetch built, with no copy of it; a retry makes one request
// from it (copying a body only when there is one to replay).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createEServicesClient, isEServicesError } from '../src/index.js';
import { BASE_URL, json, problem, testClient } from './fake-fetch.js';

const card = { cardNumber: '1234567' };

/** Counts `Request#clone()` calls (the pipeline's requests inherit it). */
let clones = 0;
const clone = Request.prototype.clone;
beforeEach(() => {
  clones = 0;
  Request.prototype.clone = function (this: Request) {
    clones++;
    return clone.call(this);
  };
});
afterEach(() => {
  Request.prototype.clone = clone;
});

describe('the cost of a call', () => {
  test('a GET sends the request openapi-fetch built: no copy, no clone', async () => {
    let built: Request | undefined;
    const { client, server } = testClient([json(200, card)]);
    client.use({
      onRequest: ({ request }) => {
        built = request;
      },
    });
    const { data } = await client.rationCard.GET('/card');
    assert.deepEqual(data, card);
    assert.equal(server.received[0]?.request, built);
    assert.equal(clones, 0);
  });

  test('a retried GET makes a new request per retry, still without cloning', async () => {
    const { client, server } = testClient([problem(503, 'service.unavailable'), json(200, card)]);
    const { data } = await client.rationCard.GET('/card');
    assert.deepEqual(data, card);
    const [first, second] = server.received;
    assert.notEqual(first?.request, second?.request);
    assert.equal(second?.headers.get('X-Request-Id'), first?.headers.get('X-Request-Id'));
    assert.equal(clones, 0);
  });

  test('a POST that may be retried keeps one copy of its body, and each retry sends it', async () => {
    const { client, server } = testClient([
      problem(503, 'service.unavailable'),
      problem(503, 'service.unavailable'),
      json(201, { id: 'pay_1' }),
    ]);
    await client.payments.POST('/payments', {
      body: {
        payableIds: ['pay_000001'],
        method: 'qi-card',
        returnUrl: 'https://ministry.example/finish',
      },
    });
    assert.equal(server.received.length, 3);
    const bodies = server.received.map((r) => r.body);
    assert.ok(bodies[0]?.includes('pay_000001'));
    assert.deepEqual(bodies, [bodies[0], bodies[0], bodies[0]]);
  });
});

describe("the platform's fetch (no `fetch` option)", () => {
  const platformFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = platformFetch;
  });

  /** Installs a `globalThis.fetch` that never answers: it fails when its init's signal aborts. */
  function installHangingFetch() {
    const seen: { request: Request; signal: AbortSignal | undefined }[] = [];
    globalThis.fetch = ((request: Request, init?: RequestInit) => {
      const signal = init?.signal ?? undefined;
      seen.push({ request, signal });
      return new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    }) as typeof fetch;
    return seen;
  }

  test("is given the attempt's signal beside the request; a timeout aborts it", async () => {
    const seen = installHangingFetch();
    const client = createEServicesClient({ baseUrl: BASE_URL, timeoutMs: 20, retry: false });
    const error: unknown = await client.rationCard.GET('/card').catch((e: unknown) => e);
    assert.ok(isEServicesError(error));
    assert.equal(error.code, 'network.timeout');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.signal?.aborted, true);
    // The request itself was built without the attempt's signal (what makes it cheaper to build).
    assert.equal(seen[0]?.request.signal.aborted, false);
  });

  test("the caller's abort aborts the platform's fetch", async () => {
    const seen = installHangingFetch();
    const client = createEServicesClient({ baseUrl: BASE_URL, retry: false });
    const caller = new AbortController();
    const pending = client.rationCard.GET('/card', { signal: caller.signal });
    caller.abort(new Error('the element went away'));
    await assert.rejects(pending, /the element went away/);
    assert.equal(seen[0]?.signal?.aborted, true);
  });
});

test("a call's own fetch options reach the request the pipeline sends", async () => {
  const { client, server } = testClient([json(200, card)]);
  const { data } = await client.rationCard.GET('/card', {
    cache: 'no-store',
    redirect: 'error',
    referrerPolicy: 'no-referrer',
    keepalive: true,
    headers: { 'X-Trace': 'kept' },
  });
  assert.deepEqual(data, card);
  const sent = server.received[0]?.request;
  assert.equal(sent?.cache, 'no-store');
  assert.equal(sent?.redirect, 'error');
  assert.equal(sent?.referrerPolicy, 'no-referrer');
  assert.equal(sent?.keepalive, true);
  assert.equal(sent?.credentials, 'include');
  assert.equal(sent?.headers.get('X-Trace'), 'kept');
});
