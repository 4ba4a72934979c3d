import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { unwrap } from '@iq-eservices/api';
import type { IqUpdateWizard } from './update-wizard.js';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  $$,
  atStep,
  attach,
  fill,
  focused,
  mount,
  next,
  pdf,
  signedIn,
  storedRequests,
  tabTo,
  text,
  viewOf,
} from './test/harness.js';

/** Runs axe on the wizard in its current state, naming the state in a failure. */
async function accessible(el: IqUpdateWizard, state: string): Promise<void> {
  await el.updateComplete;
  try {
    await expectAccessible(el);
  } catch (error) {
    throw new Error(`${state}: ${(error as Error).message}`, { cause: error });
  }
}

/** No part of the wizard reaches past its own width (nothing to scroll sideways). */
function fits(el: IqUpdateWizard, state: string): void {
  const box = el.getBoundingClientRect();
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>(
    'input, select, button, p, h2, dd, li, label',
  )) {
    const r = node.getBoundingClientRect();
    if (!r.width) continue;
    expect(
      r.left >= box.left - 1 && r.right <= box.right + 1,
      `${state}: ${node.tagName} fits`,
    ).to.equal(true);
  }
}

describe('iq-update-wizard: accessibility and layout', function () {
  this.timeout(120000);

  afterEach(async () => {
    sessionStorage.clear();
    await setViewport({ width: 800, height: 640 });
    await setPageLanguage('ar');
  });

  for (const locale of LOCALES) {
    it(`social protection, every step and state, in ${locale}: axe WCAG 2.2 AA`, async () => {
      await setPageLanguage(locale);
      const setup = await signedIn('cit_01');
      const el = await mount();
      await atStep(el, 'identity');
      await accessible(el, 'identity');
      $<HTMLElement>(el, 'details summary')!.click();
      await accessible(el, 'identity, this is not me');
      await next(el);
      await atStep(el, 'residence');
      await accessible(el, 'residence');
      await fill(el, 'district', '');
      await fill(el, 'phone', '123');
      await next(el);
      await until(() => !!$(el, '[part="error-summary"]'), 'errors');
      await accessible(el, 'residence with errors');
      await fill(el, 'district', 'قضاء الرصافة');
      await fill(el, 'phone', '07701234567');
      await next(el);
      await atStep(el, 'household');
      await accessible(el, 'household');
      $<HTMLButtonElement>(el, '.add-member')!.click();
      await el.updateComplete;
      $$<HTMLButtonElement>(el, '.member-form button')[0]!.click();
      await until(() => !!$(el, '[part="error-summary"]'), 'member errors');
      await accessible(el, 'member form with errors');
      $$<HTMLButtonElement>(el, '.member-form button')[1]!.click();
      await el.updateComplete;
      await next(el);
      await atStep(el, 'income');
      await accessible(el, 'income');
      await next(el);
      await atStep(el, 'health');
      await fill(el, 'disability', 'physical');
      await accessible(el, 'health, with a disability');
      await fill(el, 'disability', 'none');
      await next(el);
      await atStep(el, 'documents');
      await attach(el, 'national-card', new File(['MZ'], 'x.pdf', { type: 'application/pdf' }));
      await accessible(el, 'documents with an error');
      await attach(el, 'national-card', pdf());
      await accessible(el, 'documents with one attached');
      await next(el);
      await atStep(el, 'check');
      await accessible(el, 'check answers');
      setup.sandbox.faults.set({
        faults: [{ kind: 503, operations: ['submitUpdateRequest'], count: 2 }],
      });
      $<HTMLButtonElement>(el, '[part="submit"]')!.click();
      await until(() => !!$(el, '[part="error-summary"]'), 'submission failure');
      await accessible(el, 'check answers after a failed submission');
      setup.sandbox.faults.clear();
      $<HTMLButtonElement>(el, '[part="submit"]')!.click();
      await until(() => viewOf(el) === 'done', 'confirmation');
      await accessible(el, 'confirmation');
      $<HTMLButtonElement>(el, '.panel ~ button')!.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
      await until(() => !!$(el, '[part="status"]'), 'status');
      await accessible(el, 'status');
      await fill(el, 'reference', 'nonsense');
      $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
      await until(() => !!$(el, '[part="error-summary"]'), 'status error');
      await accessible(el, 'status with an error');
      expect(setup.sandbox.violations).to.deep.equal([]);
    });

    it(`ration card steps, the conflict choice and the signed-out notice, in ${locale}: axe WCAG 2.2 AA`, async () => {
      await setPageLanguage(locale);
      const setup = await signedIn('cit_01');
      let el = await mount('ration-card-family');
      await atStep(el, 'kind');
      await accessible(el, 'which change');
      for (const [kind, step] of [
        ['add-newborn', 'newborn'],
        ['remove-deceased-member', 'deceased'],
        ['change-address', 'address'],
        ['change-agent', 'agent'],
      ] as const) {
        el.remove();
        sessionStorage.clear();
        el = await mount('ration-card-family', kind);
        await atStep(el, step);
        await accessible(el, step);
        await next(el);
        await until(() => !!$(el, '[part="error-summary"]'), `${step} errors`);
        await accessible(el, `${step} with errors`);
      }
      // A conflict with another device.
      el.remove();
      sessionStorage.clear();
      el = await mount();
      await next(el);
      await atStep(el, 'residence');
      await fill(el, 'landmark', 'هنا');
      await next(el);
      await atStep(el, 'household');
      const [draft] = storedRequests(setup.sandbox, 'social-protection').filter(
        (d) => d.citizenId === 'cit_01' && d.status === 'draft',
      );
      const answers = structuredClone(draft!.answers) as { residence: { nearestLandmark: string } };
      answers.residence.nearestLandmark = 'هناك';
      unwrap(
        await setup.client.socialProtection.PUT('/update-requests/{requestId}', {
          params: { path: { requestId: draft!.id } },
          body: { version: draft!.version, answers: answers as never },
        }),
      );
      el.remove();
      el = await mount();
      expect(viewOf(el)).to.equal('conflict');
      await accessible(el, 'conflict');
      $<HTMLButtonElement>(el, '.keep-local')!.click();
      await until(() => viewOf(el) === 'step', 'resolved');
      await setup.client.identity.DELETE('/session');
      $<HTMLButtonElement>(el, '.add-member')!.click();
      await el.updateComplete;
      await fill(el, 'm-name', 'حسن علي');
      await fill(el, 'm-relation', 'son');
      await fill(el, 'm-birthDate', '2020-01-01');
      $$<HTMLInputElement>(el, 'input[name="f-m-sex"]')[0]!.click();
      await fill(el, 'm-nationalId', '202001019999');
      $$<HTMLButtonElement>(el, '.member-form button')[0]!.click();
      await el.updateComplete;
      await next(el);
      await until(() => text(el, '[part="notice"]') !== '', 'signed-out notice');
      await accessible(el, 'signed out');
    });
  }

  for (const locale of LOCALES) {
    it(`a refused file (a renamed .exe, a 6 MiB PDF), keyboard only, in ${locale}: announced, in the error summary, which takes the focus; axe clean`, async () => {
      await setPageLanguage(locale);
      const setup = await signedIn('cit_01');
      const el = await mount();
      for (const step of ['residence', 'household', 'income', 'health', 'documents']) {
        await next(el);
        await atStep(el, step);
      }
      const live = () => $(el, 'div.visually-hidden[role="status"]')!;
      await until(() => live().textContent!.trim() !== '', '"Saved" announced');
      const saved = live().textContent!.trim();
      const heard: string[] = [];
      new MutationObserver(() => heard.push(live().textContent!.trim())).observe(live(), {
        subtree: true,
        childList: true,
        characterData: true,
      });
      const uploads = () => setup.sandbox.calls['uploadUpdateRequestDocument'] ?? 0;

      /** Chooses a type and `file` (the system's file picker cannot be driven), then Upload. */
      const upload = async (file: File) => {
        await tabTo(el, (e) => e.id === 'f-document-type', 'the type of document');
        await sendKeys({ press: 'ArrowDown' });
        await until(() => $<HTMLSelectElement>(el, '#f-document-type')!.value !== '', 'a type');
        const transfer = new DataTransfer();
        transfer.items.add(file);
        $<HTMLInputElement>(el, '#f-documents')!.files = transfer.files;
        await tabTo(el, (e) => e.classList.contains('upload'), 'Upload the file');
        heard.length = 0;
        await sendKeys({ press: 'Enter' });
      };
      const refused = async (what: string) => {
        await until(() => focused(el)?.id === 'summary', `${what}: the summary has the focus`);
        const error = text(el, '#summary a');
        expect(error, what).not.to.equal('');
        expect($(el, '#summary a')!.getAttribute('href')).to.equal('#f-documents');
        expect(text(el, '#f-documents-error')).to.contain(error);
        await until(() => live().textContent!.trim() === error, `${what}: announced`);
        expect(live().textContent, `${what}: no longer "Saved"`).not.to.contain(saved);
        expect(uploads(), `${what}: nothing sent`).to.equal(0);
        await accessible(el, `${what} (${locale})`);
        return error;
      };

      const exe = new Uint8Array(1024);
      exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
      await upload(new File([exe], 'x.pdf', { type: 'application/pdf' }));
      const typeError = await refused('a renamed .exe');
      // The same file again: the same error is announced again (emptied, then said).
      await upload(new File([exe], 'x.pdf', { type: 'application/pdf' }));
      await until(
        () => heard.indexOf('') >= 0 && heard.lastIndexOf(typeError) > heard.indexOf(''),
        'the same error announced again',
      );
      await refused('the renamed .exe again');
      // The summary's link takes the citizen to the picker.
      await tabTo(el, (e) => e.matches('#summary a'), 'the link of the summary');
      await sendKeys({ press: 'Enter' });
      await until(() => focused(el)?.id === 'f-documents', 'the file picker focused');

      const big = new File(['%PDF-1.7\n', new Uint8Array(6 * 1024 * 1024)], 'كبير.pdf', {
        type: 'application/pdf',
      });
      await upload(big);
      expect(await refused('a 6 MiB PDF')).not.to.equal(typeError);
      // A good file clears the summary.
      await attach(el, 'national-card', pdf());
      await until(() => !$(el, '#summary'), 'the summary goes');
      expect($$(el, '.document').length).to.equal(1);
    });
  }

  it('check answers: the "Changed" badge never covers an answer, at 1280 and 320 px, in ar, ckb and en', async () => {
    await signedIn('cit_01');
    const el = await mount();
    await next(el);
    await atStep(el, 'residence');
    await fill(el, 'landmark', 'قرب جامع الرحمن، الباب الثاني من جهة السوق');
    await next(el);
    await atStep(el, 'household');
    await next(el);
    await atStep(el, 'income');
    await fill(el, 'monthlyIncome', '315000');
    await next(el);
    await atStep(el, 'health');
    await fill(el, 'rooms', '3');
    await next(el);
    await atStep(el, 'documents');
    await attach(el, 'national-card', pdf());
    await next(el);
    await atStep(el, 'check');
    /** Boxes that share some area (touching edges do not count). */
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 &&
      b.left < a.right - 0.5 &&
      a.top < b.bottom - 0.5 &&
      b.top < a.bottom - 0.5;
    for (const locale of LOCALES) {
      await setPageLanguage(locale);
      for (const width of [1280, 320]) {
        await setViewport({ width, height: 800 });
        await el.updateComplete;
        const answers = $$(el, '.answer.changed');
        expect(answers.length, 'three changed answers').to.equal(3);
        for (const answer of answers) {
          const badge = answer.querySelector('.tag')!.getBoundingClientRect();
          // Every other piece of text of the row: the question, the answer, what it was, Change.
          const walker = document.createTreeWalker(answer, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.textContent!.trim() || node.parentElement!.closest('.tag')) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const box of range.getClientRects()) {
              expect(
                overlap(badge, box),
                `${locale} at ${width} px: the badge ${JSON.stringify(badge)} covers ${JSON.stringify(box)} "${node.textContent!.trim()}"`,
              ).to.equal(false);
            }
          }
        }
        fits(el, `check answers at ${width} px in ${locale}`);
      }
    }
  });

  for (const [locale, dir] of [
    ['ar', 'rtl'],
    ['en', 'ltr'],
  ] as const) {
    it(`${dir}: labels start where their fields start; nothing overflows at 320 px`, async () => {
      await setPageLanguage(locale);
      await signedIn('cit_01');
      const el = await mount();
      await next(el);
      await atStep(el, 'residence');
      const label = $(el, 'label[for="f-district"]')!.getBoundingClientRect();
      const input = $(el, '#f-district')!.getBoundingClientRect();
      if (dir === 'rtl') expect(Math.abs(label.right - input.right)).to.be.lessThan(2);
      else expect(Math.abs(label.left - input.left)).to.be.lessThan(2);
      const progress = $(el, '[part="progress"]')!.getBoundingClientRect();
      const heading = $(el, '#heading')!.getBoundingClientRect();
      if (dir === 'rtl') expect(Math.abs(progress.right - heading.right)).to.be.lessThan(2);
      else expect(Math.abs(progress.left - heading.left)).to.be.lessThan(2);
      await setViewport({ width: 320, height: 640 });
      await el.updateComplete;
      fits(el, 'residence at 320 px');
      const continueButton = $(el, '[part="continue"]')!.getBoundingClientRect();
      expect(continueButton.height).to.be.at.least(44);
      await next(el);
      await atStep(el, 'household');
      fits(el, 'household at 320 px');
      for (const b of $$(el, '.member button'))
        expect(b.getBoundingClientRect().height).to.be.at.least(44);
    });
  }
});
