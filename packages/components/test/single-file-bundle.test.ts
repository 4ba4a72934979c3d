// The single-file bundle (`dist/iq-eservices.js`, rollup.config.mjs): every element registers the
// whole catalogue, so the bundle emits one message file per language (English too) and none per
// element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollup } from 'rollup';
import { browserResolve, transpile, wholeCatalogue } from '../../../scripts/build-plugins.mjs';
import {
  ALL_ELEMENTS_ID,
  allElementsModule,
  componentEntries,
} from '../../../scripts/components.mjs';

test('the single-file bundle emits the whole catalogue per language, no per-element messages', async () => {
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
      browserResolve(),
      transpile(),
    ],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  const modules = output.flatMap((o) => (o.type === 'chunk' ? Object.keys(o.modules) : []));
  const messages = modules
    .map((id) => /\/generated\/(locales|messages)\/(.+)\.ts$/.exec(id))
    .filter((m) => m !== null)
    .map((m) => `${m[1]}/${m[2]}`)
    .sort();
  assert.deepEqual(messages, ['locales/ar', 'locales/ckb', 'locales/en', 'messages/all']);
  // Each language's catalogue is a chunk of its own, loaded on demand.
  const lazy = output.filter(
    (o) =>
      o.type === 'chunk' && /\/generated\/locales\/(ar|ckb|en)\.ts$/.test(o.facadeModuleId ?? ''),
  );
  assert.equal(lazy.length, 3);
});
