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

test('the portal opens in Arabic, right to left, under a strict CSP, with <iq-login>', async () => {
  const { page, problems } = await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.match((await page.textContent('h1')) ?? '', /الخدمات الإلكترونية/);
  await page.waitForSelector('iq-login >> #heading');
  assert.equal((await page.locator('iq-login #heading').textContent())?.trim(), 'تسجيل الدخول');
  assert.equal(
    await page.locator('iq-national-id-input label').textContent(),
    'رقم البطاقة الوطنية',
  );
  assert.deepEqual(problems, []);
});

test('a citizen signs in with Arabic-Indic digits through <iq-login> and sees <iq-ration-card> and the bills, keyboard only', async () => {
  const { page, problems } = await open();
  await page.locator('iq-national-id-input input').focus();
  await page.keyboard.type('١٩٩٠ ١٢٣٤ ٥٦٧٨');
  await page.keyboard.press('Enter');
  await page.waitForSelector('iq-otp-input input');
  await page.locator('iq-otp-input input').focus();
  await page.keyboard.type('۱۲۳۴۵۶');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#welcome');
  assert.match((await page.textContent('#welcome')) ?? '', /علي حسين كاظم الموسوي/);
  await page.waitForSelector('iq-ration-card [part="members"]');
  assert.equal(
    await page.locator('iq-ration-card [part="status"]').getAttribute('class'),
    'status active',
  );
  assert.match(
    (await page.locator('iq-ration-card [part="members"]').textContent()) ?? '',
    /علي حسين كاظم الموسوي/,
  );
  assert.match((await page.textContent('.bills')) ?? '', /د\.ع/, 'amounts in dinars, localized');
  const storage = await page.evaluate(
    () =>
      JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href,
  );
  assert.ok(
    !storage.includes('199012345678') && !storage.includes('123456') && !/ses_|csrf_/.test(storage),
    'nothing personal in storage or the URL',
  );
  await page.locator('iq-login [part="sign-out"]').click();
  await page.waitForSelector('#welcome', { state: 'detached' });
  assert.equal(
    await page.locator('iq-ration-card').count(),
    0,
    'the card leaves the page with the citizen',
  );
  assert.deepEqual(problems, []);
});

test('an invalid number gets a localized message beside the field and no request', async () => {
  const { page, problems } = await open();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.locator('iq-national-id-input input').focus();
  await page.keyboard.type('12345');
  await page.keyboard.press('Enter');
  await page.waitForSelector('iq-national-id-input [part="error"]');
  assert.match(
    (await page.locator('iq-national-id-input [part="error"]').textContent()) ?? '',
    /١٢/,
  );
  assert.equal(
    await page.locator('iq-national-id-input input').getAttribute('aria-invalid'),
    'true',
  );
  assert.equal(
    await page.locator('iq-national-id-input input').inputValue(),
    '12345',
    'what was typed is kept',
  );
  assert.deepEqual(
    requests.filter((u) => u.includes('/identity/')),
    [],
  );
  assert.deepEqual(problems, []);
});

test('the language switch re-renders <iq-login> in Kurdish (right to left) and English (left to right)', async () => {
  const { page } = await open(1024);
  await page.waitForSelector('iq-login >> #heading');
  await page.selectOption('#lang', 'ckb');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ckb');
  await page.waitForFunction(
    () =>
      document
        .querySelector('iq-login')
        ?.shadowRoot?.querySelector('#heading')
        ?.textContent?.trim() === 'چوونەژوورەوە',
  );
  await page.selectOption('#lang', 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  await page.waitForFunction(
    () =>
      document
        .querySelector('iq-login')
        ?.shadowRoot?.querySelector('#heading')
        ?.textContent?.trim() === 'Sign in',
  );
});
