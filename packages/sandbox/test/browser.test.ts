// The in-page sandbox (sandbox + client bundled for the browser) in real Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error -- plain ES module without declarations
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';

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
    network: 'network.error',
    violations: 0,
  });
  assert.deepEqual(errors, []);
});
