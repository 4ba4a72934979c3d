// The demo portal in Chromium, under its strict Content-Security-Policy, driven as a citizen would.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error -- plain ES module without declarations
import { startDemo, CONTENT_SECURITY_POLICY } from '../server.mjs';
// @ts-expect-error -- plain ES module without declarations
import { findChromium, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';

let browser: Browser;
let demo: { url: string; close(): Promise<void> };

before(async () => {
  demo = await startDemo({ port: 0, sandboxPort: 0, quiet: true });
  const executablePath = findChromium();
  assert.ok(executablePath, 'Chromium is needed for this test (npm test installs or finds it)');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

async function open(width = 360): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective}`),
    );
  });
  const response = await page.goto(`${demo.url}/`);
  assert.equal(response?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
  return { page, problems };
}

test('the portal opens in Arabic, right to left, under a strict CSP', async () => {
  const { page, problems } = await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.match((await page.textContent('h1')) ?? '', /الخدمات الإلكترونية/);
  assert.deepEqual(problems, []);
});

test('a citizen signs in with Arabic-Indic digits and sees the household card and bills, keyboard only', async () => {
  const { page, problems } = await open();
  await page.focus('#identifier');
  await page.keyboard.type('١٩٩٠ ١٢٣٤ ٥٦٧٨');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#code');
  await page.focus('#code');
  await page.keyboard.type('۱۲۳۴۵۶');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#welcome');
  assert.match((await page.textContent('#welcome')) ?? '', /علي حسين كاظم الموسوي/);
  assert.match((await page.textContent('.card')) ?? '', /فعّالة/);
  assert.ok((await page.locator('.card li').count()) > 1, 'members are listed');
  assert.match((await page.textContent('.bills')) ?? '', /د\.ع/, 'amounts in dinars, localized');
  const storage = await page.evaluate(
    () =>
      JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href,
  );
  assert.ok(
    !storage.includes('199012345678') && !storage.includes('123456') && !/ses_|csrf_/.test(storage),
    'nothing personal in storage or the URL',
  );
  assert.deepEqual(problems, []);
});

test('an invalid number gets a localized message and no request; a wrong code says so', async () => {
  const { page, problems } = await open();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.fill('#identifier', '12345');
  await page.keyboard.press('Enter');
  assert.match((await page.textContent('.error')) ?? '', /الاثني عشر/);
  assert.equal(await page.getAttribute('#identifier', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#identifier'), '12345', 'what was typed is kept');
  assert.deepEqual(
    requests.filter((u) => u.includes('/identity/')),
    [],
  );
  await page.fill('#identifier', '199012345678');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#code');
  await page.fill('#code', '000000');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error');
  assert.match((await page.textContent('.error')) ?? '', /الرمز غير صحيح/);
  assert.match(
    (await page.textContent('.field')) ?? '',
    /٢/,
    'attempts left, in Arabic-Indic digits',
  );
  // 400 from the error responses is expected in the console; anything else is a problem.
  assert.deepEqual(
    problems.filter((p) => !p.includes('422')),
    [],
  );
});

test('the language switch re-renders in Kurdish (right to left) and English (left to right)', async () => {
  const { page } = await open(1024);
  await page.selectOption('#lang', 'ckb');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ckb');
  assert.match((await page.textContent('legend')) ?? '', /چوونەژوورەوە/);
  await page.selectOption('#lang', 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.textContent('legend'), 'Sign in');
});
