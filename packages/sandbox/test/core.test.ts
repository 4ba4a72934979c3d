import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { assertNoViolations, createTestSandbox, problemOf, signIn } from './helpers.js';
import { contracts } from '../src/generated/contracts.js';
import { parseFault } from '../src/index.js';
import { startSandboxServer } from '../src/node.js';

test('every operation of every contract has a handler', () => {
  const env = createTestSandbox();
  const missing = env.sandbox.operations
    .filter((op) => !op.implemented)
    .map((op) => op.operationId);
  assert.deepEqual(missing, []);
  const declared = Object.values(contracts).flatMap((doc) =>
    Object.values(doc.paths ?? {}).flatMap((item) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((m) =>
        item[m] ? [item[m]!.operationId] : [],
      ),
    ),
  );
  assert.equal(env.sandbox.operations.length, declared.length);
  assert.equal(
    new Set(declared).size,
    declared.length,
    'operationIds are unique across the contracts',
  );
});

test('an unknown route gets a 404 problem, not an HTML page', async () => {
  const env = createTestSandbox();
  const response = await env.request('/ration-card/v1/nothing-here');
  assert.equal(response.status, 404);
  assert.equal((await problemOf(response)).code, 'not-found');
});

test('injected 5xx faults return problem details and can be limited to operations and a count', async () => {
  const env = createTestSandbox();
  env.sandbox.faults.set({ faults: [{ kind: 503, operations: ['getCurrentUser'], count: 1 }] });
  await signIn(env);
  const first = await env.request('/identity/v1/me');
  assert.equal(first.status, 503);
  assert.equal(first.headers.get('retry-after'), '1');
  assert.equal((await problemOf(first)).code, 'service.unavailable');
  assert.equal((await env.request('/identity/v1/me')).status, 200, 'the fault was spent after one');
  assertNoViolations(env.sandbox);
});

test('a dropped connection rejects the in-process fetch like a browser network error', async () => {
  const env = createTestSandbox();
  env.sandbox.faults.set({ faults: [{ kind: 'drop' }] });
  await assert.rejects(env.request('/identity/v1/me'), TypeError);
});

test('a dropped response happens after the service acted (phase "after")', async () => {
  const env = createTestSandbox();
  env.sandbox.faults.set({
    faults: [{ kind: 'drop', operations: ['startSignIn'], phase: 'after', count: 1 }],
  });
  await assert.rejects(
    env.request('/identity/v1/sign-in', {
      method: 'POST',
      json: { method: 'national-id', nationalId: '199012345678' },
    }),
    TypeError,
  );
  assert.equal(
    Object.keys(env.sandbox.state.identity.challenges).length,
    1,
    'the service handled it before the drop',
  );
});

test('a timeout fault holds the request until the caller gives up', async () => {
  const env = createTestSandbox();
  env.sandbox.faults.set({ faults: [{ kind: 'timeout' }] });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(
    env.fetch('http://sandbox.localhost/identity/v1/me', { signal: controller.signal }),
    /abort/i,
  );
});

test('a malformed-body fault sends invalid JSON with status 200', async () => {
  const env = createTestSandbox();
  env.sandbox.faults.set({ faults: [{ kind: 'malformed', operations: ['startSignIn'] }] });
  const response = await env.request('/identity/v1/sign-in', {
    method: 'POST',
    json: { method: 'national-id', nationalId: '199012345678' },
  });
  assert.equal(response.status, 200);
  assert.throws(() => JSON.parse('{"truncated": '));
  await assert.rejects(response.json(), SyntaxError);
});

test('a fault rate is drawn from a seeded generator: the same sequence every run', async () => {
  const outcomes = async () => {
    const env = createTestSandbox();
    env.sandbox.faults.set({ faults: [{ kind: 500, rate: 0.5 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await env.request('/identity/v1/me')).status);
    return statuses;
  };
  const a = await outcomes();
  assert.deepEqual(a, await outcomes());
  assert.ok(a.includes(500) && a.includes(401), `a mix of faults and answers: ${a.join(',')}`);
});

test('latency delays every operation', async () => {
  const env = createTestSandbox();
  env.sandbox.faults.set({ latencyMs: 120 });
  const started = performance.now();
  await env.request('/identity/v1/me');
  assert.ok(performance.now() - started >= 110);
});

test('CLI fault specs parse, and bad ones are refused with a reason', () => {
  assert.deepEqual(parseFault('503'), { kind: 503 });
  assert.deepEqual(parseFault('drop:0.25:createPayment,getPayment'), {
    kind: 'drop',
    rate: 0.25,
    operations: ['createPayment', 'getPayment'],
  });
  assert.throws(() => parseFault('418'), /unknown fault kind/);
  assert.throws(() => parseFault('timeout:2'), /between 0 and 1/);
});

test('the scenario and reset controls work over HTTP', async () => {
  const env = createTestSandbox();
  await signIn(env);
  const set = await env.request('/__sandbox/scenario', {
    method: 'PUT',
    json: { faults: [{ kind: 502 }] },
  });
  assert.equal(set.status, 200);
  assert.equal((await env.request('/identity/v1/me')).status, 502);
  assert.equal((await env.request('/__sandbox/scenario', { method: 'DELETE' })).status, 204);
  assert.equal((await env.request('/identity/v1/me')).status, 200);
  assert.equal((await env.request('/__sandbox/reset', { method: 'POST' })).status, 204);
  assert.equal(
    Object.keys(env.sandbox.state.identity.sessions).length,
    0,
    'reset signs everyone out',
  );
  const bad = await env.request('/__sandbox/scenario', {
    method: 'PUT',
    body: 'nope',
    headers: { 'Content-Type': 'application/json' },
  });
  assert.equal(bad.status, 400);
});

test('CORS: localhost and configured origins get credentials, others nothing', async () => {
  const env = createTestSandbox({ allowedOrigins: ['https://portal.moi.example'] });
  const preflight = await env.request('/identity/v1/sign-in', {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://portal.moi.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,idempotency-key',
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.moi.example');
  assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  const local = await env.request('/identity/v1/me', {
    headers: { Origin: 'http://localhost:5173' },
  });
  assert.equal(local.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.match(local.headers.get('access-control-expose-headers') ?? '', /X-Request-Id/);
  const stranger = await env.request('/identity/v1/me', {
    headers: { Origin: 'https://evil.example' },
  });
  assert.equal(stranger.headers.get('access-control-allow-origin'), null);
});

test('the Node server keeps state in a data file across restarts, and --reset starts over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iq-sandbox-'));
  const dataFile = join(dir, 'state.json');
  try {
    const first = await startSandboxServer({ port: 0, dataFile });
    const started = await fetch(`${first.url}/identity/v1/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'phone', phone: '+9647701234567' }),
    });
    assert.equal(started.status, 201);
    const { challengeId } = (await started.json()) as { challengeId: string };
    await new Promise((resolve) => setTimeout(resolve, 20));
    await first.close();
    assert.ok(readFileSync(dataFile, 'utf8').includes(challengeId));

    const second = await startSandboxServer({ port: 0, dataFile });
    assert.ok(
      second.sandbox.state.identity.challenges[challengeId],
      'the challenge survived the restart',
    );
    await second.close();
    const third = await startSandboxServer({ port: 0, dataFile, reset: true });
    assert.equal(third.sandbox.state.identity.challenges[challengeId], undefined);
    await third.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('over real HTTP, a drop fault closes the socket and the cookie comes back as Set-Cookie', async () => {
  const server = await startSandboxServer({ port: 0 });
  try {
    const started = await fetch(`${server.url}/identity/v1/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'national-id', nationalId: '199012345678' }),
    });
    const { challengeId } = (await started.json()) as { challengeId: string };
    const verified = await fetch(`${server.url}/identity/v1/sign-in/${challengeId}/verify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: '123456' }),
    });
    assert.match(verified.headers.get('set-cookie') ?? '', /^iq_session=/);
    server.sandbox.faults.set({ faults: [{ kind: 'drop' }] });
    await assert.rejects(fetch(`${server.url}/identity/v1/me`), TypeError);
  } finally {
    await server.close();
  }
});

test('the iq-sandbox CLI starts, prints the identities and the code, and rejects bad flags', async () => {
  const run = (args: string[]) =>
    new Promise<{ out: string; code: number | null }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--conditions=iq-source', '--import', 'tsx', 'packages/sandbox/src/cli.ts', ...args],
        {
          cwd: join(import.meta.dirname, '../../..'),
        },
      );
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('One-time code')) child.kill('SIGTERM');
      });
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => resolve({ out, code }));
    });
  const ok = await run(['--port', '0', '--fault', '503:0.1']);
  assert.match(ok.out, /iq-sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
  assert.match(ok.out, /One-time code: 123456/);
  assert.match(ok.out, /199012345678/);
  const bad = await run(['--fault', 'teapot']);
  assert.equal(bad.code, 2);
  assert.match(bad.out, /unknown fault kind/);
});
