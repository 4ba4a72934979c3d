#!/usr/bin/env node
// Size budgets, measured deterministically: each entry bundled and minified by esbuild, gzipped
// at level 9. `--check` fails when an entry is over its budget. Prints a table for the docs.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** What each published piece may weigh, min+gzip, in bytes. */
export const BUDGETS = [
  {
    name: '@iq-eservices/api client (without openapi-fetch)',
    entry: 'packages/api/src/index.ts',
    external: ['openapi-fetch'],
    budget: 4096,
  },
  {
    name: '@iq-eservices/api client with openapi-fetch',
    entry: 'packages/api/src/index.ts',
    external: [],
    budget: 8192,
  },
];

const check = process.argv.includes('--check');
let failed = false;
const rows = [];
for (const { name, entry, external, budget } of BUDGETS) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['iq-source'],
    external,
    write: false,
    legalComments: 'none',
  });
  const code = result.outputFiles[0].contents;
  const gz = gzipSync(code, { level: 9 }).length;
  const ok = gz <= budget;
  failed ||= !ok;
  rows.push(`| ${name} | ${code.length} | ${gz} | ${budget} | ${ok ? 'ok' : 'OVER'} |`);
}
console.log(
  '| bundle | min (B) | min+gzip (B) | budget (B) | |\n|---|---:|---:|---:|---|\n' +
    rows.join('\n'),
);
if (check && failed) {
  console.error('A bundle is over its size budget.');
  process.exit(1);
}
