// Integrators' warnings (`devWarn` from `#dev`, core/dev.ts) are for development builds only: a
// production bundle, built as the published single-file bundle and the size figures are
// (scripts/build-plugins.mjs), carries none of their messages, while a build under the
// `development` condition carries every one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rollup, type Plugin } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import {
  browserResolve,
  componentTransforms,
  minify,
  transpile,
  wholeCatalogue,
} from '../../../scripts/build-plugins.mjs';
import {
  ALL_ELEMENTS_ID,
  allElementsModule,
  componentEntries,
} from '../../../scripts/components.mjs';

const SRC = 'packages/components/src';

/** The literal text of every `devWarn(element, '…')` message in the library (up to a `${`). */
function warningTexts(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : warningTexts(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/devWarn\(\s*[\w.]+,\s*['`]([^'`$]+)/g)].map(
      (m) => m[1]!.trim(),
    );
  });
}

/** Every element in one minified bundle (`dist/iq-eservices.js`), resolved with `resolve`. */
async function allElements(resolve: Plugin): Promise<string> {
  const { defines } = componentEntries();
  const bundle = await rollup({
    input: ALL_ELEMENTS_ID,
    onwarn: () => undefined,
    plugins: [
      {
        name: 'all-elements',
        resolveId: (id) => (id === ALL_ELEMENTS_ID ? id : null),
        load: (id) => (id === ALL_ELEMENTS_ID ? allElementsModule(defines) : null),
      },
      wholeCatalogue(),
      resolve,
      transpile(),
      ...componentTransforms(),
      ...minify(),
    ],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  return output.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n');
}

test('production bundles carry no integrator warning; development builds carry them all', async () => {
  const texts = warningTexts();
  // The warnings the library has today, at least: a missing client, an unknown flow, a tag
  // defined twice.
  assert.ok(texts.length >= 3, `found ${texts.length} warnings`);
  for (const expected of ['no client', 'unknown flow', 'already defined'])
    assert.ok(
      texts.some((t) => t.includes(expected)),
      `a warning about "${expected}"`,
    );

  const production = await allElements(browserResolve());
  for (const text of texts) assert.ok(!production.includes(text), `in production: "${text}"`);

  const development = await allElements(
    nodeResolve({
      browser: true,
      exportConditions: ['iq-source', 'development', 'browser', 'import', 'default'],
      extensions: ['.ts', '.js', '.mjs'],
    }),
  );
  for (const text of texts) assert.ok(development.includes(text), `in development: "${text}"`);
});
