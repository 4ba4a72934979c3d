// A host opens the wizard at a step it names (`start-step`, `goToStep()`): the step that collects
// what a request waiting for information needs, as `<iq-my-requests>`' `iq-request-continue` says.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/update-wizard.js';
import '../define/my-requests.js';
import type { IqUpdateWizard } from './update-wizard.js';
import type { IqMyRequests } from '../my-requests/my-requests.js';
import type { IqStepChangeEvent } from './events.js';
import { expectAccessible, LOCALES, setPageLanguage, until } from '../test/helpers.js';
import { $, atStep, focused, mount, signedIn, stepOf, viewOf } from './test/harness.js';

/** A wizard of `flow` opening at `step`, once it shows a page. */
async function openAt(step: string, flow = 'social-protection'): Promise<IqUpdateWizard> {
  const el = await fixture<IqUpdateWizard>(
    html`<iq-update-wizard flow=${flow} start-step=${step}></iq-update-wizard>`,
  );
  await until(() => viewOf(el) !== 'loading' && viewOf(el) !== '', 'wizard loaded');
  await el.updateComplete;
  return el;
}

describe('iq-update-wizard: opened at a step the host names', function () {
  this.timeout(20000);

  afterEach(async () => {
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  it('start-step="documents": the documents step, its heading focused, iq-step-change fired', async () => {
    await setPageLanguage('en');
    await signedIn('cit_01');
    const changes: string[] = [];
    document.addEventListener('iq-step-change', (e: IqStepChangeEvent) => changes.push(e.step));
    const el = await openAt('documents');
    await atStep(el, 'documents');
    await until(() => focused(el) === $(el, '#heading'), 'focus on the heading');
    expect(changes).to.include('documents');
    // Back goes to the step before it, as from any step.
    $(el, '[part="back"]')?.click();
    await until(() => stepOf(el) !== 'documents', 'the step before');
    expect(stepOf(el)).to.not.equal('');
  });

  it('an unknown step: the wizard opens where it would have', async () => {
    await setPageLanguage('en');
    await signedIn('cit_01');
    const first = stepOf(await mount());
    sessionStorage.clear();
    const el = await openAt('no-such-step');
    expect(stepOf(el)).to.equal(first);
  });

  it('goToStep() on a started wizard; refused for a step the citizen cannot reach', async () => {
    await setPageLanguage('en');
    await signedIn('cit_01');
    const el = await mount();
    expect(el.goToStep('no-such-step')).to.equal(false);
    expect(el.goToStep('documents')).to.equal(true);
    await atStep(el, 'documents');
    expect(el.goToStep('check')).to.equal(false, 'the documents are not attached yet');
    expect(stepOf(el)).to.equal('documents');
  });

  for (const locale of LOCALES) {
    it(`${locale}: from <iq-my-requests>, "continue" with the keyboard lands on the step`, async () => {
      await setPageLanguage(locale);
      await signedIn('cit_13');
      const list = await fixture<IqMyRequests>(html`<iq-my-requests></iq-my-requests>`);
      await until(() => !!list.shadowRoot!.querySelector('[part="continue"]'), 'the list');
      const wizard = document.createElement('iq-update-wizard');
      // As the demo does: the event names the wizard's step.
      list.addEventListener('iq-request-continue', (event) => {
        wizard.goToStep(event.step);
        list.after(wizard);
      });
      list.shadowRoot!.querySelector<HTMLElement>('[part="continue"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await atStep(wizard, 'documents');
      await until(() => focused(wizard) === $(wizard, '#heading'), 'focus on the heading');
      await expectAccessible(wizard);
      wizard.remove();
    });
  }
});
