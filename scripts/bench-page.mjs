#!/usr/bin/env node
// `npm run bench:page`: Lighthouse 12 (pinned) on the demo portal's first page, as a citizen's phone
// sees it — mobile, simulated slow 4G and a slow CPU (Lighthouse's default mobile settings) — three
// runs, medians. Reports the largest and first contentful paint, the bytes transferred, the
// JavaScript the page downloads but does not run, and errors in the console. Needs the build
// (`npm run build`) and the npm registry the first time (`npx lighthouse@12.2.3`).
//
//   npm run bench:page [-- --runs=3]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureChromium } from './chromium.mjs';
import { startDemo } from '../packages/demo/server.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number');

const chrome = ensureChromium();
const demo = await startDemo({ port: 0, sandboxPort: 0, quiet: true });
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    // Asynchronously: the demo answers from this very process.
    const lighthouse = await promisify(execFile)(
      'npx',
      [
        '--yes',
        LIGHTHOUSE,
        `${demo.url}/`,
        '--output=json',
        '--output-path=stdout',
        '--only-categories=performance,best-practices',
        '--quiet',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 },
    );
    const { audits } = JSON.parse(lighthouse.stdout);
    results.push({
      lcp: audits['largest-contentful-paint'].numericValue,
      fcp: audits['first-contentful-paint'].numericValue,
      bytes: audits['total-byte-weight'].numericValue,
      unusedJs: audits['unused-javascript'].details?.overallSavingsBytes ?? 0,
      consoleErrors: audits['errors-in-console'].details?.items?.length ?? 0,
    });
    process.stderr.write(`run ${run + 1}/${runs} done\n`);
  }
} finally {
  await demo.close();
}

const median = (key) => {
  const values = results.map((r) => r[key]).sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `${LIGHTHOUSE}, mobile (simulated slow 4G, 4× CPU slowdown), the demo's first page (sign-in, Arabic); median of ${runs} runs:\n`,
);
console.log('| measure | median | goal |');
console.log('|---|---:|---:|');
console.log(`| largest contentful paint | ${s(median('lcp'))} | ≤ 2.00 s |`);
console.log(`| first contentful paint | ${s(median('fcp'))} | |`);
console.log(`| transferred | ${kb(median('bytes'))} | ≤ 60 KB |`);
console.log(`| JavaScript downloaded, not run | ${kb(median('unusedJs'))} | |`);
console.log(`| errors in the console | ${median('consoleErrors')} | 0 |`);
