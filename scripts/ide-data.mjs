#!/usr/bin/env node
// Editor data for the elements, generated from custom-elements.json (never written by hand):
// VS Code's HTML and CSS custom data and JetBrains' web-types, in the components' dist/ (shipped,
// named in package.json: `web-types`, and exports for the VS Code files). Run by `npm run analyze`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { fileURLToPath } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const components = join(root, 'packages/components');
const DOCS = 'https://github.com/iq-eservices/iq-eservices/blob/main/docs/components.md';

/** Every element of a manifest with a tag. */
export const elementsOf = (manifest) =>
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** The values of a type made only of string literals (`'list' | 'lookup'`), else none. */
function literals(type = '') {
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined');
  return parts.length && parts.every((p) => /^'[^']*'$/.test(p))
    ? parts.map((p) => p.slice(1, -1))
    : [];
}

const text = (d) => [d.summary, d.description].filter(Boolean).join('\n\n');
const events = (el) => (el.events ?? []).filter((e) => e.name);

/**
 * The three files' contents from a manifest: `html` and `css` (VS Code custom data) and
 * `webTypes` (JetBrains).
 */
export function ideData(manifest, pkg = { name: '@iq-eservices/components', version: '0.0.0' }) {
  const elements = elementsOf(manifest);
  const html = {
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tagName,
      description: text(el),
      attributes: (el.attributes ?? []).map((a) => ({
        name: a.name,
        description: a.description ?? '',
        ...(literals(a.type?.text).length
          ? { values: literals(a.type?.text).map((name) => ({ name })) }
          : a.type?.text === 'boolean'
            ? { valueSet: 'v' }
            : {}),
      })),
      references: [{ name: 'Guide', url: DOCS }],
    })),
  };

  const css = {
    version: 1.1,
    properties: [
      ...new Map(
        elements
          .flatMap((el) => el.cssProperties ?? [])
          .map((p) => [
            p.name,
            {
              name: p.name,
              description: `${p.description ?? ''}${p.default ? ` Default: \`${p.default}\`.` : ''}`,
            },
          ]),
      ).values(),
    ],
    pseudoElements: [
      ...new Map(
        elements.flatMap((el) =>
          (el.cssParts ?? []).map((p) => [
            `::part(${p.name})`,
            { name: `::part(${p.name})`, description: p.description ?? '' },
          ]),
        ),
      ).values(),
    ],
  };

  const webTypes = {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tagName,
          description: text(el),
          'doc-url': DOCS,
          attributes: (el.attributes ?? []).map((a) => ({
            name: a.name,
            description: a.description ?? '',
            value: literals(a.type?.text).length
              ? {
                  kind: 'plain',
                  type: literals(a.type?.text)
                    .map((v) => `'${v}'`)
                    .join(' | '),
                }
              : {
                  kind: a.type?.text === 'boolean' ? 'no-value' : 'plain',
                  type: a.type?.text ?? 'string',
                },
          })),
          events: events(el).map((e) => ({ name: e.name, description: e.description ?? '' })),
          js: {
            properties: (el.members ?? [])
              .filter(
                (m) =>
                  m.kind === 'field' &&
                  !m.static &&
                  m.privacy !== 'private' &&
                  m.privacy !== 'protected',
              )
              .map((m) => ({ name: m.name, description: m.description ?? '', type: m.type?.text })),
            events: events(el).map((e) => ({ name: e.name, description: e.description ?? '' })),
          },
          css: {
            properties: (el.cssProperties ?? []).map((p) => ({
              name: p.name,
              description: p.description ?? '',
            })),
            parts: (el.cssParts ?? []).map((p) => ({
              name: p.name,
              description: p.description ?? '',
            })),
          },
        })),
      },
    },
  };

  return { html, css, webTypes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pkg = JSON.parse(readFileSync(join(components, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(components, 'custom-elements.json'), 'utf8'));
  const { html, css, webTypes } = ideData(manifest, pkg);
  const out = join(components, 'dist');
  mkdirSync(out, { recursive: true });
  const write = (file, value) =>
    writeFileSync(join(out, file), `${JSON.stringify(value, null, 2)}\n`);
  write('vscode.html-custom-data.json', html);
  write('vscode.css-custom-data.json', css);
  write('web-types.json', webTypes);
}
