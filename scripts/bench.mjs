#!/usr/bin/env node
// Two measurements (docs/performance.md):
//
// 1. Rendering speed of <iq-ration-card> against a hand-written vanilla-DOM baseline
//    (bench/vanilla-ration-card.ts), in Chromium. The two must show the same text: when they do
//    not, the bench prints where they differ and exits 1 without a ratio (a ratio of different
//    work means nothing). Otherwise the ratio is informative: it says whether it is within its
//    budget and does not fail.
// 2. The client's overhead: `createEServicesClient` GET against bare openapi-fetch GET, on one
//    stubbed fetch (bench/client-core.ts), in Node (bench/client.ts) and in Chromium
//    (bench/client-page.ts), where the elements run; then both over HTTP to a server on this
//    machine, with the platform's own fetch. Informative too.
//
//   npm run bench [-- --rounds=30 --warmup=5]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

/** median(lit) / median(vanilla) above this is reported as over budget (not a failure). */
export const RATIO_BUDGET = 1.3;

const option = (name, fallback) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
};
const rounds = Math.max(1, option('rounds', 30));
const warmup = option('warmup', 5);

// Bundled like a production build (scripts/size.mjs): minified, from source, in memory.
const bundle = await build({
  entryPoints: ['bench/page.ts', 'bench/client-page.ts'],
  outdir: 'bench-out',
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['iq-source'],
  tsconfig: 'tsconfig.base.json',
  write: false,
  legalComments: 'none',
});
const [script, clientScript] = ['page.js', 'client-page.js'].map(
  (name) => bundle.outputFiles.find((f) => f.path.endsWith(`/${name}`)).text,
);

const PAGE = `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <title>iq-ration-card benchmark</title>
    <script type="module" src="/page.js"></script>
  </head>
  <body></body>
</html>
`;

// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
const CLIENT_PAGE = `<!doctype html>
<html lang="ar" dir="rtl">
  <head>
    <meta charset="utf-8" />
    <title>client overhead benchmark</title>
    <script type="module" src="/client-page.js"></script>
  </head>
  <body></body>
</html>
`;

// The services' answer to GET /card for the client's calls over HTTP: the benchmark's card
// (bench/data.ts, which holds data only), as the stub answers it.
const data = await build({
  entryPoints: ['bench/data.ts'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  tsconfig: 'tsconfig.base.json',
  write: false,
});
const { BENCH_DATA } = await import(
  `data:text/javascript,${encodeURIComponent(data.outputFiles[0].text)}`
);
const CARD = JSON.stringify(BENCH_DATA.card);

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
const server = createServer((request, response) => {
  const [type, body] =
    request.url === '/page.js'
      ? ['text/javascript; charset=utf-8', script]
      : request.url === '/client-page.js'
        ? ['text/javascript; charset=utf-8', clientScript]
        : request.url === '/'
          ? ['text/html; charset=utf-8', PAGE]
          : request.url === '/client'
            ? ['text/html; charset=utf-8', CLIENT_PAGE]
            : request.url === '/api/ration-card/v1/card'
              ? ['application/json', CARD]
              : [null, null];
  if (!type) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...ISOLATION });
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const executablePath = findChromium();
if (!executablePath) {
  server.close();
  throw new Error('No Chromium found: install it or set CHROME_PATH (see scripts/chromium.mjs).');
}
const browser = await chromium.launch({
  executablePath,
  // --expose-gc: the page collects garbage between samples (untimed), so a collection does not
  // land inside one renderer's sample more than the other's.
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
});
let result;
let clientLines;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => typeof window.bench === 'function');
  result = await page.evaluate(([r, w]) => window.bench(r, w), [rounds, warmup]);
  if (errors.length) throw errors[0];
  result.version = browser.version();
  // The client's overhead, each comparison in a page of its own.
  clientLines = [];
  for (let only = 0, comparisons = 1; only < comparisons; only++) {
    const clientPage = await browser.newPage();
    clientPage.on('pageerror', (error) => errors.push(error));
    await clientPage.goto(`http://127.0.0.1:${port}/client`);
    await clientPage.waitForFunction(() => typeof window.clientBench === 'function');
    const report = await clientPage.evaluate(
      ([runtime, baseUrl, only]) =>
        window.clientBench({
          calls: 1000,
          rounds: 15,
          runtime,
          network: { baseUrl, calls: 300 },
          only,
        }),
      [
        `Chromium ${result.version} (each comparison in a page of its own)`,
        `http://127.0.0.1:${port}/api`,
        only,
      ],
    );
    clientLines.push(...report.lines);
    comparisons = report.comparisons;
    await clientPage.close();
  }
  if (errors.length) throw errors[0];
} finally {
  await browser.close();
  server.close();
}

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (values, p) => sorted(values)[Math.ceil((p / 100) * values.length) - 1];
const ms = (value) => value.toFixed(2);

const litMedian = median(result.lit);
const vanillaMedian = median(result.vanilla);
const ratio = litMedian / vanillaMedian;
const within = ratio <= RATIO_BUDGET;

console.log(
  `Chromium ${result.version}, ${rounds} rounds (+${warmup} warm-up discarded), interleaved; ` +
    `locale ${result.locale}; timer ${result.isolated ? '5 µs (cross-origin isolated)' : '100 µs'}.`,
);
console.log(
  `Same text in both renderers: ${result.sameText ? 'yes' : 'NO'} ` +
    `(elements: lit ${result.litElements}, vanilla ${result.vanillaElements}).`,
);
if (!result.sameText) {
  let at = 0;
  while (result.litText[at] === result.vanillaText[at]) at++;
  console.log(`  first difference at ${at}:`);
  console.log(`  lit:     …${result.litText.slice(Math.max(0, at - 20), at + 40)}`);
  console.log(`  vanilla: …${result.vanillaText.slice(Math.max(0, at - 20), at + 40)}`);
  console.error(
    'The two renderers show different text: no ratio is reported. Make ' +
      'bench/vanilla-ration-card.ts render what <iq-ration-card> renders.',
  );
  process.exit(1);
}
console.log('');
console.log('| renderer | median (ms) | p90 (ms) | min (ms) | max (ms) |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, values] of [
  ['`<iq-ration-card>` (Lit)', result.lit],
  ['vanilla DOM baseline', result.vanilla],
]) {
  const s = sorted(values);
  console.log(
    `| ${name} | ${ms(median(s))} | ${ms(percentile(s, 90))} | ${ms(s[0])} | ${ms(s.at(-1))} |`,
  );
}
console.log('');
console.log(
  `iq-ration-card 12 members × 24 months: lit ${ms(litMedian)} ms, vanilla ${ms(vanillaMedian)} ms, ` +
    `ratio ${ratio.toFixed(2)} (budget ${RATIO_BUDGET.toFixed(2)})`,
);
console.log(
  within
    ? `Within budget: lit is at most ${RATIO_BUDGET}× the vanilla baseline.`
    : `OVER BUDGET: lit takes ${ratio.toFixed(2)}× the vanilla baseline (budget ${RATIO_BUDGET}). ` +
        'Informative only: this does not fail the build.',
);

// 2. The client against bare openapi-fetch, in its own Node process (from source, like the tests).
console.log('');
const client = spawnSync(
  process.execPath,
  ['--conditions=iq-source', '--import', 'tsx', 'bench/client.ts'],
  { stdio: 'inherit' },
);
if (client.status !== 0) process.exit(client.status ?? 1);
console.log('');
for (const line of clientLines) console.log(line);
