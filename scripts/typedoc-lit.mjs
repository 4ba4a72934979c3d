// A typedoc plugin for Lit elements: the members every element inherits from LitElement
// (`createProperty`, `renderRoot`, `requestUpdate`, `styles`, `render`, …) are Lit's API,
// documented at lit.dev, not ours. Left in, they would bury each element's own API and carry Lit's
// comments, whose `{@link}`s point into Lit's docs and fail to resolve here. They are left out, so
// `treatWarningsAsErrors` can stay on.
import { Converter, ReflectionKind } from 'typedoc';

const LIT_CLASSES = /^(LitElement|ReactiveElement)\./;

/** @param {import('typedoc').Application} app */
export function load(app) {
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
