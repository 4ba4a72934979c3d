// The soak (`npm run soak`, scripts/soak.mjs): the real elements in Chromium, run after run, with
// the settings and the figures passed through two server commands.
import base from './web-test-runner.config.mjs';

const runs = Number(process.env.IQ_SOAK_RUNS ?? 1000);
const seed = Number(process.env.IQ_SOAK_SEED ?? 1);
/** Each soak file's figures, as it reported them. */
export const reports = [];

export default {
  ...base,
  files: ['soak/*.soak.ts'],
  groups: [],
  concurrency: 1,
  testsFinishTimeout: 30 * 60_000,
  testFramework: { config: { timeout: 0 } },
  plugins: [
    ...base.plugins,
    {
      name: 'iq-soak',
      executeCommand({ command, payload }) {
        if (command === 'soak-config') return { runs, seed };
        if (command === 'soak-report') {
          reports.push(payload);
          if (process.env.IQ_SOAK_OUT) {
            // One JSON line per soak file, for scripts/soak.mjs.
            import('node:fs').then(({ appendFileSync }) =>
              appendFileSync(process.env.IQ_SOAK_OUT, `${JSON.stringify(payload)}\n`),
            );
          }
          return true;
        }
        return undefined;
      },
    },
  ],
};
