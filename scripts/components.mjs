// What `@iq-eservices/components` is made of, read from disk so that the build, the size budgets
// and the docs pick up a new element without a config edit: every `src/define/<name>.ts`
// registers one tag, and every `src/<name>/<name>.ts` holds one element class.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const COMPONENTS_DIR = 'packages/components';
const SRC = `${COMPONENTS_DIR}/src`;
/** Folders of `src/` that are not elements. */
const NOT_ELEMENTS = new Set(['core', 'define', 'generated', 'ssr', 'test']);

/** The registration modules and element class modules, with rollup's `input` for them. */
export function componentEntries(root = process.cwd()) {
  const src = resolve(root, SRC);
  const defines = readdirSync(resolve(src, 'define'))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
  const classes = readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_ELEMENTS.has(entry.name))
    .map((entry) => entry.name)
    .filter((name) => existsSync(resolve(src, name, `${name}.ts`)))
    .sort();
  const input = { index: `${SRC}/index.ts` };
  for (const name of defines) input[`define/${name}`] = `${SRC}/define/${name}.ts`;
  for (const name of classes) input[`${name}/${name}`] = `${SRC}/${name}/${name}.ts`;
  return { defines, classes, input };
}

/** The id of the virtual module that defines every element (the single-file bundle). */
export const ALL_ELEMENTS_ID = '\0iq-eservices-all';

/**
 * The source of a module exporting the library's API and the client's, and defining every
 * element: the entry of `dist/iq-eservices.js` and of the "every element" size figure.
 */
export function allElementsModule(defines, root = process.cwd()) {
  const path = (file) => JSON.stringify(resolve(root, SRC, file));
  return [
    `export * from ${path('index.ts')};`,
    `export * from '@iq-eservices/api';`,
    ...defines.map((name) => `import ${path(`define/${name}.ts`)};`),
    // Every element is here: one module of every message per language, not one per element.
    `import { useMessages } from ${path('core/localization.ts')};`,
    `import { messages } from ${path('generated/messages/all.ts')};`,
    `useMessages(messages);`,
  ].join('\n');
}
