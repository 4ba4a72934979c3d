// Builds the publishable packages (ESM + source maps that carry their sources' content, as the
// sources are not published; declarations come from `tsc` in `npm run build`), the components'
// single-file bundle and the demo portal's browser bundle.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { componentEntries, ALL_ELEMENTS_ID, allElementsModule } from './scripts/components.mjs';
import {
  browserResolve,
  componentTransforms,
  minify,
  noCatalogueMaps,
  transpile,
  wholeCatalogue,
} from './scripts/build-plugins.mjs';
import { integrityManifest, MANIFEST } from './scripts/sri.mjs';

// A clean build: what an earlier build wrote (a chunk since merged back) is never packed.
for (const pkg of ['api', 'sandbox', 'components', 'demo'])
  rmSync(`packages/${pkg}/dist`, { recursive: true, force: true });

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dependencies = (pkg) => (id) =>
  nodeBuiltins.includes(id) || pkg.some((dep) => id === dep || id.startsWith(`${dep}/`));

// Every element found on disk (`src/define/<name>.ts`): nothing to edit here when one is added.
const components = componentEntries();

/** Resolves the virtual module that defines every element (the single-file bundle's entry). */
const allElements = {
  name: 'iq-all-elements',
  resolveId: (id) => (id === ALL_ELEMENTS_ID ? id : null),
  load: (id) => (id === ALL_ELEMENTS_ID ? allElementsModule(components.defines) : null),
};

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { index: 'packages/api/src/index.ts' },
    external: dependencies(['openapi-fetch']),
    plugins: [transpile()],
    output: { dir: 'packages/api/dist', format: 'esm', sourcemap: true },
  },
  {
    input: {
      index: 'packages/sandbox/src/index.ts',
      node: 'packages/sandbox/src/node.ts',
      cli: 'packages/sandbox/src/cli.ts',
      conformance: 'packages/sandbox/src/conformance/index.ts',
      'conformance-cli': 'packages/sandbox/src/conformance-cli.ts',
    },
    external: dependencies(['hono', '@hono/node-server', 'ajv', 'ajv-formats', 'fast-check']),
    plugins: [transpile()],
    output: {
      dir: 'packages/sandbox/dist',
      format: 'esm',
      sourcemap: true,
    },
  },
  {
    // @iq-eservices/components for npm: one module per source module (so `dist/` mirrors `src/`
    // and `dist/types/`), `define/<name>.js` registering each tag, locales loaded on demand.
    // `#dev` stays an import (package.json `imports`): the site's bundler picks `core/dev.js`
    // (integrators' warnings) under the `development` condition, `core/dev.prod.js` otherwise.
    input: {
      ...components.input,
      'core/dev': 'packages/components/src/core/dev.ts',
      'core/dev.prod': 'packages/components/src/core/dev.prod.ts',
      // Server rendering (Node) and the browser's hydration support: entries of their own, which
      // no element imports.
      'ssr/render': 'packages/components/src/ssr/render.ts',
      'ssr/hydrate': 'packages/components/src/ssr/hydrate.ts',
    },
    external: (id) =>
      id === '#dev' ||
      dependencies([
        'lit',
        '@lit/localize',
        '@lit-labs/ssr',
        '@lit-labs/ssr-client',
        '@iq-eservices/api',
      ])(id),
    // Templates' whitespace and message ids shortened here already: a site's bundler does not.
    plugins: [transpile(), ...componentTransforms(), noCatalogueMaps()],
    output: {
      dir: 'packages/components/dist',
      format: 'esm',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'packages/components/src',
    },
    preserveEntrySignatures: 'allow-extension',
  },
  {
    // For pages without a bundler: every element, Lit, localize, the client and openapi-fetch in
    // one minified module (`<script type="module" src=".../iq-eservices.js">`). It exports the
    // library's and the client's API (`configure`, `createEServicesClient`, …). Each locale's
    // messages stay one file beside it (`iq-eservices.ar.js`), loaded only when that language is
    // shown; every element registers that whole catalogue (`wholeCatalogue()`), so no
    // per-element message file is emitted.
    input: { 'iq-eservices': ALL_ELEMENTS_ID },
    plugins: [
      allElements,
      // Its types: what it exports (the library's API and the client's); the tags' types come
      // with the element classes (`HTMLElementTagNameMap`).
      {
        name: 'iq-single-file-types',
        generateBundle() {
          this.emitFile({
            type: 'asset',
            fileName: 'iq-eservices.d.ts',
            source:
              "// The types of iq-eservices.js, the single-file bundle.\nexport * from './types/index.js';\nexport * from '@iq-eservices/api';\n",
          });
        },
      },
      // Subresource Integrity: `integrity.json` beside the bundle, the SHA-384 of the files as
      // written (the bundle and each language file it imports), for pages that load them from a
      // CDN (docs/getting-started.md).
      {
        name: 'iq-integrity',
        writeBundle({ dir }) {
          const { version } = JSON.parse(readFileSync('packages/components/package.json', 'utf8'));
          writeFileSync(`${dir}/${MANIFEST}`, integrityManifest(dir, version));
        },
      },
      wholeCatalogue(),
      browserResolve(),
      transpile(),
      ...componentTransforms(),
      ...minify(),
      noCatalogueMaps(),
    ],
    output: {
      dir: 'packages/components/dist',
      format: 'esm',
      sourcemap: true,
      entryFileNames: '[name].js',
      // Messages: `iq-eservices.ar.js`, `iq-eservices.ckb.js` (the whole catalogue). Sorani's
      // formatting (`core/sorani.ts`) is in the Sorani file or a chunk of its own.
      chunkFileNames: (chunk) => {
        const messages = /\/generated\/locales\/(ar|ckb|en)(\/[\w-]+)?\.ts$/.exec(
          chunk.facadeModuleId ?? '',
        );
        return messages
          ? `iq-eservices.${messages[1]}${messages[2]?.replace('/', '.') ?? ''}.js`
          : 'iq-eservices.[name].js';
      },
    },
    preserveEntrySignatures: 'allow-extension',
  },
  {
    // The demo portal's first page, rendered on the server (server.mjs, on Node) with the built
    // package's server rendering, named by its path: whatever conditions Node runs with (the
    // demo's tests use the sources' `iq-source`), the server renders the templates the browser
    // bundle holds, transformed alike, or hydration would not recognise them.
    input: 'packages/demo/src/ssr.ts',
    external: ['@iq-eservices/components/ssr'],
    plugins: [transpile()],
    output: {
      file: 'packages/demo/dist/ssr.js',
      format: 'esm',
      paths: { '@iq-eservices/components/ssr': '../../components/dist/ssr/render.js' },
    },
  },
  {
    // The demo portal: one self-contained, minified module for the browser.
    input: 'packages/demo/src/main.ts',
    plugins: [browserResolve(), transpile(), ...componentTransforms(), ...minify()],
    output: {
      dir: 'packages/demo/dist',
      entryFileNames: 'app.js',
      // Each element's code (`app-<element>-<hash>.js`, loaded when a view first shows it) and
      // messages (`app-<language>-<element>-<hash>.js`), named by their content for caching.
      chunkFileNames: (chunk) => {
        const messages = /\/generated\/locales\/(ar|ckb|en)(?:\/([\w-]+))?\.ts$/.exec(
          chunk.facadeModuleId ?? '',
        );
        return messages
          ? `app-${messages[1]}-${messages[2] ?? 'all'}-[hash].js`
          : 'app-[name]-[hash].js';
      },
      format: 'esm',
      sourcemap: true,
    },
  },
];
