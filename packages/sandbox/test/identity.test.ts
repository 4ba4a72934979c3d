import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoViolations, createTestSandbox, problemOf, signIn } from './helpers.js';
import { IDENTITY_POLICY, SANDBOX_OTP } from '../src/index.js';

const ALI = { nationalId: '199012345678', phone: '+9647701234567' };

async function start(
  env: ReturnType<typeof createTestSandbox>,
  body: unknown = { method: 'national-id', nationalId: ALI.nationalId },
) {
  return env.request('/identity/v1/sign-in', { method: 'POST', json: body });
}

test('sign-in with a national number sends a code to the masked phone on record', async () => {
  const env = createTestSandbox();
  const response = await start(env);
  assert.equal(response.status, 201);
  const challenge = await response.json();
  assert.equal(challenge.maskedDestination, '+96477*****567');
  assert.equal(challenge.codeLength, SANDBOX_OTP.length);
  assert.equal(challenge.attemptsLeft, IDENTITY_POLICY.attempts);
  assert.equal(challenge.resendAfterSeconds, IDENTITY_POLICY.resendAfterSeconds);
  assert.equal(challenge.expiresAt, '2026-11-25T09:05:00.000Z');
  assertNoViolations(env.sandbox);
});

test('sign-in with a mobile number finds the same citizen', async () => {
  const env = createTestSandbox();
  const response = await start(env, { method: 'phone', phone: ALI.phone });
  assert.equal(response.status, 201);
  assertNoViolations(env.sandbox);
});

/** What an answer shows an observer: status, header names, body keys with their value types. */
async function shape(response: Response) {
  const body = (await response.clone().json()) as Record<string, unknown>;
  return {
    status: response.status,
    headers: [...response.headers.keys()].sort(),
    body: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v])),
  };
}

test('a number no citizen has gets the same answer as a known one, and no code ever works for it', async () => {
  const env = createTestSandbox();
  const known = await start(env, { method: 'national-id', nationalId: ALI.nationalId });
  for (const body of [
    { method: 'national-id', nationalId: '100000000000' },
    { method: 'phone', phone: '+9647700000000' },
  ]) {
    const unknown = await start(env, body);
    assert.deepEqual(await shape(unknown), await shape(known), JSON.stringify(body));
    const challenge = (await unknown.json()) as { challengeId: string; maskedDestination: string };
    assert.match(challenge.maskedDestination, /^\+9647[5789]\*{5}[0-9]{3}$/);
    if (body.method === 'phone') assert.equal(challenge.maskedDestination, '+96477*****000');
    // The same number shows the same destination each time, as a citizen's does.
    const again = (await (await start(env, body)).json()) as { maskedDestination: string };
    assert.equal(again.maskedDestination, challenge.maskedDestination);

    const verify = (code: string) =>
      env.request(`/identity/v1/sign-in/${challenge.challengeId}/verify`, {
        method: 'POST',
        json: { code },
      });
    const first = await problemOf(await verify(SANDBOX_OTP));
    assert.deepEqual([first.code, first.attemptsLeft], ['otp.invalid', 2]);
    assert.equal((await problemOf(await verify(SANDBOX_OTP))).attemptsLeft, 1);
    const locked = await verify(SANDBOX_OTP);
    assert.equal(locked.status, 423, 'locked as a citizen would be');
    assert.equal((await problemOf(locked)).code, 'identity.locked');
    assert.equal((await start(env, body)).status, 423, 'starting again is locked too');
  }
  assert.equal(Object.keys(env.sandbox.state.identity.sessions).length, 0, 'no one signed in');
  assertNoViolations(env.sandbox);
});

test('a number no citizen has is rate limited like a known one', async () => {
  const env = createTestSandbox();
  const body = { method: 'national-id', nationalId: '100000000001' };
  for (let i = 0; i < IDENTITY_POLICY.startsPerWindow; i++)
    assert.equal((await start(env, body)).status, 201);
  const limited = await start(env, body);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), String(IDENTITY_POLICY.startWindowSeconds));
  assertNoViolations(env.sandbox);
});

test('challenge ids are random: not sequential, not the same in two sandboxes', async () => {
  const first = createTestSandbox();
  const second = createTestSandbox();
  const ids: string[] = [];
  for (const env of [first, first, second]) {
    const { challengeId } = (await (await start(env)).json()) as { challengeId: string };
    assert.match(challengeId, /^chl_[0-9a-f]{32}$/);
    ids.push(challengeId);
  }
  assert.equal(new Set(ids).size, 3, ids.join(' '));
});

test('`ku` in Accept-Language is read as Sorani, English when asked', async () => {
  const env = createTestSandbox();
  const ku = await problemOf(
    await env.request('/identity/v1/me', { headers: { 'Accept-Language': 'ku-IQ,en;q=0.5' } }),
  );
  assert.equal(ku.title, 'پێویستە بچیتە ژوورەوە');
  const en = await problemOf(
    await env.request('/identity/v1/me', { headers: { 'Accept-Language': 'en-GB' } }),
  );
  assert.equal(en.title, 'You need to sign in');
});

test('invalid identifiers are rejected with field errors before any lookup, in every digit script', async () => {
  const env = createTestSandbox();
  for (const nationalId of [
    '١٩٩٠١٢٣٤٥٦٧٨',
    '12345',
    '1990123456789',
    '<script>alert(1)</script>',
    '1990 1234 5678',
    '‮199012345678',
  ]) {
    const response = await start(env, { method: 'national-id', nationalId });
    assert.equal(response.status, 422, nationalId);
    const problem = await problemOf(response);
    assert.equal(problem.code, 'validation.failed');
    assert.deepEqual(
      problem.errors?.map((e) => e.pointer),
      ['/body/nationalId'],
    );
  }
  const phone = await problemOf(await start(env, { method: 'phone', phone: '07701234567' }));
  assert.deepEqual(
    phone.errors?.map((e) => e.pointer),
    ['/body/phone'],
  );
  const unknownField = await problemOf(
    await start(env, { method: 'phone', phone: ALI.phone, extra: 1 }),
  );
  assert.deepEqual(
    unknownField.errors?.map((e) => [e.pointer, e.code]),
    [['/body/extra', 'additionalProperties']],
  );
  const missing = await problemOf(await start(env, { method: 'national-id' }));
  assert.deepEqual(
    missing.errors?.map((e) => e.pointer),
    ['/body/nationalId'],
  );
  assert.equal(Object.keys(env.sandbox.state.identity.challenges).length, 0, 'nothing stored');
  assertNoViolations(env.sandbox);
});

test('a body that is not JSON gets 400 request.malformed, never a 500', async () => {
  const env = createTestSandbox();
  const response = await env.request('/identity/v1/sign-in', {
    method: 'POST',
    body: '{"method": "phone",',
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(response.status, 400);
  assert.equal((await problemOf(response)).code, 'request.malformed');
  const wrongType = await env.request('/identity/v1/sign-in', {
    method: 'POST',
    body: 'method=phone',
    headers: { 'Content-Type': 'text/plain' },
  });
  assert.equal(wrongType.status, 400);
});

test('cookie mode: verify sets an HttpOnly Secure SameSite cookie and a CSRF token; /me works', async () => {
  const env = createTestSandbox();
  const { challengeId } = await (await start(env)).json();
  const verified = await env.request(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    json: { code: SANDBOX_OTP },
  });
  assert.equal(verified.status, 200);
  const cookie = verified.headers.get('set-cookie') ?? '';
  assert.match(
    cookie,
    /^iq_session=ses_[0-9a-f]+; Path=\/; Secure; SameSite=Strict; HttpOnly; Max-Age=28800$/,
  );
  assert.ok(verified.headers.get('x-csrf-token'));
  const session = await verified.json();
  assert.equal(session.mode, 'cookie');
  assert.equal(session.accessToken, undefined, 'no token in the body in cookie mode');
  const me = await env.request('/identity/v1/me');
  assert.equal(me.status, 200);
  const user = await me.json();
  assert.equal(user.name.latin, 'Ali Hussein Kadhim Al-Musawi');
  assert.equal(user.maskedNationalId, '********5678');
  assert.ok(
    !JSON.stringify(user).includes(ALI.nationalId),
    'the full national number never leaves the server',
  );
  assertNoViolations(env.sandbox);
});

test("/me carries the citizen's opaque id: the same at every sign-in, another for another citizen, nothing of their numbers", async () => {
  const env = createTestSandbox();
  const idOf = async (citizenId: string) => {
    const signedIn = await signIn(env, citizenId);
    const user = (await (await signedIn.request('/identity/v1/me')).json()) as { id: string };
    await signedIn.request('/identity/v1/session', { method: 'DELETE' });
    return user.id;
  };
  const ali = await idOf('cit_01');
  assert.match(ali, /^usr_[A-Za-z0-9]{16,64}$/);
  assert.equal(await idOf('cit_01'), ali, 'the same citizen, the same id');
  const zainab = await idOf('cit_02');
  assert.notEqual(zainab, ali);
  for (const [id, citizen] of [
    [ali, env.sandbox.citizens[0]!],
    [zainab, env.sandbox.citizens[1]!],
  ] as const) {
    for (const part of [citizen.nationalId, citizen.phone.slice(1), citizen.id])
      assert.ok(!id.includes(part), `${id} says nothing of ${part}`);
  }
  assertNoViolations(env.sandbox);
});

test('cookie mode: unsafe methods need the CSRF header (403 without it)', async () => {
  const env = createTestSandbox();
  const caller = await signIn(env, 'cit_01', 'cookie');
  const noCsrf = await env.request('/identity/v1/session', { method: 'DELETE' });
  assert.equal(noCsrf.status, 403);
  assert.equal((await problemOf(noCsrf)).code, 'auth.csrf-invalid');
  const wrong = await env.request('/identity/v1/session', {
    method: 'DELETE',
    headers: { 'X-CSRF-Token': 'csrf_forged' },
  });
  assert.equal(wrong.status, 403);
  const out = await caller.request('/identity/v1/session', { method: 'DELETE' });
  assert.equal(out.status, 204);
  assert.equal((await env.request('/identity/v1/me')).status, 401, 'signed out');
  assertNoViolations(env.sandbox);
});

test('bearer mode: tokens in the body, Authorization works, refresh rotates the refresh token', async () => {
  const env = createTestSandbox();
  const { challengeId } = await (await start(env)).json();
  const verified = await env.request(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    json: { code: SANDBOX_OTP, mode: 'bearer' },
  });
  const session = await verified.json();
  assert.equal(verified.headers.get('set-cookie'), null, 'no cookie in bearer mode');
  assert.equal(session.tokenType, 'Bearer');
  const auth = { Authorization: `Bearer ${session.accessToken}` };
  assert.equal((await env.request('/identity/v1/me', { headers: auth })).status, 200);

  env.clock.advance((IDENTITY_POLICY.accessTokenSeconds + 1) * 1000);
  const expired = await env.request('/identity/v1/me', { headers: auth });
  assert.equal(expired.status, 401);
  assert.equal((await problemOf(expired)).code, 'auth.token-expired');

  const refreshed = await env.request('/identity/v1/session/refresh', {
    method: 'POST',
    json: { refreshToken: session.refreshToken },
  });
  assert.equal(refreshed.status, 200);
  const next = await refreshed.json();
  assert.notEqual(next.accessToken, session.accessToken);
  assert.notEqual(next.refreshToken, session.refreshToken);
  assert.equal(
    (
      await env.request('/identity/v1/me', {
        headers: { Authorization: `Bearer ${next.accessToken}` },
      })
    ).status,
    200,
  );
  const reused = await env.request('/identity/v1/session/refresh', {
    method: 'POST',
    json: { refreshToken: session.refreshToken },
  });
  assert.equal(reused.status, 401, 'an old refresh token stops working');
  assertNoViolations(env.sandbox);
});

test('a wrong code uses an attempt; the last one locks sign-in until lockedUntil', async () => {
  const env = createTestSandbox();
  const { challengeId } = await (await start(env)).json();
  const verify = (code: string) =>
    env.request(`/identity/v1/sign-in/${challengeId}/verify`, { method: 'POST', json: { code } });
  const first = await problemOf(await verify('000000'));
  assert.deepEqual([first.code, first.attemptsLeft], ['otp.invalid', 2]);
  const second = await problemOf(await verify('111111'));
  assert.equal(second.attemptsLeft, 1);
  const third = await verify('222222');
  assert.equal(third.status, 423);
  const locked = await problemOf(third);
  assert.equal(locked.lockedUntil, '2026-11-25T09:15:00.000Z');
  const again = await start(env);
  assert.equal(again.status, 423, 'starting again is locked too');
  env.clock.advance(IDENTITY_POLICY.lockSeconds * 1000);
  assert.equal((await start(env)).status, 201, 'open again after the lock');
  assertNoViolations(env.sandbox);
});

test('an expired code gets 410 otp.expired; resend gives a new expiry after the countdown', async () => {
  const env = createTestSandbox();
  const { challengeId } = await (await start(env)).json();
  const early = await env.request(`/identity/v1/sign-in/${challengeId}/resend`, { method: 'POST' });
  assert.equal(early.status, 429);
  assert.equal(early.headers.get('retry-after'), '60');
  assert.equal((await problemOf(early)).code, 'otp.resend-too-early');
  env.clock.advance(IDENTITY_POLICY.codeTtlSeconds * 1000 + 1000);
  const expired = await env.request(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    json: { code: SANDBOX_OTP },
  });
  assert.equal(expired.status, 410);
  assert.equal((await problemOf(expired)).code, 'otp.expired');
  const resent = await env.request(`/identity/v1/sign-in/${challengeId}/resend`, {
    method: 'POST',
  });
  assert.equal(resent.status, 200);
  const challenge = await resent.json();
  assert.equal(
    challenge.resendAfterSeconds,
    IDENTITY_POLICY.resendAfterSeconds * 2,
    'each resend waits longer',
  );
  const ok = await env.request(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    json: { code: SANDBOX_OTP },
  });
  assert.equal(ok.status, 200);
  assertNoViolations(env.sandbox);
});

test('starting sign-in too often is rate limited with Retry-After', async () => {
  const env = createTestSandbox();
  for (let i = 0; i < IDENTITY_POLICY.startsPerWindow; i++)
    assert.equal((await start(env)).status, 201);
  const limited = await start(env);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), String(IDENTITY_POLICY.startWindowSeconds));
  assert.equal((await problemOf(limited)).retryAfterSeconds, IDENTITY_POLICY.startWindowSeconds);
  assertNoViolations(env.sandbox);
});

test('a session ends after the idle timeout unless refreshed, and never after maxExpiresAt', async () => {
  const env = createTestSandbox();
  const caller = await signIn(env);
  env.clock.advance((IDENTITY_POLICY.idleTimeoutSeconds - 60) * 1000);
  const status = await (await env.request('/identity/v1/session')).json();
  assert.equal(status.secondsLeft, 60);
  const refreshed = await caller.request('/identity/v1/session/refresh', { method: 'POST' });
  assert.equal(refreshed.status, 200);
  env.clock.advance((IDENTITY_POLICY.idleTimeoutSeconds - 1) * 1000);
  assert.equal((await env.request('/identity/v1/me')).status, 200, 'refresh extended it');
  env.clock.advance(2000);
  const ended = await env.request('/identity/v1/me');
  assert.equal(ended.status, 401);
  assert.equal((await problemOf(ended)).code, 'auth.token-expired');
  assertNoViolations(env.sandbox);
});

test('asking for the session while signed out is answered 200 `authenticated: false`, never 401 (pages ask on every load)', async () => {
  const env = createTestSandbox();
  const session = () => env.request('/identity/v1/session');
  const anonymous = await session();
  assert.equal(anonymous.status, 200);
  assert.deepEqual(await anonymous.json(), { authenticated: false });
  assert.equal(anonymous.headers.get('x-csrf-token'), null);
  // Other reads still need a session.
  assert.equal((await env.request('/identity/v1/me')).status, 401);

  await signIn(env);
  const open = await session();
  assert.equal(open.status, 200);
  assert.equal((await open.json()).authenticated, true);
  assert.ok(open.headers.get('x-csrf-token'));
  // An ended session (the idle time ran out) and a signed-out one read as signed out too.
  env.clock.advance((IDENTITY_POLICY.idleTimeoutSeconds + 1) * 1000);
  assert.deepEqual(await (await session()).json(), { authenticated: false });
  const again = await signIn(env);
  assert.equal((await again.request('/identity/v1/session', { method: 'DELETE' })).status, 204);
  assert.deepEqual(await (await session()).json(), { authenticated: false });

  // An expired bearer access token is refused, so that the client refreshes it.
  const bearer = await signIn(env, 'cit_02', 'bearer');
  env.clock.advance((IDENTITY_POLICY.accessTokenSeconds + 1) * 1000);
  const expired = await bearer.request('/identity/v1/session');
  assert.equal(expired.status, 401);
  assert.equal((await problemOf(expired)).code, 'auth.token-expired');
  assertNoViolations(env.sandbox);
});

test("every response carries X-Request-Id (the client's own when valid) and no-store", async () => {
  const env = createTestSandbox();
  const own = await env.request('/identity/v1/me', {
    headers: { 'X-Request-Id': 'req_client_chosen_1' },
  });
  assert.equal(own.headers.get('x-request-id'), 'req_client_chosen_1');
  assert.equal((await problemOf(own)).requestId, 'req_client_chosen_1');
  const generated = await env.request('/identity/v1/me', {
    headers: { 'X-Request-Id': 'bad id with spaces' },
  });
  assert.match(generated.headers.get('x-request-id') ?? '', /^req_[0-9a-f]{32}$/);
  assert.equal(generated.headers.get('cache-control'), 'no-store');
});
