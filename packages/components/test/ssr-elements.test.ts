// The server entry (`@iq-eservices/components/ssr`) defines every element, so a page may render
// any of them: each module of src/define/ is imported there (a new element is caught here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const src = join(import.meta.dirname, '../src');

test('the server entry defines every element of src/define/', () => {
  const entry = readFileSync(join(src, 'ssr/render.ts'), 'utf8');
  const imported = [...entry.matchAll(/^import '\.\.\/define\/([\w-]+)\.js';$/gm)].map((m) => m[1]);
  const defines = readdirSync(join(src, 'define'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(imported.sort(), defines.sort());
});
