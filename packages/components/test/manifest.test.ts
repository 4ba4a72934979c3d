// custom-elements.json (`npm run analyze`) is what IDEs, Storybook's controls and integrators read:
// each element's events must be exactly those it fires, each with its event class; nothing
// private and no test module may appear. The manifest is analysed from the current source here
// (the file on disk is a build output and may be stale).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyzeManifest,
  type Manifest,
  type ManifestDeclaration,
} from '../../../scripts/manifest.mjs';
import { componentEntries } from '../../../scripts/components.mjs';

const SRC = 'packages/components/src';

let manifest: Manifest;
before(async () => {
  manifest = await analyzeManifest();
});

/** The library's source modules (not tests, harnesses or generated code), relative to `src/`. */
function sourceModules(dir = ''): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory())
      return entry.name === 'test' || entry.name === 'generated' ? [] : sourceModules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const read = (path: string) => readFileSync(join(SRC, path), 'utf8');

/** Every `iq-*` event class of the library: class name → event name. */
function eventClasses(): Map<string, string> {
  const classes = new Map<string, string>();
  for (const path of sourceModules()) {
    const matches = read(path).matchAll(
      /class (Iq\w+Event) extends IqEvent \{[^}]*?static readonly eventName = '([\w-]+)'/g,
    );
    for (const [, name, event] of matches) classes.set(name!, event!);
  }
  return classes;
}

/** The event classes a module dispatches: `new IqXEvent(…)`, `IqXEvent.from(…)`. */
function dispatched(source: string): Set<string> {
  return new Set(
    [...source.matchAll(/\bnew (Iq\w+Event)\(|\b(Iq\w+Event)\.from\(/g)].map((m) => m[1] ?? m[2]!),
  );
}

/**
 * The event classes the element's `RequestController`s dispatch: those of core/request.ts, but
 * `iq-auth-required` only from a controller not given `authRequired: false` (directly or in
 * options named by a constant).
 */
function controllerEvents(sources: string, request: Set<string>): Set<string> {
  const events = new Set<string>();
  for (const [, args] of sources.matchAll(/\bnew RequestController\(([^;]*?)\)\s*;/g)) {
    const options = args!.split(',').slice(2).join(',').trim();
    const literal = options.startsWith('{')
      ? options
      : (new RegExp(`\\bconst ${options || '$^'}\\b[^=]*=\\s*(\\{[^}]*\\})`).exec(sources)?.[1] ??
        '');
    for (const c of request)
      if (c !== 'IqAuthRequiredEvent' || !/authRequired:\s*false/.test(literal)) events.add(c);
  }
  return events;
}

/** Each element: its tag, class, module (`<name>/<name>.ts`) and folder. */
function elements() {
  return componentEntries().defines.map((define) => {
    const source = read(`define/${define}.ts`);
    const [, tag, className] = /defineElement\('([\w-]+)', (\w+)\)/.exec(source)!;
    const [, module] = new RegExp(`import \\{ ${className} \\} from '\\.\\./([\\w/-]+)\\.js'`).exec(
      source,
    )!;
    return {
      tag: tag!,
      className: className!,
      module: `${module}.ts`,
      folder: module!.split('/')[0]!,
    };
  });
}

/** The `@fires {Type} name` tags of the JSDoc right above `export class <className>`. */
function firesTags(source: string, className: string): Map<string, string | undefined> {
  const at = source.indexOf(`export class ${className} `);
  const doc = source.slice(source.lastIndexOf('/**', at), at);
  return new Map(
    [...doc.matchAll(/@fires\s+(?:\{(\w+)\}\s+)?([\w-]+)/g)].map((m) => [m[2]!, m[1]]),
  );
}

function declaration(tag: string): ManifestDeclaration {
  const found = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tag);
  assert.ok(found, `${tag} is in the manifest`);
  return found;
}

test('no event without a name; every iq-* event names its event class', () => {
  const classes = eventClasses();
  for (const module of manifest.modules) {
    for (const d of module.declarations ?? []) {
      for (const event of d.events ?? []) {
        assert.ok(event.name, `${module.path} ${d.name}: an event without a name`);
        if (!event.name.startsWith('iq-')) continue;
        assert.ok(event.type?.text, `${d.name} ${event.name}: no type`);
        assert.equal(classes.get(event.type.text), event.name, `${d.name}: ${event.type.text}`);
        assert.ok(event.description, `${d.name} ${event.name}: no description`);
      }
    }
  }
});

test('each element lists exactly the events its @fires tags name and its modules dispatch', () => {
  const classes = eventClasses();
  const request = dispatched(read('core/request.ts'));
  for (const { tag, className, module, folder } of elements()) {
    // Every module of the element's folder, and the RequestController's events if it uses one.
    const sources = sourceModules(folder).map(read).join('\n');
    const fired = dispatched(sources);
    for (const c of controllerEvents(sources, request)) fired.add(c);
    const firedNames = [...fired].map((c) => classes.get(c) ?? c).sort();
    const tags = firesTags(read(module), className);
    const manifestEvents = declaration(tag).events ?? [];
    const listed = manifestEvents.map((e) => e.name!);

    assert.deepEqual(
      [...tags.keys()].filter((n) => n.startsWith('iq-')).sort(),
      firedNames,
      `${tag}: the @fires tags are the iq-* events the source dispatches`,
    );
    assert.deepEqual(listed.sort(), [...tags.keys()].sort(), `${tag}: the manifest's events`);
    for (const event of manifestEvents)
      assert.equal(event.type?.text, tags.get(event.name!), `${tag} ${event.name}: its type`);
  }
});

test('test modules, harnesses and private members are not listed', () => {
  const paths = manifest.modules.map((m) => m.path);
  assert.deepEqual(
    paths.filter((p) => /(^|\/)test\/|\.test\.|harness/.test(p)),
    [],
    'no test module',
  );
  for (const module of manifest.modules)
    for (const d of module.declarations ?? [])
      for (const member of d.members ?? []) {
        assert.notEqual(member.privacy, 'private', `${d.name}.${member.name}`);
        assert.ok(!member.name?.startsWith('#'), `${d.name}.${member.name}`);
      }
});

test('every element documents every token it reads, with its default; docs/theming.md lists them and every part', () => {
  const tokensOf = (source: string) =>
    new Set([...source.matchAll(/var\((--iq-[\w-]+)/g)].map((m) => m[1]!));
  const shared = tokensOf(read('core/styles.ts'));
  const theming = readFileSync('docs/theming.md', 'utf8');
  for (const { tag, folder } of elements()) {
    const d = declaration(tag);
    const listed = new Map((d.cssProperties ?? []).map((p) => [p.name!, p]));
    // Read by the element: the shared tokens, its own styles, and the form controls' base.
    const read_ = new Set([
      ...shared,
      ...tokensOf(sourceModules(folder).map(read).join('\n')),
      ...(/extends IqFormControl/.test(read(`${folder}/${folder}.ts`))
        ? tokensOf(read('core/form-control.ts'))
        : []),
    ]);
    for (const token of read_) {
      const property = listed.get(token);
      assert.ok(property, `${tag}: ${token} is in the manifest`);
      assert.ok(property.default, `${tag}: ${token} has a default`);
      assert.ok(property.description, `${tag}: ${token} has a description`);
    }
    for (const token of listed.keys())
      assert.ok(theming.includes(`\`${token}\``), `docs/theming.md lists ${token}`);
    // Each element's parts are named after its tag's first mention in the "Parts" section.
    const parts = theming.slice(theming.indexOf('## Parts'));
    const section = parts.slice(parts.indexOf(`\`<${tag}>\``));
    assert.ok(parts.includes(`\`<${tag}>\``), `docs/theming.md: ${tag}'s parts`);
    for (const part of d.cssParts ?? [])
      assert.ok(
        section.includes(`\`${part.name}\``),
        `docs/theming.md: ${tag}'s part ${part.name}`,
      );
  }
});

test("elements' styles use only private tokens that core/styles.ts sets, and no colour of their own", () => {
  const styles = read('core/styles.ts');
  const set = new Set([...styles.matchAll(/^\s*(--_[\w-]+):/gm)].map((m) => m[1]!));
  for (const path of sourceModules()) {
    const source = read(path);
    for (const [, name] of source.matchAll(/var\((--_[\w-]+)\)/g))
      assert.ok(set.has(name!), `${path}: ${name} is set in core/styles.ts`);
    if (path === 'core/styles.ts') continue;
    // Colours come from tokens (a print style may still say black).
    const css = [...source.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1]).join('\n');
    const colours = [...css.matchAll(/#[0-9a-f]{3,6}\b/gi)]
      .map((m) => m[0])
      .filter((c) => c !== '#000');
    assert.deepEqual(colours, [], `${path}: colours of its own`);
  }
});
