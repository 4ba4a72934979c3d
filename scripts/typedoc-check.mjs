#!/usr/bin/env node
// The API docs (docs/api, `npx typedoc`) as a reader finds them: every public package's entry
// points have a page, and every element's page shows its events (each with its class linked),
// parts and custom properties as tables (scripts/typedoc-lit.mjs), not as one raw block per tag.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeManifest } from './manifest.mjs';

const api = resolve(import.meta.dirname, '../docs/api');
if (!existsSync(join(api, 'index.html'))) {
  console.error('docs/api is missing: run `npx typedoc` first.');
  process.exit(1);
}
const problems = [];
const modules = readdirSync(join(api, 'modules'));
for (const entry of [
  '@iq-eservices/api',
  '@iq-eservices/components',
  '@iq-eservices/sandbox',
  '@iq-eservices/sandbox/node',
  '@iq-eservices/sandbox/conformance',
]) {
  const page = `${entry.replace(/[@/]/g, (c) => (c === '@' ? '_' : '_'))}.html`;
  if (!modules.includes(page)) problems.push(`no page for ${entry} (modules/${page})`);
}
let elements = 0;
for (const module of (await analyzeManifest()).modules)
  for (const declaration of module.declarations ?? []) {
    if (!declaration.tagName) continue;
    elements++;
    const file = join(api, 'classes', `_iq-eservices_components.${declaration.name}.html`);
    if (!existsSync(file)) {
      problems.push(`${declaration.name}: no page`);
      continue;
    }
    const html = readFileSync(file, 'utf8');
    const fail = (message) => problems.push(`${declaration.name}: ${message}`);
    if (/tsd-tag-(fires|csspart|cssprop|cssstate|slot)\b/.test(html))
      fail('element tags shown as raw blocks');
    if (/\{Iq\w+Event\}/.test(html)) fail('an event class shown as literal {…}');
    for (const heading of ['Events', 'CSS parts'])
      if (!html.includes(`>${heading}<`)) fail(`no "${heading}" table`);
    for (const event of declaration.events ?? []) {
      const type = event.type?.text ?? '';
      const row = new RegExp(
        `<td><code>${event.name}</code></td>\\s*<td><a href="[^"]*${type}(\\.html)?"[^>]*>${type}</a></td>`,
      );
      if (!row.test(html))
        fail(`event ${event.name} not in the table with its class ${type} linked`);
    }
    for (const part of declaration.cssParts ?? [])
      if (!html.includes(`<code>::part(${part.name})</code>`)) fail(`part ${part.name} missing`);
    for (const property of (declaration.cssProperties ?? []).filter((p) => !p.inheritedFrom))
      if (!html.includes(`<code>${property.name}</code>`)) fail(`${property.name} missing`);
  }
if (elements < 9) problems.push(`only ${elements} elements in the manifest`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `API docs: the public entry points each have a page; ${elements} elements show their events, parts and custom properties as tables`,
);
