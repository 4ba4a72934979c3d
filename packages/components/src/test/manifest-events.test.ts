// custom-elements.json against the elements themselves: each element is driven through its flows
// against the sandbox while every `iq-*` event any element dispatches is recorded, then what it
// fired is compared with what the manifest says it fires — both ways. (The manifest is analysed
// from the current source by web-test-runner.config.mjs; packages/components/test/manifest.test.ts
// compares it with the source.)
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SANDBOX_OTP } from '@iq-eservices/sandbox';
import type { Manifest } from '../../../../scripts/manifest.mjs';
import '../define/login.js';
import '../define/ration-card.js';
import '../define/my-requests.js';
import '../define/classroom.js';
import type { IqLogin } from '../login/login.js';
import type { IqRationCard } from '../ration-card/ration-card.js';
import type { IqMyRequests } from '../my-requests/my-requests.js';
import type { IqClassroom } from '../classroom/classroom.js';
import { offlineStore } from '../classroom/download.js';
import {
  createdPayments,
  payAtGateway,
  postReturn,
  reach,
  setup as paymentForm,
  submit,
  toReview,
  view,
} from '../payment-form/test/harness.js';
import {
  atStep,
  attach,
  choose,
  fill,
  mount as wizard,
  next,
  pdf,
  signedIn,
  viewOf,
  $$ as wizardAll,
  $ as wizardOne,
} from '../update-wizard/test/harness.js';
import { setPageLanguage, signIn, until, useSandbox } from './helpers.js';

/**
 * Events of the manifest this test does not make an element fire, each with where it is shown
 * instead. Keep it short: every entry is an event only a test of its own can reach.
 */
const FIRED_ELSEWHERE: Record<string, Record<string, string>> = {}; // none today

/** Per tag, the `iq-*` events elements with that tag dispatched while this file ran. */
const observed = new Map<string, Set<string>>();
const dispatch = EventTarget.prototype.dispatchEvent;

let manifest: Manifest;

/** The `iq-*` events the manifest lists for `tag`. */
function listed(tag: string): string[] {
  const element = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tag);
  expect(element, `${tag} in the manifest`).to.not.equal(undefined);
  return (element!.events ?? []).map((e) => e.name ?? '').filter((n) => n.startsWith('iq-'));
}

/** What `tag` fired is in the manifest, and what the manifest lists was fired (or is excused). */
function expectManifestMatches(tag: string): void {
  const fired = [...(observed.get(tag) ?? [])].sort();
  const documented = listed(tag);
  for (const event of fired)
    expect(documented, `<${tag}> fired ${event}: the manifest must list it`).to.include(event);
  const excused = Object.keys(FIRED_ELSEWHERE[tag] ?? {});
  for (const event of documented)
    expect([...fired, ...excused], `<${tag}>'s manifest lists ${event}: never fired`).to.include(
      event,
    );
}

describe('the manifest lists exactly the events the elements fire', function () {
  this.timeout(30000);

  before(async () => {
    manifest = (await (await fetch('/__iq-manifest.json')).json()) as Manifest;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      if (event.type.startsWith('iq-') && this instanceof Element && /^iq-/.test(this.localName)) {
        const tag = this.localName;
        if (!observed.has(tag)) observed.set(tag, new Set());
        observed.get(tag)!.add(event.type);
      }
      return dispatch.call(this, event);
    };
    await setPageLanguage('en');
  });
  after(async () => {
    EventTarget.prototype.dispatchEvent = dispatch;
    sessionStorage.clear();
    await setPageLanguage('ar');
  });

  it('<iq-login>, its <iq-national-id-input> and <iq-otp-input>: a wrong code, sign-in, the timeout warning, sign-out', async () => {
    const { sandbox } = useSandbox();
    // Warned at once: the session has fewer seconds left than `warn-before`.
    const el = await fixture<IqLogin>(html`<iq-login warn-before="100000"></iq-login>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('#id-field'), 'the start step');
    const field = (id: string) => root.querySelector(id)!.shadowRoot!.querySelector('input')!;
    field('#id-field').focus();
    await sendKeys({ type: sandbox.citizens[0]!.nationalId });
    await sendKeys({ press: 'Enter' });
    await until(() => !!root.querySelector('#code-field'), 'the code step');
    await el.updateComplete;
    const enter = async (code: string) => {
      field('#code-field').focus();
      field('#code-field').select();
      await sendKeys({ type: code });
      await sendKeys({ press: 'Enter' });
    };
    await enter('000000'); // not the sandbox's code (SANDBOX_OTP)
    await until(() => observed.get('iq-login')?.has('iq-error') ?? false, 'iq-error');
    await enter(SANDBOX_OTP);
    await until(() => !!root.querySelector('[part="timeout-dialog"]'), 'the timeout warning');
    root.querySelector<HTMLButtonElement>('[part="timeout-dialog"] button.secondary')!.click();
    await until(() => observed.get('iq-login')?.has('iq-logout') ?? false, 'iq-logout');

    expectManifestMatches('iq-login');
    expectManifestMatches('iq-otp-input');
    expectManifestMatches('iq-national-id-input');
  });

  it('<iq-phone-input>: typed and left', async () => {
    const el = await fixture(html`<iq-phone-input required></iq-phone-input>`);
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: '0770 123 4567' });
    await sendKeys({ press: 'Tab' });
    expectManifestMatches('iq-phone-input');
  });

  it('<iq-ration-card>: a blocked card loaded and its action chosen; signed out', async () => {
    const setup = useSandbox();
    await signIn(setup, 'cit_05');
    let card = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
    await until(() => !!card.shadowRoot!.querySelector('[part="request-change"]'), 'the card');
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="request-change"]')!.click();
    useSandbox(); // nobody signed in
    card = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
    await until(
      () => observed.get('iq-ration-card')?.has('iq-auth-required') ?? false,
      'iq-auth-required',
    );
    expectManifestMatches('iq-ration-card');
  });

  it('<iq-my-requests>: a request waiting for information continued; signed out', async () => {
    const setup = useSandbox();
    await signIn(setup, 'cit_13');
    const list = await fixture<IqMyRequests>(html`<iq-my-requests></iq-my-requests>`);
    await until(() => !!list.shadowRoot!.querySelector('[part="continue"]'), 'the list');
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part="continue"]')!.click();
    useSandbox(); // nobody signed in
    await fixture(html`<iq-my-requests></iq-my-requests>`);
    await until(
      () => observed.get('iq-my-requests')?.has('iq-auth-required') ?? false,
      'iq-auth-required',
    );
    expectManifestMatches('iq-my-requests');
  });

  it('<iq-classroom>: a lecture joined, a material saved and opened, a failed call; signed out', async () => {
    const setup = useSandbox();
    await signIn(setup, 'cit_01');
    const el = await fixture<IqClassroom>(html`<iq-classroom></iq-classroom>`);
    const root = el.shadowRoot!;
    await until(() => !!root.querySelector('[part="join"]'), 'the classroom');
    // The host opens lectures and files its own way here (no new tabs in a test).
    el.addEventListener('iq-lecture-join', (e) => e.preventDefault());
    el.addEventListener('iq-material-open', (e) => e.preventDefault());
    root.querySelector<HTMLButtonElement>('[part="join"]')!.click();
    const card = () => root.querySelector('[data-material="mat_math_exercises"]')!;
    card().querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await until(() => !!card().querySelector('[part="open"]'), 'saved');
    card().querySelector<HTMLButtonElement>('[part="open"]')!.click();
    await until(() => observed.get('iq-classroom')?.has('iq-material-open') ?? false, 'opened');
    setup.sandbox.faults.set({ faults: [{ kind: 500, operations: ['getStudentProfile'] }] });
    await el.refresh();
    await until(() => !!root.querySelector('#problem'), 'the problem');
    setup.sandbox.faults.clear();
    useSandbox(); // nobody signed in
    await fixture(html`<iq-classroom></iq-classroom>`);
    await until(
      () => observed.get('iq-classroom')?.has('iq-auth-required') ?? false,
      'iq-auth-required',
    );
    await offlineStore.clear();
    expectManifestMatches('iq-classroom');
  });

  it('<iq-payment-form>: paid, declined, cancelled at the gateway; signed out', async () => {
    for (const [outcome, result] of [
      ['approve', 'receipt'],
      ['decline', 'failure'],
      ['cancel', 'iq-payment-cancelled'],
    ] as const) {
      const s = await paymentForm();
      await toReview(s.el);
      submit(s.el);
      await reach(s.el, 'awaiting');
      await payAtGateway(s.sandbox, s.nav.windows[0]!.urls[0]!, outcome);
      postReturn(createdPayments(s.sandbox)[0]!.id);
      if (result.startsWith('iq-'))
        await until(() => s.events.some((e) => e.type === result), result);
      else await reach(s.el, result);
    }
    const signedOut = await paymentForm(null);
    expect(view(signedOut.el)).to.equal('signed-out');
    expectManifestMatches('iq-payment-form');
  });

  it('<iq-update-wizard>: a ration card change saved and submitted; signed out', async () => {
    await signedIn('cit_01');
    const el = await wizard('ration-card-family', 'remove-deceased-member');
    await atStep(el, 'deceased');
    const options = wizardAll<HTMLInputElement>(el, 'input[name="f-deceasedMemberId"]');
    await choose(el, 'deceasedMemberId', options.at(-1)!.value);
    await fill(el, 'dateOfDeath', '2026-06-01');
    await next(el);
    await atStep(el, 'documents');
    await attach(el, 'death-certificate', pdf('شهادة الوفاة.pdf'));
    await next(el);
    await atStep(el, 'check');
    wizardOne<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await until(() => viewOf(el) === 'done', 'the confirmation');
    el.remove();
    sessionStorage.clear();
    useSandbox(); // nobody signed in
    await fixture(html`<iq-update-wizard flow="social-protection"></iq-update-wizard>`);
    await until(
      () => observed.get('iq-update-wizard')?.has('iq-auth-required') ?? false,
      'iq-auth-required',
    );
    expectManifestMatches('iq-update-wizard');
  });
});
