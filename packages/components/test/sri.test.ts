// Subresource Integrity of the single-file bundle (scripts/sri.mjs): the files a page loads with
// it are found by following its imports, static and dynamic, and hashed as browsers check them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integrityOf, sri } from '../../../scripts/sri.mjs';

test('sri() is the integrity attribute’s sha384-<base64 digest>', () => {
  const digest = createHash('sha384').update('x').digest('base64');
  assert.equal(sri('x'), `sha384-${digest}`);
});

test('integrityOf() follows static and dynamic imports, once each, the bundle first', () => {
  const dist = mkdtempSync(join(tmpdir(), 'iq-sri-'));
  const files: Record<string, string> = {
    'iq-eservices.js':
      'import{a}from"./iq-eservices.shared.js";const l={ar:()=>import("./iq-eservices.ar.js"),en:()=>import( \'./iq-eservices.en.js\' )};export{a,l};',
    'iq-eservices.shared.js': 'export const a=1;',
    'iq-eservices.ar.js': 'import"./iq-eservices.shared.js";export const templates={};',
    'iq-eservices.en.js': 'export const templates={};',
    'unrelated.js': 'export {};',
  };
  try {
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dist, name), code);
    const hashes = integrityOf(dist);
    assert.deepEqual(Object.keys(hashes), [
      'iq-eservices.js',
      'iq-eservices.shared.js',
      'iq-eservices.ar.js',
      'iq-eservices.en.js',
    ]);
    for (const [name, hash] of Object.entries(hashes)) assert.equal(hash, sri(files[name]!));
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
