// The SDK's data in the tab (core/local-data.ts), through the elements a portal puts together: a
// citizen types answers in the wizard, then the session ends in each way it can, and the next
// person on the phone finds nothing of them — in sessionStorage or on the screen.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { SANDBOX_OTP } from '@iq-eservices/sandbox';
import '../define/login.js';
import '../define/ration-card.js';
import '../define/update-wizard.js';
import type { IqLogin } from '../login/login.js';
import { IqLogoutEvent, type LogoutReason } from '../login/events.js';
import type { IqUpdateWizard } from '../update-wizard/update-wizard.js';
import {
  $,
  atStep,
  fill,
  iqKeys,
  next,
  signIn,
  signedIn,
  text,
  viewOf,
  type Setup,
} from '../update-wizard/test/harness.js';
import { until } from '../test/helpers.js';

const KEY = 'iq-update-wizard:social-protection';
const ZAINAB = '198507654321';
const ALI = '199012345678';
/** What the first citizen (Ali, cit_01) typed, and who he is. */
const LANDMARK = 'خلف بيت أبي حيدر السري';
const MEMBER = 'مرتضى علي الموسوي السري';
const TRACES = [LANDMARK, MEMBER, 'علي حسين كاظم الموسوي', 'Ali Hussein'];

interface Portal {
  setup: Setup;
  box: HTMLElement;
  login: IqLogin;
  wizard: IqUpdateWizard;
}

/** Ali signed in, on a page with `<iq-login>` (which picks up his session) and the wizard. */
async function portal(): Promise<Portal> {
  const setup = await signedIn('cit_01');
  const box = await fixture<HTMLElement>(
    html`<div><iq-login></iq-login><iq-update-wizard></iq-update-wizard></div>`,
  );
  const login = box.querySelector('iq-login')!;
  const wizard = box.querySelector('iq-update-wizard')!;
  await until(() => !!login.shadowRoot!.querySelector('[part="signed-in"]'), 'Ali signed in');
  await atStep(wizard, 'identity');
  return { setup, box, login, wizard };
}

/** Ali answers: a landmark (saved), and a household member half typed (only in the tab). */
async function aliAnswers(wizard: IqUpdateWizard): Promise<void> {
  await next(wizard);
  await atStep(wizard, 'residence');
  await fill(wizard, 'landmark', LANDMARK);
  await next(wizard);
  await atStep(wizard, 'household');
  $<HTMLButtonElement>(wizard, '.add-member')!.click();
  await wizard.updateComplete;
  await fill(wizard, 'm-name', MEMBER);
  await until(() => (sessionStorage.getItem(KEY) ?? '').includes(MEMBER), 'the answers in the tab');
  expect(sessionStorage.getItem(KEY)).to.contain(LANDMARK);
  expect(iqKeys()).to.include('iq-citizen');
}

/** Everything an element shows: its text and its fields' values, through inner shadow roots. */
function shown(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n instanceof HTMLInputElement || n instanceof HTMLSelectElement) out += ` ${n.value} `;
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out;
}

/** Nothing of Ali in the tab's storage or on the element. */
function nothingOfAli(wizard: IqUpdateWizard, when: string): void {
  const stored = JSON.stringify({ ...sessionStorage });
  const screen = shown(wizard);
  for (const trace of TRACES) {
    expect(stored, `${when}: "${trace}" in sessionStorage`).not.to.contain(trace);
    expect(screen, `${when}: "${trace}" on the screen`).not.to.contain(trace);
  }
}

const loginField = (login: IqLogin, id: string) =>
  login.shadowRoot!.querySelector(id)?.shadowRoot?.querySelector('input') ?? null;

/** Someone signs in with the keyboard through `<iq-login>`, as on the phone. */
async function signsIn(login: IqLogin, nationalId: string): Promise<void> {
  await until(() => !!loginField(login, '#id-field'), 'the sign-in form');
  loginField(login, '#id-field')!.focus();
  await sendKeys({ type: nationalId });
  await sendKeys({ press: 'Enter' });
  await until(() => !!loginField(login, '#code-field'), 'the code step');
  // Focus moves to the step's heading after it renders: type once it is in the field.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = loginField(login, '#code-field')!;
    code.focus();
    code.select();
    await sendKeys({ type: SANDBOX_OTP });
    if (code.value === SANDBOX_OTP) break;
  }
  await sendKeys({ press: 'Enter' });
  await until(() => !!login.shadowRoot!.querySelector('[part="signed-in"]'), 'signed in');
}

/** "Sign out" in `<iq-login>`, with the keyboard. */
async function signsOut(login: IqLogin): Promise<void> {
  login.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-out"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await until(() => !!loginField(login, '#id-field'), 'signed out');
}

/** The service forgets every session (a timeout, a restart), without the page knowing. */
function sessionsEnd(setup: Setup): void {
  for (const id of Object.keys(setup.sandbox.state.identity.sessions))
    delete setup.sandbox.state.identity.sessions[id];
}

const resumed = (wizard: IqUpdateWizard) => ['step', 'check'].includes(viewOf(wizard));

describe("the SDK's data in the tab: gone when the session ends or another citizen signs in", function () {
  this.timeout(60000);

  afterEach(() => sessionStorage.clear());

  it('"Sign out" with the wizard on the page: nothing in the tab, and the next citizen sees nothing of the previous one', async () => {
    const { login, wizard } = await portal();
    await aliAnswers(wizard);
    await signsOut(login);
    expect(iqKeys()).to.deep.equal([]);
    await until(() => viewOf(wizard) === 'signed-out', 'the wizard signed out');
    nothingOfAli(wizard, 'signed out');
    await signsIn(login, ZAINAB);
    await until(() => resumed(wizard), "Zainab's draft");
    nothingOfAli(wizard, 'Zainab signed in');
  });

  it('"Sign out" while the wizard is not on the page: nothing in the tab; put back, it shows nothing of the previous citizen', async () => {
    const { box, login, wizard } = await portal();
    await aliAnswers(wizard);
    // The portal shows another service: the wizard is out of the page, kept for later.
    wizard.remove();
    await signsOut(login);
    expect(iqKeys()).to.deep.equal([]);
    await signsIn(login, ZAINAB);
    box.append(wizard);
    // Once it has rendered what it does on coming back (not the page it left).
    await wizard.updateComplete;
    await until(() => resumed(wizard), "Zainab's draft");
    nothingOfAli(wizard, 'Zainab signed in, the wizard back on the page');
  });

  for (const reason of ['user', 'expired'] as LogoutReason[]) {
    it(`iq-logout (${reason}) from any element, no wizard on the page: every iq- key goes, the host's own stay`, async () => {
      const { box, wizard } = await portal();
      await aliAnswers(wizard);
      wizard.remove();
      sessionStorage.setItem('iq-payment-form:pending', 'pay_0000000001');
      sessionStorage.setItem('host-cart', '3 items');
      const other = document.createElement('section');
      box.append(other);
      other.dispatchEvent(new IqLogoutEvent(reason));
      expect(iqKeys()).to.deep.equal([]);
      expect(sessionStorage.getItem('host-cart')).to.equal('3 items');
    });
  }

  it("another element's 401 ends the session: nothing in the tab, the wizard not on the page", async () => {
    const { setup, box, login, wizard } = await portal();
    await aliAnswers(wizard);
    wizard.remove();
    sessionsEnd(setup);
    const heard: Event[] = [];
    document.addEventListener('iq-auth-required', (e) => heard.push(e), { once: true });
    box.append(document.createElement('iq-ration-card'));
    await until(() => heard.length === 1, "the card's iq-auth-required");
    expect(iqKeys()).to.deep.equal([]);
    // The host asks the sign-in element, which closes the ended session as a timeout.
    await login.checkSession();
    await until(() => !!loginField(login, '#id-field'), 'the sign-in form');
    expect(iqKeys()).to.deep.equal([]);
  });

  it('checkSession() closing an ended session clears the tab; the same citizen signs in again and loses nothing', async () => {
    const { setup, login, wizard } = await portal();
    await aliAnswers(wizard);
    sessionsEnd(setup);
    await login.checkSession();
    expect(iqKeys()).to.deep.equal([]);
    // The element keeps the answers while it is alive, for Ali.
    expect($<HTMLInputElement>(wizard, '#f-m-name')!.value).to.equal(MEMBER);
    await signsIn(login, ALI);
    await until(() => (sessionStorage.getItem(KEY) ?? '').includes(MEMBER), 'back in the tab');
    expect($<HTMLInputElement>(wizard, '#f-m-name')!.value).to.equal(MEMBER);
  });

  it('another citizen signs in after a timeout, the wizard on the page: it drops the previous answers too', async () => {
    const { setup, login, wizard } = await portal();
    await aliAnswers(wizard);
    sessionsEnd(setup);
    await login.checkSession();
    expect(iqKeys()).to.deep.equal([]);
    await signsIn(login, ZAINAB);
    await until(() => resumed(wizard), "Zainab's draft");
    nothingOfAli(wizard, 'Zainab signed in');
    expect(iqKeys()).to.include('iq-citizen');
  });

  it('a wizard out of the page while its session ended and another citizen signed in: put back, it is theirs', async () => {
    const { setup, box, login, wizard } = await portal();
    await aliAnswers(wizard);
    $<HTMLButtonElement>(wizard, '.member-form button.secondary')!.click();
    await wizard.updateComplete;
    sessionsEnd(setup);
    // Its own save is refused (401): it says the session is over.
    await next(wizard);
    await until(() => text(wizard, '[part="notice"]') !== '', 'the signed-out notice');
    wizard.remove();
    await login.checkSession();
    await signsIn(login, ZAINAB);
    box.append(wizard);
    // Once it has rendered what it does on coming back (not the page it left).
    await wizard.updateComplete;
    await until(() => resumed(wizard), "Zainab's draft");
    nothingOfAli(wizard, 'Zainab signed in, the wizard back on the page');
    expect(text(wizard, '[part="notice"]'), 'no "signed out" for Zainab').to.equal('');
    await until(() => sessionStorage.getItem(KEY) !== null, "the tab keeps Zainab's copy");
  });

  for (const next of ['<iq-update-wizard>', '<iq-login>'] as const) {
    it(`another citizen signed in elsewhere (the tab never saw the session end): ${next} on the next page leaves nothing of the previous one`, async () => {
      const { setup, box, wizard } = await portal();
      await aliAnswers(wizard);
      // The page goes (closed, navigated away); the tab keeps Ali's copy. Zainab signs in on
      // another tab of the same browser: the session cookie is now hers.
      box.remove();
      sessionsEnd(setup);
      await signIn(setup, 'cit_02');
      expect(sessionStorage.getItem(KEY)).to.contain(LANDMARK);
      if (next === '<iq-update-wizard>') {
        const again = await fixture<IqUpdateWizard>(html`<iq-update-wizard></iq-update-wizard>`);
        await until(() => resumed(again), "Zainab's draft");
        nothingOfAli(again, 'the next page');
      } else {
        const login = await fixture<IqLogin>(html`<iq-login></iq-login>`);
        await until(() => !!login.shadowRoot!.querySelector('[part="signed-in"]'), 'Zainab');
        expect(iqKeys()).to.deep.equal(['iq-citizen']);
      }
    });
  }
});
