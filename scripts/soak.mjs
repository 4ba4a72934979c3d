#!/usr/bin/env node
// The soak (`npm run soak [-- --runs N --seed S --only payments,wizard,concurrency]`): the real
// elements in Chromium against the sandbox, run after run with faults, and the back end under
// many calls at once. Prints each scenario's counts and the seed; exits 1 if a double charge, a
// lost answer, a second submission or a stuck run was seen. Not part of `npm test`: it takes
// minutes. The figures go in docs/performance.md ("Soak").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureChromium } from './chromium.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string', default: 'concurrency,payments,wizard' },
  },
});
const only = values.only.split(',');
const started = Date.now();
let failed = false;

if (only.includes('concurrency')) {
  const result = spawnSync(
    'node',
    [
      '--conditions=iq-source',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "import { soakConcurrency } from './soak/concurrency.ts'; console.log(JSON.stringify(await soakConcurrency()));",
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const figures = JSON.parse(result.stdout.trim().split('\n').at(-1));
  console.log('\n## Back end: many calls at once');
  console.log(
    `- ${figures.paymentRequests} createPayment at once with one key: ${figures.paymentsCreated} payment(s) created, ${figures.distinctIds} distinct id(s) answered (statuses ${JSON.stringify(figures.paymentStatuses)})`,
  );
  console.log(
    `- ${figures.saveRounds} rounds of ${figures.savesPerRound} saves at once with one version: accepted per round ${[...new Set(figures.acceptedPerRound)].join('/')}, ${figures.conflicts} conflicts (409), lost writes ${figures.lostWrites}`,
  );
  console.log(`- ${figures.seconds} s`);
  if (
    figures.paymentsCreated !== 1 ||
    figures.distinctIds !== 1 ||
    figures.lostWrites ||
    figures.acceptedPerRound.some((n) => n !== 1)
  )
    failed = true;
}

const browser = only.filter((o) => o === 'payments' || o === 'wizard');
if (browser.length) {
  const out = join(mkdtempSync(join(tmpdir(), 'iq-soak-')), 'figures.jsonl');
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'web-test-runner',
      '--config',
      'web-test-runner.soak.config.mjs',
      ...browser.map((name) => `soak/${name}.soak.ts`),
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        CHROME_PATH: ensureChromium(),
        IQ_SOAK_RUNS: values.runs,
        IQ_SOAK_SEED: values.seed,
        IQ_SOAK_OUT: out,
      },
    },
  );
  if (result.status !== 0) failed = true;
  const reports = existsSync(out)
    ? readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
  for (const r of reports) {
    console.log(`\n## ${r.name}: ${r.runs} runs, seed ${values.seed}, ${r.seconds} s`);
    for (const [key, value] of Object.entries(r))
      if (!['name', 'runs', 'seconds', 'stuck'].includes(key))
        console.log(`- ${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
    console.log(`- stuck runs: ${r.stuck.length}`);
    for (const line of r.stuck.slice(0, 10)) console.log(`  - ${line}`);
    if (r.stuck.length || r.doubleCharges || r.answersLost || r.extraSubmissions) failed = true;
  }
  if (reports.length < browser.length) failed = true;
}
console.log(
  `\nSoak ${failed ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s.`,
);
process.exit(failed ? 1 : 0);
