// Every state of <iq-classroom>, checked with axe (WCAG 2.2 AA) in Arabic, Sorani and English.
import { expect } from '@open-wc/testing';
import '../define/classroom.js';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import { $, clearSaved, material, render, signedIn } from './test/harness.js';

describe('iq-classroom: accessibility in every state', function () {
  this.timeout(30000);

  afterEach(async () => {
    await clearSaved();
    await setPageLanguage('ar');
  });

  for (const locale of LOCALES) {
    it(`${locale}: the week, courses and materials; a download under way; saved; damaged`, async () => {
      await setPageLanguage(locale);
      const s = await signedIn();
      const el = await render();
      await expectAccessible(el);
      // Under way: the file's answer does not come (until the test ends it).
      s.sandbox.faults.set({ faults: [{ kind: 'timeout', operations: ['downloadMaterial'] }] });
      material(el, 'mat_math_exercises').querySelector<HTMLElement>('[part="save"]')!.click();
      await until(() => !!material(el, 'mat_math_exercises').querySelector('progress'), 'progress');
      await expectAccessible(el);
      material(el, 'mat_math_exercises').querySelector<HTMLElement>('[part="cancel"]')!.click();
      await until(
        () => !!material(el, 'mat_math_exercises').querySelector('[part="save"]'),
        'cancelled',
      );
      s.sandbox.faults.clear();
      material(el, 'mat_math_exercises').querySelector<HTMLElement>('[part="save"]')!.click();
      await until(() => !!$(el, '[part="storage"]'), 'saved');
      await expectAccessible(el);
      s.controls.corruptNextDownload('mat_math_slides');
      material(el, 'mat_math_slides').querySelector<HTMLElement>('[part="save"]')!.click();
      await until(
        () => !!material(el, 'mat_math_slides').querySelector('[role="alert"]'),
        'damaged',
      );
      await expectAccessible(el);
    });

    it(`${locale}: offline with a problem, and not a student`, async () => {
      await setPageLanguage(locale);
      const s = await signedIn();
      s.sandbox.faults.set({ faults: [{ kind: 'drop' }] });
      const offline = await render();
      await until(() => !!$(offline, '[part="offline"]'), 'offline');
      expect($(offline, '#problem')).to.not.equal(null);
      await expectAccessible(offline);
      s.sandbox.faults.clear();
      await signedIn('cit_02');
      const other = await render();
      expect($(other, '[part="empty"]')).to.not.equal(null);
      await expectAccessible(other);
    });
  }
});
