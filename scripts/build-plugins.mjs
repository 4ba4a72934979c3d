// Build-time transforms of the components' code and the production minifier, shared by every
// rollup build that ships code (`dist/`, the single-file bundle, the demo portal) and by the size
// script, so that the figures measure what is published:
//
// - `litTemplates()`: the whitespace inside `html` and `css` templates, which is indentation for
//   the source's reader and bytes for the citizen's phone, collapsed.
// - `shortMessageIds()`: message ids (`wizard.member.add`, readable in the XLIFF files) replaced by
//   short ones (`4k`) in the code and in the generated locale modules alike.
// - `sourceTemplatesOut()`: the English text of every `msg()` call taken out of the code; English
//   loads on demand from `generated/locales/en/*` like Arabic and Kurdish, so that a page in those
//   languages does not download it.
// - `minify()`: terser with Lit's settings, licence notices moved to a file beside the bundle.
//
// None changes what a page renders or says (templates with `<pre>` or `<textarea>` are left as
// written; no style of the library sets `white-space: pre*`). The demo portal's
// browser tests run on code built with them; packages/components/test/build-plugins.test.ts pins
// their rules and scripts/pack-check.mjs checks the installed package's ids.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** Where lit-localize writes the translated templates (one module per language). */
export const LOCALES_DIR = 'packages/components/src/generated/locales';
/**
 * The languages whose messages load on demand: every one, English too (the built code carries
 * none, `sourceTemplatesOut()`).
 */
export const LOCALES = ['ar', 'ckb', 'en'];

/**
 * An `html` template's text with every run of two or more spaces, tabs or line breaks as one
 * space. HTML renders such a run as one space already (the library's templates have no `<pre>` or
 * `<textarea>`), so nothing a citizen sees changes; spaces between inline elements are kept.
 */
export function minifyHtmlText(raw) {
  return raw.replace(/[ \t\r\n]{2,}|[\t\r\n]/g, ' ');
}

/**
 * A `css` template's text without comments, with whitespace collapsed and dropped around `{`, `}`,
 * `;`, `,` and after `:`, and without the zero before a decimal point (`0.5rem` → `.5rem`).
 * `first` / `last`: whether the text opens or closes the template (else it borders an
 * interpolation, and a space there may separate two tokens).
 */
export function minifyCssText(raw, first = true, last = true) {
  // Quoted strings (`content: '  '`, font names) are content: only the text between them changes.
  // Comments go first, read in the same pass as strings: a quote inside a comment ("the name's
  // box") opens no string, and `/*` inside a string opens no comment.
  const uncommented = raw.replace(
    /("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*')|\/\*[\s\S]*?\*\//g,
    (match, string) => string ?? ' ',
  );
  const parts = uncommented.split(/("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*')/);
  return parts
    .map((part, i) =>
      i % 2 ? part : minifyCssCode(part, first && i === 0, last && i === parts.length - 1),
    )
    .join('');
}

function minifyCssCode(raw, first, last) {
  let text = raw
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2');
  if (first) text = text.trimStart();
  if (last) text = text.trimEnd();
  return text;
}

/** Calls `visit` on every node of an ESTree tree. */
export function walk(node, visit) {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof child.type === 'string') walk(child, visit);
    } else if (value && typeof value.type === 'string') {
      walk(value, visit);
    }
  }
}

const isString = (node) => node?.type === 'Literal' && typeof node.value === 'string';

/** A transform's result with its source map. */
function result(s, id) {
  return s.hasChanged()
    ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) }
    : null;
}

/** Our own source modules (not Lit's or another package's): the only ones transformed. */
const ours = (id) => !id.includes('/node_modules/') && /\.(ts|js|mjs)$/.test(id);

/** Minifies the text of `html`, `svg` and `css` tagged templates (see the two functions above). */
export function litTemplates() {
  return {
    name: 'iq-lit-templates',
    transform(code, id) {
      if (!ours(id) || !/\b(html|svg|css)`/.test(code)) return null;
      const s = new MagicString(code);
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const tag = node.tag.name;
        if (tag !== 'html' && tag !== 'svg' && tag !== 'css') return;
        const quasis = node.quasi.quasis;
        // Where spaces are content, the template is left as written.
        if (tag !== 'css' && quasis.some((q) => /<(pre|textarea)\b/i.test(q.value.raw))) return;
        quasis.forEach((q, i) => {
          const raw = code.slice(q.start, q.end);
          // Positions as the parser gave them, or the template is left as it is.
          if (raw !== q.value.raw) return;
          const text =
            tag === 'css'
              ? minifyCssText(raw, i === 0, i === quasis.length - 1)
              : minifyHtmlText(raw);
          if (text !== raw) s.overwrite(q.start, q.end, text || ' ');
        });
      });
      return result(s, id);
    },
  };
}

/**
 * Every message id of the catalogue (the generated locale modules' keys), sorted, each with its
 * short id: its index in base 36.
 */
export function messageIdMap(root = process.cwd()) {
  const ids = new Set();
  for (const locale of LOCALES) {
    const source = readFileSync(resolve(root, LOCALES_DIR, `${locale}.ts`), 'utf8');
    for (const [, id] of source.matchAll(/^\s*'([^']+)':/gm)) ids.add(id);
  }
  return new Map([...ids].sort().map((id, index) => [id, index.toString(36)]));
}

/**
 * Replaces the catalogue's message ids by short ones: the `id` of a `msg()` call's options (and
 * no other `id` property of any module) and the keys of the generated locale modules, from one
 * map, so that they still meet.
 */
export function shortMessageIds(root = process.cwd()) {
  let ids = new Map();
  const localesDir = resolve(root, LOCALES_DIR);
  return {
    name: 'iq-short-message-ids',
    buildStart() {
      ids = messageIdMap(root);
    },
    transform(code, id) {
      if (!ours(id)) return null;
      const locale = resolve(id).startsWith(localesDir);
      if (!locale && !/\bid:/.test(code)) return null;
      const s = new MagicString(code);
      const replace = (node) => {
        const short = ids.get(node.value);
        if (short) s.overwrite(node.start, node.end, JSON.stringify(short));
      };
      walk(this.parse(code), (node) => {
        // `msg('…', { id: 'wizard.back' })`, `msg(html\`…\`, { id })`: only a msg() call's options.
        if (
          node.type === 'CallExpression' &&
          node.callee.type === 'Identifier' &&
          node.callee.name === 'msg' &&
          node.arguments[1]?.type === 'ObjectExpression'
        ) {
          for (const property of node.arguments[1].properties) {
            if (property.type !== 'Property' || property.computed) continue;
            const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
            if (key === 'id' && isString(property.value)) replace(property.value);
          }
        }
        // `templates = { 'wizard.back': '…' }` in a generated locale module
        else if (locale && node.type === 'Property' && !node.computed && isString(node.key))
          replace(node.key);
      });
      return result(s, id);
    },
  };
}

/**
 * TypeScript to ES2022, as every build of the repository does it; UTF-8 out, so that the Arabic and
 * Sorani texts of `dist/` stay text rather than `\u0627` escapes (less than half the bytes).
 */
export const transpile = () =>
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', charset: 'utf8' });

/** Modules for the browser: the packages' source (`iq-source`), browser builds of dependencies. */
export const browserResolve = () =>
  nodeResolve({
    browser: true,
    exportConditions: ['iq-source', 'browser', 'import', 'default'],
    extensions: ['.ts', '.js', '.mjs'],
  });

/**
 * For a bundle that defines every element (`dist/iq-eservices.js`): each element's message
 * loaders (`generated/messages/<element>.ts`) resolved to the whole catalogue's
 * (`generated/messages/all.ts`). Such a bundle loads the whole catalogue anyway (one request per
 * language rather than one per element), so the per-element message modules would be chunks it
 * emits and never loads.
 */
export function wholeCatalogue() {
  return {
    name: 'iq-whole-catalogue',
    async resolveId(source, importer) {
      if (!importer || !/\/generated\/messages\/[\w-]+\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || !/\/generated\/messages\/[\w-]+\.ts$/.test(resolved.id)) return resolved;
      return resolved.id.replace(/[\w-]+\.ts$/, 'all.ts');
    },
  };
}

/**
 * Takes the source (English) text out of every `msg()` call of the components: `msg('Continue',
 * { id })` becomes `msg('', { id })`, and `msg(str\`${n} members\`, { id })` keeps only its
 * values (`str\`${n}\``), which the loaded template places. The English templates are in
 * `generated/locales/en.ts` (scripts/message-groups.mjs), loaded like any language's: nothing a
 * citizen sees changes, once the page's language has loaded, as before.
 */
export function sourceTemplatesOut() {
  const components = resolve(process.cwd(), 'packages/components/src');
  return {
    name: 'iq-source-templates-out',
    transform(code, id) {
      const file = resolve(id);
      if (!ours(id) || !file.startsWith(components) || file.includes('/generated/')) return null;
      if (!code.includes('msg(')) return null;
      const s = new MagicString(code);
      walk(this.parse(code), (node) => {
        if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return;
        if (node.callee.name !== 'msg') return;
        // The runtime (core/localization.ts) finds a translation by its id only: a call without
        // one would show its English text in every language.
        const options = node.arguments[1];
        const named =
          options?.type === 'ObjectExpression' &&
          options.properties.some(
            (p) => p.type === 'Property' && (p.key.name ?? p.key.value) === 'id',
          );
        if (!named) this.error(`msg() without an \`id\` (${file}:${node.start})`);
        const [template] = node.arguments;
        if (
          isString(template) ||
          (template.type === 'TemplateLiteral' && !template.expressions.length)
        )
          s.overwrite(template.start, template.end, "''");
        else if (template.type === 'TaggedTemplateExpression')
          for (const quasi of template.quasi.quasis)
            if (quasi.end > quasi.start) s.overwrite(quasi.start, quasi.end, '');
      });
      return result(s, id);
    },
  };
}

/** The components' build-time transforms, after `transpile()`. */
export const componentTransforms = () => [litTemplates(), sourceTemplatesOut(), shortMessageIds()];

/**
 * Lit's advice for production bundles: terser, two passes, and private `__` properties mangled.
 * The published bundles and the size figures use it.
 */
export const TERSER_OPTIONS = {
  module: true,
  compress: { passes: 2 },
  mangle: { properties: { regex: /^__/ } },
};

/**
 * The production minifier (rollup plugins): terser, then the licence comments terser keeps
 * (`@license`, `/*!`) moved out of the code into `<chunk>.LICENSE.txt` beside it, which the chunk
 * names in its first line, as webpack does: the notices ship with the bundle, not with every
 * download of it.
 */
export const minify = () => [terser(TERSER_OPTIONS), extractLicenses()];

/** See {@link minify}. */
export function extractLicenses() {
  const found = new Map();
  return {
    name: 'iq-extract-licenses',
    renderChunk(code, chunk) {
      // Terser keeps only these, each at the start of a line: `/*! … */` and `/** @license … */`
      // (the body stops at the first `*/`).
      const comments = [
        ...code.matchAll(/^\/\*(?:!|\*\s*\n\s*\*\s*@license\b)(?:[^*]|\*(?!\/))*\*\//gm),
      ];
      if (!comments.length) return null;
      const s = new MagicString(code);
      for (const comment of comments) s.remove(comment.index, comment.index + comment[0].length);
      const file = `${chunk.fileName}.LICENSE.txt`;
      found.set(file, [...new Set(comments.map((c) => c[0].trim()))].join('\n\n'));
      s.prepend(`/*! Licences: ./${file.split('/').pop()} */\n`);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
    generateBundle() {
      for (const [fileName, source] of found) this.emitFile({ type: 'asset', fileName, source });
      found.clear();
    },
  };
}

/**
 * No source map for the message catalogues (`generated/locales/*`: lit-localize's output, data
 * rather than code): a map of them leads back to the same strings and would add a fifth of the
 * components' package for nothing. Every other module keeps a map with its sources' content
 * inside, so that a map never points at a file the package does not ship (scripts/pack-check.mjs).
 */
export function noCatalogueMaps() {
  const catalogue = (id) => resolve(id).startsWith(resolve(LOCALES_DIR));
  return {
    name: 'iq-no-catalogue-maps',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds.length) continue;
        if (!chunk.moduleIds.every((id) => catalogue(id.replace(/^\0/, '')))) continue;
        chunk.map = null;
        chunk.code = chunk.code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
        Reflect.deleteProperty(bundle, `${chunk.fileName}.map`);
      }
    },
  };
}
