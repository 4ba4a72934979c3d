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
 * non-public fields are removed here.
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
      }
    }
  },
});

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
  exclude: [`${SRC}**/*.test.ts`, `${SRC}test/**`, `${SRC}generated/**`, `${SRC}**/*.d.ts`],
  outdir: 'packages/components',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [defineElementCalls(), internalState(), publishedPaths()],
};
