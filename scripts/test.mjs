#!/usr/bin/env node
// The one test command (`npm test`): contracts, generated code, types, lint, build, size budgets,
// server rendering, API docs, Storybook, then every test — the components in Chromium, then unit,
// contract and the sandbox's browser tests. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
const env = {
  ...process.env,
  CHROME_PATH: chrome,
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  NO_UPDATE_NOTIFIER: '1',
  STORYBOOK_DISABLE_TELEMETRY: '1',
};
const steps = [
  [
    'contracts lint (redocly, recommended rules: zero errors, zero warnings)',
    'npx',
    ['--no-install', 'redocly', 'lint', '--format=stylish', '--max-problems=50'],
    // redocly exits 0 when it finds only warnings; the contracts promise none.
    (output) => (/\d+ warnings?\b/.test(output) ? 'warnings found' : null),
  ],
  ['generated code is up to date', 'node', ['scripts/generate.mjs', '--check']],
  ['React wrappers are up to date (from the manifest)', 'node', ['scripts/react.mjs', '--check']],
  [
    'message catalogue is up to date (lit-localize)',
    'node',
    ['scripts/localize-check.mjs', '--check'],
  ],
  ['typecheck (strict)', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']],
  ['eslint', 'npx', ['--no-install', 'eslint', '.', '--max-warnings=0']],
  ['prettier', 'npx', ['--no-install', 'prettier', '--check', '--log-level=warn', '.']],
  ['build (rollup + declarations)', 'npm', ['run', 'build', '--silent']],
  ['size budgets', 'node', ['scripts/size.mjs', '--check']],
  [
    'CDN snippet: the guide has the built bundle’s integrity hashes',
    'node',
    ['scripts/sri.mjs', '--check'],
  ],
  ['packages install from npm pack and work', 'node', ['scripts/pack-check.mjs']],
  [
    'getting started, followed from the tarballs (Vite + TypeScript site, the CDN page with integrity hashes, the React 19 app; Chromium)',
    'node',
    ['scripts/getting-started-check.mjs'],
  ],
  [
    'server rendering: HTML before scripts, hydration, sign-in (examples/ssr, Chromium)',
    'node',
    ['scripts/ssr-check.mjs'],
  ],
  ['typedoc (warnings are errors)', 'npx', ['--no-install', 'typedoc']],
  [
    'API docs: every public entry point, element events and parts as tables',
    'node',
    ['scripts/typedoc-check.mjs'],
  ],
  // Telemetry and update checks are off in .storybook/main.ts: the build needs no network.
  ['storybook builds offline', 'npm', ['run', 'build:storybook', '--silent']],
  [
    'storybook: every element has a docs page, its API in the right sections (Chromium)',
    'node',
    ['scripts/storybook-docs-check.mjs'],
  ],
  ['component tests (web-test-runner, Chromium)', 'npx', ['--no-install', 'web-test-runner']],
  // Last: CI reads the node test runner's summary.
  ['tests', 'npm', ['run', 'test:unit', '--silent']],
];

for (const [index, [name, command, args, check]] of steps.entries()) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: check ? 'pipe' : 'inherit',
    env,
    encoding: 'utf8',
  });
  if (check) process.stdout.write(`${result.stdout}${result.stderr}`);
  const problem =
    result.status !== 0
      ? `exit code ${result.status}`
      : check?.(`${result.stdout}${result.stderr}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problem) {
    console.error(`✖ ${name} failed: ${problem} (${seconds} s)`);
    process.exit(result.status || 1);
  }
  // The test runner's own summary stays the last thing printed.
  if (index < steps.length - 1) console.log(`✔ ${name} (${seconds} s)`);
}
