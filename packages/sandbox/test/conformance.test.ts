// The conformance kit (`iq-conformance`): the sandbox passes it with a fixed seed, and a back end
// that breaks the contracts or leaks is caught, each failure with a reproduction that holds no
// secret.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startSandboxServer, type SandboxServer } from '../src/node.js';
import { SANDBOX_OTP } from '../src/index.js';
import {
  runConformance,
  toJUnit,
  toJson,
  toTable,
  type ConformanceOptions,
} from '../src/conformance/index.js';
import { sampleRequests } from '../src/conformance/generated.js';
import { contractOperations } from '../src/conformance/contract.js';

const NATIONAL_ID = '199012345678';
const identity = {
  nationalId: NATIONAL_ID,
  otp: SANDBOX_OTP,
  returnUrl: 'http://localhost:5173/payments/finish',
};

// A fresh sandbox for each test: a run signs the identity in three times, and the sandbox allows
// five starts per number in fifteen minutes, as the contract says.
let server: SandboxServer;
beforeEach(async () => {
  server = await startSandboxServer({ port: 0 });
});
afterEach(() => server.close());

const run = (options: Partial<ConformanceOptions> & { baseUrl: string }) =>
  runConformance({ ...identity, seed: 7, maxExamples: 8, ...options });

/**
 * A back end that gets things wrong in front of the sandbox: `break` rewrites each answer (status,
 * headers, body) before it leaves.
 */
async function brokenBackEnd(
  rewrite: (
    req: { method: string; url: string },
    res: { status: number; headers: Record<string, string | string[]>; body: string },
  ) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(server.url);
  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            const out = {
              status: answer.statusCode ?? 502,
              headers: { ...answer.headers } as Record<string, string | string[]>,
              body: Buffer.concat(body).toString('utf8'),
            };
            delete out.headers['content-length'];
            delete out.headers['transfer-encoding'];
            rewrite({ method: req.method ?? 'GET', url: req.url ?? '/' }, out);
            res.writeHead(out.status, out.headers);
            res.end(out.body);
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
}

describe('iq-conformance', () => {
  test('the sandbox passes every check with a fixed seed', async () => {
    const { report, redact } = await run({ baseUrl: server.url });
    const failed = report.results.filter((r) => !r.passed);
    assert.deepEqual(
      failed.map((r) => `${r.name}: ${r.failures.slice(0, 3).map(redact).join(' | ')}`),
      [],
    );
    assert.ok(report.results.some((r) => r.suite === 'generated'));
    assert.ok(report.results.length > 40, 'every operation has its generated check');
  });

  test('the same seed sends the same requests, and they include hostile ones', () => {
    const sample = (seed: number) => sampleRequests('createPayment', { seed, count: 1000 });
    assert.deepEqual(sample(7), sample(7));
    assert.notDeepEqual(sample(7), sample(8));
    const bodies = sample(7).map((r) => r.body ?? '');
    assert.ok(
      bodies.some((b) => /\\u202e/i.test(b) || b.includes('\u202e')),
      'a bidi override',
    );
    assert.ok(
      bodies.some((b) => b.includes('x'.repeat(10_000))),
      '10 000 characters',
    );
    assert.ok(
      bodies.some((b) => b.includes('١٩٩٠')),
      'Arabic-Indic digits',
    );
    assert.ok(
      sample(7).some((r) => r.headers?.['content-type'] === 'text/plain'),
      'a wrong content type',
    );
    assert.ok(
      sample(7).every((r) => r.method === 'POST' && r.path.startsWith('/payments/v1/payments')),
    );
    // Bodies made from the operation's JSON Schema: valid ones other than the contract's example.
    const create = contractOperations().find((o) => o.op.operationId === 'createPayment')!;
    const parsed = bodies.flatMap((b) => {
      try {
        return [JSON.parse(b) as unknown];
      } catch {
        return [];
      }
    });
    const valid = parsed.filter((b) => create.op.validateBody!(b));
    assert.ok(
      new Set(valid.map((b) => JSON.stringify(b))).size > 20,
      'valid bodies of many shapes',
    );
  });

  test('an undocumented status, a CORS reflection and a cookie without HttpOnly are caught', async () => {
    const broken = await brokenBackEnd((req, res) => {
      if (req.url.startsWith('/payments/v1/payment-methods')) res.status = 418;
      const origin = 'https://attacker.example';
      res.headers['access-control-allow-origin'] = origin;
      res.headers['access-control-allow-credentials'] = 'true';
      const cookies = res.headers['set-cookie'];
      if (Array.isArray(cookies))
        res.headers['set-cookie'] = cookies.map((c) => c.replace(/;\s*HttpOnly/i, ''));
    });
    try {
      const { report, redact } = await run({ baseUrl: broken.url, skipGenerated: true });
      const failed = (name: string) => report.results.find((r) => r.name.startsWith(name));
      assert.equal(report.passed, false);
      assert.equal(failed('CORS')?.passed, false);
      assert.equal(failed('Cookies')?.passed, false);
      const payment = failed('create a payment');
      assert.equal(payment?.passed, false);
      assert.match(
        payment!.failures.join('\n'),
        /418 is not a documented answer of listPaymentMethods/,
      );
      // Each failure comes with a reproduction, without the session, the code or the number.
      const table = toTable(report, redact);
      assert.match(table, /curl -i -X GET '.*\/payments\/v1\/payment-methods'/);
      const session = /iq_session=([^;'\s]+)/.exec(table)?.[1];
      assert.equal(session, '<session>');
      for (const text of [table, toJson(report, redact), toJUnit(report, redact)]) {
        assert.ok(!text.includes(SANDBOX_OTP), 'no one-time code in the report');
        assert.ok(!text.includes(NATIONAL_ID), 'no national number in the report');
      }
    } finally {
      await broken.close();
    }
  });

  test('a back end that does not enforce CSRF on unsafe methods is caught', async () => {
    const broken = await brokenBackEnd((_req, res) => {
      // The CSRF check is answered as if it had passed.
      if (res.status === 403 && res.body.includes('auth.csrf-invalid')) res.status = 200;
    });
    try {
      const { report } = await run({ baseUrl: broken.url, skipGenerated: true });
      const csrf = report.results.find((r) => r.name.startsWith('CSRF'));
      assert.equal(csrf?.passed, false);
      assert.match(csrf!.failures.join('\n'), /without X-CSRF-Token: expected 403, got 200/);
      assert.match(csrf!.failures.join('\n'), /wrong X-CSRF-Token: expected 403, got 200/);
    } finally {
      await broken.close();
    }
  });

  test('a national number in an error body or a URL is caught', async () => {
    const broken = await brokenBackEnd((req, res) => {
      if (res.status >= 400 && res.body.startsWith('{'))
        res.body = res.body.replace(/\}$/, `,"detail":"no card for ${NATIONAL_ID}"}`);
      if (
        req.url.startsWith('/payments/v1/payments') &&
        req.method === 'POST' &&
        res.status === 201
      )
        res.body = res.body.replace(
          /"redirectUrl":"([^"]+)"/,
          `"redirectUrl":"$1&nid=${NATIONAL_ID}"`,
        );
    });
    try {
      const { report, redact } = await run({ baseUrl: broken.url, operations: ['getPayment'] });
      const leaks = report.results.find((r) => r.name.startsWith('No national number'));
      assert.equal(leaks?.passed, false);
      const text = leaks!.failures.join('\n');
      assert.match(text, /<national-id> in an error body \(4\d\d\)/);
      assert.match(text, /<national-id> in a URL of the answer/);
      assert.ok(!toJson(report, redact).includes(NATIONAL_ID));
    } finally {
      await broken.close();
    }
  });

  test('the JUnit report is one suite per kind of check, failures with their reproduction', async () => {
    const broken = await brokenBackEnd((req, res) => {
      if (req.url.startsWith('/identity/v1/me')) res.status = 599;
    });
    try {
      const { report, redact } = await run({ baseUrl: broken.url, skipGenerated: true });
      const xml = toJUnit(report, redact);
      assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
      assert.equal((xml.match(/<testsuite /g) ?? []).length, 3);
      assert.match(xml, /<failure message="[^"]*599[^"]*">[\s\S]*curl -i -X GET/);
      assert.equal(
        (xml.match(/<testcase /g) ?? []).length,
        report.results.length,
        'a test case per check',
      );
    } finally {
      await broken.close();
    }
  });

  test('the command exits 1 on a failure, 2 on a usage error, and prints the table', async () => {
    const exec = promisify(execFile);
    const cli = [
      '--conditions=iq-source',
      '--import',
      'tsx',
      'packages/sandbox/src/conformance-cli.ts',
    ];
    await assert.rejects(exec('node', [...cli]), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /A base URL is needed/);
      return true;
    });
    const broken = await brokenBackEnd((req, res) => {
      if (req.url.startsWith('/identity/v1/me')) res.status = 599;
    });
    try {
      await assert.rejects(
        exec('node', [...cli, broken.url, '--operations', 'getPayable', '--max-examples', '2']),
        (error: { code: number; stdout: string }) => {
          assert.equal(error.code, 1);
          assert.match(
            error.stdout,
            /\| scenario \| sign in with a one-time code.* \| \*\*FAIL\*\* \|/,
          );
          return true;
        },
      );
    } finally {
      await broken.close();
    }
  });
});
