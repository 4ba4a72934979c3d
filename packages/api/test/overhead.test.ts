// What a call costs the client beyond openapi-fetch (bench/client.ts measures it). Without
// middleware a call is described, not made into a request (pipeline.ts, `CallDraft`): the
// platform's fetch is given its URL and init, and a host's fetch one request per attempt. A
// retry copies a body only when there is one to replay. With middleware, calls are requests.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Middleware } from 'openapi-fetch';
import { createEServicesClient, isEServicesError } from '../src/index.js';
import { BASE_URL, json, problem, testClient } from './fake-fetch.js';

const card = { cardNumber: '1234567' };

/** Counts `Request#clone()` calls and `new Request` (the global the client makes requests with). */
let clones = 0;
let made = 0;
const clone = Request.prototype.clone;
const PlatformRequest = globalThis.Request;
beforeEach(() => {
  clones = 0;
  made = 0;
  Request.prototype.clone = function (this: Request) {
    clones++;
    return clone.call(this);
  };
  globalThis.Request = class extends PlatformRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init);
      made++;
    }
  };
});
afterEach(() => {
  Request.prototype.clone = clone;
  globalThis.Request = PlatformRequest;
});

describe('the cost of a call', () => {
  test("a GET makes one request, the one the host's fetch is given: no copy, no clone", async () => {
    const { client, server } = testClient([json(200, card)]);
    const { data } = await client.rationCard.GET('/card');
    assert.deepEqual(data, card);
    assert.equal(made, 1);
    assert.equal(clones, 0);
    assert.ok(server.received[0]?.request instanceof PlatformRequest);
    assert.equal(server.received[0]?.url, `${BASE_URL}/ration-card/v1/card`);
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

  interface Seen {
    input: RequestInfo | URL;
    init: RequestInit | undefined;
  }

  /** Installs a `globalThis.fetch` that records its arguments and answers `respond()`, or never. */
  function installFetch(respond?: () => Response) {
    const seen: Seen[] = [];
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ input, init });
      if (respond) return Promise.resolve(respond());
      const signal = init?.signal ?? undefined;
      return new Promise<Response>((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    }) as typeof fetch;
    return seen;
  }

  test('a GET makes no request: fetch is given its URL and an init with everything it sends', async () => {
    const seen = installFetch(() => json(200, card));
    const client = createEServicesClient({ baseUrl: BASE_URL, locale: 'ckb' });
    const { data } = await client.rationCard.GET('/card', { cache: 'no-store' });
    assert.deepEqual(data, card);
    assert.equal(made, 0);
    const [{ input, init } = { input: '', init: undefined }] = seen;
    assert.equal(input, `${BASE_URL}/ration-card/v1/card`);
    assert.equal(init?.method, 'GET');
    assert.equal(init?.credentials, 'include');
    assert.equal(init?.cache, 'no-store');
    assert.ok(init?.signal instanceof AbortSignal);
    // A plain object: a `Headers` would be copied through its iterator, much slower in Chromium.
    assert.equal(Object.getPrototypeOf(init?.headers), Object.prototype);
    const headers = new Headers(init?.headers);
    assert.match(headers.get('X-Request-Id') ?? '', /^req_[0-9a-f]{32}$/);
    assert.equal(headers.get('Accept-Language'), 'ckb');
  });

  test("a POST's retries send the same body, copied from nothing", async () => {
    let answers = [problem(503, 'service.unavailable'), json(201, { id: 'pay_1' })];
    const seen = installFetch(() => answers.shift() as Response);
    const client = createEServicesClient({
      baseUrl: BASE_URL,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    });
    const { data } = await client.payments.POST('/payments', {
      body: { payableIds: ['pay_000001'], method: 'qi-card', returnUrl: 'https://m.example/f' },
    });
    assert.deepEqual(data, { id: 'pay_1' });
    assert.equal(seen.length, 2);
    assert.equal(made + clones, 0);
    const bodies = seen.map(({ init }) => init?.body);
    assert.ok(typeof bodies[0] === 'string' && bodies[0].includes('pay_000001'));
    assert.equal(bodies[1], bodies[0]);
    const keys = seen.map(({ init }) => new Headers(init?.headers).get('Idempotency-Key'));
    assert.match(keys[0] ?? '', /^idem_/);
    assert.equal(keys[1], keys[0]);
    answers = [];
  });

  test("a timeout aborts the attempt's signal and ends the call", async () => {
    const seen = installFetch();
    const client = createEServicesClient({ baseUrl: BASE_URL, timeoutMs: 20, retry: false });
    const error: unknown = await client.rationCard.GET('/card').catch((e: unknown) => e);
    assert.ok(isEServicesError(error));
    assert.equal(error.code, 'network.timeout');
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.init?.signal?.aborted, true);
  });

  test("the caller's abort aborts the platform's fetch", async () => {
    const seen = installFetch();
    const client = createEServicesClient({ baseUrl: BASE_URL, retry: false });
    const caller = new AbortController();
    const pending = client.rationCard.GET('/card', { signal: caller.signal });
    caller.abort(new Error('the element went away'));
    await assert.rejects(pending, /the element went away/);
    assert.equal(seen[0]?.init?.signal?.aborted, true);
  });

  test("a middleware's request is sent with the attempt's signal and the credentials", async () => {
    const seen = installFetch(() => json(200, card));
    const client = createEServicesClient({ baseUrl: BASE_URL });
    client.use({ onRequest: ({ request }) => request });
    await client.rationCard.GET('/card');
    const [{ input, init } = { input: '', init: undefined }] = seen;
    assert.ok(input instanceof PlatformRequest);
    assert.equal(input.credentials, 'include');
    assert.equal(init?.credentials, 'include');
    assert.ok(init?.signal instanceof AbortSignal);
  });
});

describe('middleware is given requests', () => {
  test('a middleware gets a request, and may give back one it made itself', async () => {
    const { client, server } = testClient([json(200, card), json(200, card)]);
    const given: unknown[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => {
        given.push(request);
        const headers = new Headers(request.headers);
        headers.set('X-Host-Trace', 'trace-2');
        return new Request(request, { headers });
      },
    };
    client.use(middleware);
    const { data } = await client.rationCard.GET('/card');
    assert.deepEqual(data, card);
    assert.ok(given[0] instanceof PlatformRequest);
    assert.equal((given[0] as Request).credentials, 'include');
    const sent = server.received[0];
    assert.equal(sent?.headers.get('X-Host-Trace'), 'trace-2');
    assert.match(sent?.headers.get('X-Request-Id') ?? '', /^req_/);
    assert.equal(sent?.request.credentials, 'include');
    // Ejected, calls are described again: one request, the host's.
    client.eject(middleware);
    made = 0;
    await client.rationCard.GET('/card');
    assert.equal(given.length, 1);
    assert.equal(made, 1);
  });

  test("a middleware's onResponse sees the headers its request was sent with", async () => {
    const { client, server } = testClient([json(200, card)], { locale: 'ar' });
    const seen: (string | null)[] = [];
    client.use({
      onResponse: ({ request }) => {
        seen.push(request.headers.get('X-Request-Id'), request.headers.get('Accept-Language'));
      },
    });
    await client.rationCard.GET('/card');
    const sent = server.received[0]?.headers;
    assert.match(seen[0] ?? '', /^req_/);
    assert.deepEqual(seen, [sent?.get('X-Request-Id'), 'ar']);
  });

  test('a middleware registered before one openapi-fetch refuses still gets requests', async () => {
    const { client } = testClient([json(200, card)]);
    const given: unknown[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => {
        given.push(request);
      },
    };
    assert.throws(() => client.rationCard.use(middleware, {} as Middleware), /Middleware must/);
    await client.rationCard.GET('/card');
    assert.ok(given[0] instanceof PlatformRequest);
  });

  test("a call's own middleware gets a request too", async () => {
    const { client, server } = testClient([json(200, card)]);
    let given: unknown;
    await client.rationCard.GET('/card', {
      middleware: [
        {
          onRequest: ({ request }) => {
            given = request;
            request.headers.set('X-Host-Trace', 'trace-3');
          },
        },
      ],
    });
    assert.ok(given instanceof PlatformRequest);
    assert.equal(server.received[0]?.headers.get('X-Host-Trace'), 'trace-3');
  });

  test('a middleware added twice and ejected once still runs', async () => {
    const { client, server } = testClient([json(200, card)]);
    const given: unknown[] = [];
    const middleware: Middleware = {
      onRequest: ({ request }) => {
        given.push(request);
      },
    };
    client.rationCard.use(middleware, middleware);
    client.rationCard.eject(middleware);
    await client.rationCard.GET('/card');
    assert.equal(given.length, 1);
    assert.ok(given[0] instanceof PlatformRequest);
    assert.equal(server.received.length, 1);
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

test('a body that can be read only once (a stream) is kept for the retries', async () => {
  const { client, server } = testClient([problem(503, 'service.unavailable'), json(201, {})]);
  const text = JSON.stringify({ payableIds: ['pay_000001'], method: 'qi-card' });
  await client.payments.POST('/payments', {
    body: { payableIds: ['pay_000001'], method: 'qi-card', returnUrl: 'https://m.example/f' },
    bodySerializer: () => new Blob([text]).stream(),
    // Node's fetch takes a stream body only when told it is sent as it is read.
    ...({ duplex: 'half' } as object),
  });
  assert.deepEqual(
    server.received.map((r) => r.body),
    [text, text],
  );
});
