// custom-elements.json for @iq-eservices/components, read from the elements' JSDoc (`@summary`,
// `@fires`, `@csspart`, `@cssprop`, `@slot`) and Lit's `static properties`. Written at build time
// (`npm run analyze`, part of `npm run build`) and git-ignored: it is an output, like `dist/`.
import { posix } from 'node:path';

const SRC = 'packages/components/src/';

/**
 * Tags come from `defineElement('iq-…', IqClass)` in `src/define/<name>.ts` (the library never
 * uses `@customElement`): record each as a custom-element definition and mark its class.
 */
const defineElementCalls = () => {
  const tags = new Map();
  return {
    name: 'iq-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !constructor || !ts.isStringLiteral(tag) || !ts.isIdentifier(constructor)) return;
      const className = constructor.text;
      const from = node
        .getSourceFile()
        .statements.filter(ts.isImportDeclaration)
        .find((statement) =>
          statement.importClause?.namedBindings?.elements?.some((e) => e.name.text === className),
        );
      const module = from
        ? posix
            .join(posix.dirname(moduleDoc.path), from.moduleSpecifier.text)
            .replace(/\.js$/, '.ts')
        : moduleDoc.path;
      tags.set(`${module}#${className}`, tag.text);
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: className, module },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        // `defineElement` itself calls `customElements.define(tag, …)`: not a definition.
        if (module.path === `${SRC}core/define.ts`) {
          module.exports = module.exports?.filter((e) => e.kind !== 'custom-element-definition');
        }
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(`${module.path}#${declaration.name}`);
          if (tag) Object.assign(declaration, { tagName: tag, customElement: true });
        }
      }
    },
  };
};

/**
 * Lit's internal state (`{ state: true }` in `static properties`, TypeScript `private` or
 * `protected`) has no attribute; the analyzer only knows `attribute: false`, so attributes of
 * non-public fields are removed here. Private members (`private x`, `#x`) are no part of the
 * public surface and are removed too (after inheritance, so subclasses lose them as well);
 * `@internal` ones the analyzer leaves out itself. Protected members stay: they are what a
 * subclass of `IqFormControl` implements.
 */
const internalState = () => ({
  name: 'iq-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const hidden = new Set(
          (declaration.members ?? [])
            .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
            .map((m) => m.name),
        );
        if (!hidden.size) continue;
        for (const member of declaration.members ?? [])
          if (hidden.has(member.name)) delete member.attribute;
        if (declaration.attributes)
          declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
        declaration.members = declaration.members.filter(
          (m) => m.privacy !== 'private' && !m.name.startsWith('#'),
        );
      }
    }
  },
});

/**
 * An element's events are exactly its class's `@fires {IqXEvent} iq-x - description` tags. The
 * analyzer also guesses events from `dispatchEvent(new IqXEvent(user))` call sites, naming them
 * after the constructor's first argument (`user`, `receipt`, or nothing at all): those guesses
 * are dropped, so the manifest lists what the element documents, each with its event class.
 * (packages/components/test/manifest.test.ts checks the tags against the classes each element
 * dispatches; src/test/manifest-events.test.ts against what the elements fire in a browser.)
 */
const documentedEvents = () => {
  /** `<module path>#<class name>` → the event names its JSDoc documents. */
  const documented = new Map();
  return {
    name: 'iq-documented-events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const names = new Set();
      for (const doc of node.jsDoc ?? [])
        for (const [, name] of doc
          .getFullText()
          .matchAll(/@(?:fires|event)\s+(?:\{[^}]*\}\s*)?([\w:-]+)/g))
          names.add(name);
      documented.set(`${moduleDoc.path}#${node.name.text}`, names);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        if (declaration.kind !== 'class') continue;
        const names = documented.get(`${moduleDoc.path}#${declaration.name}`) ?? new Set();
        declaration.events = (declaration.events ?? []).filter(
          (event) => event.name && names.has(event.name),
        );
      }
    },
  };
};

/** Module paths as the published package has them: `dist/<path>.js` (dist mirrors src). */
const publishedPaths = () => ({
  name: 'iq-published-paths',
  packageLinkPhase({ customElementsManifest }) {
    const published = (path) =>
      path?.startsWith(SRC) ? `dist/${path.slice(SRC.length).replace(/\.ts$/, '.js')}` : path;
    const walk = (node) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string')
            node[key] = published(value);
          else walk(value);
        }
      }
    };
    walk(customElementsManifest.modules);
  },
});

export default {
  globs: [`${SRC}**/*.ts`],
  // Tests, their harnesses (`src/test/`, `src/<element>/test/`) and generated modules are not
  // part of the published surface.
  exclude: [
    `${SRC}**/*.test.ts`,
    `${SRC}test/**`,
    `${SRC}**/test/**`,
    `${SRC}generated/**`,
    `${SRC}**/*.d.ts`,
  ],
  outdir: 'packages/components',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineElementCalls(), documentedEvents(), internalState(), publishedPaths()],
};
