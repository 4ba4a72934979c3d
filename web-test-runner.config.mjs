// Component tests in real Chromium (Debian's, found through CHROME_PATH or the usual paths).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build } from 'esbuild';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';

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

export default {
  files: ['packages/components/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['iq-source', 'browser', 'development'] },
  plugins: [
    sandboxPlugin,
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.base.json', target: 'es2022' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: findChromium() ?? undefined,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  // One test file at a time in CI: timing-sensitive flows (countdowns, retries) share 2 cores.
  concurrency: process.env.CI ? 1 : 2,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
};
