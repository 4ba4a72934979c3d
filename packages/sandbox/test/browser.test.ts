// The in-page sandbox (sandbox + client bundled for the browser) in real Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- plain ES module without declarations
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';
import { startSandboxServer } from '../src/node.js';
import { SANDBOX_OTP } from '../src/index.js';

let browser: Browser;
let server: Server;
let url = '';

before(async () => {
  const bundle = await build({
    entryPoints: [new URL('./browser/entry.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['iq-source'],
    write: false,
  });
  const js = bundle.outputFiles[0]!.text;
  server = createServer((req, res) => {
    if (req.url === '/bundle.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
    else
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><script type="module" src="/bundle.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('inside a browser page the sandbox answers the client as a fetch: sign-in, data, uploads, faults', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => 'sandboxRun' in window);
  const result = await page.evaluate(() =>
    (window as unknown as { sandboxRun: () => Promise<Record<string, unknown>> }).sandboxRun(),
  );
  assert.deepEqual(result, {
    name: 'هەژار ئەحمەد محەمەد',
    members: 7,
    document: 'application/pdf',
    unknownTitle: 'کۆدی پشتڕاستکردنەوە هەڵەیە',
    gatewayPage: '<html lang="ckb" dir="rtl">',
    gatewayTotal: 'Arabic-Indic digits, د.ع.',
    network: 'network.error',
    violations: 0,
  });
  assert.deepEqual(errors, []);
});

/** A second site: the client's return page, and a place a hostile form would post to. */
async function otherSite(): Promise<{ origin: string; hits: string[]; close(): void }> {
  const hits: string[] = [];
  const site = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p id="done">back at the service</p>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const address = site.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://localhost:${port}`, hits, close: () => site.close() };
}

test('the hosted gateway page: its forms reach only its own handler, and the citizen comes back to the return URL', async () => {
  const sandbox = await startSandboxServer({ port: 0 });
  const site = await otherSite();
  const page = await browser.newPage();
  try {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${sandbox.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const started = await post('/identity/v1/sign-in', {
      method: 'national-id',
      nationalId: '199012345678',
    });
    const { challengeId } = (await started.json()) as { challengeId: string };
    const verified = await post(`/identity/v1/sign-in/${challengeId}/verify`, {
      code: SANDBOX_OTP,
    });
    const session = {
      Cookie: (verified.headers.get('set-cookie') ?? '').split(';')[0]!,
      'X-CSRF-Token': verified.headers.get('x-csrf-token') ?? '',
    };
    const created = await post(
      '/payments/v1/payments',
      { payableIds: ['pbl_0101'], method: 'qi-card', returnUrl: `${site.origin}/done` },
      { ...session, 'Idempotency-Key': 'browser_test_key_0001' },
    );
    assert.equal(created.status, 201);
    const payment = (await created.json()) as { id: string; redirectUrl: string };

    await page.goto(payment.redirectUrl);
    // A form injected into the page (as markup slipped into it would be) cannot post elsewhere.
    const elsewhere = site.origin.replace('localhost', '127.0.0.1');
    const violated = await page.evaluate(
      (action) =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) =>
            resolve(`${e.violatedDirective} ${e.blockedURI}`),
          );
          const form = document.createElement('form');
          form.method = 'post';
          form.action = action;
          document.body.append(form);
          form.submit();
        }),
      `${elsewhere}/steal`,
    );
    assert.match(violated, /^form-action /);
    assert.deepEqual(site.hits, [], 'nothing reached the other origin');

    // The citizen's own way, on the page as opened: the code, "confirm", and back at the
    // service's return URL.
    await page.goto(payment.redirectUrl);
    await page.fill('#otp', SANDBOX_OTP);
    await Promise.all([
      page.waitForURL(`${site.origin}/done?payment=${payment.id}`),
      page.click('button[value="approve"]'),
    ]);
    assert.equal(await page.textContent('#done'), 'back at the service');
  } finally {
    await page.close();
    site.close();
    await sandbox.close();
  }
});
