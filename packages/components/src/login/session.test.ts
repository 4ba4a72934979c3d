// The session controller on an element of this test's own, against the sandbox: what it does
// with a session found on connection, the time running out, "Stay signed in" and the end, and
// where focus goes around its warning dialog.
import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html } from 'lit';
import { createEServicesClient, type EServicesClient } from '@iq-eservices/api';
import { createSandbox, createSandboxFetch, type Sandbox } from '@iq-eservices/sandbox';
import { IqElement } from '../core/base.js';
import { FocusController } from '../core/focus.js';
import { signIn, until } from '../test/helpers.js';
import { fakeTime } from '../test/fake-time.js';
import type { IqLoginEvent, IqLogoutEvent, IqSessionWarningEvent, LogoutReason } from './events.js';
import { SessionController } from './session.js';

/** The sandbox's idle timeout: a session has 900 s left when it opens. */
const IDLE = 900;
const WARN = 60;

class SessionProbe extends IqElement {
  readonly time = fakeTime();
  readonly focuser = new FocusController(this);
  /** Something typed: a session found on connection must not replace it. */
  typed = '';
  readonly ended: LogoutReason[] = [];
  readonly session = new SessionController(this, {
    client: () => this.api,
    warnBefore: () => WARN,
    time: this.time,
    focus: this.focuser,
    untouched: () => !this.typed,
    warning: (secondsLeft) => `Signed out in ${secondsLeft} s`,
    ended: (reason) => this.ended.push(reason),
  });

  override render() {
    return html`<h2 id="heading" tabindex="-1">Probe</h2>
      <button id="elsewhere">Elsewhere</button>
      ${
        this.session.warning
          ? html`<dialog>
              <button id="stay" @click=${() => void this.session.stay()}>Stay</button>
              <p>${this.session.said.text}</p>
            </dialog>`
          : ''
      }`;
  }
}
customElements.define('iq-test-session-probe', SessionProbe);

interface Setup {
  sandbox: Sandbox;
  client: EServicesClient;
  /** Moves the sandbox's clock forward (the session's end comes closer on the server). */
  later(seconds: number): void;
  /** Answers that reached the client, per path. */
  answered: Record<string, number>;
}

function useSandbox(): Setup {
  let offset = 0;
  const answered: Record<string, number> = {};
  const sandbox = createSandbox({ clock: () => new Date(Date.now() + offset) });
  const client = createEServicesClient({
    baseUrl: 'http://sandbox.localhost',
    fetch: createSandboxFetch(sandbox),
    retry: { maxRetries: 0 },
    onResponse: ({ url }) => {
      const path = new URL(url).pathname;
      answered[path] = (answered[path] ?? 0) + 1;
    },
  });
  return { sandbox, client, answered, later: (seconds) => (offset += seconds * 1000) };
}

/** A probe put on the page with `client`, as after a reload: it looks for a live session. */
async function connect(
  client: EServicesClient,
  before?: (probe: SessionProbe) => void,
): Promise<{ probe: SessionProbe; events: Event[] }> {
  const probe = new SessionProbe();
  probe.client = client;
  before?.(probe);
  const events: Event[] = [];
  for (const type of [
    'iq-login',
    'iq-logout',
    'iq-session-warning',
    'iq-error',
    'iq-auth-required',
  ])
    probe.addEventListener(type, (e) => events.push(e));
  await fixture(fixtureHtml`<div></div>`).then((box) => box.append(probe));
  await probe.updateComplete;
  return { probe, events };
}

/** A signed-in citizen's session, picked up by a probe. */
async function restored(s: Setup) {
  await signIn(s, 'cit_01');
  const connected = await connect(s.client);
  await until(() => !!connected.probe.session.user, 'the session picked up');
  return connected;
}

const SESSION = '/identity/v1/session';

/** Lets what the last answer started finish, and the probe render. */
async function settle(probe: SessionProbe): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await probe.updateComplete;
}

const dialog = (probe: SessionProbe) => probe.shadowRoot!.querySelector('dialog');
const focused = (probe: SessionProbe) => probe.shadowRoot!.activeElement;

describe('login: the session controller', function () {
  this.timeout(20000);

  describe('restore', () => {
    it('picks up a live session on connection: iq-login (restored), timed from the server', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      const login = events.find((e) => e.type === 'iq-login') as IqLoginEvent;
      expect(login.restored).to.equal(true);
      expect(login.user.id).to.equal(probe.session.user!.id);
      expect(probe.session.timeout.armed).to.equal(true);
      expect(probe.session.timeout.secondsLeft).to.be.within(IDLE - 5, IDLE);
    });

    it('signed out (200, authenticated: false): nothing happens and nothing is reported', async () => {
      const s = useSandbox();
      const { probe, events } = await connect(s.client);
      await until(() => s.answered[SESSION] === 1, 'the answer to the session check');
      await settle(probe);
      expect(probe.session.user).to.equal(null);
      expect(events).to.deep.equal([]);
      expect(s.sandbox.calls['getCurrentUser'] ?? 0).to.equal(0);
    });

    it('leaves alone a citizen who started typing while it asked', async () => {
      const s = useSandbox();
      await signIn(s, 'cit_01');
      s.sandbox.faults.set({ latencyMs: 200 });
      const { probe, events } = await connect(s.client);
      probe.typed = '1990';
      await until(() => s.answered[SESSION] === 1, 'the answer to the session check');
      await settle(probe);
      expect(probe.session.user).to.equal(null);
      expect(s.sandbox.calls['getCurrentUser'] ?? 0).to.equal(0);
      expect(events.filter((e) => e.type === 'iq-login')).to.have.length(0);
    });
  });

  describe('the warning', () => {
    it('opens warnBefore seconds before the end with focus inside; Stay extends the session and focus returns', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      const elsewhere = probe.shadowRoot!.querySelector<HTMLButtonElement>('#elsewhere')!;
      elsewhere.focus();
      probe.time.advance((IDLE - WARN - 5) * 1000);
      await probe.updateComplete;
      expect(dialog(probe)).to.equal(null);
      probe.time.advance(10 * 1000);
      await probe.updateComplete;
      expect(dialog(probe)!.open).to.equal(true);
      expect(dialog(probe)!.matches(':modal')).to.equal(true);
      expect(focused(probe)!.id).to.equal('stay');
      expect(probe.session.said.text).to.match(/^Signed out in \d+ s$/);
      const warning = events.find((e) => e.type === 'iq-session-warning') as IqSessionWarningEvent;
      expect(warning.secondsLeft).to.be.within(WARN - 10, WARN);

      await probe.session.stay();
      await probe.updateComplete;
      expect(s.sandbox.calls['refreshSession']).to.equal(1);
      expect(dialog(probe)).to.equal(null);
      expect(focused(probe)).to.equal(elsewhere);
      expect(probe.session.timeout.secondsLeft).to.be.within(IDLE - 5, IDLE);
      expect(events.some((e) => e.type === 'iq-logout')).to.equal(false);
    });

    it('focus goes to the heading when what was focused has gone', async () => {
      const s = useSandbox();
      const { probe } = await restored(s);
      const elsewhere = probe.shadowRoot!.querySelector<HTMLButtonElement>('#elsewhere')!;
      elsewhere.focus();
      probe.time.advance((IDLE - WARN + 1) * 1000);
      await probe.updateComplete;
      expect(dialog(probe)!.open).to.equal(true);
      elsewhere.remove();
      await probe.session.stay();
      await probe.updateComplete;
      expect(dialog(probe)).to.equal(null);
      expect(focused(probe)!.id).to.equal('heading');
    });

    it('a failed Stay keeps the warning open with the problem; the session is not ended', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      probe.time.advance((IDLE - WARN + 1) * 1000);
      await probe.updateComplete;
      s.sandbox.faults.set({
        faults: [{ kind: 'drop', operations: ['refreshSession'], count: 1 }],
      });
      await probe.session.stay();
      await probe.updateComplete;
      expect(probe.session.problem?.kind).to.equal('offline');
      expect(dialog(probe)!.open).to.equal(true);
      expect(probe.session.user).to.not.equal(null);
      expect(events.some((e) => e.type === 'iq-logout')).to.equal(false);
    });
  });

  describe('time up', () => {
    it('the session ended on the server: ended here as expired, iq-logout, the client forgets it', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      probe.time.advance((IDLE - WARN + 1) * 1000);
      await probe.updateComplete;
      s.later(IDLE + 1);
      probe.time.advance(WARN * 1000);
      await until(() => events.some((e) => e.type === 'iq-logout'), 'iq-logout');
      await probe.updateComplete;
      expect((events.find((e) => e.type === 'iq-logout') as IqLogoutEvent).reason).to.equal(
        'expired',
      );
      expect(probe.ended).to.deep.equal(['expired']);
      expect(probe.session.user).to.equal(null);
      expect(probe.session.timeout.armed).to.equal(false);
      expect(dialog(probe)).to.equal(null);
      expect(s.client.session.isSignedIn()).to.equal(false);
    });

    it('a session extended elsewhere (another tab) is timed again, and the warning closes', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      probe.time.advance((IDLE - WARN + 1) * 1000);
      await probe.updateComplete;
      expect(dialog(probe)!.open).to.equal(true);
      // Another tab said "stay signed in": the server's session has its whole idle time again.
      await s.client.session.refresh();
      probe.time.advance(WARN * 1000);
      await until(() => (s.sandbox.calls['getSession'] ?? 0) >= 2, 'asked the server');
      await until(() => !probe.session.warning, 'the warning closed');
      expect(probe.session.timeout.armed).to.equal(true);
      expect(probe.session.user).to.not.equal(null);
      expect(events.some((e) => e.type === 'iq-logout')).to.equal(false);
    });
  });

  describe('end', () => {
    it('signOut ends the session on the server, then here (iq-logout: user)', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      expect(await probe.session.signOut()).to.equal(undefined);
      expect(s.sandbox.calls['signOut']).to.equal(1);
      expect(probe.ended).to.deep.equal(['user']);
      expect((events.find((e) => e.type === 'iq-logout') as IqLogoutEvent).reason).to.equal('user');
      expect(probe.session.user).to.equal(null);
      expect(s.client.session.isSignedIn()).to.equal(false);
    });

    it('a failed sign-out is returned and the session stays', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      s.sandbox.faults.set({ faults: [{ kind: 503, operations: ['signOut'], count: 1 }] });
      const problem = await probe.session.signOut();
      expect(problem?.kind).to.equal('server');
      expect(probe.session.user).to.not.equal(null);
      expect(events.some((e) => e.type === 'iq-logout')).to.equal(false);
    });

    it('check(): an ended session is closed as expired; a network failure changes nothing', async () => {
      const s = useSandbox();
      const { probe, events } = await restored(s);
      s.sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['getSession'], count: 1 }] });
      await probe.session.check();
      expect(probe.session.user).to.not.equal(null);
      // Neither answer is "sign in again" from this element: it is the sign-in.
      expect(events.some((e) => e.type === 'iq-auth-required')).to.equal(false);
      s.later(24 * 3600);
      await probe.session.check();
      expect(probe.ended).to.deep.equal(['expired']);
      expect((events.find((e) => e.type === 'iq-logout') as IqLogoutEvent).reason).to.equal(
        'expired',
      );
    });
  });
});
