// The household step on a 320 px phone: each member's name wraps inside its row, in every language,
// the names read after "Change" and "Remove" too: hidden from sight, they are still where screen
// readers draw their focus box and where a magnifier follows.
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { LOCALES, setPageLanguage } from '../test/helpers.js';
import { $$, atStep, mount, next, signedIn } from './test/harness.js';

/** Fails naming the text whose line boxes reach past the row that holds it. */
function expectInside(row: Element, what: string): void {
  const box = row.getBoundingClientRect();
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const line of range.getClientRects()) {
      expect(
        line.left >= box.left - 0.5 && line.right <= box.right + 0.5,
        `${what}: "${node.textContent!.trim()}" ${JSON.stringify(line)} outside ${JSON.stringify(box)}`,
      ).to.equal(true);
    }
  }
}

describe('iq-update-wizard at 320 px', function () {
  this.timeout(60000);

  after(async () => {
    await setViewport({ width: 800, height: 640 });
    await setPageLanguage('ar');
  });

  it('household: long member names wrap inside their row, in ar, ckb and en', async () => {
    const { sandbox } = await signedIn('cit_01');
    // Names as long as real four-part names with a family name get (on file at the ministry).
    const members = sandbox.state.socialProtection.beneficiaries['cit_01']!.members;
    members[1]!.name = 'عبد الرحمن عبد الأمير عبد الحسين جواد كاظم آل الموسوي البغدادي';
    members[2]!.name = 'ئەڤین عەبدولڕەحمان محەمەد ئەمین عەبدولقادر حەمەساڵح';
    const el = await mount();
    await next(el);
    await atStep(el, 'residence');
    await next(el);
    await atStep(el, 'household');
    await setViewport({ width: 320, height: 640 });
    for (const locale of LOCALES) {
      await setPageLanguage(locale);
      await el.updateComplete;
      const rows = $$(el, '.member');
      expect(rows.length).to.be.greaterThan(2);
      const names = rows.map((row) => row.querySelector('bdi.name')!);
      // At least one name is longer than a line at 320 px: it wraps, and stays in its row.
      expect(
        names.some((name) => name.getClientRects().length > 1),
        `${locale}: a name that needs two lines`,
      ).to.equal(true);
      for (const row of rows) {
        expect(row.querySelectorAll('bdi').length, 'the name, and with each button').to.equal(3);
        expectInside(row, `${locale} at 320 px`);
      }
    }
  });
});
