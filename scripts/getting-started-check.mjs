#!/usr/bin/env node
// docs/getting-started.md, followed as a newcomer would: the packages' tarballs (`npm pack`)
// installed into an empty Vite + TypeScript site, the page and `src/main.ts` taken from the guide's
// own code blocks (never copied here), type-checked, built with Vite, served, and used in Chromium
// against the sandbox run from the installed package: the sign-in form in Arabic, a citizen signs
// in, the ration card appears. Run after `npm run build` (npm test does).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const started = Date.now();
const guide = readFileSync(join(root, 'docs/getting-started.md'), 'utf8');

/** The guide's code block that starts with a comment naming `file`. */
function block(file) {
  for (const [, body] of guide.matchAll(/```\w*\n([\s\S]*?)```/g)) {
    const first = body.split('\n')[0].trim();
    if (first === `<!-- ${file} -->` || first === `// ${file}`) return body;
  }
  throw new Error(`docs/getting-started.md has no code block for ${file}`);
}
const page = block('index.html');
const main = block('src/main.ts');
const SANDBOX = 'http://localhost:4010';
if (!main.includes(`'${SANDBOX}'`))
  throw new Error(`src/main.ts of the guide no longer uses ${SANDBOX}`);

const dir = mkdtempSync(join(tmpdir(), 'iq-getting-started-'));
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
let browser;
let site;
let sandbox;
try {
  // "Install": the tarballs, as the guide says until the packages are published.
  const packed = JSON.parse(
    execFileSync(
      'npm',
      [
        'pack',
        '--json',
        '--pack-destination',
        dir,
        ...['api', 'components', 'sandbox'].flatMap((p) => ['-w', `packages/${p}`]),
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
  const tarball = (name) => join(dir, packed.find((p) => p.name === name).filename);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'ministry-site', private: true, type: 'module' }),
  );
  const quiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
  run('npm', [
    'install',
    ...quiet,
    tarball('@iq-eservices/api'),
    tarball('@iq-eservices/components'),
  ]);
  // The site's own tools (what `npm create vite -- --template vanilla-ts` gives), at the versions
  // this repository already has, so that they come from npm's cache.
  run('npm', [
    'install',
    '--save-dev',
    ...quiet,
    tarball('@iq-eservices/sandbox'),
    `vite@${version('vite')}`,
    `typescript@${version('typescript')}`,
  ]);
  // "Put the elements on a page": the guide's files, and the template's compiler settings.
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'src/main.ts'), main);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        isolatedModules: true,
      },
      include: ['src'],
    }),
  );
  run('npx', ['--no-install', 'tsc', '-p', '.']);
  run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error']);

  // "Run the sandbox beside your site": from the installed package, on a free port (the guide's
  // 4010 may be taken on this machine), which the built site is told instead.
  const { startSandboxServer } = await import(
    pathToFileURL(join(dir, 'node_modules/@iq-eservices/sandbox/dist/node.js')).href
  );
  sandbox = await startSandboxServer({ port: 0 });
  const sandboxPort = new URL(sandbox.url).port;
  const dist = join(dir, 'dist');
  site = createServer(async (req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = join(dist, path === '/' ? 'index.html' : path);
    try {
      let body = await readFile(file);
      if (file.endsWith('.js'))
        body = Buffer.from(
          body.toString('utf8').replaceAll(SANDBOX, `http://localhost:${sandboxPort}`),
        );
      const type = { '.html': 'text/html', '.js': 'text/javascript' }[extname(file)];
      res.writeHead(200, {
        'Content-Type': `${type ?? 'application/octet-stream'}; charset=utf-8`,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => site.listen(0, '127.0.0.1', done));
  const url = `http://localhost:${site.address().port}/`;

  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const tab = await browser.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  // (Chromium logs each 4xx as a console error without its address: answers are checked instead.
  // The site has no icon of its own: the browser's request for one is the site's, not ours.)
  tab.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(m.text());
  });
  tab.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await tab.goto(url);
  // The sign-in form, in Arabic.
  await tab.waitForSelector('iq-login >> #heading');
  const heading = (await tab.locator('iq-login #heading').textContent())?.trim();
  if (heading !== 'تسجيل الدخول') throw new Error(`the sign-in heading reads "${heading}"`);
  if (await tab.locator('iq-ration-card').isVisible())
    throw new Error('the card shows before sign-in');
  // "Sign in with 199012345678 and the code 123456, and the card appears."
  await tab.locator('iq-national-id-input input').fill('199012345678');
  await tab.keyboard.press('Enter');
  await tab.locator('iq-otp-input input').fill('123456');
  await tab.keyboard.press('Enter');
  await tab.waitForSelector('iq-ration-card [part="members"]');
  const members = (await tab.locator('iq-ration-card [part="members"]').textContent()) ?? '';
  if (!members.includes('علي حسين كاظم الموسوي'))
    throw new Error('the card does not show its holder in Arabic');
  if (problems.length) throw new Error(`errors on the page: ${problems.join('\n')}`);
  console.log(
    `docs/getting-started.md followed from the tarballs: a Vite + TypeScript site type-checks, builds, signs in and shows the card in Arabic (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  await browser?.close();
  await new Promise((done) => (site ? site.close(done) : done()));
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
}
