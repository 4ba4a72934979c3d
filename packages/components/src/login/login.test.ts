import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createSandbox, createSandboxFetch, type Sandbox } from '@iq-eservices/sandbox';
import { createEServicesClient, type EServicesClient } from '@iq-eservices/api';
import '../define/login.js';
import type { IqLogin } from './login.js';
import type { IqLoginEvent, IqLogoutEvent } from './events.js';
import type { IqErrorEvent } from '../core/events.js';
import { getLocale } from '../core/localization.js';
import { LOCALES, expectAccessible, setPageLanguage, until } from '../test/helpers.js';
import { fakeTime } from '../test/fake-time.js';

const NATIONAL_ID = '199012345678';
const PHONE = '+9647701234567';
const CODE = '123456';

/** A clock and timers the test moves by hand. */

interface Setup {
  el: IqLogin;
  sandbox: Sandbox;
  client: EServicesClient;
  /** Requests that left the client, per "METHOD path" (every attempt, even those a fault ate). */
  sent: Record<string, number>;
  /** Moves the sandbox's clock forward. */
  later(seconds: number): void;
  events: Event[];
}

async function setup(
  template = html`<iq-login></iq-login>`,
  options: { bearer?: boolean } = {},
): Promise<Setup> {
  let offset = 0;
  const sandbox = createSandbox({ clock: () => new Date(Date.now() + offset), hangMs: 3000 });
  const sent: Record<string, number> = {};
  const client = createEServicesClient({
    baseUrl: 'http://sandbox.localhost',
    fetch: createSandboxFetch(sandbox),
    locale: () => getLocale(),
    retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 },
    // Short enough for the timeout fault (the sandbox holds it 3 s), long enough for an answer
    // on a loaded machine (400 ms was not: at load 15 on 2 cores a sign-in timed out).
    timeoutMs: 2000,
    auth: options.bearer ? { mode: 'bearer' } : { mode: 'cookie' },
    onRequest: ({ method, url }) => {
      const key = `${method} ${new URL(url).pathname.replace(/chl_\w+/, '{id}')}`;
      sent[key] = (sent[key] ?? 0) + 1;
    },
  });
  const el = await fixture<IqLogin>(template);
  el.client = client;
  const events: Event[] = [];
  for (const type of ['iq-login', 'iq-logout', 'iq-error', 'iq-session-warning']) {
    el.addEventListener(type, (e) => events.push(e));
  }
  await el.updateComplete;
  return { el, sandbox, client, sent, events, later: (s) => (offset += s * 1000) };
}

const root = (el: IqLogin) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: IqLogin, selector: string) =>
  root(el).querySelector<T>(selector);
const text = (el: IqLogin) => root(el).textContent!.replace(/\s+/g, ' ');
const heading = (el: IqLogin) => $(el, '#heading')!.textContent!.trim();
const summary = (el: IqLogin) => $(el, '[part="error-summary"]')?.textContent?.replace(/\s+/g, ' ');
const idInput = (el: IqLogin) =>
  $(el, '#id-field')!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const codeInput = (el: IqLogin) =>
  $(el, '#code-field')!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
const submit = (el: IqLogin) => $<HTMLButtonElement>(el, '[part="submit"]')!;
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

async function settle(el: IqLogin) {
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

async function typeNumber(el: IqLogin, value: string) {
  idInput(el).focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function toCodeStep(s: Setup, value = NATIONAL_ID) {
  await typeNumber(s.el, value);
  await sendKeys({ press: 'Enter' });
  await until(() => !!$(s.el, '#code-field'), 'the code step');
  await settle(s.el);
}

async function enterCode(el: IqLogin, code: string) {
  await el.updateComplete;
  // Focus moves after renders (to the heading or the summary): type only once it has settled on
  // the field, so that a slow machine does not send the keys elsewhere.
  for (let attempt = 0; attempt < 5; attempt++) {
    codeInput(el).focus();
    codeInput(el).select();
    await sendKeys({ type: code });
    if (codeInput(el).value === code && deepActive() === codeInput(el)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await sendKeys({ press: 'Enter' });
}

async function signIn(s: Setup) {
  await toCodeStep(s);
  await enterCode(s.el, CODE);
  await until(() => !!$(s.el, '[part="signed-in"]'), 'signed in');
  await settle(s.el);
}

function paste(input: HTMLInputElement, value: string) {
  input.focus();
  const data = new DataTransfer();
  data.setData('text/plain', value);
  const event = new ClipboardEvent('paste', {
    clipboardData: data,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (input.dispatchEvent(event)) {
    // Nothing intercepted the paste: the browser would insert the text.
    input.value = value.slice(0, input.maxLength > 0 ? input.maxLength : undefined);
    input.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }),
    );
  }
}

/** The error a field of the element shows (inside the field, tied to its input), if any. */
function fieldError(el: Element, field: string): HTMLElement | null {
  return (
    el.shadowRoot?.querySelector(field)?.shadowRoot?.querySelector<HTMLElement>('[part="error"]') ??
    null
  );
}

describe('iq-login', function () {
  this.timeout(20000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await setPageLanguage('ar');
  });

  describe('keyboard only', () => {
    it('national id → code → signed in → sign out with Tab and Enter, and forgets everything', async () => {
      await setPageLanguage('en');
      const s = await setup();
      const { el } = s;
      const consoleCalls: unknown[][] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const logger = globalThis.console as unknown as Record<string, (...args: unknown[]) => void>;
      const originals = methods.map((m) => logger[m]);
      methods.forEach((m) => (logger[m] = (...args: unknown[]) => void consoleCalls.push(args)));
      const url = location.href;
      try {
        (document.activeElement as HTMLElement | null)?.blur();
        await sendKeys({ press: 'Tab' }); // the method radio group
        expect(deepActive()).to.have.property('type', 'radio');
        await sendKeys({ press: 'Tab' }); // the national card number field
        expect(deepActive()).to.equal(idInput(el));
        await sendKeys({ type: '1990 1234 5678' });
        await sendKeys({ press: 'Enter' });
        await until(() => !!$(el, '#code-field'), 'code step');
        await settle(el);
        expect(deepActive()).to.equal($(el, '#heading'));
        expect(s.sandbox.calls['startSignIn']).to.equal(1);
        expect($(el, '[part="destination"] bdi')!.getAttribute('dir')).to.equal('ltr');
        expect($(el, '[part="destination"] bdi')!.textContent).to.equal('+96477*****567');
        expect($(el, '#code-field')!.getAttribute('length')).to.equal('6');

        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal(codeInput(el));
        await sendKeys({ type: CODE });
        await sendKeys({ press: 'Enter' });
        await until(() => !!$(el, '[part="signed-in"]'), 'signed in');
        await settle(el);
        expect(deepActive()).to.equal($(el, '#heading'));
        expect($(el, '[part="user-name"]')!.textContent).to.equal('Ali Hussein Kadhim Al-Musawi');
        const login = s.events.find((e) => e.type === 'iq-login') as IqLoginEvent;
        expect(login.user.name.latin).to.equal('Ali Hussein Kadhim Al-Musawi');
        expect(login.bubbles && login.composed).to.equal(true);

        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal($(el, '[part="sign-out"]'));
        await sendKeys({ press: 'Enter' });
        await until(() => s.events.some((e) => e.type === 'iq-logout'), 'iq-logout');
        await settle(el);
        expect((s.events.find((e) => e.type === 'iq-logout') as IqLogoutEvent).reason).to.equal(
          'user',
        );
        expect(s.sandbox.calls['signOut']).to.equal(1);
        expect(s.client.session.isSignedIn()).to.equal(false);
        expect(heading(el)).to.equal('Sign in');

        // Nothing personal is left in the element.
        const dom = root(el).innerHTML + idInput(el).value;
        for (const personal of [
          NATIONAL_ID,
          '1990 1234 5678',
          '+96477*****567',
          'Ali Hussein',
          'علي حسين',
          'chl_',
        ]) {
          expect(dom).to.not.contain(personal);
        }
        // Nor in storage, the URL or the console.
        expect(localStorage.length + sessionStorage.length).to.equal(0);
        expect(location.href).to.equal(url);
        const logged = JSON.stringify(consoleCalls);
        for (const secret of [NATIONAL_ID, CODE, 'chl_', 'csrf_', 'ses_', '*****']) {
          expect(logged).to.not.contain(secret);
        }
      } finally {
        methods.forEach((m, i) => (logger[m] = originals[i]!));
      }
    });

    it('phone path: arrow keys choose the mobile number, the code is pasted, Enter verifies (bearer mode keeps tokens in memory)', async () => {
      await setPageLanguage('en');
      const s = await setup(html`<iq-login mode="bearer"></iq-login>`, { bearer: true });
      const { el } = s;
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.method).to.equal('phone');
      expect($(el, 'iq-phone-input')).to.not.equal(null);
      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(idInput(el));
      await sendKeys({ type: '٠٧٧٠ ١٢٣ ٤٥٦٧' });
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '#code-field'), 'code step');
      await settle(el);
      expect(
        s.sandbox.state.identity.signInStarts[
          s.sandbox.citizens.find((c) => c.phone === PHONE)!.id
        ],
      ).to.have.length(1);

      paste(codeInput(el), 'Your code is 123456. It expires in 5 minutes.');
      await el.updateComplete;
      expect(codeInput(el).value).to.equal(CODE);
      codeInput(el).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(el, '[part="signed-in"]'), 'signed in');
      expect(s.client.session.isSignedIn()).to.equal(true);
      const session = Object.values(s.sandbox.state.identity.sessions)[0]!;
      expect(session.mode).to.equal('bearer');
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).to.not.contain(
        session.accessToken!,
      );
      expect(root(el).innerHTML).to.not.contain(session.accessToken!);
    });
  });

  describe('bad input never leaves the page', () => {
    const bad = [
      '<script>window.__iqPwned = true</script>',
      '"><img src=x onerror="window.__iqPwned=true">',
      '\u202e199012345678',
      '١٩٩٠۱۲۳4٥٦',
      '1990😀12345678',
      'x'.repeat(10000),
    ];

    for (const method of ['national-id', 'phone'] as const) {
      it(`${method}: XSS, bidi overrides, mixed digits, emoji, 10 000 characters → a message, nothing sent`, async () => {
        await setPageLanguage('en');
        const s = await setup(html`<iq-login method=${method}></iq-login>`);
        for (const value of bad) {
          const input = idInput(s.el);
          input.value = '';
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          paste(input, value);
          await s.el.updateComplete;
          submit(s.el).click();
          await until(() => !!summary(s.el), `a message for ${value.slice(0, 20)}`);
          await settle(s.el);
          expect(summary(s.el)).to.match(/There is a problem/);
          expect(deepActive()).to.equal($(s.el, '#error-summary'));
          const fieldError = $(s.el, '#id-field')!.shadowRoot!.querySelector('#error');
          expect(fieldError?.textContent?.trim(), value.slice(0, 20)).to.not.equal('');
        }
        expect((window as unknown as { __iqPwned?: boolean }).__iqPwned).to.equal(undefined);
        expect(s.sandbox.calls['startSignIn'] ?? 0).to.equal(0);
        expect(s.sent['POST /identity/v1/sign-in'] ?? 0).to.equal(0);
      });
    }

    it('mixed digit scripts that make a valid number are normalized before sending', async () => {
      const s = await setup();
      await toCodeStep(s, '١٩٩٠ ۱۲۳۴ 5678');
      expect(s.sandbox.calls['startSignIn']).to.equal(1);
    });

    it('the code field: bad codes get a message and no verification is sent', async () => {
      await setPageLanguage('en');
      const s = await setup();
      await toCodeStep(s);
      for (const value of [
        '<img src=x onerror="window.__iqPwned=true">',
        '\u202e123456',
        '12😀34',
        '12345',
        '9'.repeat(10000),
      ]) {
        // Typed (inserted as an IME would), not pasted: a paste keeps only a code found in the text.
        const input = codeInput(s.el);
        input.focus();
        input.select();
        document.execCommand('insertText', false, value);
        await s.el.updateComplete;
        expect(input.value.length, value.slice(0, 10)).to.be.greaterThan(0);
        submit(s.el).click();
        await until(() => !!summary(s.el), 'a message');
        await settle(s.el);
        expect(summary(s.el)).to.match(/There is a problem/);
      }
      expect((window as unknown as { __iqPwned?: boolean }).__iqPwned).to.equal(undefined);
      expect(s.sandbox.calls['verifySignIn'] ?? 0).to.equal(0);
    });

    it('server data containing markup renders as text', async () => {
      await setPageLanguage('ar');
      const s = await setup();
      const citizen = s.sandbox.state.citizens.find((c) => c.nationalId === NATIONAL_ID)!;
      citizen.nameAr = '<img src=x onerror="window.__iqPwned=true">';
      await signIn(s);
      expect($(s.el, '[part="user-name"]')!.textContent).to.equal(citizen.nameAr);
      expect(root(s.el).querySelector('img')).to.equal(null);
      await new Promise((r) => setTimeout(r, 50));
      expect((window as unknown as { __iqPwned?: boolean }).__iqPwned).to.equal(undefined);
    });
  });

  describe('every answer of the contract', () => {
    beforeEach(() => setPageLanguage('en'));

    it('a number no citizen has goes on to the code step like any other; no code works for it', async () => {
      // The contract never says which numbers exist: the citizen sees where the code went (not
      // their phone, if they mistyped) and the code never arrives.
      const s = await setup();
      await toCodeStep(s, '123456789012');
      expect($(s.el, '[part="destination"] bdi')!.textContent).to.match(/^\+9647\d\*{5}\d{3}$/);
      expect(deepActive()).to.equal($(s.el, '#heading'));
      await enterCode(s.el, CODE);
      await until(() => !!summary(s.el), 'summary');
      expect(summary(s.el)).to.contain('The code is wrong. You have 2 attempts left.');
      expect(fieldError(s.el, '#code-field')!.textContent).to.contain('2 attempts left');
      const error = s.events.find((e) => e.type === 'iq-error') as IqErrorEvent;
      expect(error.code).to.equal('otp.invalid');
      expect(JSON.stringify(error)).to.not.contain('123456789012');
      expect(s.events.some((e) => e.type === 'iq-login')).to.equal(false);
    });

    it('wrong code shows the attempts left; the third locks sign-in until a time', async () => {
      const s = await setup();
      await toCodeStep(s);
      await enterCode(s.el, '000000');
      await until(() => !!summary(s.el), 'summary');
      expect(summary(s.el)).to.contain('The code is wrong. You have 2 attempts left.');
      expect(fieldError(s.el, '#code-field')!.textContent).to.contain('2 attempts left');
      codeInput(s.el).select();
      await sendKeys({ type: '111111' });
      await sendKeys({ press: 'Enter' });
      await until(() => summary(s.el)!.includes('1 attempt left'), 'one attempt left (singular)');
      codeInput(s.el).select();
      await sendKeys({ type: '222222' });
      await sendKeys({ press: 'Enter' });
      await until(() => summary(s.el)!.includes('locked'), 'locked');
      const until_ = Object.values(s.sandbox.state.identity.lockedUntil)[0]!;
      // Baghdad's time, whatever the browser's zone, and named as such.
      const time = new Intl.DateTimeFormat('en-IQ', {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'Asia/Baghdad',
      }).format(new Date(until_));
      expect(summary(s.el)).to.contain(`${time} (Baghdad time)`);
      // The way forward: start again (the code field is gone).
      expect($(s.el, '#code-field')).to.equal(null);
      expect(submit(s.el).textContent).to.contain('Start again');
      expect(s.sandbox.calls['verifySignIn']).to.equal(3);
    });

    it('expired code (410) offers a new code, which then works', async () => {
      const s = await setup();
      await toCodeStep(s);
      s.later(301);
      await enterCode(s.el, CODE);
      await until(() => !!summary(s.el), 'summary');
      expect(summary(s.el)).to.contain('The code has expired');
      const resend = $<HTMLButtonElement>(s.el, '[part="resend"] button')!;
      expect(resend.textContent).to.contain('Send a new code');
      resend.click();
      await until(() => s.sandbox.calls['resendSignInCode'] === 1, 'resend');
      // The sandbox counts the call when it starts handling it: wait for the answer to arrive.
      await until(() => summary(s.el) === undefined, 'the problem cleared by the new code');
      await settle(s.el);
      expect(text(s.el)).to.contain('You can ask for a new code in 2 minutes');
      await enterCode(s.el, CODE);
      await until(() => !!$(s.el, '[part="signed-in"]'), 'signed in');
    });

    it('resend follows the server countdown, live and plural-aware; too early → the wait from retryAfterSeconds', async () => {
      const s = await setup();
      const time = fakeTime();
      s.el.time = time;
      await toCodeStep(s);
      expect($(s.el, '[part="resend"]')!.textContent).to.contain(
        'You can ask for a new code in 1 minute.',
      );
      time.advance(1000);
      await s.el.updateComplete;
      expect($(s.el, '[part="resend"]')!.textContent).to.contain('59 seconds');
      time.advance(58000);
      await s.el.updateComplete;
      expect($(s.el, '[part="resend"]')!.textContent).to.contain('1 second.');
      time.advance(1000);
      await s.el.updateComplete;
      // The page's countdown is over, but the server's clock says 1 s more.
      s.later(59);
      $<HTMLButtonElement>(s.el, '[part="resend"] button')!.click();
      await until(() => !!summary(s.el), 'too early');
      expect(summary(s.el)).to.contain('A new code cannot be sent yet. Try again in 1 second.');
      time.advance(1000);
      s.later(1);
      await s.el.updateComplete;
      $<HTMLButtonElement>(s.el, '[part="resend"] button')!.click();
      await until(() => s.sandbox.calls['resendSignInCode'] === 2, 'second resend');
      await until(
        () => !!$(s.el, '[part="resend"]')?.textContent?.includes('2 minutes'),
        'the new countdown from the answer',
      );
      await settle(s.el);
      expect($(s.el, '[role="status"]')!.textContent).to.contain('We sent a new code.');
    });

    it('rate limited (429 after five starts): the wait counts down, then the same number is sent again', async () => {
      const s = await setup();
      const time = fakeTime();
      s.el.time = time;
      const citizen = s.sandbox.citizens.find((c) => c.nationalId === NATIONAL_ID)!;
      const now = Date.now();
      s.sandbox.state.identity.signInStarts[citizen.id] = [0, 1, 2, 3, 4].map((i) =>
        new Date(now - 60000 + i).toISOString(),
      );
      await typeNumber(s.el, NATIONAL_ID);
      await sendKeys({ press: 'Enter' });
      await until(() => !!summary(s.el), 'summary');
      expect(summary(s.el)).to.match(
        /Too many attempts\. Try again in 14 minutes( \d+ seconds?)?\./,
      );
      // While waiting, Send does nothing.
      submit(s.el).click();
      await settle(s.el);
      expect(s.sent['POST /identity/v1/sign-in']).to.equal(1);
      time.advance(15 * 60 * 1000);
      s.later(15 * 60);
      await s.el.updateComplete;
      expect(summary(s.el)).to.contain('You can try again now.');
      expect(idInput(s.el).value).to.equal(NATIONAL_ID);
      submit(s.el).click();
      await until(() => !!$(s.el, '#code-field'), 'code step');
      expect(s.sent['POST /identity/v1/sign-in']).to.equal(2);
    });

    it('locked at start (423) says until when', async () => {
      const s = await setup();
      const citizen = s.sandbox.citizens.find((c) => c.nationalId === NATIONAL_ID)!;
      const lockedUntil = new Date(Date.now() + 600000).toISOString();
      s.sandbox.state.identity.lockedUntil[citizen.id] = lockedUntil;
      await typeNumber(s.el, NATIONAL_ID);
      await sendKeys({ press: 'Enter' });
      await until(() => !!summary(s.el), 'summary');
      const time = new Intl.DateTimeFormat('en-IQ', {
        hour: 'numeric',
        minute: '2-digit',
        timeZone: 'Asia/Baghdad',
      }).format(new Date(lockedUntil));
      expect(summary(s.el)).to.contain(`Try again after ${time} (Baghdad time).`);
    });
  });

  describe('faults', () => {
    beforeEach(() => setPageLanguage('en'));

    for (const [fault, message] of [
      [503, 'Something went wrong on our side'],
      [500, 'Something went wrong on our side'],
      ['timeout', 'took too long to answer'],
      ['drop', 'We could not reach the service'],
      [429, 'Too many attempts'],
    ] as const) {
      it(`${fault} on Send: "${message}", then recovery without retyping, one request per action`, async () => {
        const s = await setup();
        s.el.time = fakeTime();
        s.sandbox.faults.set({ faults: [{ kind: fault, operations: ['startSignIn'], count: 1 }] });
        await typeNumber(s.el, NATIONAL_ID);
        await sendKeys({ press: 'Enter' });
        await until(() => !!summary(s.el), 'summary', 5000);
        await settle(s.el);
        expect(summary(s.el)).to.contain(message);
        expect(s.sent['POST /identity/v1/sign-in']).to.equal(1);
        expect(deepActive()).to.equal($(s.el, '#error-summary'));
        if (fault === 429) {
          (s.el.time as ReturnType<typeof fakeTime>).advance(1000);
          await s.el.updateComplete;
          submit(s.el).click();
        } else {
          await sendKeys({ press: 'Tab' });
          expect(deepActive()!.textContent).to.contain('Try again');
          await sendKeys({ press: 'Enter' });
        }
        await until(() => !!$(s.el, '#code-field'), 'code step');
        expect(s.sent['POST /identity/v1/sign-in']).to.equal(2);
        expect(s.sandbox.calls['startSignIn']).to.equal(1);
      });
    }

    it('a dropped connection on Verify keeps the code; Try again signs in', async () => {
      const s = await setup();
      await toCodeStep(s);
      s.sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['verifySignIn'], count: 1 }] });
      await enterCode(s.el, CODE);
      await until(() => !!summary(s.el), 'summary');
      expect(summary(s.el)).to.contain('We could not reach the service');
      expect(codeInput(s.el).value).to.equal(CODE);
      $<HTMLButtonElement>(s.el, '#error-summary button')!.click();
      await until(() => !!$(s.el, '[part="signed-in"]'), 'signed in');
      expect(s.sent['POST /identity/v1/sign-in/{id}/verify']).to.equal(2);
    });

    it('double click and double Enter on Send and Verify send one request each', async () => {
      const s = await setup();
      s.sandbox.faults.set({ latencyMs: 150 });
      await typeNumber(s.el, NATIONAL_ID);
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      submit(s.el).click();
      await until(() => !!$(s.el, '#code-field'), 'code step');
      expect(s.sent['POST /identity/v1/sign-in']).to.equal(1);
      codeInput(s.el).focus();
      await sendKeys({ type: CODE });
      submit(s.el).click();
      submit(s.el).click();
      await sendKeys({ press: 'Enter' });
      await until(() => !!$(s.el, '[part="signed-in"]'), 'signed in');
      expect(s.sent['POST /identity/v1/sign-in/{id}/verify']).to.equal(1);
      expect(s.sandbox.calls['verifySignIn']).to.equal(1);
    });

    it('going back to change the number keeps what was typed', async () => {
      const s = await setup();
      await toCodeStep(s, '1990 1234 5678');
      $<HTMLButtonElement>(s.el, 'button.link')!.click();
      await settle(s.el);
      expect(heading(s.el)).to.equal('Sign in');
      expect(deepActive()).to.equal($(s.el, '#heading'));
      expect(idInput(s.el).value).to.equal('1990 1234 5678');
    });
  });

  describe('session timeout warning', () => {
    beforeEach(() => setPageLanguage('en'));

    async function signedIn(warnBefore = 120) {
      const s = await setup(html`<iq-login warn-before=${warnBefore}></iq-login>`);
      const time = fakeTime();
      s.el.time = time;
      await signIn(s);
      return { ...s, time };
    }

    it('opens a labelled modal dialog warn-before seconds before the end, focus on Stay; Stay refreshes and re-arms; focus returns', async () => {
      const s = await signedIn(120);
      const signOut = $<HTMLButtonElement>(s.el, '[part="sign-out"]')!;
      signOut.focus();
      s.time.advance((900 - 121) * 1000);
      await s.el.updateComplete;
      expect($(s.el, 'dialog')).to.equal(null);
      s.time.advance(1000);
      await settle(s.el);
      const dialog = $<HTMLDialogElement>(s.el, 'dialog')!;
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(
        root(s.el).getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent,
      ).to.contain('You are about to be signed out');
      expect(deepActive()!.id).to.equal('stay');
      expect(dialog.textContent).to.contain('we will sign you out in 2 minutes.');
      expect(s.events.filter((e) => e.type === 'iq-session-warning')).to.have.length(1);
      s.time.advance(1000);
      await s.el.updateComplete;
      expect(dialog.textContent).to.contain('1 minute 59 seconds');
      await sendKeys({ press: 'Enter' });
      await until(() => !$(s.el, 'dialog'), 'dialog closed');
      expect(s.sandbox.calls['refreshSession']).to.equal(1);
      expect(s.sandbox.calls['getSession']).to.equal(2);
      expect(deepActive()).to.equal(signOut);
      // Re-armed from the server's answer: the warning comes again after a new period.
      s.time.advance((900 - 121) * 1000);
      await s.el.updateComplete;
      expect($(s.el, 'dialog')).to.equal(null);
      s.time.advance(2000);
      await settle(s.el);
      expect($<HTMLDialogElement>(s.el, 'dialog')!.open).to.equal(true);
    });

    it('Escape closes the warning and keeps the session', async () => {
      const s = await signedIn(60);
      s.time.advance((900 - 60) * 1000);
      await settle(s.el);
      expect($<HTMLDialogElement>(s.el, 'dialog')!.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await until(() => !$(s.el, 'dialog'), 'dialog closed');
      expect(s.sandbox.calls['refreshSession']).to.equal(1);
      expect($(s.el, '[part="signed-in"]')).to.not.equal(null);
    });

    it('Sign out in the warning ends the session', async () => {
      const s = await signedIn(60);
      s.time.advance((900 - 60) * 1000);
      await settle(s.el);
      await sendKeys({ press: 'Tab' });
      expect(deepActive()!.textContent).to.contain('Sign out');
      await sendKeys({ press: 'Enter' });
      await until(() => s.events.some((e) => e.type === 'iq-logout'), 'logout');
      expect((s.events.find((e) => e.type === 'iq-logout') as IqLogoutEvent).reason).to.equal(
        'user',
      );
      expect(s.sandbox.calls['signOut']).to.equal(1);
      expect($(s.el, 'dialog')).to.equal(null);
    });

    it('when the session ends: the dialog closes, state is cleared and iq-logout says expired', async () => {
      const s = await signedIn(60);
      s.time.advance((900 - 60) * 1000);
      await settle(s.el);
      s.later(901);
      s.time.advance(60 * 1000);
      await until(() => s.events.some((e) => e.type === 'iq-logout'), 'logout');
      await settle(s.el);
      expect((s.events.find((e) => e.type === 'iq-logout') as IqLogoutEvent).reason).to.equal(
        'expired',
      );
      expect($(s.el, 'dialog')).to.equal(null);
      expect($(s.el, '[part="notice"]')!.textContent).to.contain(
        'signed out because you were inactive',
      );
      expect(root(s.el).innerHTML).to.not.contain('Ali Hussein');
      expect(s.client.session.isSignedIn()).to.equal(false);
    });

    it('a session extended elsewhere is timed again instead of ending', async () => {
      const s = await signedIn(60);
      s.time.advance(900 * 1000);
      await until(() => (s.sandbox.calls['getSession'] ?? 0) >= 2, 'checked with the server');
      await settle(s.el);
      expect(s.events.some((e) => e.type === 'iq-logout')).to.equal(false);
      expect($(s.el, '[part="signed-in"]')).to.not.equal(null);
    });
  });

  describe('accessibility and layout', () => {
    /** Drives the element through every state, calling `check` in each. */
    async function everyState(check: (name: string, el: IqLogin) => Promise<void>) {
      let s = await setup();
      s.el.time = fakeTime();
      await check('start', s.el);
      s.el.method = 'phone';
      await s.el.updateComplete;
      await check('start (phone)', s.el);
      s.el.method = 'national-id';
      await s.el.updateComplete;
      submit(s.el).click();
      await until(() => !!summary(s.el), 'field error');
      await check('invalid number', s.el);
      await typeNumber(s.el, NATIONAL_ID);
      s.sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['startSignIn'], count: 1 }] });
      submit(s.el).click();
      await until(
        () =>
          !!summary(s.el)?.match(/connect|اتصال|پەیوەندی/) || !!$(s.el, '#error-summary button'),
        'network',
      );
      await check('network error', s.el);
      s.sandbox.faults.set({ faults: [{ kind: 429, operations: ['startSignIn'], count: 1 }] });
      submit(s.el).click();
      await until(() => s.sandbox.faults.scenario.faults[0]!.fired === 1, '429');
      await settle(s.el);
      // The wait, in digits, or in words for one second (Arabic writes no numeral before one).
      expect(summary(s.el)).to.match(/[0-9٠-٩]|ثانية واحدة|یەک چرکە/);
      await check('rate limited', s.el);

      s = await setup();
      s.el.time = fakeTime();
      await toCodeStep(s);
      await check('code sent', s.el);
      await enterCode(s.el, '000000');
      await until(() => !!fieldError(s.el, '#code-field'), 'wrong code');
      await check('wrong code', s.el);
      s.later(301);
      submit(s.el).click();
      // Each step waits for the answer on screen, not for the sandbox to count the call: on a
      // loaded machine the answer arrives later, and the next action would find the form busy.
      await until(() => !!$(s.el, '[part="resend"] button'), 'expired: a new code offered');
      await settle(s.el);
      await check('expired', s.el);
      $<HTMLButtonElement>(s.el, '[part="resend"] button')!.click();
      await until(
        () => s.sandbox.calls['resendSignInCode'] === 1 && summary(s.el) === undefined,
        'resent: the problem cleared',
      );
      await settle(s.el);
      await enterCode(s.el, '000000');
      await until(() => !!fieldError(s.el, '#code-field'), 'a wrong code answered');
      await settle(s.el);
      await enterCode(s.el, '000000');
      await until(() => !$(s.el, '#code-field'), 'locked');
      expect(s.sandbox.calls['verifySignIn']).to.equal(4);
      expect(Object.keys(s.sandbox.state.identity.lockedUntil)).to.have.length(1);
      await check('locked', s.el);

      s = await setup(html`<iq-login warn-before="60"></iq-login>`);
      const time = fakeTime();
      s.el.time = time;
      await signIn(s);
      await check('signed in', s.el);
      time.advance(840 * 1000);
      await settle(s.el);
      expect($<HTMLDialogElement>(s.el, 'dialog')!.open).to.equal(true);
      await check('timeout warning', s.el);
      $<HTMLDialogElement>(s.el, 'dialog')!.close();
    }

    for (const locale of LOCALES) {
      it(`every state passes axe (WCAG 2.2 AA) in ${locale}`, async () => {
        await setPageLanguage(locale);
        const seen: string[] = [];
        await everyState(async (name, el) => {
          seen.push(name);
          try {
            await expectAccessible(el);
          } catch (error) {
            throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
          }
          expect(text(el).trim(), name).to.not.equal('');
        });
        expect(seen).to.have.length(11);
      });
    }

    for (const width of [320, 1280]) {
      for (const locale of ['ar', 'en'] as const) {
        it(`${locale} at ${width}px: heading, choice and button start on the ${locale === 'ar' ? 'right' : 'left'}`, async () => {
          await setViewport({ width, height: 800 });
          await setPageLanguage(locale);
          const s = await setup();
          const h = $(s.el, '#heading')!.getBoundingClientRect();
          const [first, second] = [...root(s.el).querySelectorAll('.segments label')].map((l) =>
            l.getBoundingClientRect(),
          );
          const button = submit(s.el).getBoundingClientRect();
          const hostRect = s.el.getBoundingClientRect();
          expect(hostRect.width).to.be.at.most(width);
          expect(root(s.el).querySelector('form')!.scrollWidth).to.be.at.most(
            Math.ceil(hostRect.width) + 1,
          );
          if (locale === 'ar') {
            expect(Math.abs(h.right - button.right)).to.be.lessThan(2);
            expect(Math.abs(first!.right - h.right)).to.be.lessThan(2);
            if (first!.top === second!.top) expect(first!.left).to.be.greaterThan(second!.left);
          } else {
            expect(Math.abs(h.left - button.left)).to.be.lessThan(2);
            expect(Math.abs(first!.left - h.left)).to.be.lessThan(2);
            if (first!.top === second!.top) expect(first!.left).to.be.lessThan(second!.left);
          }
          expect(button.height).to.be.at.least(44);
          expect(first!.height).to.be.at.least(44);
          if (width === 320) expect(button.width).to.be.greaterThan(hostRect.width - 4);
        });
      }
    }
  });

  describe('a session that is still alive', () => {
    /** A second element on the same client, as after a reload or a return from a gateway. */
    async function reconnect(s: Setup): Promise<{ el: IqLogin; events: Event[] }> {
      const el = document.createElement('iq-login');
      el.client = s.client;
      const events: Event[] = [];
      for (const type of ['iq-login', 'iq-error']) el.addEventListener(type, (e) => events.push(e));
      document.body.append(el);
      await el.updateComplete;
      return { el, events };
    }

    it('is picked up on connection without a code, and focus is left where it was', async () => {
      await setPageLanguage('en');
      const s = await setup();
      await signIn(s);
      s.el.remove();
      const before = document.activeElement;
      const again = await reconnect(s);
      try {
        await until(() => !!$(again.el, '[part="signed-in"]'), 'signed in again');
        expect($(again.el, '[part="user-name"]')!.textContent).to.equal(
          'Ali Hussein Kadhim Al-Musawi',
        );
        const login = again.events.find((e) => e.type === 'iq-login') as IqLoginEvent;
        expect(login.restored).to.equal(true);
        expect(document.activeElement === before).to.equal(true);
        expect(s.sandbox.calls['startSignIn']).to.equal(1);
      } finally {
        again.el.remove();
      }
    });

    it('without a session the form stays, silently (no error event)', async () => {
      const s = await setup();
      const again = await reconnect(s);
      try {
        await until(() => (s.sent['GET /identity/v1/session'] ?? 0) > 0, 'the session check');
        await new Promise((r) => setTimeout(r, 50));
        await settle(again.el);
        expect(!!$(again.el, '#id-field')).to.equal(true);
        expect(!!$(again.el, '[part="signed-in"]')).to.equal(false);
        expect(again.events.length).to.equal(0);
      } finally {
        again.el.remove();
      }
    });

    it('a citizen who already started typing is not switched over', async () => {
      const s = await setup();
      await signIn(s);
      s.el.remove();
      s.sandbox.faults.set({ latencyMs: 200 });
      const checks = s.sandbox.calls['getSession'] ?? 0;
      const again = await reconnect(s);
      try {
        idInput(again.el).focus();
        await sendKeys({ type: '1990' });
        await until(() => (s.sandbox.calls['getSession'] ?? 0) > checks, 'the session check');
        await new Promise((r) => setTimeout(r, 300));
        await settle(again.el);
        expect(!!$(again.el, '[part="signed-in"]')).to.equal(false);
        expect(idInput(again.el).value).to.equal('1990');
      } finally {
        again.el.remove();
      }
    });
  });

  describe('checkSession()', () => {
    it('a session ended on the server (another element got 401) is closed as expired', async () => {
      const s = await setup();
      await signIn(s);
      // The service forgets the session (it ended elsewhere); the element does not know yet.
      s.later(24 * 3600);
      await s.el.checkSession();
      await settle(s.el);
      const logout = s.events.find((e) => e.type === 'iq-logout') as IqLogoutEvent | undefined;
      expect(logout?.reason).to.equal('expired');
      expect(!!$(s.el, '#id-field')).to.equal(true);
    });

    it('a network failure while checking leaves the citizen signed in', async () => {
      const s = await setup();
      await signIn(s);
      s.sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['getSession'], count: 2 }] });
      await s.el.checkSession();
      await settle(s.el);
      expect(s.events.some((e) => e.type === 'iq-logout')).to.equal(false);
      expect(!!$(s.el, '[part="signed-in"]')).to.equal(true);
    });
  });

  it('without a client: the library\'s "not configured" problem, and the host hears why', async () => {
    await setPageLanguage('en');
    const el = await fixture<IqLogin>(html`<iq-login></iq-login>`);
    const logged: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void logged.push(args);
    try {
      await typeNumber(el, NATIONAL_ID);
      await sendKeys({ press: 'Enter' });
      await until(() => !!summary(el), 'the problem');
      await settle(el);
    } finally {
      console.warn = original;
    }
    expect(summary(el)).to.contain('This service cannot be used on this page at the moment.');
    expect(deepActive()).to.equal($(el, '#error-summary'));
    expect($(el, '#error-summary button'), 'no "Try again" where it cannot help').to.equal(null);
    expect(String(logged[0])).to.contain('<iq-login>: no client');
    expect(idInput(el).value).to.equal(NATIONAL_ID);
  });

  it('reset() goes back to the start and forgets the typed number', async () => {
    const s = await setup();
    await toCodeStep(s);
    s.el.reset();
    await settle(s.el);
    expect($(s.el, '#code-field')).to.equal(null);
    expect(idInput(s.el).value).to.equal('');
    expect(root(s.el).innerHTML).to.not.contain('*****');
  });
});
