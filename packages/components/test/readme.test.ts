// The packages' READMEs are their npm pages: every element is listed, and no link is relative
// (a relative link breaks outside the repository).
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const readme = (pkg: string) => readFileSync(`packages/${pkg}/README.md`, 'utf8');

test('the components README lists every element with the module that defines it', () => {
  const text = readme('components');
  for (const file of readdirSync('packages/components/src/define')) {
    const name = file.replace(/\.ts$/, '');
    assert.match(text, new RegExp(`<iq-${name}>`), `<iq-${name}> listed`);
    assert.ok(text.includes(`@iq-eservices/components/${name}.js`), `${name}.js listed`);
  }
});

test('the published READMEs link only to absolute addresses', () => {
  for (const pkg of ['api', 'sandbox', 'components']) {
    const relative = [...readme(pkg).matchAll(/\]\((?!https?:|#)([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(relative, [], `${pkg}/README.md`);
  }
});
