#!/usr/bin/env node
// The package.json a package is published with: the repository's own minus what only works inside
// the repository — the `iq-source` export condition (the tests, Storybook and the build read the
// TypeScript sources through it; the tarball has no `src/`) and `sideEffects` entries under `src/`.
// Run by each public package's `prepack` (`strip`) and `postpack` (`restore`), in its directory:
// the file in the working tree is back as it was once `npm pack` or `npm publish` is done.
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const BACKUP = 'package.json.repository';

/** The published form of a package.json object. */
export function publishedManifest(manifest) {
  const strip = (value) => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'iq-source')
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  const published = {
    ...manifest,
    exports: strip(manifest.exports),
    imports: strip(manifest.imports),
  };
  if (!manifest.imports) delete published.imports;
  if (Array.isArray(manifest.sideEffects))
    published.sideEffects = manifest.sideEffects.filter((path) => !path.startsWith('./src/'));
  delete published.scripts;
  return published;
}

const command = process.argv[2];
if (command === 'strip') {
  // A pack that failed half-way left its backup: that is the repository's file.
  if (existsSync(BACKUP)) renameSync(BACKUP, 'package.json');
  copyFileSync('package.json', BACKUP);
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  writeFileSync('package.json', `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
} else if (command === 'restore') {
  if (existsSync(BACKUP)) renameSync(BACKUP, 'package.json');
} else if (command) {
  console.error('usage: publish-manifest.mjs strip|restore');
  process.exit(2);
}
