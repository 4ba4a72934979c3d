// `sideEffects` in package.json tells a site's bundler which modules it must keep even when
// nothing is taken from them. Every module the components import only for what it does (a bare
// `import './x.js'`: the define modules, the Sorani formatting that the Sorani messages bring)
// must be listed there, in src/ and in dist/, or bundlers drop it from the site: elements never
// defined, Kurdish pages without Sorani numbers and dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

const pkg = join(import.meta.dirname, '..');
const { sideEffects } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
  sideEffects: string[];
};
const patterns = sideEffects.map(
  (glob) =>
    new RegExp(
      `^${glob
        .replace(/^\.\//, '')
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')}$`,
    ),
);
const declared = (path: string): boolean => patterns.some((p) => p.test(path));

/** Every shipped source module (not tests, not test harnesses). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('every module imported for its side effects is declared in sideEffects, in src/ and dist/', () => {
  const imported = new Set<string>();
  for (const file of sources(join(pkg, 'src'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import '(\.[^']+)';$/gm)) {
      const target = relative(pkg, join(dirname(file), spec as string))
        .split('\\')
        .join('/');
      imported.add(target.replace(/\.js$/, '.ts'));
    }
  }
  assert.ok(imported.has('src/core/sorani.ts'), 'the Sorani formatting is among them');
  for (const source of imported) {
    const built = posix.join('dist', source.slice('src/'.length).replace(/\.ts$/, '.js'));
    assert.ok(declared(source), `${source} is imported for its side effects: list it`);
    assert.ok(declared(built), `${built} is imported for its side effects: list it`);
  }
});
