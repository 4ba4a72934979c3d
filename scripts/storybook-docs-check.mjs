#!/usr/bin/env node
// The built Storybook (storybook-static/, `npm run build:storybook`) as an adopter reads it, in
// Chromium: every element in custom-elements.json has a docs page, and its API table puts each
// attribute, event, CSS custom property and part in its own section (an attribute and a part of
// the same name, like <iq-login>'s `method`, both shown where they belong), with the manifest's
// defaults, and with controls only where a control can set something. No story on a docs page
// throws.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from './chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const site = join(root, 'storybook-static');
const manifestPath = join(root, 'packages/components/custom-elements.json');
for (const path of [join(site, 'index.json'), manifestPath])
  if (!existsSync(path)) {
    console.error(`${path} is missing: run \`npm run build:storybook\` first.`);
    process.exit(1);
  }

const SECTIONS = {
  fields: 'attributes and properties',
  events: 'events',
  cssProperties: 'css custom properties',
  cssParts: 'css shadow parts',
};

/** What each element's docs page should list, from the manifest. */
const elements = [];
for (const module of JSON.parse(readFileSync(manifestPath, 'utf8')).modules)
  for (const d of module.declarations ?? []) {
    if (!d.tagName) continue;
    const fields = (d.members ?? []).filter(
      (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public',
    );
    elements.push({ tag: d.tagName, declaration: d, fields });
  }
if (elements.length < 9) throw new Error(`only ${elements.length} elements in the manifest`);

const index = JSON.parse(readFileSync(join(site, 'index.json'), 'utf8'));
const docsEntries = Object.values(index.entries).filter((e) => e.type === 'docs');

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
  try {
    if (!file.startsWith(site)) throw new Error('outside');
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: ensureChromium(),
  headless: true,
  args: CHROMIUM_ARGS,
});
const problems = [];
try {
  for (const { tag, declaration, fields } of elements) {
    const entry = docsEntries.find((e) => e.importPath === `./stories/${tag}.stories.ts`);
    if (!entry) {
      problems.push(`${tag}: no docs page in storybook-static/index.json`);
      continue;
    }
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=docs`);
    // The API table, once drawn (its sections are collapsible rows with a title).
    await page.waitForSelector('.docblock-argstable tbody tr[title]', { timeout: 30000 });
    /** Rows of the first API table, each with its section: name, description, default, control. */
    const rows = await page.evaluate(() => {
      const table = document.querySelector('.docblock-argstable');
      const found = [];
      let section = '';
      for (const tr of table?.querySelectorAll('tbody tr') ?? []) {
        const title = tr.getAttribute('title');
        if (title) {
          section = title.replace(/^(Hide|Show) (.*) items$/, '$2');
          continue;
        }
        const cells = [...tr.children].map((td) => (td.textContent ?? '').trim());
        if (cells.length !== 4) continue;
        const [name, description, defaultValue] = cells;
        const control = tr.children[3];
        found.push({
          section,
          name,
          description,
          defaultValue,
          hasControl: !!control?.querySelector('input, select, textarea, button'),
          setupLink: (control?.textContent ?? '').includes('Setup controls'),
        });
      }
      return found;
    });
    const inSection = (section, name) => rows.find((r) => r.section === section && r.name === name);
    const fail = (message) => problems.push(`${tag}: ${message}`);
    const expected = [
      fields.length && SECTIONS.fields,
      declaration.events?.length && SECTIONS.events,
      declaration.cssProperties?.length && SECTIONS.cssProperties,
      declaration.cssParts?.length && SECTIONS.cssParts,
    ].filter(Boolean);
    for (const section of expected)
      if (!rows.some((r) => r.section === section)) fail(`no "${section}" section`);

    for (const field of fields) {
      const row = inSection(SECTIONS.fields, field.name);
      if (!row) {
        fail(`property ${field.name} is not under "${SECTIONS.fields}"`);
        continue;
      }
      if (field.attribute && !row.description.includes(`Attribute ${field.attribute}`))
        fail(`${field.name}: its attribute ${field.attribute} is not named`);
      if (field.default !== undefined && row.defaultValue !== field.default)
        fail(`${field.name}: default shown "${row.defaultValue}", manifest "${field.default}"`);
    }
    for (const attribute of declaration.attributes ?? [])
      if (!inSection(SECTIONS.fields, attribute.fieldName ?? attribute.name))
        fail(`attribute ${attribute.name} is not under "${SECTIONS.fields}"`);
    for (const [key, section] of [
      ['events', SECTIONS.events],
      ['cssParts', SECTIONS.cssParts],
    ])
      for (const item of declaration[key] ?? []) {
        const row = inSection(section, item.name);
        if (!row) fail(`${item.name} is not under "${section}"`);
        else if (row.hasControl || row.setupLink) fail(`${section} ${item.name} has a control`);
      }
    for (const property of declaration.cssProperties ?? []) {
      const row = inSection(SECTIONS.cssProperties, property.name);
      if (!row) fail(`${property.name} is not under "${SECTIONS.cssProperties}"`);
      else if (property.default !== undefined && row.defaultValue !== property.default)
        fail(`${property.name}: default shown "${row.defaultValue}"`);
    }
    // Nothing lands in a section it does not belong to (Storybook's own reader put a part over
    // the attribute of the same name); a story's own args (the signed-in citizen) are apart.
    const known = new Set(Object.values(SECTIONS));
    for (const row of rows)
      if (row.section === 'story') {
        if (fields.some((f) => f.name === row.name))
          fail(`the element's ${row.name} is listed as a story arg`);
      } else if (!known.has(row.section))
        fail(`row ${row.name} in an unexpected section "${row.section}"`);
    for (const error of errors) fail(`a story threw on the docs page: ${error}`);

    const counts = Object.values(SECTIONS).map(
      (s) => `${rows.filter((r) => r.section === s).length} ${s}`,
    );
    console.log(`${tag}: docs page ${entry.id}: ${counts.join(', ')}`);
    if (!rows.length) fail('the API table is empty');
    await page.close();

    if (tag === 'iq-login') {
      // The name clash that once hid the attribute: both rows, each in its section.
      const attribute = inSection(SECTIONS.fields, 'method');
      if (attribute?.defaultValue !== "'national-id'")
        fail(`the method attribute is not shown with its default 'national-id'`);
      if (!attribute?.hasControl) fail('the method attribute has no control');
      if (!inSection(SECTIONS.cssParts, 'method')) fail('the method part is not shown');
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `every element (${elements.length}) has a docs page with its API in the right sections`,
);
