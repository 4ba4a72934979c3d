#!/usr/bin/env node
// Server rendering, proved on the example of docs/server-rendering.md (examples/ssr/server.mjs,
// with a real sandbox server): the page's HTML holds the sign-in form and the card in Arabic as
// declarative shadow DOM; in Chromium with JavaScript disabled both are visible; with scripts the
// elements hydrate (the server's nodes stay, no console error), their DOM is what the browser
// alone renders, the citizen signs in, and the card, given as data, is never fetched. Also: no
// module of the package but its ssr/ entries brings the hydration support. Run after
// `npm run build`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { startExample } from '../examples/ssr/server.mjs';

const started = Date.now();
const HOLDER = 'علي حسين كاظم الموسوي';
const fail = (message) => {
  throw new Error(message);
};

// Hydration support only where asked for: no element module, nor the single-file bundle, has it.
const dist = join(import.meta.dirname, '../packages/components/dist');
for (const file of readdirSync(dist, { recursive: true })) {
  if (!String(file).endsWith('.js') || String(file).startsWith('ssr/')) continue;
  const code = readFileSync(join(dist, String(file)), 'utf8');
  if (code.includes('@lit-labs/ssr') || code.includes('hydrate-internals-'))
    fail(`dist/${file} brings the hydration support`);
}

const example = await startExample({ port: 0 });
let browser;
try {
  // 1. The HTML, before any browser: both elements, their shadow roots declarative, in Arabic.
  const html = await (await fetch(`${example.url}/`)).text();
  const shadow = (tag) =>
    new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"`).test(html) ||
    fail(`<${tag}> is not rendered with a declarative shadow root`);
  shadow('iq-login');
  shadow('iq-ration-card');
  for (const text of [
    'تسجيل الدخول',
    'رقم البطاقة الوطنية',
    'إرسال الرمز',
    'البطاقة التموينية',
    HOLDER,
  ])
    if (!html.includes(text)) fail(`the server's HTML lacks "${text}"`);
  if (!/<html lang="ar" dir="rtl">/.test(html)) fail('the page is not in Arabic, right to left');

  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });

  // 2. No script at all: the form and the card are on screen.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const bare = await still.newPage();
  const scripts = [];
  bare.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await bare.goto(`${example.url}/`);
  for (const [selector, text] of [
    ['iq-login #heading', 'تسجيل الدخول'],
    ['iq-login iq-national-id-input label', 'رقم البطاقة الوطنية'],
    ['iq-login [part="submit"]', 'إرسال الرمز'],
    ['iq-ration-card #heading', 'البطاقة التموينية'],
    ['iq-ration-card [part="members"]', HOLDER],
  ]) {
    const element = bare.locator(selector);
    if (!(await element.isVisible())) fail(`without scripts, ${selector} is not visible`);
    if (!(await element.textContent())?.includes(text))
      fail(`without scripts, ${selector} does not read "${text}"`);
  }
  if (!(await bare.locator('iq-login input[value="national-id"]').isChecked()))
    fail('without scripts, the national card is not the chosen method');
  // Styled, under the page's strict policy (the styles' hashes): the primary button is green.
  const button = await bare
    .locator('iq-login [part="submit"]')
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  if (button !== 'rgb(0, 112, 60)') fail(`without scripts, the form is not styled (${button})`);
  if (scripts.length) fail(`scripts loaded with JavaScript disabled: ${scripts}`);
  await still.close();

  // 3. With scripts: hydration, then sign-in.
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  // The server's nodes, kept once the page is parsed and before any module script runs: after
  // hydration the same nodes must be on screen (a second render would replace them).
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      const node = (tag, selector) =>
        document.querySelector(tag)?.shadowRoot?.querySelector(selector);
      window.serverNodes = {
        login: node('iq-login', '#heading'),
        card: node('iq-ration-card', '[part="members"]'),
      };
    });
  });
  await page.goto(`${example.url}/`);
  await page.waitForFunction(() =>
    ['iq-login', 'iq-ration-card'].every((tag) => document.querySelector(tag)?.hasUpdated),
  );
  const kept = await page.evaluate(() => {
    const { login, card } = window.serverNodes;
    const root = (tag) => document.querySelector(tag).shadowRoot;
    return (
      !!login &&
      !!card &&
      login === root('iq-login').querySelector('#heading') &&
      card === root('iq-ration-card').querySelector('[part="members"]')
    );
  });
  if (!kept) fail("the elements rendered again instead of hydrating the server's nodes");

  // The hydrated DOM is what the same elements render in the browser alone (same language, same
  // state): a hydration that kept stale text would differ. (Comments are Lit's markers; the
  // server writes an input's `value` and `checked` properties as attributes: inputs are compared
  // by those properties.)
  const compared = await page.evaluate(async () => {
    const describe = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data.replace(/\s+/g, ' ');
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE)
        return '';
      if (node.localName === 'style') return '';
      const attributes =
        node.nodeType === Node.ELEMENT_NODE
          ? [...node.attributes]
              .filter((a) => a.name !== 'defer-hydration')
              .filter((a) => !(node.localName === 'input' && ['value', 'checked'].includes(a.name)))
              .map((a) => `${a.name}="${a.value}"`)
              .concat(
                node.localName === 'input'
                  ? [`.value=${node.value}`, `.checked=${node.checked}`]
                  : [],
              )
              .sort()
              .join(' ')
          : '';
      const inside = [...(node.shadowRoot?.childNodes ?? []), ...node.childNodes]
        .map(describe)
        .join('')
        .replace(/\s+/g, ' ');
      return `<${node.localName ?? '#root'} ${attributes}>${inside}</>`;
    };
    const fresh = document.createElement('div');
    fresh.hidden = true;
    const login = document.createElement('iq-login');
    const card = document.createElement('iq-ration-card');
    card.data = document.querySelector('iq-ration-card').data;
    fresh.append(login, card);
    document.body.append(fresh);
    const settled = async (element) => {
      await element.updateComplete;
      for (const child of element.shadowRoot.querySelectorAll('*'))
        if ('updateComplete' in child) await child.updateComplete;
    };
    await Promise.all([login, card].map(settled));
    const result = ['iq-login', 'iq-ration-card'].map((tag, i) => ({
      tag,
      hydrated: describe(document.querySelector(`main ${tag}`).shadowRoot),
      rendered: describe([login, card][i].shadowRoot),
    }));
    fresh.remove();
    return result;
  });
  for (const { tag, hydrated, rendered } of compared) {
    if (hydrated === rendered) continue;
    let at = 0;
    while (hydrated[at] === rendered[at]) at++;
    fail(
      `<${tag}> hydrated differs from its browser render:\n  hydrated: …${hydrated.slice(at - 80, at + 120)}\n  rendered: …${rendered.slice(at - 80, at + 120)}`,
    );
  }

  // The hydrated card is live: new data shows.
  await page.evaluate(() => {
    const card = document.querySelector('main iq-ration-card');
    const { data } = card;
    card.data = {
      ...data,
      card: {
        ...data.card,
        headOfHousehold: { ...data.card.headOfHousehold, name: 'حسن التجربة' },
      },
    };
  });
  await page.locator('main iq-ration-card [part="details"]', { hasText: 'حسن التجربة' }).waitFor();

  // Sign in: "199012345678", Enter, the code "123456", Enter; the signed-in state names the citizen.
  await page.locator('main iq-login iq-national-id-input input').fill('199012345678');
  await page.keyboard.press('Enter');
  await page.locator('main iq-login iq-otp-input input').fill('123456');
  await page.keyboard.press('Enter');
  await page.locator('main iq-login [part="user-name"]', { hasText: HOLDER }).waitFor();
  if (!(await page.locator('main iq-ration-card [part="members"]').isVisible()))
    fail('the card is not shown after sign-in');
  for (const expected of ['POST /identity/v1/sign-in', 'GET /identity/v1/me'])
    if (!requests.includes(expected)) fail(`no ${expected}: ${requests.join(', ')}`);
  const cardRequests = requests.filter((r) => r.includes('/ration-card/'));
  if (cardRequests.length) fail(`the card given as data was fetched: ${cardRequests}`);
  if (problems.length) fail(`console or page errors:\n${problems.join('\n')}`);

  // 4. A citizen who types before the scripts arrive (a slow network) keeps what was typed: the
  // scripts are held back while the number is typed into the server's form, then hydration must
  // leave it there, and the form goes on from it.
  const slow = await browser.newPage();
  slow.on('pageerror', (error) => problems.push(String(error)));
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await slow.route('**/client.js', async (route) => {
    await held;
    await route.continue();
  });
  await slow.goto(`${example.url}/`, { waitUntil: 'commit' });
  const early = slow.locator('main iq-login iq-national-id-input input');
  await early.focus();
  await slow.keyboard.type('199012345678');
  release();
  await slow.waitForFunction(() => document.querySelector('iq-login')?.hasUpdated);
  const typedKept = await early.inputValue();
  if (typedKept !== '199012345678') fail(`hydration set the typed number to "${typedKept}"`);
  await early.focus();
  await slow.keyboard.press('Enter');
  await slow.locator('main iq-login iq-otp-input input').waitFor();
  if (problems.length) fail(`console or page errors:\n${problems.join('\n')}`);

  console.log(
    `server rendering: the form and the card in Arabic without scripts, hydrated with no error and no fetch of the card, sign-in works, what was typed before the scripts came is kept (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  await browser?.close();
  await example.close();
}
