import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_OTP, seedCitizens, seedState } from '../src/index.js';

const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');

test('the README lists every sandbox identity, with its card status, and the real one-time code', () => {
  const state = seedState();
  for (const citizen of seedCitizens()) {
    const row = readme.split('\n').find((line) => line.includes(`\`${citizen.nationalId}\``));
    assert.ok(row, `${citizen.nationalId} is in the README`);
    assert.ok(row.includes(`\`${citizen.phone}\``), `${citizen.id}'s phone`);
    const status = state.rationCard.households[citizen.id]?.status;
    const expected = status?.state === 'blocked' ? `blocked: ${status.reasonCode}` : 'active';
    assert.match(
      row,
      new RegExp(`\\|\\s*${expected}\\s*\\|`),
      `${citizen.id} is shown as ${expected}`,
    );
  }
  assert.ok(readme.includes(`always **\`${SANDBOX_OTP}\`**`));
});
