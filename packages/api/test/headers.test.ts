import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AttemptInfo, AttemptOutcome, Locale } from '../src/index.js';
import { createPipeline } from '../src/pipeline.js';
import {
  BASE_URL,
  json,
  networkFailure,
  problem,
  scriptedFetch,
  testClient,
} from './fake-fetch.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{16,128}$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const paymentBody = {
  payableIds: ['pay_000001'],
  method: 'qi-card' as const,
  returnUrl: 'https://ministry.example/finish',
};

describe('Idempotency-Key', () => {
  test('payment creation gets a key, identical on every retry', async () => {
    const { client, server } = testClient([
      problem(503, 'service.unavailable'),
      networkFailure(),
      json(201, { id: 'pmt_1' }),
    ]);
    const { response } = await client.payments.POST('/payments', { body: paymentBody });
    assert.equal(response.status, 201);
    const keys = server.received.map((r) => r.headers.get('Idempotency-Key'));
    assert.equal(keys.length, 3);
    assert.match(keys[0] ?? '', IDEMPOTENCY_KEY);
    assert.deepEqual(new Set(keys).size, 1);
  });

  test('submitting a draft gets a key (ration card and social protection)', async () => {
    const { client, server } = testClient([json(200, {}), json(200, {})]);
    await client.rationCard.POST('/change-requests/{requestId}/submit', {
      params: { path: { requestId: 'rcr_000031' } },
      body: { version: 3 },
    });
    await client.socialProtection.POST('/update-requests/{requestId}/submit', {
      params: { path: { requestId: 'upd_000007' } },
      body: { version: 2 },
    });
    const [first = '', second = ''] = server.received.map((r) => r.headers.get('Idempotency-Key'));
    assert.match(first ?? '', IDEMPOTENCY_KEY);
    assert.match(second ?? '', IDEMPOTENCY_KEY);
    assert.notEqual(first, second, 'each call gets its own key');
  });

  test("the caller's own key is kept", async () => {
    const { client, server } = testClient([
      problem(502, 'server.error'),
      json(201, { id: 'pmt_1' }),
    ]);
    await client.payments.POST('/payments', {
      body: paymentBody,
      params: { header: { 'Idempotency-Key': 'idem_from_the_caller_01' } },
    });
    assert.deepEqual(
      server.received.map((r) => r.headers.get('Idempotency-Key')),
      ['idem_from_the_caller_01', 'idem_from_the_caller_01'],
    );
  });

  test('other POSTs and GETs get no key', async () => {
    const { client, server } = testClient([json(201, {}), json(200, {})]);
    await client.rationCard.POST('/change-requests', { body: { kind: 'add-newborn' } });
    await client.payments.GET('/payments/{paymentId}', {
      params: { path: { paymentId: 'pmt_1' } },
    });
    assert.deepEqual(
      server.received.map((r) => r.headers.has('Idempotency-Key')),
      [false, false],
    );
  });
});

describe('X-Request-Id', () => {
  test('every call gets a new id, kept by all its retries', async () => {
    const { client, server } = testClient([
      problem(503, 'service.unavailable'),
      json(200, {}),
      json(200, {}),
    ]);
    await client.rationCard.GET('/card');
    await client.rationCard.GET('/card');
    const ids = server.received.map((r) => r.headers.get('X-Request-Id') ?? '');
    for (const id of ids) assert.match(id, REQUEST_ID);
    assert.equal(ids[0], ids[1], 'a retry keeps the id of its call');
    assert.notEqual(ids[1], ids[2], 'another call gets another id');
  });

  test('ids are 128 random bits, none repeated across many batches of ids', async () => {
    const calls = 200;
    const { client, server } = testClient(Array.from({ length: calls }, () => json(200, {})));
    for (let i = 0; i < calls; i++) await client.rationCard.GET('/card');
    const ids = server.received.map((r) => r.headers.get('X-Request-Id') ?? '');
    for (const id of ids) assert.match(id, /^req_[0-9a-f]{32}$/);
    assert.equal(new Set(ids).size, calls);
  });

  test("the caller's own id is kept", async () => {
    const { client, server } = testClient([json(200, {})]);
    await client.rationCard.GET('/card', {
      params: { header: { 'X-Request-Id': 'req_caller_0001' } },
    });
    assert.equal(server.received[0]?.headers.get('X-Request-Id'), 'req_caller_0001');
  });
});

describe('Accept-Language', () => {
  test('comes from the locale option', async () => {
    const { client, server } = testClient([json(200, {})], { locale: 'ckb' });
    await client.rationCard.GET('/card');
    assert.equal(server.received[0]?.headers.get('Accept-Language'), 'ckb');
  });

  test('a locale function is read on every call', async () => {
    let locale: Locale = 'ar';
    const { client, server } = testClient([json(200, {}), json(200, {})], { locale: () => locale });
    await client.rationCard.GET('/card');
    locale = 'en';
    await client.rationCard.GET('/card');
    assert.deepEqual(
      server.received.map((r) => r.headers.get('Accept-Language')),
      ['ar', 'en'],
    );
  });

  test('without a locale none is sent (the server defaults to ar)', async () => {
    const { client, server } = testClient([json(200, {})]);
    await client.rationCard.GET('/card');
    assert.equal(server.received[0]?.headers.has('Accept-Language'), false);
  });
});

describe('hooks and middleware', () => {
  test('onRequest and onResponse see every attempt, without bodies or headers', async () => {
    const seen: Array<AttemptInfo | AttemptOutcome> = [];
    const { client } = testClient(
      [networkFailure(), problem(503, 'service.unavailable'), json(200, {})],
      {
        onRequest: (info) => seen.push({ ...info }),
        onResponse: (outcome) => seen.push({ ...outcome }),
      },
    );
    await client.rationCard.GET('/card');
    assert.deepEqual(
      seen.map((e) =>
        'status' in e ? `response ${e.attempt} ${e.status}` : `request ${e.attempt}`,
      ),
      ['request 0', 'response 0 0', 'request 1', 'response 1 503', 'request 2', 'response 2 200'],
    );
    for (const entry of seen) {
      assert.deepEqual(
        Object.keys(entry).filter(
          (k) => !['method', 'url', 'requestId', 'attempt', 'status', 'durationMs'].includes(k),
        ),
        [],
      );
      assert.equal(entry.url, 'https://eservices.test/api/ration-card/v1/card');
    }
  });

  test('use() adds middleware to every service client, eject() removes it', async () => {
    const { client, server } = testClient([json(200, {}), json(200, {}), json(200, {})]);
    const middleware = {
      onRequest({ request }: { request: Request }) {
        request.headers.set('X-Host-Trace', 'trace-1');
        return request;
      },
    };
    client.use(middleware);
    await client.rationCard.GET('/card');
    await client.identity.GET('/me');
    client.eject(middleware);
    await client.rationCard.GET('/card');
    assert.deepEqual(
      server.received.map((r) => r.headers.get('X-Host-Trace')),
      ['trace-1', 'trace-1', null],
    );
  });

  test('each service is mounted at /<service>/v1 under the base URL', async () => {
    const { client, server } = testClient(
      [json(200, {}), json(200, {}), json(200, {}), json(200, {})],
      {
        baseUrl: 'https://eservices.test/api/',
      },
    );
    await client.identity.GET('/me');
    await client.rationCard.GET('/card');
    await client.socialProtection.GET('/profile');
    await client.payments.GET('/payables');
    assert.deepEqual(
      server.received.map((r) => r.url),
      [
        'https://eservices.test/api/identity/v1/me',
        'https://eservices.test/api/ration-card/v1/card',
        'https://eservices.test/api/social-protection/v1/profile',
        'https://eservices.test/api/payments/v1/payables',
      ],
    );
  });
});

describe('Idempotency-Key follows the contracts', () => {
  test('every operation that declares the header gets a key, and no other', async () => {
    // The bundled contracts the sandbox serves: the same documents the client is generated from.
    const { contracts } = await import('../../sandbox/src/generated/contracts.js');
    const ref = (doc: object, node: unknown): { in?: string; name?: string } => {
      let at = node as { $ref?: string } | undefined;
      while (at?.$ref?.startsWith('#/'))
        at = at.$ref
          .slice(2)
          .split('/')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], doc) as typeof at;
      return at as { in?: string; name?: string };
    };
    let keyed = 0;
    for (const doc of Object.values(contracts)) {
      const base = (doc as { servers?: { url: string }[] }).servers?.[0]?.url ?? '';
      for (const [path, item] of Object.entries(doc.paths ?? {})) {
        for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
          const operation = (item as Record<string, { parameters?: unknown[] } | undefined>)[
            method
          ];
          if (!operation) continue;
          const declares = (operation.parameters ?? []).some((p) => {
            const parameter = ref(doc, p);
            return parameter.in === 'header' && parameter.name === 'Idempotency-Key';
          });
          const server = scriptedFetch([json(200, {})]);
          const pipeline = createPipeline({ baseUrl: BASE_URL, fetch: server.fetch });
          const url = `${BASE_URL}${base}${path.replace(/\{[^}]+\}/g, 'x_000001')}`;
          const init: RequestInit = { method: method.toUpperCase() };
          if (method !== 'get') init.body = '{}';
          await pipeline.fetch(new Request(url, init));
          assert.equal(
            server.received[0]?.headers.has('Idempotency-Key'),
            declares,
            `${method.toUpperCase()} ${base}${path}`,
          );
          if (declares) keyed++;
        }
      }
    }
    assert.ok(keyed >= 3, 'the keyed operations were found');
  });
});
