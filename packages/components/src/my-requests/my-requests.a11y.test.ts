// Every state of <iq-my-requests>, checked with axe (WCAG 2.2 AA) in Arabic, Sorani and English.
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/my-requests.js';
import type { IqMyRequests } from './my-requests.js';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import { $, render, settled, signedIn } from './test/harness.js';

describe('iq-my-requests: accessibility in every state', function () {
  this.timeout(30000);

  afterEach(async () => {
    await setPageLanguage('ar');
  });

  for (const locale of LOCALES) {
    it(`${locale}: the list, its timelines, the "needs information" button and show more`, async () => {
      await setPageLanguage(locale);
      await signedIn('cit_13');
      const el = await settled(
        await fixture<IqMyRequests>(html`<iq-my-requests page-size="1"></iq-my-requests>`),
      );
      await until(() => !!$(el, '[part="continue"]') && !!$(el, '[part="show-more"]'), 'list');
      await expectAccessible(el);
    });

    it(`${locale}: loading, empty and problem states`, async () => {
      await setPageLanguage(locale);
      const s = await signedIn('cit_03');
      s.sandbox.faults.set({ latencyMs: 400, faults: [] });
      const loading = await fixture<IqMyRequests>(html`<iq-my-requests></iq-my-requests>`);
      await until(() => !!$(loading, '.skeleton'), 'the skeleton');
      await expectAccessible(loading);
      await settled(loading);
      await expectAccessible(loading); // empty
      s.sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['listMyRequests'] }] });
      const failed = await render();
      await until(() => !!$(failed, '#problem .retry'), 'the problem');
      await expectAccessible(failed);
    });

    it(`${locale}: the look-up with an error, not found, and found`, async () => {
      await setPageLanguage(locale);
      await signedIn('cit_13');
      const el = await render('lookup');
      await expectAccessible(el);
      $(el, '#reference')!.focus();
      await sendKeys({ type: 'MZL-1' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '#reference-error'), 'the error');
      await expectAccessible(el);
      $<HTMLInputElement>(el, '#reference')!.select();
      await sendKeys({ type: 'MZL-2026-999999' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '#lookup-problem'), 'not found');
      await expectAccessible(el);
      $<HTMLInputElement>(el, '#reference')!.select();
      await sendKeys({ type: 'MZL-2026-091301' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '[part="found"]'), 'found');
      await expectAccessible(el);
    });
  }
});
