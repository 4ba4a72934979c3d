import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSameSite } from '../src/index.js';
import { json, networkFailure, problem, testClient, type Step } from './fake-fetch.js';

const verifyPath = { params: { path: { challengeId: 'chl_000001' } } };

function bearerSession(n: number): Record<string, unknown> {
  return {
    mode: 'bearer',
    expiresAt: '2026-11-25T09:17:00Z',
    maxExpiresAt: '2026-11-25T17:02:00Z',
    idleTimeoutSeconds: 900,
    tokenType: 'Bearer',
    accessToken: `at_access_${n}`,
    accessTokenExpiresAt: `2026-11-25T09:0${n}:00Z`,
    refreshToken: `rt_refresh_${n}`,
  };
}

interface BearerState {
  /** The access token the server accepts now. */
  access: string;
  /** The refresh token the server accepts now. */
  refresh: string;
  next: number;
  refreshes: number;
  /** When set, every refresh is refused. */
  refuse?: boolean;
}

/** A fake identity server in bearer mode: verify, refresh (rotating both tokens), and guarded calls. */
function bearerServer(): { state: BearerState; step: (request: Request) => Promise<Response> } {
  const state: BearerState = {
    access: 'at_access_1',
    refresh: 'rt_refresh_1',
    next: 2,
    refreshes: 0,
  };
  const step = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/verify')) return json(200, bearerSession(1));
    if (path.endsWith('/session/refresh')) {
      state.refreshes++;
      const { refreshToken } = (await request.json()) as { refreshToken?: string };
      if (state.refuse || refreshToken !== state.refresh) return problem(401, 'auth.required');
      const n = state.next++;
      state.access = `at_access_${n}`;
      state.refresh = `rt_refresh_${n}`;
      return json(200, bearerSession(n));
    }
    if (request.method === 'DELETE' && path.endsWith('/session'))
      return new Response(null, { status: 204 });
    if (request.headers.get('Authorization') !== `Bearer ${state.access}`) {
      return problem(401, 'auth.token-expired');
    }
    return json(200, { ok: true });
  };
  return { state, step };
}

async function signedInBearer(steps = 12, onSessionExpired?: () => void) {
  const { state, step } = bearerServer();
  const test = testClient(Array<Step>(steps).fill(step), {
    auth: { mode: 'bearer', onSessionExpired },
  });
  await test.client.identity.POST('/sign-in/{challengeId}/verify', {
    ...verifyPath,
    body: { code: '123456', mode: 'bearer' },
  });
  return { ...test, state };
}

describe('cookie mode (default)', () => {
  test('requests are sent with credentials: include and no Authorization', async () => {
    const { client, server } = testClient([json(200, {}), json(201, {})]);
    await client.rationCard.GET('/card');
    await client.rationCard.POST('/change-requests', { body: { kind: 'add-newborn' } });
    for (const received of server.received) {
      assert.equal(received.request.credentials, 'include');
      assert.equal(received.headers.has('Authorization'), false);
    }
  });

  test('the CSRF token of a response header is sent on POST, PUT and DELETE but not GET', async () => {
    const { client, server } = testClient([
      json(200, { mode: 'cookie' }, { 'X-CSRF-Token': 'csrf_token_1' }),
      json(200, {}),
      json(201, {}),
      json(200, {}),
      new Response(null, { status: 204 }),
    ]);
    assert.equal(client.session.isSignedIn(), false);
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      ...verifyPath,
      body: { code: '123456', mode: 'cookie' },
    });
    assert.equal(client.session.isSignedIn(), true);
    await client.rationCard.GET('/card');
    await client.rationCard.POST('/change-requests', { body: { kind: 'add-newborn' } });
    await client.rationCard.PUT('/change-requests/{requestId}', {
      params: { path: { requestId: 'rcr_000031' } },
      body: { version: 1, answers: {} },
    });
    await client.rationCard.DELETE('/change-requests/{requestId}/documents/{documentId}', {
      params: { path: { requestId: 'rcr_000031', documentId: 'doc_8f3k2m9q' } },
    });
    assert.deepEqual(
      server.received.map((r) => `${r.method} ${r.headers.get('X-CSRF-Token')}`),
      ['POST null', 'GET null', 'POST csrf_token_1', 'PUT csrf_token_1', 'DELETE csrf_token_1'],
    );
  });

  test('a newer CSRF token replaces the older one', async () => {
    const { client, server } = testClient([
      json(200, {}, { 'X-CSRF-Token': 'csrf_token_1' }),
      json(200, {}, { 'X-CSRF-Token': 'csrf_token_2' }),
      json(201, {}),
    ]);
    await client.identity.GET('/session');
    await client.identity.GET('/session');
    await client.rationCard.POST('/change-requests', { body: { kind: 'add-newborn' } });
    assert.equal(server.received[2]?.headers.get('X-CSRF-Token'), 'csrf_token_2');
  });

  test('session.refresh() posts no body, with the CSRF token', async () => {
    const { client, server } = testClient([
      json(200, {}, { 'X-CSRF-Token': 'csrf_token_1' }),
      json(200, { mode: 'cookie' }, { 'X-CSRF-Token': 'csrf_token_2' }),
    ]);
    await client.identity.GET('/session');
    assert.equal(await client.session.refresh(), true);
    const refresh = server.received[1];
    assert.equal(refresh?.url, 'https://eservices.test/api/identity/v1/session/refresh');
    assert.equal(refresh?.body, '');
    assert.equal(refresh?.headers.get('X-CSRF-Token'), 'csrf_token_1');
  });

  test('sign-out forgets the CSRF token', async () => {
    const { client, server } = testClient([
      json(200, {}, { 'X-CSRF-Token': 'csrf_token_1' }),
      new Response(null, { status: 204 }),
      json(201, {}),
    ]);
    await client.identity.GET('/session');
    await client.identity.DELETE('/session');
    assert.equal(client.session.isSignedIn(), false);
    await client.rationCard.POST('/change-requests', { body: { kind: 'add-newborn' } });
    assert.equal(server.received[1]?.headers.get('X-CSRF-Token'), 'csrf_token_1');
    assert.equal(server.received[2]?.headers.has('X-CSRF-Token'), false);
  });
});

describe('bearer mode', () => {
  test('tokens from verifySignIn are sent as Authorization: Bearer, with no CSRF and no cookies', async () => {
    const { client, server } = await signedInBearer();
    const verify = server.received[0];
    assert.equal(verify?.headers.has('Authorization'), false);
    assert.equal(client.session.isSignedIn(), true);
    assert.equal(client.session.accessTokenExpiresAt(), '2026-11-25T09:01:00Z');
    await client.rationCard.GET('/card');
    await client.rationCard.POST('/change-requests', { body: { kind: 'add-newborn' } });
    for (const received of server.received.slice(1)) {
      assert.equal(received.headers.get('Authorization'), 'Bearer at_access_1');
      assert.equal(received.headers.has('X-CSRF-Token'), false);
      assert.notEqual(received.request.credentials, 'include');
    }
  });

  test('the verify response still reaches the caller', async () => {
    const { step } = bearerServer();
    const { client } = testClient([step], { auth: { mode: 'bearer' } });
    const { data } = await client.identity.POST('/sign-in/{challengeId}/verify', {
      ...verifyPath,
      body: { code: '123456', mode: 'bearer' },
    });
    assert.equal(data?.mode, 'bearer');
    assert.equal(data?.refreshToken, 'rt_refresh_1');
  });

  test('a 401 auth.token-expired triggers one refresh, then the call is retried once', async () => {
    const { client, server, state } = await signedInBearer();
    state.access = 'at_expired'; // token 1 expires; refresh token 1 still works
    const { data, response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 200);
    assert.deepEqual(data, { ok: true });
    assert.equal(state.refreshes, 1);
    const [, expired, refresh, retried] = server.received;
    assert.equal(expired?.headers.get('Authorization'), 'Bearer at_access_1');
    assert.equal(refresh?.url, 'https://eservices.test/api/identity/v1/session/refresh');
    assert.equal(refresh?.body, '{"refreshToken":"rt_refresh_1"}');
    assert.equal(refresh?.headers.has('Authorization'), false);
    assert.equal(retried?.headers.get('Authorization'), 'Bearer at_access_2');
    assert.equal(retried?.headers.get('X-Request-Id'), expired?.headers.get('X-Request-Id'));
    assert.equal(client.session.accessTokenExpiresAt(), '2026-11-25T09:02:00Z');
    assert.equal(server.received.length, 4);
  });

  test('the retried call is not refreshed a second time', async () => {
    const { state, step } = bearerServer();
    // This server refuses even the renewed token.
    const stubborn: Step = async (request) => {
      const response = await step(request);
      if (request.url.endsWith('/session/refresh')) state.access = 'at_never_valid';
      return response;
    };
    const { client, server } = testClient(Array<Step>(6).fill(stubborn), {
      auth: { mode: 'bearer' },
    });
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      ...verifyPath,
      body: { code: '123456', mode: 'bearer' },
    });
    state.access = 'at_expired';
    const { response, error } = await client.rationCard.GET('/card');
    assert.equal(response.status, 401);
    assert.equal(error?.code, 'auth.token-expired');
    assert.equal(state.refreshes, 1);
    assert.deepEqual(
      server.received.map((r) => `${r.method} ${new URL(r.url).pathname.split('/v1')[1]}`),
      ['POST /sign-in/chl_000001/verify', 'GET /card', 'POST /session/refresh', 'GET /card'],
    );
  });

  test('two concurrent 401s share one refresh', async () => {
    const { client, server, state } = await signedInBearer();
    state.access = 'at_expired';
    const [a, b] = await Promise.all([
      client.rationCard.GET('/card'),
      client.socialProtection.GET('/profile'),
    ]);
    assert.equal(a.response.status, 200);
    assert.equal(b.response.status, 200);
    assert.equal(state.refreshes, 1);
    assert.equal(server.received.filter((r) => r.url.endsWith('/session/refresh')).length, 1);
  });

  test('a refused refresh calls onSessionExpired once, returns the 401 and forgets the tokens', async () => {
    let expired = 0;
    const { client, server, state } = await signedInBearer(12, () => expired++);
    state.access = 'at_expired';
    state.refuse = true;
    const [a, b] = await Promise.all([
      client.rationCard.GET('/card'),
      client.rationCard.GET('/card'),
    ]);
    assert.equal(a.response.status, 401);
    assert.equal(a.error?.code, 'auth.token-expired');
    assert.equal(b.response.status, 401);
    assert.equal(expired, 1);
    assert.equal(state.refreshes, 1);
    assert.equal(client.session.isSignedIn(), false);
    await client.rationCard.GET('/card');
    assert.equal(server.received.at(-1)?.headers.has('Authorization'), false);
    assert.equal(expired, 1, 'a call without a session does not expire it again');
  });

  test('a refresh lost to the network keeps the session and returns the 401', async () => {
    let expired = 0;
    const { state, step } = bearerServer();
    const { client } = testClient([step, step, networkFailure(), step], {
      auth: { mode: 'bearer', onSessionExpired: () => expired++ },
    });
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      ...verifyPath,
      body: { code: '123456', mode: 'bearer' },
    });
    state.access = 'at_expired';
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 401);
    assert.equal(expired, 0);
    assert.equal(client.session.isSignedIn(), true);
  });

  test('a 401 with another code does not refresh', async () => {
    const { step } = bearerServer();
    const { client, server } = testClient([step, problem(401, 'auth.required')], {
      auth: { mode: 'bearer' },
    });
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      ...verifyPath,
      body: { code: '123456', mode: 'bearer' },
    });
    const { response } = await client.rationCard.GET('/card');
    assert.equal(response.status, 401);
    assert.equal(server.received.length, 2);
    assert.equal(client.session.isSignedIn(), true);
  });

  test('sign-out forgets the tokens', async () => {
    const { client, server } = await signedInBearer();
    await client.identity.DELETE('/session');
    assert.equal(server.received.at(-1)?.headers.get('Authorization'), 'Bearer at_access_1');
    assert.equal(client.session.isSignedIn(), false);
    await client.rationCard.GET('/card');
    assert.equal(server.received.at(-1)?.headers.has('Authorization'), false);
  });

  test('session.clear() forgets the tokens', async () => {
    const { client, server } = await signedInBearer();
    client.session.clear();
    assert.equal(client.session.isSignedIn(), false);
    assert.equal(client.session.accessTokenExpiresAt(), undefined);
    await client.rationCard.GET('/card');
    assert.equal(server.received.at(-1)?.headers.has('Authorization'), false);
  });
});

describe('secrets stay in memory', () => {
  test('no storage is touched and no token appears in a URL', async () => {
    const touched: string[] = [];
    const trap = (name: string): Storage =>
      new Proxy({} as Storage, {
        get(_, key) {
          touched.push(`${name}.${String(key)}`);
          return () => null;
        },
        set(_, key) {
          touched.push(`${name}.${String(key)}=`);
          return true;
        },
      });
    const globals = globalThis as { localStorage?: Storage; sessionStorage?: Storage };
    const saved = { local: globals.localStorage, session: globals.sessionStorage };
    globals.localStorage = trap('localStorage');
    globals.sessionStorage = trap('sessionStorage');
    try {
      const { client, server, state } = await signedInBearer();
      state.access = 'at_expired';
      await client.rationCard.GET('/card');
      await client.session.refresh();
      await client.payments.GET('/payables');
      await client.identity.DELETE('/session');
      assert.ok(state.refreshes >= 2);
      for (const { url } of server.received) {
        assert.doesNotMatch(url, /at_access|rt_refresh|csrf/, url);
      }
    } finally {
      globals.localStorage = saved.local;
      globals.sessionStorage = saved.session;
    }
    assert.deepEqual(touched, []);
  });
});

describe('a page and a service on two sites (the session cookie is not sent)', () => {
  test('isSameSite compares scheme and registrable domain; loopback names and IPs are their own', () => {
    const same: [string, string][] = [
      ['http://localhost:5173/', 'http://localhost:4010'],
      ['http://127.0.0.1:8080/demo', 'http://127.0.0.1:4010/api'],
      ['https://www.moh.gov.iq/', 'https://api.moh.gov.iq'],
      ['https://portal.example.com/', 'https://api.example.com/v1'],
      ['https://eservices.gov.iq/page', '/api'],
    ];
    const different: [string, string][] = [
      ['http://localhost:5173/', 'http://127.0.0.1:4010'],
      ['http://127.0.0.1:5173/', 'http://localhost:4010'],
      ['http://[::1]:5173/', 'http://localhost:4010'],
      ['https://moh.gov.iq/', 'https://mot.gov.iq'],
      ['https://www.moh.gov.iq/', 'http://api.moh.gov.iq'],
      ['https://portal.example.com/', 'https://api.example.net'],
    ];
    for (const [page, service] of same) assert.equal(isSameSite(page, service), true, service);
    for (const [page, service] of different)
      assert.equal(isSameSite(page, service), false, `${page} → ${service}`);
  });

  test('cookieBlocked(): signed in from a page on another site than the service, until sign-out', async () => {
    const globals = globalThis as { location?: { href: string }; fetch: typeof fetch };
    const saved = { location: globals.location, fetch: globals.fetch };
    globals.location = { href: 'http://localhost:5173/' };
    try {
      // The browser's own fetch (no `fetch` option): the one that applies SameSite.
      const signedIn = async (baseUrl: string, mode: 'cookie' | 'bearer' = 'cookie') => {
        const { client, server } = testClient(
          [
            json(200, { mode }, { 'X-CSRF-Token': 'csrf_token_1' }),
            problem(401, 'auth.required'),
            new Response(null, { status: 204 }),
          ],
          { baseUrl, auth: { mode }, fetch: undefined },
        );
        globals.fetch = server.fetch as typeof fetch;
        assert.equal(client.session.cookieBlocked(), false, 'before sign-in');
        await client.identity.POST('/sign-in/{challengeId}/verify', {
          ...verifyPath,
          body: { code: '123456', mode },
        });
        await client.rationCard.GET('/card');
        return client;
      };
      const blocked = await signedIn('http://127.0.0.1:4010');
      assert.equal(blocked.session.cookieBlocked(), true, 'signed in, 401 after');
      await blocked.identity.DELETE('/session');
      assert.equal(blocked.session.cookieBlocked(), false, 'after sign-out');

      const sameSite = await signedIn('http://localhost:4010');
      assert.equal(sameSite.session.cookieBlocked(), false, 'same site');

      const bearer = await signedIn('http://127.0.0.1:4010', 'bearer');
      assert.equal(bearer.session.cookieBlocked(), false, 'bearer mode sends no cookie');

      // A host's fetch (the in-page sandbox, a test double) keeps cookies its own way.
      const { client: hosted } = testClient([json(200, {}, { 'X-CSRF-Token': 'csrf_token_1' })], {
        baseUrl: 'http://127.0.0.1:4010',
      });
      await hosted.identity.POST('/sign-in/{challengeId}/verify', {
        ...verifyPath,
        body: { code: '123456', mode: 'cookie' },
      });
      assert.equal(hosted.session.cookieBlocked(), false, 'a fetch of the host');
    } finally {
      globals.location = saved.location;
      globals.fetch = saved.fetch;
    }
    // Outside a browser (no page), never.
    const { client, server } = testClient([json(200, {}, { 'X-CSRF-Token': 'csrf_token_1' })], {
      baseUrl: 'http://127.0.0.1:4010',
      fetch: undefined,
    });
    globals.fetch = server.fetch as typeof fetch;
    try {
      await client.identity.POST('/sign-in/{challengeId}/verify', {
        ...verifyPath,
        body: { code: '123456', mode: 'cookie' },
      });
    } finally {
      globals.fetch = saved.fetch;
    }
    assert.equal(client.session.cookieBlocked(), false);
  });
});
