// custom-elements.json as `npm run analyze` writes it (custom-elements-manifest.config.mjs), built
// in memory for the tests that read it: the file on disk may be older than the source.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

/** The manifest of @iq-eservices/components, analysed from the current source; nothing is written. */
export function analyzeManifest() {
  return cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    noWrite: true,
  });
}
