import { expect } from '@open-wc/testing';
import { unwrap } from '@iq-eservices/api';
import type { IqAuthRequiredEvent, IqErrorEvent } from '../core/events.js';
import { IqLoginEvent, IqLogoutEvent } from '../login/events.js';
import type { IqDraftSavedEvent } from './events.js';
import { WizardSession } from './session.js';
import { until } from '../test/helpers.js';
import {
  $,
  $$,
  CHANGES,
  atStep,
  attach,
  fill,
  iqKeys,
  mount,
  next,
  finish,
  pdf,
  reach,
  reload,
  signIn,
  signedIn,
  storedRequests,
  text,
  valueOf,
  viewOf,
  type Body,
} from './test/harness.js';

const SAVES = ['createUpdateRequest', 'saveUpdateRequest'];

describe('iq-update-wizard: no data loss', function () {
  this.timeout(60000);

  afterEach(() => sessionStorage.clear());

  for (const change of CHANGES) {
    for (const failure of [503, 'drop', 'timeout'] as const) {
      it(`${change.step}: a save that fails (${failure}) keeps the answer on this device, and it is what gets submitted`, async () => {
        const setup = await signedIn('cit_01');
        const el = await mount();
        const saved: IqDraftSavedEvent[] = [];
        el.addEventListener('iq-draft-saved', (e) => saved.push(e));
        await reach(el, change.step);
        await change.make(el);
        setup.sandbox.faults.set({
          faults: [{ kind: failure, operations: SAVES, count: 2 }],
          ...(failure === 'timeout' ? {} : {}),
        });
        const stepBefore = change.step;
        await next(el);
        await until(() => saved.some((s) => s.where === 'local'), 'saved locally', 10000);
        expect(text(el, '[part="notice"]')).not.to.equal('');
        await until(
          () => ($(el, '.root')!.dataset['step'] ?? '') !== stepBefore,
          'the citizen goes on',
        );
        const local = JSON.parse(sessionStorage.getItem('iq-update-wizard:social-protection')!);
        expect(JSON.stringify(local.answers)).to.contain(change.expected);
        setup.sandbox.faults.clear();
        // The connection comes back: the kept draft is sent without the citizen doing anything.
        window.dispatchEvent(new Event('online'));
        await until(
          () =>
            saved.some(
              (s) =>
                s.where === 'server' &&
                saved.indexOf(s) > saved.findIndex((x) => x.where === 'local'),
            ),
          'saved on the server',
        );
        const body = await finish(el, setup);
        expect(change.sent(body)).to.equal(change.expected);
        expect(setup.sandbox.violations).to.deep.equal([]);
      });
    }

    it(`${change.step}: a reload keeps what was typed, even before Continue`, async () => {
      const setup = await signedIn('cit_01');
      let el = await mount();
      await reach(el, change.step);
      await change.make(el);
      el = await reload(el);
      await atStep(el, change.step);
      expect(change.shown(el)).to.equal(change.expected);
      const body = await finish(el, setup);
      expect(change.sent(body)).to.equal(change.expected);
      expect(setup.sandbox.violations).to.deep.equal([]);
    });
  }

  it('offline: nothing is sent, the citizen goes on, and the draft goes out when the connection is back', async () => {
    const setup = await signedIn('cit_01');
    const el = await mount();
    const saved: IqDraftSavedEvent[] = [];
    el.addEventListener('iq-draft-saved', (e) => saved.push(e));
    await reach(el, 'residence');
    await fill(el, 'landmark', 'قرب محطة الوقود');
    saved.length = 0;
    const calls = { ...setup.sandbox.calls };
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await next(el);
      await atStep(el, 'household');
      expect(saved.map((s) => s.where)).to.deep.equal(['local']);
      for (const op of SAVES) expect(setup.sandbox.calls[op] ?? 0).to.equal(calls[op] ?? 0);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await until(() => saved.at(-1)?.where === 'server', 'sent when back online');
    const body = await finish(el, setup);
    expect(body.residence.nearestLandmark).to.equal('قرب محطة الوقود');
  });

  it('a session that timed out (iq-logout, expired): nothing stays in the tab, the element keeps the answers for the same citizen', async () => {
    const setup = await signedIn('cit_01');
    const el = await mount();
    await reach(el, 'residence');
    await fill(el, 'landmark', 'قرب مستشفى الكندي');
    await setup.client.identity.DELETE('/session');
    document.dispatchEvent(new IqLogoutEvent('expired'));
    await el.updateComplete;
    expect(text(el, '[part="notice"]')).not.to.equal('');
    expect(iqKeys(), 'nothing of the citizen is left in the tab').to.deep.equal([]);
    // Typed while signed out: kept in the element, not written to the tab.
    await fill(el, 'landmark', 'قرب مستشفى الكندي، الباب الثاني');
    expect(iqKeys()).to.deep.equal([]);
    await signIn(setup, 'cit_01');
    document.dispatchEvent(new IqLoginEvent(unwrap(await setup.client.identity.GET('/me'))));
    await el.updateComplete;
    expect(valueOf(el, 'landmark')).to.equal('قرب مستشفى الكندي، الباب الثاني');
    // Signed in again: the tab keeps a copy again, for a reload.
    expect(sessionStorage.getItem('iq-update-wizard:social-protection')).to.contain('الباب الثاني');
    await next(el);
    await atStep(el, 'household');
    const body = await finish(el, setup);
    expect(body.residence.nearestLandmark).to.equal('قرب مستشفى الكندي، الباب الثاني');
  });

  it('a draft kept on this device is sent again by a timer, with nothing else happening', async () => {
    const setup = await signedIn('cit_01');
    const original = WizardSession.retryDelayMs;
    WizardSession.retryDelayMs = 200;
    try {
      const el = await mount();
      await reach(el, 'residence');
      await fill(el, 'landmark', 'قرب ساحة التحرير');
      setup.sandbox.faults.set({ faults: [{ kind: 503, operations: SAVES, count: 2 }] });
      await next(el);
      await atStep(el, 'household');
      setup.sandbox.faults.clear();
      await until(
        () =>
          storedRequests(setup.sandbox, 'social-protection').some(
            (d) =>
              d.citizenId === 'cit_01' &&
              (d.answers as Body).residence?.nearestLandmark === 'قرب ساحة التحرير',
          ),
        'sent again by the timer',
      );
      // The server has it; the notice goes once its answer is back in the page.
      await until(() => text(el, '[part="notice"]') === '', 'the notice goes once sent');
    } finally {
      WizardSession.retryDelayMs = original;
    }
  });

  it('a draft kept on this device goes out with the next Continue', async () => {
    const setup = await signedIn('cit_01');
    const el = await mount();
    await reach(el, 'residence');
    await fill(el, 'landmark', 'خلف سوق الشورجة');
    setup.sandbox.faults.set({ faults: [{ kind: 'drop', operations: SAVES, count: 2 }] });
    await next(el);
    await atStep(el, 'household');
    setup.sandbox.faults.clear();
    const onServer = () =>
      storedRequests(setup.sandbox, 'social-protection').some(
        (d) =>
          d.citizenId === 'cit_01' &&
          (d.answers as Body).residence?.nearestLandmark === 'خلف سوق الشورجة',
      );
    expect(onServer()).to.equal(false);
    await next(el);
    await atStep(el, 'income');
    expect(onServer()).to.equal(true);
  });

  for (const step of ['documents', 'check'] as const) {
    it(`a reload on ${step}: the wizard comes back there, with the documents attached`, async () => {
      const setup = await signedIn('cit_01');
      let el = await mount();
      await reach(el, 'documents');
      await attach(el, 'national-card', pdf());
      if (step === 'check') {
        await next(el);
        await atStep(el, 'check');
      }
      el = await reload(el);
      await atStep(el, step);
      if (step === 'documents') expect($$(el, '.document').length).to.equal(1);
      else expect(text(el, '[part="answers"]')).to.contain('البطاقة الوطنية.pdf');
      await finish(el, setup);
    });
  }

  it('failed saves are reported to the host with iq-error, without personal data', async () => {
    const setup = await signedIn('cit_01');
    const el = await mount();
    const errors: IqErrorEvent[] = [];
    el.addEventListener('iq-error', (e) => errors.push(e));
    await reach(el, 'residence');
    await fill(el, 'landmark', 'قرب الجسر المعلق');
    setup.sandbox.faults.set({ faults: [{ kind: 503, operations: SAVES, count: 2 }] });
    await next(el);
    await until(() => errors.length > 0, 'iq-error');
    expect(errors[0]!.status).to.equal(503);
    expect(errors[0]!.requestId).to.match(/^req_/);
    expect(JSON.stringify({ ...errors[0] })).not.to.contain('الجسر');
  });

  it('a reload while adding a household member keeps the member as typed', async () => {
    const setup = await signedIn('cit_01');
    let el = await mount();
    await reach(el, 'household');
    $<HTMLButtonElement>(el, '.add-member')!.click();
    await el.updateComplete;
    await fill(el, 'm-name', 'يوسف علي حسين');
    await fill(el, 'm-nationalId', '202611019876');
    el = await reload(el);
    await atStep(el, 'household');
    await until(() => !!$(el, '#member-heading'), 'the member form again');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#f-m-name')!.value).to.equal(
      'يوسف علي حسين',
    );
    expect(valueOf(el, 'm-nationalId')).to.equal('202611019876');
    await fill(el, 'm-relation', 'son');
    await fill(el, 'm-birthDate', '2026-11-01');
    $$<HTMLInputElement>(el, 'input[name="f-m-sex"]')[0]!.click();
    $<HTMLButtonElement>(el, '.member-form button[type="submit"]')!.click();
    await until(() => !$(el, '#member-heading'), 'member saved');
    await next(el);
    await atStep(el, 'income');
    await reach(el, 'documents');
    await attach(el, 'national-card', pdf());
    await attach(el, 'birth-certificate', pdf('شهادة ميلاد يوسف.pdf'));
    const body = await finish(el, setup);
    expect(body.household.members.find((m) => m.name === 'يوسف علي حسين')?.nationalId).to.equal(
      '202611019876',
    );
  });

  it('signing out and in again mid-flow: nothing left in the tab, and the draft resumes from the server', async () => {
    const setup = await signedIn('cit_01');
    const el = await mount();
    await reach(el, 'residence');
    await fill(el, 'landmark', 'قرب ملعب الشعب');
    await next(el);
    await atStep(el, 'household');
    // Half way through adding a member, too.
    $<HTMLButtonElement>(el, '.add-member')!.click();
    await el.updateComplete;
    await fill(el, 'm-nationalId', '202611015555');
    unwrap(await setup.client.identity.DELETE('/session').then((r) => ({ ...r, data: {} })));
    document.dispatchEvent(new IqLogoutEvent('user'));
    await el.updateComplete;
    expect(sessionStorage.getItem('iq-update-wizard:social-protection')).to.equal(null);
    expect(viewOf(el)).to.equal('signed-out');
    await signIn(setup, 'cit_01');
    const me = unwrap(await setup.client.identity.GET('/me'));
    document.dispatchEvent(new IqLoginEvent(me));
    await until(() => viewOf(el) === 'step' || viewOf(el) === 'check', 'resumed');
    await reach(el, 'residence').catch(() => undefined);
    const body = await finish(el, setup);
    expect(body.residence.nearestLandmark).to.equal('قرب ملعب الشعب');
  });

  it('another device (or a new sign-in) resumes at the step where the citizen was, with the answers', async () => {
    await signedIn('cit_01');
    const el = await mount();
    await reach(el, 'residence');
    await fill(el, 'landmark', 'قرب ساحة الفردوس');
    await next(el);
    await atStep(el, 'household');
    await next(el);
    await atStep(el, 'income');
    await until(() => sessionStorage.length > 0, 'the tab copy');
    // Another device: nothing of this tab, the same account.
    el.remove();
    sessionStorage.clear();
    const other = await mount();
    await atStep(other, 'income');
    for (const step of ['household', 'residence']) {
      $<HTMLButtonElement>(other, '[part="back"]')!.click();
      await atStep(other, step);
    }
    expect(valueOf(other, 'landmark')).to.equal('قرب ساحة الفردوس');
  });

  it('session expiry (401): answers kept, iq-auth-required, a notice; after iq-login the pending save goes out', async () => {
    const setup = await signedIn('cit_01');
    const el = await mount();
    const required: IqAuthRequiredEvent[] = [];
    el.addEventListener('iq-auth-required', (e) => required.push(e));
    await reach(el, 'income');
    await fill(el, 'monthlyIncome', '275000');
    await setup.client.identity.DELETE('/session');
    await next(el);
    await until(() => required.length === 1, 'iq-auth-required');
    await until(() => text(el, '[part="notice"]') !== '', 'signed-out notice');
    expect($(el, '[part="notice"]')!.getAttribute('role')).to.equal('alert');
    await signIn(setup, 'cit_01');
    const me = unwrap(await setup.client.identity.GET('/me'));
    document.dispatchEvent(new IqLoginEvent(me));
    await until(
      () =>
        storedRequests(setup.sandbox, 'social-protection').some(
          (d) => d.citizenId === 'cit_01' && (d.answers as Body).income?.monthlyIncome === 275000,
        ),
      'the pending save reached the server',
    );
    const body = await finish(el, setup);
    expect(body.income.monthlyIncome).to.equal(275000);
  });

  for (const keep of ['local', 'server'] as const) {
    it(`a newer draft from another device: the citizen chooses (${keep}), and that is what is submitted`, async () => {
      const setup = await signedIn('cit_01');
      const el = await mount();
      await reach(el, 'residence');
      await fill(el, 'landmark', 'من هذا الجهاز');
      await next(el);
      await atStep(el, 'household');
      await next(el);
      await atStep(el, 'income');
      await fill(el, 'monthlyIncome', '123000');
      // Another device saves over the same draft.
      const [draft] = storedRequests(setup.sandbox, 'social-protection').filter(
        (d) => d.citizenId === 'cit_01' && d.status === 'draft',
      );
      const answers = structuredClone(draft!.answers) as Body;
      answers.residence.nearestLandmark = 'من الجهاز الآخر';
      unwrap(
        await setup.client.socialProtection.PUT('/update-requests/{requestId}', {
          params: { path: { requestId: draft!.id } },
          body: { version: draft!.version, answers: answers as never },
        }),
      );
      await next(el);
      await until(() => viewOf(el) === 'conflict', 'the choice');
      await el.updateComplete;
      expect(text(el, '[part="conflict"]')).to.contain('من الجهاز الآخر');
      $<HTMLButtonElement>(el, keep === 'local' ? '.keep-local' : '.keep-server')!.focus();
      $<HTMLButtonElement>(el, keep === 'local' ? '.keep-local' : '.keep-server')!.click();
      await until(() => viewOf(el) === 'step', 'back to the questions');
      const body = await finish(el, setup);
      expect(body.residence.nearestLandmark).to.equal(
        keep === 'local' ? 'من هذا الجهاز' : 'من الجهاز الآخر',
      );
      expect(body.income.monthlyIncome).to.equal(keep === 'local' ? 123000 : 200000);
    });
  }

  it('on resume, a server draft newer than this tab with other answers asks which to keep', async () => {
    const setup = await signedIn('cit_01');
    let el = await mount();
    await reach(el, 'residence');
    await fill(el, 'landmark', 'نسخة هذا التبويب');
    await next(el);
    await atStep(el, 'household');
    el.remove();
    const [draft] = storedRequests(setup.sandbox, 'social-protection').filter(
      (d) => d.citizenId === 'cit_01' && d.status === 'draft',
    );
    const answers = structuredClone(draft!.answers) as Body;
    answers.residence.nearestLandmark = 'نسخة الهاتف';
    unwrap(
      await setup.client.socialProtection.PUT('/update-requests/{requestId}', {
        params: { path: { requestId: draft!.id } },
        body: { version: draft!.version, answers: answers as never },
      }),
    );
    el = await mount();
    expect(viewOf(el)).to.equal('conflict');
    $<HTMLButtonElement>(el, '.keep-local')!.click();
    await until(() => viewOf(el) === 'step', 'resumed');
    expect($(el, '.root')!.dataset['step']).to.equal('household');
    const body = await finish(el, setup);
    expect(body.residence.nearestLandmark).to.equal('نسخة هذا التبويب');
  });
});
