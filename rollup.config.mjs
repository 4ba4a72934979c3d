// Builds the publishable packages (ESM + source maps; declarations come from `tsc` in
// `npm run build`) and the demo portal's browser bundle.
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dependencies = (pkg) => (id) =>
  nodeBuiltins.includes(id) || pkg.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** @type {import('rollup').RollupOptions[]} */
export default [
  {
    input: { index: 'packages/api/src/index.ts' },
    external: dependencies(['openapi-fetch']),
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' })],
    output: { dir: 'packages/api/dist', format: 'esm', sourcemap: true },
  },
  {
    input: {
      index: 'packages/sandbox/src/index.ts',
      node: 'packages/sandbox/src/node.ts',
      cli: 'packages/sandbox/src/cli.ts',
    },
    external: dependencies(['hono', '@hono/node-server', 'ajv', 'ajv-formats']),
    plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' })],
    output: {
      dir: 'packages/sandbox/dist',
      format: 'esm',
      sourcemap: true,
    },
  },
  {
    // The demo portal: one self-contained, minified module for the browser.
    input: 'packages/demo/src/main.ts',
    plugins: [
      nodeResolve({
        browser: true,
        exportConditions: ['iq-source', 'browser', 'import', 'default'],
        extensions: ['.ts', '.js', '.mjs'],
      }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' }),
      terser({ module: true, compress: { passes: 2 } }),
    ],
    output: { file: 'packages/demo/dist/app.js', format: 'esm', sourcemap: true },
  },
];
