import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { unwrap, type Challenge } from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { Announcer } from '../core/announcer.js';
import { FocusController } from '../core/focus.js';
import type { Problem } from '../core/problem.js';
import { RequestController } from '../core/request.js';
import { messages } from '../generated/messages/login.js';
import type { LogoutReason } from './events.js';
import { loginStyles } from './login.styles.js';
import { LOGIN_REQUESTS, SessionController } from './session.js';
import { Countdown, systemTime, type TimeSource } from './session-timeout.js';
import {
  codeView,
  invalid,
  signOutIn,
  signedInView,
  startView,
  type Action,
  type Field,
  type FieldId,
  type LoginView,
} from './views.js';

/** How the citizen identifies themselves. */
export type LoginMethod = 'national-id' | 'phone';

/** Where the session lives: an HttpOnly cookie (default) or bearer tokens held in memory. */
export type LoginMode = 'cookie' | 'bearer';

/** What was typed before anything was. */
const NOTHING_TYPED = { 'national-id': '', phone: '' } as const;

/**
 * Sign-in to Iraq's e-services with the unified national card number or a mobile number and a
 * one-time code sent by SMS (`openapi/identity.yaml`), then a compact signed-in state and the
 * session-timeout warning: an accessible modal dialog `warn-before` seconds before the session
 * ends, with "Stay signed in" and "Sign out".
 *
 * Every answer of the contract has its own message and a way forward (wrong code
 * with attempts left, expired code, lock-out until a time, rate limits with a countdown, network
 * failures with a retry that keeps what was typed). Errors show in an error summary at the top of
 * the step, which takes focus, and beside the field. Personal values (typed number, masked
 * destination, the citizen) are forgotten on sign-out; tokens, codes and numbers are never
 * written to storage, URLs or the console. When the session ends, the SDK's data in this tab
 * (the wizard's answers, a pending payment) is removed, whichever element stored it; when another
 * citizen signs in, the previous citizen's too (core/local-data.ts).
 *
 * @summary Sign-in with the national card or a mobile number and a one-time code.
 *
 * @fires {IqLoginEvent} iq-login - Signed in (or a live session picked up on connection: `restored`); `user` is the citizen (identifiers masked).
 * @fires {IqLogoutEvent} iq-logout - The session ended; `reason` is `user` or `expired`.
 * @fires {IqErrorEvent} iq-error - A request failed: `code`, `status`, `requestId` (no personal data).
 * @fires {IqSessionWarningEvent} iq-session-warning - The timeout warning opened; `secondsLeft`.
 *
 * @csspart heading - The heading of the current step (focused on each step change).
 * @csspart form - The form of the start and code steps.
 * @csspart method - The radio group choosing national card or mobile number.
 * @csspart error-summary - The problem at the top of a step (or in the timeout warning), with "Try again" where it may help.
 * @csspart notice - Information such as "you were signed out".
 * @csspart destination - Where the code was sent (masked mobile number).
 * @csspart resend - The resend countdown or button.
 * @csspart submit - The primary button of a step.
 * @csspart signed-in - The compact signed-in state.
 * @csspart user-name - The signed-in citizen's name.
 * @csspart sign-out - The sign-out button.
 * @csspart timeout-dialog - The session-timeout warning dialog.
 *
 * @cssprop [--iq-login-max-width=34rem] - Largest width of the element (default `34rem`).
 */
export class IqLogin extends IqElement {
  static override messages = messages;

  static override styles = [...IqElement.styles, loginStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    method: { reflect: true },
    mode: { reflect: true },
    warnBefore: { type: Number, attribute: 'warn-before' },
    busy: { state: true },
    problem: { state: true },
    notice: { state: true },
    challenge: { state: true },
    typed: { state: true },
  };

  /** How the citizen identifies: `national-id` (unified national card number, default) or `phone`. */
  method: LoginMethod = 'national-id';

  /**
   * Session mode sent to `verifySignIn`: `cookie` (default: an HttpOnly cookie) or `bearer`
   * (tokens held in the client's memory). Match the client's `auth.mode`.
   */
  mode: LoginMode = 'cookie';

  /** Seconds before the session ends at which the timeout warning opens (default 120). */
  warnBefore = 120;

  /** @internal The clock of the countdowns; tests and stories may drive their own. */
  time?: TimeSource;

  private busy: Action | null = null;
  private problem: Problem | null = null;
  private notice: LogoutReason | null = null;
  /** The code sent, while the code step is on screen. */
  private challenge: Challenge | null = null;
  /** What was typed for each method, kept while the citizen moves between steps. */
  private typed: Readonly<Record<LoginMethod, string>> = NOTHING_TYPED;

  /** The action running now, and the one "Try again" repeats. */
  #running?: () => void;
  #failed?: () => void;

  readonly #focus = new FocusController(this);
  readonly #announcer = new Announcer(this);
  readonly #calls = new RequestController(this, () => this.api, LOGIN_REQUESTS);
  /** The clock in force (`time`, read at each use). */
  readonly #time: TimeSource = {
    now: () => (this.time ?? systemTime).now(),
    every: (ms, tick) => (this.time ?? systemTime).every(ms, tick),
  };
  /** The wait a rate limit imposes on sending. */
  readonly #wait = new Countdown(this, {
    time: this.#time,
    onDone: () =>
      this.#announcer.announce(msg('You can try again now.', { id: 'login.wait-over' })),
  });
  /** The wait before a new code may be requested. */
  readonly #resendWait = new Countdown(this, {
    time: this.#time,
    onDone: () =>
      this.#announcer.announce(
        msg('You can now ask for a new code.', { id: 'login.resend-available' }),
      ),
  });
  readonly #session = new SessionController(this, {
    client: () => this.api,
    warnBefore: () => this.warnBefore,
    time: this.#time,
    focus: this.#focus,
    untouched: () => !this.busy && !this.challenge && !this.#field('id-field')?.value,
    warning: (secondsLeft) => signOutIn(this.format, secondsLeft),
    ended: (reason) => {
      this.#forget();
      this.problem = null;
      this.notice = reason;
      this.#top();
    },
  });

  /** Signs out: ends the session (`DELETE /session`) and forgets everything personal. */
  async signOut(): Promise<void> {
    if (!this.#session.user) return this.reset();
    await this.#run('sign-out', async () => {
      const problem = await this.#session.signOut();
      if (problem) this.#failWith(problem);
    });
  }

  /**
   * Asks the service whether the session is still alive — call it when another element reports
   * `iq-auth-required`. An ended session is closed here as a timeout is (`iq-logout`, `expired`);
   * a network failure changes nothing.
   */
  checkSession(): Promise<void> {
    return this.#session.check();
  }

  /**
   * Back to the first step, forgetting what was typed and any pending code. Does not end a
   * session: use {@link signOut} for that.
   */
  reset(): void {
    if (this.#session.user) return;
    this.#forget();
    this.problem = null;
    this.notice = null;
    this.#wait.stop();
    this.#top();
  }

  // ---------------------------------------------------------------- actions

  /** Runs an action once at a time: double clicks and double Enter send one request. */
  async #run(action: Action, work: () => Promise<void>): Promise<void> {
    if (this.busy || (this.#wait.running && (action === 'start' || action === 'resend'))) return;
    this.busy = action;
    this.#running = () => void this.#run(action, work);
    try {
      await work();
    } finally {
      this.busy = null;
    }
  }

  /** What each button does. */
  #act(action: Action): void {
    void (action === 'sign-out'
      ? this.signOut()
      : this.#run(action, () =>
          action === 'start'
            ? this.#start()
            : action === 'verify'
              ? this.#verify()
              : action === 'resend'
                ? this.#resend()
                : this.#session.stay(),
        ));
  }

  #field(id: FieldId): Field | null {
    return this.renderRoot?.querySelector<Field>(`#${id}`) ?? null;
  }

  /** The field's value, once it is valid; else the problem is shown. */
  async #valid(id: FieldId): Promise<string | undefined> {
    const field = this.#field(id);
    if (!field) return;
    await field.updateComplete;
    if (field.reportValidity()) return field.normalizedValue;
    this.#fail(invalid(id));
  }

  async #start(): Promise<void> {
    const value = await this.#valid('id-field');
    if (value === undefined) return;
    const body =
      this.method === 'phone'
        ? { method: 'phone' as const, phone: value }
        : { method: 'national-id' as const, nationalId: value };
    const outcome = await this.#calls.run((client, signal) =>
      client.identity.POST('/sign-in', { body, signal }).then(unwrap),
    );
    // A number no citizen has is answered as a known one (the contract never says which numbers
    // exist): the code step follows, showing where the code went, and the code never arrives.
    if (outcome?.problem) this.#failWith(outcome.problem);
    else if (outcome) {
      this.#accept(outcome.value);
      this.#top();
    }
  }

  #accept(challenge: Challenge): void {
    this.challenge = challenge;
    this.problem = null;
    this.notice = null;
    this.#resendWait.start(challenge.resendAfterSeconds);
  }

  async #verify(): Promise<void> {
    const challenge = this.challenge;
    const code = challenge ? await this.#valid('code-field') : undefined;
    if (!challenge || code === undefined) return;
    const outcome = await this.#calls.run((client, signal) =>
      client.identity
        .POST('/sign-in/{challengeId}/verify', {
          params: { path: { challengeId: challenge.challengeId } },
          body: { code, mode: this.mode },
          signal,
        })
        .then(unwrap),
    );
    if (outcome?.problem) this.#failWith(outcome.problem);
    else if (outcome) await this.#signedIn(outcome.value.idleTimeoutSeconds);
  }

  /** After the code is accepted: who signed in, and when the session ends. */
  async #signedIn(idleSeconds: number): Promise<void> {
    // "Try again" after a failure here asks again who signed in: the code is used up.
    this.#running = () => void this.#run('verify', () => this.#signedIn(idleSeconds));
    const outcome = await this.#calls.run(async (client, signal) => {
      const user = unwrap(await client.identity.GET('/me', { signal }));
      const status = await client.identity
        .GET('/session', { signal })
        .then(unwrap)
        .catch(() => undefined);
      return [user, status?.authenticated ? status.secondsLeft : idleSeconds] as const;
    });
    if (outcome?.problem) return this.#failWith(outcome.problem);
    if (!outcome) return;
    this.#forget();
    this.problem = null;
    this.#focus.to('#heading');
    this.#session.begin(...outcome.value);
  }

  async #resend(): Promise<void> {
    const challenge = this.challenge;
    if (!challenge) return;
    const outcome = await this.#calls.run((client, signal) =>
      client.identity
        .POST('/sign-in/{challengeId}/resend', {
          params: { path: { challengeId: challenge.challengeId } },
          signal,
        })
        .then(unwrap),
    );
    if (outcome?.problem) this.#failWith(outcome.problem);
    else if (outcome) {
      this.#accept(outcome.value);
      this.#announcer.announce(msg('We sent a new code.', { id: 'login.code-resent' }));
      this.#focus.to('#heading');
    }
  }

  /** Forgets every personal value: typed numbers, masked destination, challenge. */
  #forget(): void {
    this.typed = NOTHING_TYPED;
    this.challenge = null;
    this.#resendWait.stop();
    this.#announcer.clear();
  }

  // ---------------------------------------------------------------- state changes

  /** A new step is on screen: focus on its problem, or its heading. */
  #top(): void {
    this.#focus.to(this.problem ? '#error-summary' : '#heading');
  }

  #fail(problem: Problem): void {
    this.problem = problem;
    this.#failed = this.#running;
    this.#focus.to('#error-summary');
  }

  /** A failed call: the waits it imposes start, then the problem is shown. */
  #failWith(problem: Problem): void {
    const { code } = problem;
    if (code === 'otp.resend-too-early') this.#resendWait.start(problem.retryAfterSeconds ?? 60);
    else if (problem.kind === 'rate-limited') this.#wait.start(problem.retryAfterSeconds ?? 60);
    // Locked out, or the code expired: no countdown to a new code.
    else if (code === 'identity.locked' || code === 'otp.expired') this.#resendWait.stop();
    this.#fail(problem);
  }

  #changeNumber(): void {
    this.challenge = null;
    this.#resendWait.stop();
    this.problem = null;
    this.#top();
  }

  // ---------------------------------------------------------------- rendering

  override connectedCallback(): void {
    // Rendered on the server, the sign-in form can be typed in before the scripts arrive: what the
    // citizen typed is kept (hydration would set the field back to the server's empty value).
    const typed = this.shadowRoot?.querySelector('#id-field')?.shadowRoot?.querySelector('input');
    if (!this.hasUpdated && typed?.value)
      this.typed = { ...this.typed, [this.method]: typed.value };
    super.connectedCallback();
  }

  protected override render(): TemplateResult {
    const view: LoginView = {
      format: this.format,
      method: this.method,
      typed: this.typed,
      busy: this.busy,
      problem: this.problem,
      notice: this.notice,
      wait: this.#wait,
      resendWait: this.#resendWait,
      session: this.#session,
      field: (id) => this.#field(id),
      act: (action) => this.#act(action),
      retry: () => this.#failed?.(),
      changeNumber: () => this.#changeNumber(),
      onMethod: (event) => {
        this.method = (event.target as HTMLInputElement).value as LoginMethod;
        if (this.problem?.kind === 'validation') this.problem = null;
      },
      onInput: (event) => {
        this.typed = { ...this.typed, [this.method]: (event.currentTarget as Field).value };
      },
    };
    const user = this.#session.user;
    const challenge = this.challenge;
    return html`${
      user ? signedInView(view, user) : challenge ? codeView(view, challenge) : startView(view)
    }${this.#announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-login': IqLogin;
  }
}
