// A typedoc plugin for Lit elements.
//
// - The members every element inherits from LitElement (`createProperty`, `renderRoot`,
//   `requestUpdate`, `styles`, `render`, …) are Lit's API, documented at lit.dev, not ours. Left
//   in, they would bury each element's own API and carry Lit's comments, whose `{@link}`s point
//   into Lit's docs and fail to resolve here. They are left out, so `treatWarningsAsErrors` can
//   stay on.
// - The elements' `@fires`, `@csspart`, `@cssprop`, `@cssstate` and `@slot` tags, which typedoc
//   would show as one block per tag (and without the event's class, which it drops from
//   `{IqLoginEvent}`), become tables in the class's description: its events with their classes
//   linked, its parts, its custom properties with their defaults, its custom states. They are
//   read from the custom elements manifest (analysed from the source, as `npm run analyze` does),
//   so the API docs, Storybook and editors show the same thing.
import { Converter, ReflectionKind } from 'typedoc';
import { analyzeManifest } from './manifest.mjs';

const ELEMENT_TAGS = new Set(['@fires', '@csspart', '@cssprop', '@cssstate', '@slot']);

const LIT_CLASSES = /^(LitElement|ReactiveElement)\./;

/** @param {import('typedoc').Application} app */
export async function load(app) {
  /** Class name → its declaration in the manifest (elements and their base classes). */
  const declarations = new Map();
  for (const module of (await analyzeManifest()).modules ?? [])
    for (const declaration of module.declarations ?? [])
      if (declaration.kind === 'class') declarations.set(declaration.name, declaration);

  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      const project = context.project;
      for (const owner of project.getReflectionsByKind(ReflectionKind.Class)) {
        const comment = owner.comment;
        if (!comment?.blockTags.some((tag) => ELEMENT_TAGS.has(tag.tag))) continue;
        const declaration = declarations.get(owner.name);
        if (!declaration) {
          app.logger.error(`${owner.name} has element tags but is not in the manifest`);
          continue;
        }
        comment.blockTags = comment.blockTags.filter((tag) => !ELEMENT_TAGS.has(tag.tag));
        comment.summary.push(...elementTables(declaration, project));
      }
    },
    // Before links are resolved: the tables' links are resolved and validated like any other.
    300,
  );

  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      const project = context.project;
      const members = project.getReflectionsByKind(ReflectionKind.ClassMember);
      const litNames = new Set(
        members
          .filter((m) =>
            [m.inheritedFrom, m.overwrites].some((t) => LIT_CLASSES.test(t?.name ?? '')),
          )
          .map((m) => m.name),
      );
      for (const member of members) {
        if (!litNames.has(member.name)) continue;
        // Only in classes that are Lit elements (a plain class's `render` is its own).
        const owner = member.parent;
        const isElement = owner?.kindOf(ReflectionKind.Class) && extendsLit(owner);
        if (isElement) project.removeReflection(member);
      }
    },
    // Before typedoc copies comments from overridden members and resolves links.
    200,
  );
}

/** Whether a class reflection has LitElement among its ancestors. */
function extendsLit(owner) {
  const seen = new Set();
  const queue = [...(owner.extendedTypes ?? [])];
  while (queue.length) {
    const type = queue.shift();
    const name = type?.name ?? '';
    if (name === 'LitElement' || name === 'ReactiveElement') return true;
    const target = type?.reflection;
    if (target && !seen.has(target)) {
      seen.add(target);
      queue.push(...(target.extendedTypes ?? []));
    }
  }
  return false;
}

/** A table cell's text: on one line, its pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');

const text = (value) => ({ kind: 'text', text: value });

/**
 * A link to a type: to its page when the docs have it, to MDN for the DOM's events (`Event`,
 * `InputEvent`), else its name as code.
 */
function typeLink(name, project) {
  if (!name) return [text(' ')];
  const target = project
    .getReflectionsByKind(
      ReflectionKind.Class | ReflectionKind.Interface | ReflectionKind.TypeAlias,
    )
    .find((r) => r.name === name);
  if (target) return [{ kind: 'inline-tag', tag: '@link', text: name, target }];
  if (/^(?:[A-Z]\w*)?Event$/.test(name))
    return [
      {
        kind: 'inline-tag',
        tag: '@link',
        text: name,
        target: `https://developer.mozilla.org/docs/Web/API/${name}`,
      },
    ];
  return [{ kind: 'code', text: `\`${name}\`` }];
}

/** The element's events, parts, custom properties, states and slots as markdown tables. */
function elementTables(declaration, project) {
  const parts = [];
  const table = (heading, columns, rows) => {
    if (!rows.length) return;
    parts.push(
      text(
        `\n\n#### ${heading}\n\n| ${columns.join(' | ')} |\n|${columns.map(() => ' --- |').join('')}\n`,
      ),
    );
    for (const row of rows) {
      for (const value of row) {
        parts.push(text('| '));
        if (Array.isArray(value)) parts.push(...value);
        else parts.push(text(value));
        parts.push(text(' '));
      }
      parts.push(text('|\n'));
    }
  };
  table(
    'Events',
    ['Event', 'Class', 'When'],
    (declaration.events ?? []).map((e) => [
      `\`${e.name}\``,
      typeLink(e.type?.text, project),
      cell(e.description),
    ]),
  );
  table(
    'CSS parts',
    ['Part', 'What it is'],
    (declaration.cssParts ?? []).map((p) => [`\`::part(${p.name})\``, cell(p.description)]),
  );
  const own = (declaration.cssProperties ?? []).filter((p) => !p.inheritedFrom);
  table(
    'CSS custom properties',
    ['Property', 'Default', 'What it sets'],
    own.map((p) => [
      `\`${p.name}\``,
      p.default ? `\`${cell(p.default)}\`` : '',
      cell(p.description),
    ]),
  );
  const inherited = [
    ...new Set(
      (declaration.cssProperties ?? []).flatMap((p) =>
        p.inheritedFrom ? [p.inheritedFrom.name] : [],
      ),
    ),
  ];
  for (const base of inherited)
    parts.push(
      text(`\n\nIt also follows the custom properties every element shares, listed on `),
      ...typeLink(base, project),
      text('.\n'),
    );
  table(
    'Custom states',
    ['State', 'When'],
    (declaration.cssStates ?? []).map((s) => [`\`:state(${s.name})\``, cell(s.description)]),
  );
  table(
    'Slots',
    ['Slot', 'What it holds'],
    (declaration.slots ?? []).map((s) => [
      s.name ? `\`${s.name}\`` : '(default)',
      cell(s.description),
    ]),
  );
  return parts;
}
