// Component tests in real Chromium (Debian's, found through CHROME_PATH or the usual paths).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { analyzeManifest } from './scripts/manifest.mjs';

// The sandbox depends on CommonJS packages (Ajv): serve it to the page as one ES module bundle.
let sandboxBundle;
const sandboxPlugin = {
  name: 'iq-sandbox-bundle',
  resolveImport({ source }) {
    if (source === '@iq-eservices/sandbox') return '/__iq-sandbox.js';
  },
  async serve(context) {
    if (context.path !== '/__iq-sandbox.js') return;
    sandboxBundle ??= build({
      entryPoints: ['packages/sandbox/src/index.ts'],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      conditions: ['iq-source'],
    }).then((result) => result.outputFiles[0].text);
    return { body: await sandboxBundle, type: 'js' };
  },
};

// React and react-dom are CommonJS: the React framework test gets them as one ES module (one
// React for both), as a bundler would give them to an app.
let reactBundle;
const REACT_API = [
  'Children',
  'Component',
  'Fragment',
  'Profiler',
  'PureComponent',
  'StrictMode',
  'Suspense',
  'cloneElement',
  'createContext',
  'createElement',
  'createRef',
  'forwardRef',
  'isValidElement',
  'lazy',
  'memo',
  'startTransition',
  'use',
  'useCallback',
  'useContext',
  'useEffect',
  'useId',
  'useLayoutEffect',
  'useMemo',
  'useReducer',
  'useRef',
  'useState',
  'version',
];
const reactPlugin = {
  name: 'iq-react-bundle',
  resolveImport({ source }) {
    if (source === 'react' || source === 'react-dom/client') return '/__react.js';
  },
  async serve(context) {
    if (context.path !== '/__react.js') return;
    reactBundle ??= build({
      // (Named re-exports of CommonJS are unknown to a bundler: React's API is named here.)
      stdin: {
        contents: [
          "import React from 'react';",
          'export default React;',
          `export const { ${REACT_API.join(', ')} } = React;`,
          "export { createRoot } from 'react-dom/client';",
        ].join('\n'),
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0].text);
    return { body: await reactBundle, type: 'js' };
  },
};

// custom-elements.json as `npm run analyze` makes it from the current source, for the tests that
// compare it with what the elements do (src/test/manifest-events.test.ts).
let manifest;
const manifestPlugin = {
  name: 'iq-manifest',
  async serve(context) {
    if (context.path !== '/__iq-manifest.json') return;
    manifest ??= analyzeManifest().then((m) => JSON.stringify(m));
    return { body: await manifest, type: 'json' };
  },
};

/**
 * Chromium in a time zone (the process's `TZ`, not an emulated one: emulation slows every page)
 * and, optionally, a language of its own (`locale`, as a browser set to it). The page's language
 * and Baghdad's zone must win over both.
 */
const chromium = (timeZone, locale) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, TZ: timeZone },
    },
    createBrowserContext: ({ browser }) => browser.newContext(locale ? { locale } : {}),
  });

export default {
  files: ['packages/components/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['iq-source', 'browser', 'development'] },
  plugins: [
    sandboxPlugin,
    reactPlugin,
    manifestPlugin,
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
  ],
  // Every test in a browser whose zone is UTC (and language en-US, Chromium's own): a Baghdad
  // time shown as the browser's would be three hours off.
  browsers: [chromium('UTC')],
  // Only the formatting tests run a second time (`--group default` skips them), in a browser set
  // to Sorani, which this Chromium has no date or number data for (`Intl` falls back to CLDR's
  // root: `M03`, `AM`), eleven hours behind Baghdad.
  groups: [
    {
      name: 'ckb-browser',
      files: ['packages/components/src/core/format*.test.ts'],
      browsers: [chromium('America/Los_Angeles', 'ckb-IQ')],
    },
  ],
  // One test file at a time in CI: timing-sensitive flows (countdowns, retries) share 2 cores.
  concurrency: process.env.CI ? 1 : 2,
  // The groups' browsers one after the other, never side by side, for the same reason.
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
};
