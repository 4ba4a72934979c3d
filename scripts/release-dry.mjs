#!/usr/bin/env node
// `npm run release:dry`: what a release would publish, without publishing or changing anything —
// the versions the pending changesets give each public package (`changeset status`), then each
// package's tarball as `npm publish` would make it (`npm pack --dry-run`, with the published
// package.json: scripts/publish-manifest.mjs).
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npx', ['--no-install', 'changeset', 'status', '--verbose']);
for (const pkg of ['api', 'sandbox', 'components', 'react'])
  run('npm', ['pack', '--dry-run', '--workspace', `packages/${pkg}`]);
