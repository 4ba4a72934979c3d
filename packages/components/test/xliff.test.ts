// The catalogue is complete: every message has an Arabic and a Sorani translation that keeps the
// message's placeholders. Translations not yet checked by a native speaker are counted (they are
// marked state="needs-review-translation", as the docs say).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '../xliff');

interface Unit {
  id: string;
  source: string;
  target: string | null;
  state: string | null;
}

function units(locale: string): Unit[] {
  const xml = readFileSync(join(dir, `${locale}.xlf`), 'utf8');
  return [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(
    ([, id, body]) => {
      const target = /<target(?:\s+state="([^"]*)")?>([\s\S]*?)<\/target>/.exec(body!);
      return {
        id: id!,
        source: /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '',
        target: target ? target[2]! : null,
        state: target?.[1] ?? null,
      };
    },
  );
}

const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)"/g)].map((m) => m[1]).sort();

for (const locale of ['ar', 'ckb']) {
  test(`every message has a ${locale} translation with the same placeholders`, (t) => {
    const all = units(locale);
    assert.ok(all.length > 0, 'the catalogue has messages');
    const missing = all.filter((u) => !u.target?.trim()).map((u) => u.id);
    assert.deepEqual(missing, [], `messages without a ${locale} target`);
    for (const unit of all) {
      assert.deepEqual(
        placeholders(unit.target ?? ''),
        placeholders(unit.source),
        `${locale} ${unit.id} keeps its placeholders`,
      );
    }
    const review = all.filter((u) => u.state === 'needs-review-translation').length;
    t.diagnostic(
      `${locale}: ${all.length} messages, ${review} awaiting review by a native speaker`,
    );
  });
}

test('both catalogues hold the same messages', () => {
  assert.deepEqual(
    units('ar')
      .map((u) => u.id)
      .sort(),
    units('ckb')
      .map((u) => u.id)
      .sort(),
  );
});

test('Arabic says one and two of something without a numeral ("محاولتان", not "٢ محاولتان")', () => {
  const all = units('ar');
  const ids = new Set(all.map((u) => u.id));
  // The plural messages: a count's forms, one message per category (`….few` marks them).
  const forms = all.filter(
    (u) => /\.(one|two)$/.test(u.id) && ids.has(u.id.replace(/\.(one|two)$/, '.few')),
  );
  assert.ok(forms.length >= 16, `the one and two forms (${forms.length})`);
  for (const unit of forms) {
    assert.doesNotMatch(unit.target ?? '', /<x |[0-9٠-٩]/, `ar ${unit.id}: ${unit.target}`);
  }
});
