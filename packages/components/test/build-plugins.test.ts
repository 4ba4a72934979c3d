// The components' build-time transforms (scripts/build-plugins.mjs): templates keep what they
// render, and the short message ids of the code and of the locale modules still meet.
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollup, type OutputAsset, type OutputChunk, type Plugin } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import terser from '@rollup/plugin-terser';
import {
  TERSER_OPTIONS,
  browserResolve,
  componentTransforms,
  messageIdMap,
  minify,
  minifyCssText,
  minifyHtmlText,
  transpile,
} from '../../../scripts/build-plugins.mjs';
import {
  messageIdsByElement,
  readTemplates,
  sourceTemplates,
} from '../../../scripts/message-groups.mjs';

const WIZARD = 'packages/components/src/define/update-wizard.ts';

/** The wizard built with the components' transforms and then `plugins`. */
async function build(plugins: Plugin[]) {
  const bundle = await rollup({
    input: WIZARD,
    onwarn: () => undefined,
    plugins: [browserResolve(), transpile(), ...componentTransforms(), ...plugins],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  return output;
}

test('html templates: runs of whitespace become one space, single spaces and no-break spaces stay', () => {
  assert.equal(
    minifyHtmlText(
      '\n      <p class="a   b">\n        <bdi>x</bdi> — <span>y</span>\n      </p>\n',
    ),
    ' <p class="a b"> <bdi>x</bdi> — <span>y</span> </p> ',
  );
  // A line break alone is a space too; a no-break space is text, not whitespace to collapse.
  assert.equal(minifyHtmlText('a\nb\u00a0\u00a0c'), 'a b\u00a0\u00a0c');
});

test('css templates: comments and layout whitespace go, tokens stay apart', () => {
  assert.equal(
    minifyCssText(`
      /* the card */
      :host {
        margin-block: 0.25rem 10.5rem;
        gap: calc(var(--iq-space, 1rem) * 0.75);
      }
      .a :focus-visible,
      .b > .c {
        outline: 3px solid var(--iq-color-focus, #ffdd00);
      }
    `),
    ':host{margin-block:.25rem 10.5rem;gap:calc(var(--iq-space,1rem) * .75)}.a :focus-visible,.b > .c{outline:3px solid var(--iq-color-focus,#ffdd00)}',
  );
  // Beside an interpolation the space may separate two tokens: it stays.
  assert.equal(minifyCssText(' margin: 0 ', false, false), ' margin:0 ');
  assert.equal(minifyCssText(' .x { color: red; } ', false, true), ' .x{color:red}');
});

test('css templates: quoted strings are content, left as written', () => {
  assert.equal(
    minifyCssText(`
      .a::before {
        content: '  a ;  b { }  ';
        font-family: "Noto  Naskh Arabic", sans-serif;
      }
    `),
    `.a::before{content:'  a ;  b { }  ';font-family:"Noto  Naskh Arabic",sans-serif}`,
  );
  assert.equal(
    minifyCssText(`content: "it\\"s  0.5" ;  margin: 0.5rem`),
    `content:"it\\"s  0.5";margin:.5rem`,
  );
});

test('css templates: a quote inside a comment opens no string, a comment inside a string stays', () => {
  assert.equal(
    minifyCssText(`
      /* The member's hidden name: it wraps inside the row. */
      .a { margin: 0 }
      /* "quoted" too */
      .b::after { content: '/* not a comment */' }
    `),
    `.a{margin:0}.b::after{content:'/* not a comment */'}`,
  );
});

/** `source` (one module, `lit` and `@lit/localize` external) built with the components' transforms. */
async function buildSource(source: string) {
  const bundle = await rollup({
    input: 'entry',
    external: ['lit', '@lit/localize'],
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? '/virtual/entry.js' : null),
        load: (id) => (id === '/virtual/entry.js' ? source : null),
      },
      ...componentTransforms(),
    ],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  return output[0].code;
}

test("short ids replace a msg() call's id only, not any other id property", async () => {
  const [id, short] = [...messageIdMap()][0]!;
  const code = await buildSource(
    [
      "import { msg, str } from '@lit/localize';",
      "import { html } from 'lit';",
      `export const a = () => msg('A', { id: '${id}' });`,
      `export const b = () => msg(html\`<b>B</b>\`, { id: '${id}', desc: 'x' });`,
      `export const c = { id: '${id}' };`,
      `export const d = (f) => f('D', { id: '${id}' });`,
    ].join('\n'),
  );
  const lines = code.split('\n');
  const line = (name: string) => lines.find((l) => l.includes(`const ${name} =`)) ?? '';
  assert.match(line('a'), new RegExp(`id: "${short}"`));
  assert.match(line('b'), new RegExp(`id: "${short}"`));
  assert.match(line('c'), new RegExp(`id: '${id.replaceAll('.', '\\.')}'`));
  assert.match(line('d'), new RegExp(`id: '${id.replaceAll('.', '\\.')}'`));
});

test('the locale modules are read whole: plain, str and html messages', () => {
  const templates = readTemplates(
    [
      'export const templates = {',
      "  'a.plain': `نص`,",
      "  's.str': str`${0} عنصر`,",
      "  'h.html': html`<b>غامق</b> و \\` علامة`,",
      '};',
    ].join('\n'),
  );
  assert.deepEqual([...templates.keys()], ['a.plain', 's.str', 'h.html']);
  assert.equal(templates.get('h.html'), 'html`<b>غامق</b> و \\` علامة`');
});

test('a template whose spaces are content is left as written', async () => {
  const source = [
    "import { html } from 'lit';",
    'export const a = html`<pre>  two  spaces\n  kept</pre>`;',
    'export const b = html`<p>\n  collapsed\n</p>`;',
  ].join('\n');
  const bundle = await rollup({
    input: 'entry',
    external: ['lit'],
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? '/virtual/entry.js' : null),
        load: (id) => (id === '/virtual/entry.js' ? source : null),
      },
      ...componentTransforms(),
    ],
  });
  const { output } = await bundle.generate({ format: 'esm' });
  await bundle.close();
  assert.match(output[0].code, /<pre> {2}two {2}spaces\n {2}kept<\/pre>/);
  assert.match(output[0].code, /html`<p> collapsed <\/p>`/);
});

test('every message id has a short id of its own', () => {
  const ids = messageIdMap();
  assert.ok(ids.size > 100, 'the catalogue is read');
  assert.equal(new Set(ids.values()).size, ids.size, 'short ids are unique');
  for (const [id, short] of ids) assert.ok(short.length < id.length, `${id} → ${short}`);
});

test("a production build: the code's short ids are the keys of its elements' Arabic modules, templates are compact", async () => {
  const output = await build([]);
  const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
  const code = chunks.filter((c) => !c.facadeModuleId?.includes('/generated/locales/'));
  const arabic = chunks.filter((c) => c.facadeModuleId?.includes('/generated/locales/ar/'));
  // The wizard's messages and its fields', each a chunk loaded on demand; not the whole catalogue.
  assert.deepEqual(arabic.map((c) => /\/ar\/([\w-]+)\.ts$/.exec(c.facadeModuleId!)?.[1]).sort(), [
    'national-id-input',
    'phone-input',
    'update-wizard',
  ]);
  assert.ok(!chunks.some((c) => c.facadeModuleId?.endsWith('/generated/locales/ar.ts')));
  const ids = messageIdMap();
  const used = new Set(
    code.flatMap((c) => [...c.code.matchAll(/\bid: "([^"]+)"/g)].map((m) => m[1]!)),
  );
  assert.ok(used.size > 100, 'the wizard uses its messages by id');
  const shorts = new Set(ids.values());
  const long = [...used].filter((id) => ids.has(id));
  assert.deepEqual(long, [], 'no catalogue id is left long in the code');
  const keys = new Set(
    arabic.flatMap((c) => [...c.code.matchAll(/^\s*"?([0-9a-z]+)"?:/gm)].map((m) => m[1]!)),
  );
  const missing = [...used].filter((id) => shorts.has(id) && !keys.has(id));
  assert.deepEqual(missing, [], 'every short id the code asks for has its Arabic text');
  // The wizard's stylesheet and templates are compact.
  const all = code.map((c) => c.code).join('\n');
  assert.match(
    all,
    /:host\{display:block;max-inline-size:var\(--iq-update-wizard-max-width,40rem\)\}/,
  );
  assert.doesNotMatch(all, /html`[^`]*\n {4,}</, 'no indented html template is left');
});

test("a production build carries no English in the code: the wizard's English loads like its Arabic", async () => {
  const output = await build([]);
  const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
  const code = chunks
    .filter((c) => !c.facadeModuleId?.includes('/generated/locales/'))
    .map((c) => c.code)
    .join('\n');
  const english = chunks.filter((c) => c.facadeModuleId?.includes('/generated/locales/en/'));
  assert.deepEqual(english.map((c) => /\/en\/([\w-]+)\.ts$/.exec(c.facadeModuleId!)?.[1]).sort(), [
    'national-id-input',
    'phone-input',
    'update-wizard',
  ]);
  // Every English sentence of the wizard's group is in its English module, none in the code.
  const wizard = readTemplates(
    readFileSync('packages/components/src/generated/locales/en/update-wizard.ts', 'utf8'),
  );
  const sentences = [...wizard.values()]
    .filter((t) => t.startsWith('`') && t.length > 24)
    .map((t) => t.slice(1, -1));
  assert.ok(sentences.length > 50, 'the wizard has its sentences');
  const module = english.find((c) => c.facadeModuleId!.endsWith('/en/update-wizard.ts'))!.code;
  for (const sentence of sentences) {
    assert.ok(!code.includes(sentence), `"${sentence}" left in the code`);
    assert.ok(module.includes(sentence), `"${sentence}" missing from the English module`);
  }
  // A message with values keeps them in the call: the loaded template places them.
  assert.match(code, /msg\(str`\$\{[^`]+\}`, \{ id: "[0-9a-z]+" \}\)/);
});

test("the English catalogue is the code's: every message, with the same values as its translations", async () => {
  const english = await sourceTemplates(process.cwd());
  const arabic = readTemplates(
    readFileSync('packages/components/src/generated/locales/ar.ts', 'utf8'),
  );
  assert.deepEqual([...english.keys()].sort(), [...arabic.keys()].sort());
  const values = (t: string) =>
    [...t.matchAll(/\$\{(\d+)\}/g)]
      .map((m) => m[1])
      .sort()
      .join();
  for (const [id, template] of english)
    assert.equal(values(template), values(arabic.get(id)!), `${id}: the same values`);
  assert.equal(english.get('format.baghdad-time'), 'str`${0} (Baghdad time)`');
});

test('licence notices move to a file beside the bundle, and nothing else leaves the code', async () => {
  const entry = (output: Awaited<ReturnType<typeof build>>) =>
    output.find((o): o is OutputChunk => o.type === 'chunk' && o.isEntry)!;
  const kept = entry(await build([terser(TERSER_OPTIONS)])).code;
  const output = await build(minify());
  const moved = entry(output).code;
  const notices = output.find(
    (o): o is OutputAsset => o.type === 'asset' && o.fileName === 'update-wizard.js.LICENSE.txt',
  );
  assert.ok(notices, 'the notices are written beside the bundle');
  const texts = String(notices.source).split('\n\n');
  assert.ok(texts.length > 0 && texts.every((t) => /@license|^\/\*!/.test(t)));
  assert.match(kept, /@license/, 'terser keeps the notices in the code');
  assert.doesNotMatch(moved, /@license/);
  const [banner, ...rest] = moved.split('\n');
  assert.equal(banner, '/*! Licences: ./update-wizard.js.LICENSE.txt */');
  // Exactly the notices are gone: the rest is terser's code, character for character.
  assert.equal(
    rest.join('\n'),
    texts.reduce((code, text) => code.split(text).join(''), kept),
  );
  assert.doesNotThrow(() => parseAst(moved));
});

test("an element's message group is what its tree-shaken bundle uses, not its whole module graph", async () => {
  const groups = await messageIdsByElement(process.cwd());
  const card = groups.get('ration-card');
  assert.ok(card);
  // Used: its own messages and the core problem box's.
  for (const id of ['ration-card.heading', 'problem.offline', 'problem.reference'])
    assert.ok(card.has(id), id);
  // core/format.ts, which the card imports, defines this one; the card never calls it.
  assert.match(
    readFileSync('packages/components/src/core/format.ts', 'utf8'),
    /id: 'format\.baghdad-time'/,
  );
  assert.ok(!card.has('format.baghdad-time'));
  // The login shows Baghdad times (the lock-out), so its group has it.
  assert.ok(groups.get('login')?.has('format.baghdad-time'));
});

test('a msg() call without an id fails the build (translations are found by id only)', async () => {
  const file = `${process.cwd()}/packages/components/src/virtual-element.ts`;
  const buildElement = async (source: string) => {
    const bundle = await rollup({
      input: file,
      external: ['lit', '@lit/localize'],
      plugins: [
        {
          name: 'entry',
          resolveId: (id) => (id === file ? file : null),
          load: (id) => (id === file ? source : null),
        },
        ...componentTransforms(),
      ],
    });
    await bundle.close();
  };
  const header = "import { msg, str } from '@lit/localize';\n";
  await buildElement(`${header}export const a = (n) => msg(str\`\${n} left\`, { id: 'x.left' });`);
  await assert.rejects(
    buildElement(`${header}export const a = () => msg('Continue');`),
    /msg\(\) without an `id`/,
  );
  await assert.rejects(
    buildElement(`${header}export const a = () => msg('Continue', { desc: 'a button' });`),
    /msg\(\) without an `id`/,
  );
});
