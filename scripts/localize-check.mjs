#!/usr/bin/env node
// Keeps the message catalogue in step with the code: runs `lit-localize extract` (sources →
// XLIFF, keeping existing translations) and `lit-localize build` (XLIFF → locale modules) in the
// components package, then splits the locale modules into each element's messages
// (scripts/message-groups.mjs). `--check` fails when any of it changed a file, i.e. the committed
// catalogue or generated locale modules were stale; the updated files are left in place to commit.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeMessageGroups } from './message-groups.mjs';

const pkg = resolve(import.meta.dirname, '../packages/components');
const watched = [
  'xliff',
  'src/generated',
  'src/generated/locales',
  'src/generated/locales/ar',
  'src/generated/locales/ckb',
  'src/generated/locales/en',
  'src/generated/messages',
];
const snapshot = () => {
  const files = new Map();
  for (const dir of watched) {
    const full = join(pkg, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full, { withFileTypes: true })) {
      if (name.isFile())
        files.set(join(dir, name.name), readFileSync(join(full, name.name), 'utf8'));
    }
  }
  return files;
};

const before = snapshot();
const bin = resolve(import.meta.dirname, '../node_modules/.bin/lit-localize');
for (const command of ['extract', 'build']) {
  try {
    execFileSync(bin, [command], { cwd: pkg, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    console.error(`lit-localize ${command} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    process.exit(1);
  }
}
await writeMessageGroups(resolve(import.meta.dirname, '..'));
const after = snapshot();
const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
  (f) => before.get(f) !== after.get(f),
);
if (process.argv.includes('--check') && changed.length) {
  console.error(
    `The message catalogue was stale; updated (commit them): \n  ${changed.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  changed.length
    ? `updated:\n  ${changed.join('\n  ')}`
    : 'message catalogue and locale modules are up to date',
);
