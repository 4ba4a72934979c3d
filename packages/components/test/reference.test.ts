// Reading a reference number as citizens type it (core/normalize.ts, `parseReference`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReference } from '../src/core/normalize.js';

test('a reference typed in any digit script, case or spacing is the service’s form', () => {
  for (const typed of [
    'MZL-2026-091301',
    'mzl-2026-091301',
    'MZL-٢٠٢٦-٠٩١٣٠١', // Arabic-Indic digits
    'MZL-۲۰۲۶-۰۹۱۳۰۱', // Extended Arabic-Indic (Persian, Kurdish keyboards)
    ' mzl 2026 091301 ',
    'MZL2026091301',
    'MZL–2026–091301', // en dashes
  ])
    assert.deepEqual(parseReference(typed), { ok: true, value: 'MZL-2026-091301' }, typed);
  assert.deepEqual(parseReference('rc-2025-700873'), { ok: true, value: 'RC-2025-700873' });
  assert.deepEqual(parseReference('PAY-2026-900001'), { ok: true, value: 'PAY-2026-900001' });
});

test('what is not a reference says why', () => {
  assert.deepEqual(parseReference('  '), { ok: false, problem: 'required' });
  assert.deepEqual(parseReference('MZL-2026-0913'), { ok: false, problem: 'length' });
  assert.deepEqual(parseReference('XYZ-2026-091301'), { ok: false, problem: 'prefix' });
  assert.deepEqual(parseReference('MZL-2026-0913#1'), { ok: false, problem: 'characters' });
  assert.deepEqual(parseReference('\u202eMZL-2026-091301'), { ok: false, problem: 'bidi' });
});
