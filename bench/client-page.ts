// The client's overhead in Chromium (bundled and driven by scripts/bench.mjs; the comparison is
// bench/client-core.ts): the report's lines go back to Node through `window.clientBench`, one
// comparison per page.
import { clientBench, type ClientBenchOptions } from './client-core.js';

declare global {
  interface Window {
    clientBench: (
      options: Omit<ClientBenchOptions, 'print'>,
    ) => Promise<{ lines: string[]; comparisons: number }>;
  }
}

window.clientBench = async (options) => {
  const lines: string[] = [];
  const comparisons = await clientBench({ ...options, print: (line) => void lines.push(line) });
  return { lines, comparisons };
};
