#!/usr/bin/env node
// `npm start`: the sandbox on its own port (for integrators' sites, with CORS) and the demo portal,
// which mounts the same sandbox under its own origin as a backend-for-frontend would, so that the
// session cookie is first-party. The portal is served with the strict Content-Security-Policy a
// careful ministry would use: whatever the library does must work under it.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandboxServer, sandboxRequestListener } from '@iq-eservices/sandbox/node';
import { describeIdentities, siteAdvice } from '@iq-eservices/sandbox';

/**
 * The policy the portal is served with (also asserted by the demo's browser test). The sign-in
 * page, rendered on the server, adds its elements' styles to `style-src` by their hashes
 * ({@link pagePolicy}).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The portal's policy with `styles` (`'sha256-…'`) allowed in `style-src`. */
export const pagePolicy = (styles) =>
  CONTENT_SECURITY_POLICY.replace("style-src 'self'", ["style-src 'self'", ...styles].join(' '));

const here = fileURLToPath(new URL('.', import.meta.url));
const FILES = {
  '/': join(here, 'public/index.html'),
  '/index.html': join(here, 'public/index.html'),
  '/styles.css': join(here, 'public/styles.css'),
  '/app.js': join(here, 'dist/app.js'),
  '/app.js.map': join(here, 'dist/app.js.map'),
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};
// The services, and the simulated gateways' hosted pages with their stylesheet.
const API =
  /^\/(identity|ration-card|social-protection|payments|requests|education)\/v1\/|^\/gateway(-assets)?\//;

/** What a weak network should not carry uncompressed (text: pages, scripts, styles, maps). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.map']);
/** Each file read once, with its ETag and compressed forms (the files change only on a build). */
const loaded = new Map();

/** A file's bytes, ETag and its brotli and gzip forms (kept while its modification is the same). */
async function load(file) {
  const body = await readFile(file);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const cached = loaded.get(file);
  if (cached?.etag === etag) return cached;
  const entry = prepare(body, etag, extname(file));
  loaded.set(file, entry);
  return entry;
}

/** Bytes with their ETag and, when worth it, their brotli and gzip forms. */
function prepare(body, etag, extension) {
  const encodings = COMPRESSIBLE.has(extension)
    ? {
        br: brotliCompressSync(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 11,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        }),
        gzip: gzipSync(body, { level: 9 }),
      }
    : {};
  return { body, etag, encodings };
}

/** The sign-in page rendered on the server, by language: rendered once, at its first request. */
const signInPages = new Map();

/**
 * The sign-in page in `lang` (`index.html` with `#app` rendered by `dist/ssr.js`, built from
 * `src/ssr.ts`): the header's title, the introduction and the sign-in form, shown before any
 * script runs; its policy allows the elements' styles by their hashes.
 */
function signInPage(lang) {
  let page = signInPages.get(lang);
  if (!page) {
    page = (async () => {
      const { renderSignInPage } = await import('./dist/ssr.js');
      const [template, { title, app, styles }] = await Promise.all([
        readFile(FILES['/'], 'utf8'),
        renderSignInPage(lang),
      ]);
      const text = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const html = template
        .replace(
          '<html lang="ar" dir="rtl">',
          `<html lang="${lang}" dir="${lang === 'en' ? 'ltr' : 'rtl'}">`,
        )
        .replace(/<title>[^<]*<\/title>/, `<title>${text(title)}</title>`)
        .replace('</noscript></div>', `</noscript>${app}</div>`);
      const body = Buffer.from(html);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      return { ...prepare(body, etag, '.html'), policy: pagePolicy(styles) };
    })();
    signInPages.set(lang, page);
    page.catch(() => signInPages.delete(lang));
  }
  return page;
}

/** The encodings an `Accept-Encoding` header accepts (those not given `q=0`). */
function acceptedEncodings(header = '') {
  return new Set(
    header
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*/))
      .filter(([, q]) => !/^q=0(\.0*)?$/.test(q ?? ''))
      .map(([name]) => name.toLowerCase()),
  );
}

/**
 * Starts the sandbox and the portal. Ports 0 pick free ones (tests do).
 * @param {{ port?: number, sandboxPort?: number, host?: string, dataFile?: string, quiet?: boolean }} options
 */
export async function startDemo({
  port = 8080,
  sandboxPort = 4010,
  host = '127.0.0.1',
  dataFile,
  quiet = false,
} = {}) {
  const sandboxServer = await startSandboxServer({ port: sandboxPort, host, dataFile });
  const api = sandboxRequestListener(sandboxServer.sandbox);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (API.test(url.pathname)) return api(req, res);
    // The portal's own files, and the bundle's chunks (locale messages loaded on demand).
    const chunk = /^\/(app-[\w.-]+\.js(\.map)?)$/.exec(url.pathname);
    const file = chunk ? join(here, 'dist', chunk[1]) : FILES[normalize(url.pathname)];
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    // The portal's page, rendered on the server in the language it opens in (not on the way
    // back from a payment gateway, where the page holds the payment form).
    const rendered =
      (url.pathname === '/' || url.pathname === '/index.html') && !url.searchParams.has('payment');
    const lang = ['ckb', 'en'].find((l) => l === url.searchParams.get('lang')) ?? 'ar';
    try {
      const { body, etag, encodings, policy } = rendered
        ? await signInPage(lang)
        : await load(file);
      if (policy) res.setHeader('Content-Security-Policy', policy);
      const headers = {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // Chunks (`app-<name>-<hash>.js`) are named by their content: a name never changes what it
        // holds, so they are kept a year. The page, its stylesheet and entry keep their names: asked
        // again each time, answered 304 while they are the same.
        'Cache-Control': chunk ? 'public, max-age=31536000, immutable' : 'no-cache',
        ETag: etag,
        Vary: 'Accept-Encoding',
      };
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      const encoding = ['br', 'gzip'].find((e) => accepted.has(e) && encodings[e]);
      if (encoding) headers['Content-Encoding'] = encoding;
      const sent = encoding ? encodings[encoding] : body;
      headers['Content-Length'] = sent.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
    } catch {
      res
        .writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('The demo is not built: run `npm run build`.');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  if (!quiet) {
    console.log(`Demo portal:  ${url}/  (Arabic; switch to Kurdish or English on the page)`);
    console.log(`Sandbox API:  ${sandboxServer.url}  (for your own site; CORS allows localhost)`);
    for (const line of siteAdvice(sandboxServer.url)) console.log(`              ${line}`);
    console.log(describeIdentities(sandboxServer.sandbox.citizens));
  }
  return {
    url,
    sandbox: sandboxServer.sandbox,
    sandboxUrl: sandboxServer.url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sandboxServer.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const demo = await startDemo({
    port: Number(process.env.PORT ?? 8080),
    sandboxPort: Number(process.env.SANDBOX_PORT ?? 4010),
    dataFile: process.env.SANDBOX_DATA_FILE,
  }).catch((error) => {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `Port ${error.port} is in use. Choose others: PORT=8081 SANDBOX_PORT=4011 npm start`,
      );
      process.exit(1);
    }
    throw error;
  });
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
