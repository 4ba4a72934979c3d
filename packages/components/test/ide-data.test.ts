// The editors' data (scripts/ide-data.mjs) is made from custom-elements.json: every element,
// attribute, event, part and custom property of the manifest is in each file that holds its kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeManifest, type Manifest } from '../../../scripts/manifest.mjs';
import { ideData } from '../../../scripts/ide-data.mjs';

test('VS Code custom data and web-types list everything the manifest documents', async () => {
  const manifest: Manifest = await analyzeManifest();
  const { html, css, webTypes } = ideData(manifest);
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName);
  assert.ok(elements.length >= 9);
  const names = (items: { name?: string }[] | undefined) => (items ?? []).map((i) => i.name);
  for (const el of elements) {
    const tag = html.tags.find((t) => t.name === el.tagName);
    const web = webTypes.contributions.html.elements.find((e) => e.name === el.tagName);
    assert.ok(tag && web, `${el.tagName} in both`);
    const attributes = names((el as { attributes?: { name?: string }[] }).attributes);
    assert.deepEqual(names(tag.attributes), attributes, `${el.tagName}: HTML attributes`);
    assert.deepEqual(names(web.attributes), attributes, `${el.tagName}: web-types attributes`);
    assert.deepEqual(names(web.events), names(el.events).filter(Boolean), `${el.tagName}: events`);
    assert.deepEqual(names(web.css.parts), names(el.cssParts), `${el.tagName}: parts`);
    for (const property of names(el.cssProperties))
      assert.ok(names(css.properties).includes(property), `${property} in the CSS data`);
    for (const part of names(el.cssParts))
      assert.ok(names(css.pseudoElements).includes(`::part(${part})`), `::part(${part})`);
  }
  // Attributes with a fixed set of values offer them (e.g. the my-requests mode).
  const mode = html.tags
    .find((t) => t.name === 'iq-my-requests')
    ?.attributes.find((a) => a.name === 'mode') as { values?: { name: string }[] } | undefined;
  assert.deepEqual(
    mode?.values?.map((v) => v.name),
    ['list', 'lookup'],
  );
});
