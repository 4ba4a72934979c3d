import { expect, fixture, html } from '@open-wc/testing';
import { unwrap } from '@iq-eservices/api';
import { configure } from '../core/config.js';
import { IqLoginEvent } from '../login/events.js';
import type { IqDraftSavedEvent } from './events.js';
import type { IqUpdateWizard } from './update-wizard.js';
import { expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import {
  $,
  atStep,
  fill,
  mount,
  next,
  reload,
  signedIn,
  storedRequests,
  text,
  valueOf,
  viewOf,
  type Setup,
} from './test/harness.js';

const SAVES = ['createUpdateRequest', 'saveUpdateRequest'];

/** The landmark of the citizen's draft on the server, if any. */
const onServer = (setup: Setup) =>
  storedRequests(setup.sandbox, 'social-protection')
    .filter((d) => d.citizenId === 'cit_01' && d.status === 'draft')
    .map((d) => (d.answers as { residence?: { nearestLandmark?: string } }).residence)
    .map((r) => r?.nearestLandmark ?? '');

/** The wizard on the residence step with `landmark` typed, and the saves it reports. */
async function onResidence(landmark: string) {
  const setup = await signedIn('cit_01');
  const el = await mount();
  const saved: IqDraftSavedEvent[] = [];
  el.addEventListener('iq-draft-saved', (e) => saved.push(e));
  await next(el);
  await atStep(el, 'residence');
  await fill(el, 'landmark', landmark);
  return { setup, el, saved };
}

describe('iq-update-wizard: the session (save, resume, retry, flush) and the step history', function () {
  this.timeout(60000);

  before(() => setPageLanguage('en'));
  afterEach(() => sessionStorage.clear());

  it('save: Continue saves the draft on the server, says so, and tells the host', async () => {
    const { setup, el, saved } = await onResidence('قرب جامع الخلاني');
    await next(el);
    await atStep(el, 'household');
    expect(saved.at(-1)?.where).to.equal('server');
    expect(saved.at(-1)?.requestId).to.match(/^[a-z]+_/);
    expect(onServer(setup)).to.deep.equal(['قرب جامع الخلاني']);
    await until(() => text(el, '[role="status"]') === 'Saved.', 'announced');
  });

  it('resume: after a reload, the wizard is back on the step with what was typed', async () => {
    const { el } = await onResidence('قرب ساحة الطيران');
    await next(el);
    await atStep(el, 'household');
    const again = await reload(el);
    await atStep(again, 'household');
    $<HTMLButtonElement>(again, '[part="back"]')!.click();
    await atStep(again, 'residence');
    expect(valueOf(again, 'landmark')).to.equal('قرب ساحة الطيران');
  });

  it('retry: offline, the draft is kept on this device; back online, it is sent', async () => {
    const { setup, el, saved } = await onResidence('قرب سوق الصفافير');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await next(el);
      await atStep(el, 'household');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    expect(saved.at(-1)?.where).to.equal('local');
    expect(text(el, '[part="notice"]')).not.to.equal('');
    expect(onServer(setup)).not.to.include('قرب سوق الصفافير');
    window.dispatchEvent(new Event('online'));
    await until(() => saved.at(-1)?.where === 'server', 'sent when back online');
    expect(onServer(setup)).to.include('قرب سوق الصفافير');
    await until(() => text(el, '[part="notice"]') === '', 'the notice goes');
  });

  it('flush: a draft kept on this device is sent when the citizen signs in again', async () => {
    const { setup, el, saved } = await onResidence('قرب جسر الأئمة');
    setup.sandbox.faults.set({ faults: [{ kind: 503, operations: SAVES, count: 2 }] });
    await next(el);
    await atStep(el, 'household');
    setup.sandbox.faults.clear();
    expect(saved.at(-1)?.where).to.equal('local');
    expect(onServer(setup)).not.to.include('قرب جسر الأئمة');
    const me = unwrap(await setup.client.identity.GET('/me'));
    document.dispatchEvent(new IqLoginEvent(me, true));
    await until(() => saved.at(-1)?.where === 'server', 'saved again on iq-login');
    expect(onServer(setup)).to.include('قرب جسر الأئمة');
  });

  it('cleanup: a wizard that left the page sends nothing on `online`', async () => {
    const { setup, el } = await onResidence('قرب المتحف');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await next(el);
      await atStep(el, 'household');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    el.remove();
    const calls = SAVES.map((op) => setup.sandbox.calls[op] ?? 0);
    window.dispatchEvent(new Event('online'));
    // A wizard still listening would have sent its save before these answers come back.
    await setup.client.identity.GET('/me');
    await setup.client.identity.GET('/me');
    expect(SAVES.map((op) => setup.sandbox.calls[op] ?? 0)).to.deep.equal(calls);
  });

  it('step history: the browser’s Back and Forward move between the steps', async () => {
    const { el } = await onResidence('قرب مدينة الألعاب');
    await next(el);
    await atStep(el, 'household');
    history.back();
    await atStep(el, 'residence');
    expect(valueOf(el, 'landmark')).to.equal('قرب مدينة الألعاب');
    history.forward();
    await atStep(el, 'household');
    expect(history.state).to.include({ iqWizard: 'social-protection', step: 'household' });
    expect(JSON.stringify(history.state)).not.to.contain('مدينة');
  });

  it('a page with no client: the library’s "not configured" problem', async () => {
    configure({ client: undefined });
    const el = await fixture<IqUpdateWizard>(html`<iq-update-wizard></iq-update-wizard>`);
    await until(() => viewOf(el) === 'problem', 'the problem');
    await el.updateComplete;
    expect(text(el, '[part="error-summary"]')).to.contain(
      'This service cannot be used on this page at the moment.',
    );
    expect($(el, '[part="error-summary"]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '.retry')).to.equal(null);
    await expectAccessible(el);
  });
});
