#!/usr/bin/env node
// The component suite under load (`npm run test:load`): runs web-test-runner `--runs` times in a row
// (default 3) while one busy loop per core keeps every core of the machine busy, as CI's shared
// two cores are. Prints each run's result and time; exits non-zero if any run failed. Not part of
// `npm test` (it takes several times as long); its figures go in docs/performance.md.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ensureChromium } from './chromium.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const runs = arg('runs', 3);
const burners = arg('burners', availableParallelism());
const extra = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));

const chrome = ensureChromium();
// Busy loops in worker threads: each keeps one core at 100 % until terminated.
const workers = Array.from(
  { length: burners },
  () => new Worker('for (;;) Math.sqrt(Math.random());', { eval: true }),
);
console.log(`${burners} busy loops keep ${availableParallelism()} cores busy; ${runs} runs.`);

const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    const started = Date.now();
    const code = await new Promise((resolve) => {
      const child = spawn('npx', ['--no-install', 'web-test-runner', ...extra], {
        stdio: 'inherit',
        env: { ...process.env, CHROME_PATH: chrome, CI: 'true' },
      });
      child.on('exit', (status) => resolve(status ?? 1));
    });
    const seconds = Math.round((Date.now() - started) / 1000);
    results.push({ run, passed: code === 0, seconds });
    console.log(`\nrun ${run}/${runs}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  }
} finally {
  await Promise.all(workers.map((w) => w.terminate()));
}
console.log('\n| run | result | time (s) |\n|---:|---|---:|');
for (const { run, passed, seconds } of results)
  console.log(`| ${run} | ${passed ? 'passed' : 'FAILED'} | ${seconds} |`);
process.exit(results.every((r) => r.passed) ? 0 : 1);
