#!/usr/bin/env node
// Packs the publishable packages with `npm pack`, installs the tarballs into an empty project (their
// dependencies come from the registry) and uses them as an integrator would: the client against an
// in-process sandbox, the `iq-sandbox` binary, and the type declarations. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  existsSync,
  readFileSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { integrityOf } from './sri.mjs';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'iq-pack-'));
const run = (cmd, args, cwd = dir) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Strict TypeScript on `file` of the integrator's project, against the installed packages. */
const typecheck = (file) =>
  run(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    ...['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'],
    ...['--target', 'es2022', '--lib', 'es2022,dom,dom.iterable', '--skipLibCheck', file],
  ]);

/**
 * Source maps in a tarball point only at what it holds: every `sourceMappingURL` comment names a
 * map that is shipped, and every source a map names is shipped too or has its content inside the
 * map (`sourcesContent`: the TypeScript sources are not published). Maps no shipped file names
 * are stray. Returns the number of maps and their bytes.
 */
function checkSourceMaps(name, tarball) {
  const unpacked = join(dir, `unpacked-${name.replace(/\W+/g, '-')}`);
  mkdirSync(unpacked);
  run('tar', ['-xzf', tarball, '-C', unpacked]);
  const base = join(unpacked, 'package');
  const files = readdirSync(base, { recursive: true })
    .map(String)
    .map((f) => f.split('\\').join('/'));
  const shipped = new Set(files);
  const problems = [];
  const referenced = new Set();
  for (const file of files.filter((f) => /\.(m?js|cjs|css)$/.test(f))) {
    const urls = [
      ...readFileSync(join(base, file), 'utf8').matchAll(
        /[#@] sourceMappingURL=(\S+?)\s*(?:\*\/)?$/gm,
      ),
    ].map((m) => m[1]);
    for (const url of urls) {
      if (url.startsWith('data:')) {
        problems.push(`${file}: inline source map (maps are shipped beside the code)`);
        continue;
      }
      const map = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(url)));
      if (!shipped.has(map))
        problems.push(`${file}: sourceMappingURL ${url} is not in the package`);
      referenced.add(map);
    }
  }
  let bytes = 0;
  const maps = files.filter((f) => f.endsWith('.map'));
  for (const file of maps) {
    const text = readFileSync(join(base, file), 'utf8');
    bytes += Buffer.byteLength(text);
    if (!referenced.has(file)) problems.push(`${file}: no shipped file names this map`);
    let map;
    try {
      map = JSON.parse(text);
    } catch {
      problems.push(`${file}: not JSON`);
      continue;
    }
    if (map.version !== 3 || !Array.isArray(map.sources))
      problems.push(`${file}: not a version 3 source map`);
    const from = posix.join(posix.dirname(file), map.sourceRoot ?? '');
    for (const [i, source] of (map.sources ?? []).entries()) {
      if (typeof map.sourcesContent?.[i] === 'string') continue;
      const target = posix.normalize(posix.join(from, source ?? ''));
      if (!shipped.has(target))
        problems.push(`${file}: source ${source} is neither shipped nor inside the map`);
    }
  }
  if (problems.length)
    throw new Error(`${name}: source maps point nowhere:\n  ${problems.slice(0, 20).join('\n  ')}`);
  return { maps: maps.length, bytes };
}
try {
  const packed = JSON.parse(
    run(
      'npm',
      [
        'pack',
        '--json',
        '--pack-destination',
        dir,
        '-w',
        'packages/api',
        '-w',
        'packages/sandbox',
        '-w',
        'packages/components',
        '-w',
        'packages/react',
      ],
      root,
    ),
  );
  for (const pkg of packed) {
    const files = pkg.files.map((f) => f.path);
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/types/index.d.ts',
    ]) {
      if (!files.includes(required))
        throw new Error(`${pkg.name}: ${required} is missing from the package`);
    }
    // Editors' data, made from the manifest (scripts/ide-data.mjs), named in package.json.
    if (pkg.name === '@iq-eservices/components')
      for (const data of [
        'dist/web-types.json',
        'dist/vscode.html-custom-data.json',
        'dist/vscode.css-custom-data.json',
        // Subresource Integrity hashes of the single-file bundle and its language files.
        'dist/integrity.json',
      ])
        if (!files.includes(data)) throw new Error(`${pkg.name}: ${data} is missing`);
    if (files.some((f) => f.startsWith('src/') || f.startsWith('test/')))
      throw new Error(`${pkg.name}: sources or tests are packed`);
    console.log(`${pkg.name}@${pkg.version}: ${pkg.files.length} files, ${pkg.size} B packed`);
    const tarball = join(dir, pkg.filename);
    const maps = checkSourceMaps(pkg.name, tarball);
    console.log(
      `${pkg.name}: ${maps.maps} source maps (${maps.bytes} B), each found and self-contained`,
    );
    // The tarball as published (package.json without the repository's `iq-source` condition:
    // scripts/publish-manifest.mjs): publint with warnings as errors, and the types as Node and
    // bundlers resolve them (ESM only: CommonJS `require` is not offered).
    run('npx', ['--no-install', 'publint', 'run', tarball, '--strict'], root);
    run(
      'npx',
      ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--format', 'ascii'],
      root,
    );
    console.log(`${pkg.name}: publint and are-the-types-wrong find no problem`);
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'integrator', private: true, type: 'module' }),
  );
  run('npm', [
    'install',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...packed.map((p) => join(dir, p.filename)),
    // The components' optional peer, which a site that renders on the server installs.
    `@lit-labs/ssr@${JSON.parse(readFileSync(join(root, 'node_modules/@lit-labs/ssr/package.json'), 'utf8')).version}`,
  ]);
  writeFileSync(
    join(dir, 'check.mjs'),
    `import { createSandbox, createSandboxFetch, SANDBOX_OTP } from '@iq-eservices/sandbox';
import { startSandboxServer } from '@iq-eservices/sandbox/node';
import { createEServicesClient, unwrap } from '@iq-eservices/api';
const sandbox = createSandbox();
const client = createEServicesClient({ baseUrl: 'http://sandbox.localhost', fetch: createSandboxFetch(sandbox) });
const { challengeId } = unwrap(await client.identity.POST('/sign-in', { body: { method: 'national-id', nationalId: '199012345678' } }));
unwrap(await client.identity.POST('/sign-in/{challengeId}/verify', { params: { path: { challengeId } }, body: { code: SANDBOX_OTP } }));
const card = unwrap(await client.rationCard.GET('/card'));
if (!card.cardNumber) throw new Error('no card');
const server = await startSandboxServer({ port: 0 });
const remote = createEServicesClient({ baseUrl: server.url, fetch: (r) => fetch(r) });
const res = await remote.identity.GET('/me');
await server.close();
if (res.response.status !== 401) throw new Error('expected 401 from the HTTP sandbox, got ' + res.response.status);
console.log('installed packages work: card ' + card.cardNumber.length + ' digits, HTTP sandbox answers');
`,
  );
  process.stdout.write(run('node', ['check.mjs']));
  // Server rendering from the installed package, and the types of its two entry points.
  writeFileSync(
    join(dir, 'ssr.mjs'),
    `import { html, renderToString } from '@iq-eservices/components/ssr';
const page = await renderToString(html\`<iq-login></iq-login>\`, { locale: 'ar' });
if (!page.includes('<template shadowroot="open" shadowrootmode="open"') || !page.includes('تسجيل الدخول'))
  throw new Error('the installed package does not render <iq-login> in Arabic on the server');
console.log('the installed package renders <iq-login> on the server, in Arabic');
`,
  );
  process.stdout.write(run('node', ['ssr.mjs']));
  writeFileSync(
    join(dir, 'ssr-types.ts'),
    `import '@iq-eservices/components/hydrate';
import { html, renderToString, styleHashes, type ServerRenderOptions } from '@iq-eservices/components/ssr';
const options: ServerRenderOptions = { locale: 'ckb' };
const body: string = await renderToString(html\`<iq-login></iq-login>\`, options);
const hashes: string[] = await styleHashes(body);
export { hashes };
`,
  );
  typecheck('ssr-types.ts');
  console.log('its ssr and hydrate entry points type-check (strict) from the installed package');
  const help = run(join(dir, 'node_modules/.bin/iq-sandbox'), ['--help']);
  if (!help.includes('--fault')) throw new Error('iq-sandbox --help did not print its usage');
  const conformance = run(join(dir, 'node_modules/.bin/iq-conformance'), ['--help']);
  if (!conformance.includes('--max-examples'))
    throw new Error('iq-conformance --help did not print its usage');
  for (const types of [
    'node_modules/@iq-eservices/api/dist/types/index.d.ts',
    'node_modules/@iq-eservices/sandbox/dist/types/node.d.ts',
    'node_modules/@iq-eservices/components/dist/define/login.js',
    'node_modules/@iq-eservices/components/dist/iq-eservices.js',
    'node_modules/@iq-eservices/components/dist/types/define/login.d.ts',
    'node_modules/@iq-eservices/components/custom-elements.json',
  ]) {
    if (!existsSync(join(dir, types))) throw new Error(`${types} missing after install`);
  }
  console.log('iq-sandbox and iq-conformance binaries and type declarations installed');

  // The package's integrity manifest hashes the installed bundle and language files as they are.
  const installed = join(dir, 'node_modules/@iq-eservices/components');
  const manifest = JSON.parse(readFileSync(join(installed, 'dist/integrity.json'), 'utf8'));
  const version = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version;
  if (manifest.version !== version)
    throw new Error(`integrity.json names ${manifest.version}, the package is ${version}`);
  if (JSON.stringify(manifest.files) !== JSON.stringify(integrityOf(join(installed, 'dist'))))
    throw new Error('integrity.json does not match the installed bundle and language files');
  console.log(`integrity.json: SHA-384 of ${Object.keys(manifest.files).join(', ')}, as installed`);

  // The single-file bundle has types too (no TS7016): strict TypeScript against the installed
  // packages, with the tags' element types.
  writeFileSync(
    join(dir, 'single-file.ts'),
    `import { configure, createEServicesClient, type IqClassroom } from '@iq-eservices/components/iq-eservices.js';
configure({ client: createEServicesClient({ baseUrl: 'https://eservices.example.gov.iq/api' }) });
const classroom: IqClassroom = document.createElement('iq-classroom');
classroom.dataSaver = true;
`,
  );
  typecheck('single-file.ts');
  console.log('the single-file bundle type-checks (strict) from the installed package');

  // The installed modules ask for their messages by short id (scripts/build-plugins.mjs): every id
  // is a key of the elements' message modules in every language, English included (the code holds
  // no English: it loads like Arabic and Kurdish), so no text is missing in a site's bundle.
  const dist = join(dir, 'node_modules/@iq-eservices/components/dist');
  const keys = (locale) => {
    const dir = join(dist, `generated/locales/${locale}`);
    const found = new Set();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')))
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/^\s*"([^"]+)":/gm))
        found.add(m[1]);
    return found;
  };
  const used = new Set();
  for (const entry of readdirSync(dist, { recursive: true })) {
    const file = String(entry);
    if (!/^(?!generated\/|types\/)[\w/.-]+\.js$/.test(file) || file.startsWith('iq-eservices'))
      continue;
    for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/\{\s*id: "([^"]+)",?\s*\}\)/g))
      used.add(m[1]);
  }
  if (used.size < 100) throw new Error(`only ${used.size} message ids found in dist/`);
  for (const locale of ['ar', 'ckb', 'en']) {
    const known = keys(locale);
    const missing = [...used].filter((id) => !known.has(id));
    if (missing.length) throw new Error(`dist/: ids without ${locale} text: ${missing.join(', ')}`);
  }
  console.log(`dist/ asks for ${used.size} messages by short id, each in ar, ckb and en`);
} catch (error) {
  console.error(error.stderr ?? '', error.message);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
