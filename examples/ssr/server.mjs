#!/usr/bin/env node
// A ministry's page rendered on the server with plain `node:http`: the sign-in form and the
// household's ration card, in the page's language (Arabic by default, `?lang=ckb` or `?lang=en`),
// shown before any script runs. In the browser, client.js hydrates them: the form signs in, and
// the card, given the same data, fetches nothing.
//
//   node examples/ssr/server.mjs            (after `npm run build`)
//
// The back end here is the sandbox, mounted on the page's origin as a backend-for-frontend
// would be (the session cookie is first-party).
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createEServicesClient, unwrap } from '@iq-eservices/api';
import { html, jsonScript, renderToString, styleHashes } from '@iq-eservices/components/ssr';
import { sandboxRequestListener, startSandboxServer } from '@iq-eservices/sandbox/node';

/** The services' paths, answered by the sandbox. */
const API = /^\/(identity|ration-card|social-protection|payments|requests|education)\/v1\//;

/**
 * The page's policy, strict: the elements' styles in the page are allowed by their hashes, and the
 * library hydrates under Lit's `lit-html` Trusted Types policy.
 */
const contentSecurityPolicy = (styles) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styles.join(' ')}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');

const TITLES = {
  ar: 'وزارة التجارة — البطاقة التموينية',
  ckb: 'وەزارەتی بازرگانی — کارتی خۆراک',
  en: 'Ministry of Trade — ration card',
};

/**
 * The card to render. A ministry's back end fetches it with the citizen's session; this example
 * signs a sandbox citizen in itself (bearer tokens, held in memory) to have one.
 */
async function cardFetcher(baseUrl) {
  const client = createEServicesClient({ baseUrl, auth: { mode: 'bearer' }, locale: 'ar' });
  const { challengeId } = unwrap(
    await client.identity.POST('/sign-in', {
      body: { method: 'national-id', nationalId: '199012345678' },
    }),
  );
  unwrap(
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      params: { path: { challengeId } },
      body: { code: '123456', mode: 'bearer' },
    }),
  );
  return async () => {
    const [card, entitlement, history] = await Promise.all([
      client.rationCard.GET('/card').then(unwrap),
      // No basket announced for this month yet: an answer (404), shown as such.
      client.rationCard
        .GET('/card/entitlements')
        .then((result) => (result.response.status === 404 ? null : unwrap(result))),
      client.rationCard
        .GET('/card/distributions', { params: { query: { limit: 3 } } })
        .then(unwrap),
    ]);
    return { card, entitlement, distributions: history.items };
  };
}

/** The page in `lang` and its policy: the elements rendered, and the card's data for the browser. */
async function page(lang, data) {
  const body = await renderToString(
    html`<iq-login></iq-login><iq-ration-card .data=${data}></iq-ration-card>`,
    { locale: lang },
  );
  const markup = `<!doctype html>
<html lang="${lang}" dir="${lang === 'en' ? 'ltr' : 'rtl'}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${TITLES[lang]}</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/client.js"></script>
  </head>
  <body>
    <main>${body}</main>
    ${jsonScript('card-data', data)}
  </body>
</html>`;
  return { markup, policy: contentSecurityPolicy(await styleHashes(body)) };
}

/**
 * Starts the sandbox and the ministry's page. Port 0 picks a free one.
 * @param {{ port?: number, host?: string }} [options]
 */
export async function startExample({ port = 8090, host = '127.0.0.1' } = {}) {
  const sandboxServer = await startSandboxServer({ port: 0, host });
  const api = sandboxRequestListener(sandboxServer.sandbox);
  const fetchCard = await cardFetcher(sandboxServer.url);
  // The page's script, bundled once (production builds of Lit and the library).
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('client.js', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: 'out',
    splitting: true,
    chunkNames: '[name]-[hash]',
    logLevel: 'error',
  });
  const scripts = new Map(
    bundled.outputFiles.map((file) => [`/${file.path.split('/').pop()}`, file.contents]),
  );

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Security-Policy', contentSecurityPolicy([]));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (API.test(url.pathname)) return api(req, res);
    const script = scripts.get(url.pathname);
    if (script) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (url.pathname === '/') {
      const lang = ['ckb', 'en'].includes(url.searchParams.get('lang'))
        ? url.searchParams.get('lang')
        : 'ar';
      const { markup, policy } = await page(lang, await fetchCard());
      res
        .writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': policy,
        })
        .end(markup);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sandboxServer.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const example = await startExample({ port: Number(process.env.PORT ?? 8090) });
  console.log(`A ministry's page, rendered on the server: ${example.url}/`);
  console.log('Sign in with 199012345678 and the code 123456.');
  const stop = () => void example.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
