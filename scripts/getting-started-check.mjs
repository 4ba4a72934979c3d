#!/usr/bin/env node
// docs/getting-started.md, followed as a newcomer would: the packages' tarballs (`npm pack`)
// installed into an empty Vite + TypeScript site, the page and `src/main.ts` taken from the guide's
// own code blocks (never copied here), type-checked, built with Vite, served, and used in Chromium
// against the sandbox run from the installed package: the sign-in form in Arabic, a citizen signs
// in, the ration card appears; the same site calling the sandbox by 127.0.0.1 is told, in Arabic,
// that the page cannot keep the citizen signed in. Then the guide's CDN page (`cdn.html`, `app.js`): served from another
// origin than the bundle, which a "CDN" serves from the installed package with
// `Access-Control-Allow-Origin`, under a strict Content-Security-Policy; the citizen signs in and
// the card shows in Arabic, and a line added to the bundle or to a language file makes Chromium
// refuse it (Subresource Integrity). Last, docs/react.md's Vite + React 19 + TypeScript app, from
// the @iq-eservices/react tarball in the same site: `tsc --noEmit` passes and fails on a misspelt
// prop and event, Vite builds it, and it signs in, shows the card and pays a bill in the Qi Card
// popup up to the receipt. Run after `npm run build` (npm test does).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const started = Date.now();

/** The code block of `doc` (a guide in docs/) that starts with a comment naming `file`. */
function block(file, doc = 'getting-started.md') {
  const guide = readFileSync(join(root, 'docs', doc), 'utf8');
  for (const [, body] of guide.matchAll(/```\w*\n([\s\S]*?)```/g)) {
    const first = body.split('\n')[0].trim();
    if (first === `<!-- ${file} -->` || first === `// ${file}`) return body;
  }
  throw new Error(`docs/${doc} has no code block for ${file}`);
}
const page = block('index.html');
const main = block('src/main.ts');
const cdnPage = block('cdn.html');
const cdnApp = block('app.js');
// docs/react.md: the React app.
const reactPage = block('index.html', 'react.md');
const reactMain = block('src/main.tsx', 'react.md');
const reactPortal = block('src/Portal.tsx', 'react.md');
const SANDBOX = 'http://localhost:4010';
const CDN = 'https://cdn.jsdelivr.net/npm/';
for (const [file, code] of [
  ['src/main.ts', main],
  ['app.js', cdnApp],
  ['src/main.tsx (React)', reactMain],
])
  if (!code.includes(`'${SANDBOX}'`))
    throw new Error(`${file} of the guide no longer uses ${SANDBOX}`);

/**
 * Serves the files of `dir` under `prefix` on 127.0.0.1 (`index` for the prefix itself), each text file's content passed
 * through `rewrite`, with `headers`. Nothing is cached, so that each page loads what is served now.
 */
async function serveFiles(
  dir,
  { prefix = '/', index = 'index.html', rewrite = (text) => text, headers = {} },
) {
  const server = createServer(async (req, res) => {
    if (!req.url?.startsWith(prefix)) return void res.writeHead(404).end();
    req.url = `/${req.url.slice(prefix.length)}`;
    const path = normalize(
      decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname),
    );
    const file = join(dir, path === '/' ? index : path);
    try {
      let body = await readFile(file);
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' }[
        extname(file)
      ];
      if (type) body = Buffer.from(rewrite(body.toString('utf8'), file));
      res.writeHead(200, {
        'Content-Type': `${type ?? 'application/octet-stream'}; charset=utf-8`,
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

/** Collects what goes wrong on a tab: uncaught errors, console errors, 4xx and 5xx answers. */
function watch(tab, problems = []) {
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
  return problems;
}

/** "Sign in with 199012345678 and the code 123456, and the card appears", in Arabic. */
async function signInAndSeeCard(tab, where) {
  await tab.waitForSelector('iq-login >> #heading');
  const heading = (await tab.locator('iq-login #heading').textContent())?.trim();
  if (heading !== 'تسجيل الدخول')
    throw new Error(`${where}: the sign-in heading reads "${heading}"`);
  if (await tab.locator('iq-ration-card').isVisible())
    throw new Error(`${where}: the card shows before sign-in`);
  await tab.locator('iq-national-id-input input').fill('199012345678');
  await tab.keyboard.press('Enter');
  await tab.locator('iq-otp-input input').fill('123456');
  await tab.keyboard.press('Enter');
  await tab.waitForSelector('iq-ration-card [part="members"]');
  const members = (await tab.locator('iq-ration-card [part="members"]').textContent()) ?? '';
  if (!members.includes('علي حسين كاظم الموسوي'))
    throw new Error(`${where}: the card does not show its holder in Arabic`);
}

/** The compiler settings Vite's `vanilla-ts` and `react-ts` templates share. */
const TEMPLATE_COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'ESNext',
  moduleResolution: 'bundler',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  strict: true,
  noEmit: true,
  isolatedModules: true,
};

const dir = mkdtempSync(join(tmpdir(), 'iq-getting-started-'));
const run = (cmd, args) =>
  execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const version = (name) =>
  JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
let browser;
let site;
let cdn;
let cdnSite;
let reactSite;
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
        ...['api', 'components', 'sandbox', 'react'].flatMap((p) => ['-w', `packages/${p}`]),
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
    // For the React app (docs/react.md), in the same site: one install.
    tarball('@iq-eservices/react'),
    `react@${version('react')}`,
    `react-dom@${version('react-dom')}`,
  ]);
  // The site's own tools (what `npm create vite -- --template vanilla-ts` or `react-ts` gives), at
  // the versions this repository already has, so that they come from npm's cache.
  run('npm', [
    'install',
    '--save-dev',
    ...quiet,
    tarball('@iq-eservices/sandbox'),
    `vite@${version('vite')}`,
    `typescript@${version('typescript')}`,
    `@types/react@${version('@types/react')}`,
    `@types/react-dom@${version('@types/react-dom')}`,
  ]);
  // "Put the elements on a page": the guide's files, and the template's compiler settings.
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'src/main.ts'), main);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...TEMPLATE_COMPILER_OPTIONS, skipLibCheck: false },
      include: ['src'],
    }),
  );
  run('npx', ['--no-install', 'tsc', '-p', '.']);
  run('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error']);

  // docs/react.md's app, in `react-app/` of the same site: its files, the react-ts template's
  // compiler settings, `tsc --noEmit`, `vite build` (Vite compiles the JSX as tsconfig says).
  const reactDir = join(dir, 'react-app');
  mkdirSync(join(reactDir, 'src'), { recursive: true });
  writeFileSync(join(reactDir, 'index.html'), reactPage);
  writeFileSync(join(reactDir, 'src/main.tsx'), reactMain);
  writeFileSync(join(reactDir, 'src/Portal.tsx'), reactPortal);
  writeFileSync(
    join(reactDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        ...TEMPLATE_COMPILER_OPTIONS,
        jsx: 'react-jsx',
        noUnusedLocals: true,
        noUnusedParameters: true,
      },
      include: ['src'],
    }),
  );
  run('npx', ['--no-install', 'tsc', '--noEmit', '-p', 'react-app']);
  run('npx', ['--no-install', 'vite', 'build', 'react-app', '--logLevel', 'error']);
  // The same app with a misspelt event prop and a prop <IqLogin> does not have: tsc must refuse
  // both, each where it is written.
  const misspelt = reactPortal
    .replace('<IqLogin onIqLogin=', '<IqLogin baseUrll="http://localhost:4010" onIqLogin=')
    .replace('onIqPaymentSucceeded=', 'onIqPaymentSuceeded=');
  if (misspelt.split('\n').filter((l, i) => l !== reactPortal.split('\n')[i]).length !== 2)
    throw new Error('docs/react.md: src/Portal.tsx no longer has the props this check misspells');
  writeFileSync(join(reactDir, 'src/Portal.tsx'), misspelt);
  let refused = '';
  try {
    run('npx', ['--no-install', 'tsc', '--noEmit', '--pretty', 'false', '-p', 'react-app']);
  } catch (error) {
    refused = `${error.stdout}${error.stderr}`;
  }
  for (const prop of ['baseUrll', 'onIqPaymentSuceeded'])
    if (
      !new RegExp(
        `src/Portal\\.tsx\\(\\d+,\\d+\\): error TS2322: .*\\n\\s+Property '${prop}' does not exist`,
      ).test(refused)
    )
      throw new Error(`tsc did not refuse the misspelt ${prop}:\n${refused || '(no error)'}`);
  writeFileSync(join(reactDir, 'src/Portal.tsx'), reactPortal);
  const reactBuilt = Date.now();

  // "Run the sandbox beside your site": from the installed package, on a free port (the guide's
  // 4010 may be taken on this machine), which the built site is told instead.
  const { startSandboxServer } = await import(
    pathToFileURL(join(dir, 'node_modules/@iq-eservices/sandbox/dist/node.js')).href
  );
  sandbox = await startSandboxServer({ port: 0 });
  const sandboxPort = new URL(sandbox.url).port;
  const sandboxOrigin = `http://localhost:${sandboxPort}`;
  site = await serveFiles(join(dir, 'dist'), {
    rewrite: (text) => text.replaceAll(SANDBOX, sandboxOrigin),
  });
  const url = `http://localhost:${site.address().port}/`;

  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const tab = await browser.newPage();
  const problems = watch(tab);
  await tab.goto(url);
  await signInAndSeeCard(tab, 'the Vite site');
  if (problems.length) throw new Error(`errors on the page: ${problems.join('\n')}`);
  await tab.close();

  // The trap the guide warns of: the same site calling the sandbox by 127.0.0.1 from localhost.
  // The code is accepted, the session cookie is not sent after it (two sites), and the sign-in
  // form says so in Arabic instead of asking for a code again.
  const trapSite = await serveFiles(join(dir, 'dist'), {
    rewrite: (text) => text.replaceAll(SANDBOX, `http://127.0.0.1:${sandboxPort}`),
  });
  try {
    const trap = await browser.newPage();
    const trapProblems = [];
    trap.on('pageerror', (error) => trapProblems.push(String(error)));
    await trap.goto(`http://localhost:${trapSite.address().port}/`);
    await trap.locator('iq-national-id-input input').fill('199012345678');
    await trap.keyboard.press('Enter');
    await trap.locator('iq-otp-input input').fill('123456');
    await trap.keyboard.press('Enter');
    await trap.waitForSelector('iq-login [role="alert"]');
    const said = (await trap.locator('iq-login [role="alert"]').textContent()) ?? '';
    if (!said.includes('لا تستطيع هذه الصفحة إبقاءك مسجّلاً الدخول'))
      throw new Error(`a page calling its service on another site is told: ${said.trim()}`);
    if (trapProblems.length) throw new Error(`errors on the page: ${trapProblems.join('\n')}`);
    await trap.close();
  } finally {
    await new Promise((done) => trapSite.close(done));
  }
  const siteDone = Date.now();

  // "Without a bundler: from a CDN, with Subresource Integrity". The CDN: the installed package's
  // files at jsDelivr's path, on 127.0.0.1 (another origin, and another site, than the page's
  // localhost), with CORS. `tamper` names a file the CDN changes on the way out: a line of code
  // added at its top.
  const installed = join(dir, 'node_modules/@iq-eservices/components');
  const { version: published } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const cdnPath = `/npm/@iq-eservices/components@${published}/`;
  if (!cdnPage.includes(`${CDN}@iq-eservices/components@${published}/dist/iq-eservices.js`))
    throw new Error(`cdn.html of the guide does not load version ${published} from ${CDN}`);
  let tamper = '';
  cdn = await serveFiles(installed, {
    prefix: cdnPath,
    headers: { 'Access-Control-Allow-Origin': '*' },
    rewrite: (text, file) =>
      file.endsWith(`/dist/${tamper}`) ? `globalThis.iqTampered = true;\n${text}` : text,
  });
  const cdnOrigin = `http://127.0.0.1:${cdn.address().port}`;
  const toLocal = (text) =>
    text.replaceAll(CDN, `${cdnOrigin}/npm/`).replaceAll(SANDBOX, sandboxOrigin);
  const pageDir = join(dir, 'cdn-site');
  mkdirSync(pageDir);
  writeFileSync(join(pageDir, 'cdn.html'), toLocal(cdnPage));
  writeFileSync(join(pageDir, 'app.js'), toLocal(cdnApp));
  // The strict policy of docs/components.md, with the CDN's origin and the import map by its hash.
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(toLocal(cdnPage))?.[1];
  if (!importMap) throw new Error('cdn.html of the guide has no import map');
  const mapHash = createHash('sha256').update(importMap).digest('base64');
  cdnSite = await serveFiles(pageDir, {
    index: 'cdn.html',
    headers: {
      'Content-Security-Policy': [
        "default-src 'self'",
        `script-src 'self' ${cdnOrigin} 'sha256-${mapHash}'`,
        "style-src 'self'",
        `connect-src 'self' ${sandboxOrigin}`,
        "object-src 'none'",
        "base-uri 'none'",
        "require-trusted-types-for 'script'",
        'trusted-types lit-html',
      ].join('; '),
    },
  });
  const cdnUrl = `http://localhost:${cdnSite.address().port}/`;

  /** A fresh browser context (no cache, no cookie) on the CDN page. */
  const openCdnPage = async () => {
    const context = await browser.newContext();
    const cdnTab = await context.newPage();
    const fromCdn = [];
    cdnTab.on('requestfinished', (r) => {
      if (r.url().startsWith(cdnOrigin))
        fromCdn.push(r.url().slice(cdnOrigin.length + cdnPath.length));
    });
    return { context, tab: cdnTab, fromCdn };
  };

  // As published: the bundle and the Arabic messages come from the CDN, checked, and work.
  {
    const { context, tab: cdnTab, fromCdn } = await openCdnPage();
    const cdnProblems = watch(cdnTab);
    await cdnTab.goto(cdnUrl);
    await signInAndSeeCard(cdnTab, 'the CDN page');
    for (const file of ['dist/iq-eservices.js', 'dist/iq-eservices.ar.js'])
      if (!fromCdn.includes(file))
        throw new Error(`the CDN page did not load ${file} from the CDN`);
    if (cdnProblems.length) throw new Error(`errors on the CDN page: ${cdnProblems.join('\n')}`);
    await context.close();
  }

  // A line added on the way, to the bundle, then to the Arabic messages: Chromium refuses the file
  // (the bundle by its `integrity` attribute, the messages by the import map's hash) and nothing
  // of it runs.
  for (const file of ['iq-eservices.js', 'iq-eservices.ar.js']) {
    tamper = file;
    const { context, tab: cdnTab } = await openCdnPage();
    const refused = cdnTab.waitForEvent('console', {
      predicate: (m) =>
        m.type() === 'error' && m.text().includes('integrity') && m.text().includes(file),
      timeout: 15000,
    });
    await cdnTab.goto(cdnUrl);
    const message = (await refused).text();
    if (!/SHA-384/i.test(message) || !/blocked/i.test(message))
      throw new Error(`unexpected refusal of ${file}: ${message}`);
    // Refused, not run: the line added to it never ran, and no Arabic text came from it.
    if (await cdnTab.evaluate(() => 'iqTampered' in globalThis))
      throw new Error(`the tampered ${file} ran`);
    if (file === 'iq-eservices.js') {
      if (await cdnTab.evaluate(() => !!customElements.get('iq-login')))
        throw new Error('the tampered bundle defined its elements');
    } else {
      await cdnTab.waitForSelector('iq-login >> #heading', { state: 'attached' });
      const heading = await cdnTab.locator('iq-login #heading').textContent();
      if (heading?.includes('تسجيل الدخول'))
        throw new Error(`the sign-in form shows Arabic from a tampered ${file}`);
    }
    await context.close();
  }
  tamper = '';

  const cdnDone = Date.now();

  // docs/react.md's app in Chromium: it signs in and shows the card in Arabic, then pays the first
  // bill with Qi Card as a citizen would (the gateway's page in its popup, the code, Confirm), and
  // the popup comes back to the app, which shows the receipt and hears onIqPaymentSucceeded.
  reactSite = await serveFiles(join(reactDir, 'dist'), {
    rewrite: (text) => text.replaceAll(SANDBOX, sandboxOrigin),
  });
  {
    const context = await browser.newContext();
    const reactProblems = [];
    context.on('page', (opened) => watch(opened, reactProblems));
    const app = await context.newPage();
    await app.goto(`http://localhost:${reactSite.address().port}/`);
    await signInAndSeeCard(app, 'the React app');
    const form = 'iq-payment-form';
    await app.locator(`${form} [part="item"] input[type="checkbox"]:enabled`).first().check();
    await app.locator(`${form} [part="submit"]`).click();
    await app.locator(`${form} input[type="radio"][value="qi-card"]`).check();
    await app.locator(`${form} [part="submit"]`).click();
    await app.waitForSelector(`${form} [part="review"]`);
    const [popup] = await Promise.all([
      app.waitForEvent('popup'),
      app.locator(`${form} [part="submit"]`).click(),
    ]);
    await popup.waitForSelector('#otp');
    if (!/\/gateway\/qi-card\/pay_/.test(popup.url()))
      throw new Error(`the popup is not the Qi Card page: ${popup.url()}`);
    const closed = popup.waitForEvent('close');
    await popup.fill('#otp', '123456');
    await popup.click('button[value="approve"]');
    await closed;
    await app.waitForSelector(`${form} [part="receipt"]`);
    const reference =
      (await app.locator(`${form} [part="receipt"] .reference`).textContent()) ?? '';
    await app.waitForSelector('p[role="status"]');
    const heard = await app.locator('p[role="status"]').textContent();
    if (!reference || heard !== reference)
      throw new Error(`the receipt says "${reference}", onIqPaymentSucceeded gave "${heard}"`);
    if (reactProblems.length)
      throw new Error(`errors on the React app: ${reactProblems.join('\n')}`);
    await context.close();
  }

  const seconds = (from, to) => `${((to - from) / 1000).toFixed(1)} s`;
  console.log(
    [
      `From the tarballs (packed, installed, both sites type-checked and built: ${seconds(started, reactBuilt)}):`,
      `- docs/getting-started.md: the Vite + TypeScript site signs in and shows the card in Arabic (${seconds(reactBuilt, siteDone)})`,
      `- the CDN page, on another origin than the bundle and under a strict policy, signs in and shows the card; a changed bundle or language file is refused (${seconds(siteDone, cdnDone)})`,
      `- docs/react.md: the React 19 app passes tsc --noEmit (a misspelt prop and event fail it), signs in, shows the card and pays a bill to the receipt (${seconds(cdnDone, Date.now())})`,
    ].join('\n'),
  );
} finally {
  await browser?.close();
  for (const server of [site, cdn, cdnSite, reactSite])
    await new Promise((done) => (server ? server.close(done) : done()));
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
}
