import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { msg, str } from '@lit/localize';
import {
  isEServicesError,
  unwrap,
  type EServicesError,
  type Challenge,
  type EServicesClient,
  type User,
} from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { devWarn } from '#dev';
import { baghdadTime, pluralize } from '../core/format.js';
import { Countdown, SessionTimeout, systemTime, type TimeSource } from './session-timeout.js';
import { IqErrorEvent } from '../core/events.js';
import { claimLocalData, clearLocalData, forgetLocalData } from '../core/local-data.js';
import { useMessages } from '../core/localization.js';
import { messages } from '../generated/messages/login.js';
import { IqLoginEvent, IqLogoutEvent, IqSessionWarningEvent, type LogoutReason } from './events.js';
import { loginStyles } from './login.styles.js';

/** How the citizen identifies themselves. */
export type LoginMethod = 'national-id' | 'phone';

/** Where the session lives: an HttpOnly cookie (default) or bearer tokens held in memory. */
export type LoginMode = 'cookie' | 'bearer';

/** The step on screen. */
type Step = 'start' | 'code' | 'signed-in';

/** What a button does, so that "try again" repeats exactly the action that failed. */
type Action = 'start' | 'verify' | 'resend' | 'load-user' | 'sign-out' | 'refresh';

/** Every state the contract can produce that the citizen must read about. */
type Problem =
  | { kind: 'invalid-field'; target: 'id' | 'code' }
  | { kind: 'otp-invalid'; attemptsLeft: number }
  | { kind: 'otp-expired' }
  | { kind: 'challenge-gone' }
  | { kind: 'locked'; until: string }
  | { kind: 'rate-limited'; action: Action }
  | { kind: 'network'; timeout: boolean; action: Action }
  | { kind: 'server'; action: Action; requestId?: string }
  | { kind: 'not-configured' };

/** The API the login reads from its fields (the national card, phone and code inputs). */
interface Field extends HTMLElement {
  value: string;
  readonly normalizedValue: string;
  readonly validationMessage: string;
  reportValidity(): boolean;
  readonly updateComplete: Promise<boolean>;
}

/** The element focused right now, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

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
 * @csspart error-summary - The list of problems at the top of a step.
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
  static {
    // This element's translations load with the page's language (core/localization.ts).
    useMessages(messages);
  }

  static override styles = [...IqElement.styles, loginStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    method: { reflect: true },
    mode: { reflect: true },
    warnBefore: { type: Number, attribute: 'warn-before' },
    step: { state: true },
    busy: { state: true },
    problem: { state: true },
    notice: { state: true },
    announcement: { state: true },
    challenge: { state: true },
    user: { state: true },
    warningOpen: { state: true },
    warningProblem: { state: true },
    typed: { state: true },
    warningAnnouncement: { state: true },
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

  private step: Step = 'start';
  private busy: Action | null = null;
  private problem: Problem | null = null;
  private notice: 'expired' | 'signed-out' | null = null;
  private announcement = '';
  private challenge: Challenge | null = null;
  private user: User | null = null;
  private warningOpen = false;
  private warningProblem: Problem | null = null;
  /** What was typed for each method, kept while the citizen moves between steps. */
  private typed: Record<LoginMethod, string> = { 'national-id': '', phone: '' };

  private get idField(): Field | undefined {
    return this.renderRoot?.querySelector<Field>('#id-field') ?? undefined;
  }
  private get codeField(): Field | undefined {
    return this.renderRoot?.querySelector<Field>('#code-field') ?? undefined;
  }
  private get heading(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('#heading') ?? undefined;
  }
  private get summary(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('#error-summary') ?? undefined;
  }
  private get dialog(): HTMLDialogElement | undefined {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? undefined;
  }
  private get stayButton(): HTMLButtonElement | undefined {
    return this.renderRoot?.querySelector<HTMLButtonElement>('#stay') ?? undefined;
  }

  private pendingFocus: 'heading' | 'summary' | null = null;
  private focusBeforeDialog: HTMLElement | null = null;
  /** The wait a rate limit imposes on an action. */
  private readonly wait = new Countdown(this, {
    time: this.timeSource,
    onDone: () => this.announce(msg('You can try again now.', { id: 'login.wait-over' })),
  });
  /** The wait before a new code may be requested. */
  private readonly resendWait = new Countdown(this, {
    time: this.timeSource,
    onDone: () =>
      this.announce(msg('You can now ask for a new code.', { id: 'login.resend-available' })),
  });
  private readonly timeout = new SessionTimeout(this, {
    time: this.timeSource,
    warnBefore: () => this.warnBefore,
    onWarn: (secondsLeft) => this.openWarning(secondsLeft),
    onExpire: () => void this.sessionTimeUp(),
    onTick: (left) => {
      // A screen reader hears the time left every 15 seconds, not every second.
      if (this.warningOpen && left % 15 === 0) this.announceWarning(left);
    },
  });
  private warningAnnouncement = '';

  private get timeSource(): TimeSource {
    return {
      now: () => (this.time ?? systemTime).now(),
      every: (ms, tick) => (this.time ?? systemTime).every(ms, tick),
    };
  }

  /** Signs out: ends the session (`DELETE /session`) and forgets everything personal. */
  async signOut(): Promise<void> {
    if (this.step !== 'signed-in') {
      this.reset();
      return;
    }
    await this.run('sign-out', () => this.doSignOut());
  }

  /**
   * Asks the service whether the session is still alive — call it when another element reports
   * `iq-auth-required`. An ended session is closed here as a timeout is (`iq-logout`, `expired`);
   * a network failure changes nothing.
   */
  async checkSession(): Promise<void> {
    const client = this.api;
    if (!client || this.step !== 'signed-in') return;
    const status = await this.call(
      async () => unwrap(await client.identity.GET('/session')),
      false,
    );
    if (isEServicesError(status)) {
      if (status.status === 401) this.endSession('expired');
    } else if (status.authenticated && status.secondsLeft > 0) this.timeout.arm(status.secondsLeft);
    else this.endSession('expired');
  }

  /**
   * Back to the first step, forgetting what was typed and any pending code. Does not end a
   * session: use {@link signOut} for that.
   */
  reset(): void {
    if (this.step === 'signed-in') return;
    this.forgetPersonal();
    this.problem = null;
    this.notice = null;
    this.wait.stop();
    this.go('start');
  }

  /** Whether the session check of the first connection was made. */
  private sessionChecked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.sessionChecked) {
      this.sessionChecked = true;
      void this.restore();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  // ---------------------------------------------------------------- actions

  /** Runs an action once at a time: double clicks and double Enter send one request. */
  private async run(action: Action, work: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    if (this.wait.running && (action === 'start' || action === 'resend')) return;
    this.busy = action;
    try {
      await work();
    } finally {
      this.busy = null;
    }
  }

  /** The client, or a problem shown to the citizen when the host configured none. */
  private requireClient(): EServicesClient | null {
    const client = this.api;
    if (!client) {
      devWarn(this, 'no client; set its `client` property or call configure({ client }).');
      this.fail({ kind: 'not-configured' });
    }
    return client ?? null;
  }

  /** Awaits a call; an `EServicesError` is reported to the host and returned, not thrown. */
  private async call<T>(work: () => Promise<T>, report = true): Promise<T | EServicesError> {
    try {
      return await work();
    } catch (error) {
      if (!isEServicesError(error)) throw error;
      if (report) {
        this.dispatchEvent(IqErrorEvent.from(error));
      }
      return error;
    }
  }

  private async startSignIn(): Promise<void> {
    const field = this.idField;
    if (!field) return;
    await field.updateComplete;
    if (!field.reportValidity()) {
      this.fail({ kind: 'invalid-field', target: 'id' });
      return;
    }
    const client = this.requireClient();
    if (!client) return;
    const value = field.normalizedValue;
    const body =
      this.method === 'phone'
        ? { method: 'phone' as const, phone: value }
        : { method: 'national-id' as const, nationalId: value };
    const result = await this.call(async () =>
      unwrap(await client.identity.POST('/sign-in', { body })),
    );
    // A number no citizen has is answered as a known one (the contract never says which numbers
    // exist): the code step follows, showing where the code went, and the code never arrives.
    if (isEServicesError(result)) {
      this.failWith(result, 'start');
      return;
    }
    this.acceptChallenge(result);
    this.go('code');
  }

  private acceptChallenge(challenge: Challenge): void {
    this.challenge = challenge;
    this.problem = null;
    this.notice = null;
    this.resendWait.start(challenge.resendAfterSeconds);
  }

  private async verify(): Promise<void> {
    const field = this.codeField;
    const challenge = this.challenge;
    if (!field || !challenge) return;
    await field.updateComplete;
    if (!field.reportValidity()) {
      this.fail({ kind: 'invalid-field', target: 'code' });
      return;
    }
    const client = this.requireClient();
    if (!client) return;
    const code = field.normalizedValue;
    const result = await this.call(async () =>
      unwrap(
        await client.identity.POST('/sign-in/{challengeId}/verify', {
          params: { path: { challengeId: challenge.challengeId } },
          body: { code, mode: this.mode },
        }),
      ),
    );
    if (isEServicesError(result)) {
      if (result.code === 'otp.invalid') {
        const attemptsLeft = Number(result.problem?.['attemptsLeft'] ?? 0);
        this.fail({ kind: 'otp-invalid', attemptsLeft });
      } else if (result.code === 'otp.expired') {
        // A new code is what helps now; the server says if it is too early.
        this.resendWait.stop();
        this.fail({ kind: 'otp-expired' });
      } else if (result.code === 'challenge.not-found') this.fail({ kind: 'challenge-gone' });
      else this.failWith(result, 'verify');
      return;
    }
    await this.loadUser(result.idleTimeoutSeconds);
  }

  /**
   * Picks up a session that is still alive (after a reload, or a return from a payment gateway)
   * without asking for a code again. Silent: no session, an error or a citizen who already started
   * typing leaves the sign-in form as it is, and focus is not moved.
   */
  private async restore(): Promise<void> {
    await this.updateComplete;
    const client = this.api;
    const untouched = () =>
      this.step === 'start' && !this.busy && !this.challenge && !this.idField?.value;
    if (!client || !untouched()) return;
    const status = await this.call(
      async () => unwrap(await client.identity.GET('/session')),
      false,
    );
    // Nobody signed in is a 200 (`authenticated: false`): a signed-out page logs no error.
    if (isEServicesError(status) || !status.authenticated || status.secondsLeft <= 0) return;
    if (!untouched()) return;
    const user = await this.call(async () => unwrap(await client.identity.GET('/me')), false);
    if (isEServicesError(user) || !untouched()) return;
    this.user = user;
    this.notice = null;
    this.timeout.arm(status.secondsLeft);
    this.step = 'signed-in';
    claimLocalData(user.id);
    this.dispatchEvent(new IqLoginEvent(user, true));
  }

  /** After the code is accepted: who signed in, and when the session ends. */
  private async loadUser(fallbackSeconds?: number): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    const user = await this.call(async () => unwrap(await client.identity.GET('/me')));
    if (isEServicesError(user)) {
      this.failWith(user, 'load-user');
      return;
    }
    const status = await this.call(async () => unwrap(await client.identity.GET('/session')));
    this.forgetPersonal();
    this.user = user;
    this.problem = null;
    this.timeout.arm(
      isEServicesError(status) || !status.authenticated
        ? (fallbackSeconds ?? 0)
        : status.secondsLeft,
    );
    this.go('signed-in');
    claimLocalData(user.id);
    this.dispatchEvent(new IqLoginEvent(user));
  }

  private async resend(): Promise<void> {
    const challenge = this.challenge;
    const client = this.requireClient();
    if (!challenge || !client) return;
    const result = await this.call(async () =>
      unwrap(
        await client.identity.POST('/sign-in/{challengeId}/resend', {
          params: { path: { challengeId: challenge.challengeId } },
        }),
      ),
    );
    if (isEServicesError(result)) {
      if (result.code === 'otp.resend-too-early') {
        this.resendWait.start(result.retryAfterSeconds ?? 60);
        this.fail({ kind: 'rate-limited', action: 'resend' });
      } else if (result.code === 'challenge.not-found') this.fail({ kind: 'challenge-gone' });
      else this.failWith(result, 'resend');
      return;
    }
    this.acceptChallenge(result);
    this.announce(msg('We sent a new code.', { id: 'login.code-resent' }));
    this.pendingFocus = 'heading';
  }

  private async doSignOut(): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    const result = await this.call(async () => unwrap(await client.identity.DELETE('/session')));
    // 401: the session had already ended, which is what signing out wanted.
    if (isEServicesError(result) && result.status !== 401) {
      this.closeWarning();
      this.failWith(result, 'sign-out');
      return;
    }
    this.endSession('user');
  }

  /** "Stay signed in": extend the session, then time it again from what the server says. */
  private async stay(): Promise<void> {
    const client = this.requireClient();
    if (!client) return;
    this.warningProblem = null;
    const refreshed = await this.call(() => client.session.refresh());
    if (isEServicesError(refreshed)) {
      this.warningProblem =
        refreshed.code === 'network.timeout'
          ? { kind: 'network', timeout: true, action: 'refresh' }
          : { kind: 'network', timeout: false, action: 'refresh' };
      return;
    }
    if (!refreshed) {
      this.endSession('expired');
      return;
    }
    const status = await this.call(async () => unwrap(await client.identity.GET('/session')));
    if (isEServicesError(status)) {
      if (status.status === 401) this.endSession('expired');
      else this.warningProblem = { kind: 'server', action: 'refresh', requestId: status.requestId };
      return;
    }
    if (!status.authenticated) {
      this.endSession('expired');
      return;
    }
    this.closeWarning();
    this.timeout.arm(status.secondsLeft);
  }

  /** The time the server gave ran out: check with it (another tab may have extended it). */
  private async sessionTimeUp(): Promise<void> {
    const client = this.api;
    if (client && this.step === 'signed-in') {
      const status = await this.call(
        async () => unwrap(await client.identity.GET('/session')),
        false,
      );
      if (!isEServicesError(status) && status.authenticated && status.secondsLeft > 0) {
        if (status.secondsLeft > this.warnBefore) this.closeWarning();
        this.timeout.arm(status.secondsLeft);
        return;
      }
    }
    this.endSession('expired');
  }

  private endSession(reason: LogoutReason): void {
    this.timeout.disarm();
    this.closeWarning();
    this.api?.session.clear();
    this.forgetPersonal();
    this.problem = null;
    this.warningProblem = null;
    this.notice = reason === 'expired' ? 'expired' : 'signed-out';
    this.go('start');
    // The SDK's data in this tab goes with the session, whichever element stored it (and even if
    // a host listener stops the event): see core/local-data.ts.
    if (reason === 'user') forgetLocalData();
    else clearLocalData();
    this.dispatchEvent(new IqLogoutEvent(reason));
  }

  /** Forgets every personal value: typed numbers, masked destination, challenge, the citizen. */
  private forgetPersonal(): void {
    this.typed = { 'national-id': '', phone: '' };
    this.challenge = null;
    this.user = null;
    this.resendWait.stop();
    this.announcement = '';
  }

  // ---------------------------------------------------------------- state changes

  private go(step: Step): void {
    this.step = step;
    this.pendingFocus = this.problem ? 'summary' : 'heading';
  }

  private fail(problem: Problem): void {
    this.problem = problem;
    this.pendingFocus = 'summary';
  }

  /** The problem for a failed call that has no meaning of its own for this step. */
  private failWith(error: EServicesError, action: Action): void {
    if (error.code === 'identity.locked') {
      const until = error.problem?.['lockedUntil'];
      this.resendWait.stop();
      this.fail({ kind: 'locked', until: typeof until === 'string' ? until : '' });
    } else if (error.status === 429) {
      this.wait.start(error.retryAfterSeconds ?? 60);
      this.fail({ kind: 'rate-limited', action });
    } else if (error.code === 'network.error' || error.code === 'network.timeout') {
      this.fail({ kind: 'network', timeout: error.code === 'network.timeout', action });
    } else {
      this.fail({ kind: 'server', action, requestId: error.requestId });
    }
  }

  private announce(text: string): void {
    this.announcement = text;
  }

  private openWarning(secondsLeft: number): void {
    this.warningOpen = true;
    this.warningProblem = null;
    this.focusBeforeDialog = deepActiveElement();
    this.announceWarning(secondsLeft);
    this.dispatchEvent(new IqSessionWarningEvent(secondsLeft));
  }

  private closeWarning(): void {
    if (!this.warningOpen) return;
    this.warningOpen = false;
    this.dialog?.close();
    const back = this.focusBeforeDialog;
    this.focusBeforeDialog = null;
    if (back?.isConnected) back.focus();
    else this.pendingFocus ??= 'heading';
  }

  private announceWarning(secondsLeft: number): void {
    this.warningAnnouncement = this.signOutIn(secondsLeft);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (dialog && this.warningOpen && !dialog.open) {
      dialog.showModal();
      this.stayButton?.focus();
    }
    const target = this.pendingFocus;
    this.pendingFocus = null;
    if (target === 'summary' && this.summary) this.summary.focus();
    else if (target) this.heading?.focus();
  }

  // ---------------------------------------------------------------- events from the page

  private onMethodChange(event: Event): void {
    this.method = (event.target as HTMLInputElement).value as LoginMethod;
    if (this.problem?.kind === 'invalid-field') {
      this.problem = null;
    }
  }

  private onIdInput(event: Event): void {
    const field = event.currentTarget as Field;
    this.typed = { ...this.typed, [this.method]: field.value };
  }

  private onStartSubmit(event: Event): void {
    event.preventDefault();
    void this.run('start', () => this.startSignIn());
  }

  private onCodeSubmit(event: Event): void {
    event.preventDefault();
    if (this.problem?.kind === 'locked' || this.problem?.kind === 'challenge-gone') return;
    void this.run('verify', () => this.verify());
  }

  /** Enter in a field submits the step (the inputs live in the fields' own shadow roots). */
  private onFormKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLInputElement) {
      event.preventDefault();
      (event.currentTarget as HTMLFormElement).requestSubmit();
    }
  }

  private changeNumber(): void {
    this.challenge = null;
    this.resendWait.stop();
    this.problem = null;
    this.go('start');
  }

  private retry(action: Action): void {
    switch (action) {
      case 'start':
        void this.run('start', () => this.startSignIn());
        break;
      case 'verify':
        void this.run('verify', () => this.verify());
        break;
      case 'resend':
        void this.run('resend', () => this.resend());
        break;
      case 'load-user':
        void this.run('load-user', () => this.loadUser());
        break;
      case 'sign-out':
        void this.run('sign-out', () => this.doSignOut());
        break;
      case 'refresh':
        void this.run('refresh', () => this.stay());
        break;
    }
  }

  private focusField(event: Event, target: 'id' | 'code'): void {
    event.preventDefault();
    (target === 'id' ? this.idField : this.codeField)?.focus();
  }

  // ---------------------------------------------------------------- messages

  /** A duration such as "2 minutes 5 seconds", plural-aware in every language. */
  private duration(totalSeconds: number): string {
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    const f = this.format;
    const m = (n: number) => {
      const count = f.number(n);
      return pluralize(f, n, {
        zero: () => msg(str`${count} minutes`, { id: 'login.minutes.zero' }),
        // Arabic says one and two without a numeral ("دقيقة واحدة", "دقيقتان"): these forms
        // have no placeholder (English has no "two" form).
        one: () => msg('1 minute', { id: 'login.minutes.one' }),
        two: () => msg('2 minutes', { id: 'login.minutes.two' }),
        few: () => msg(str`${count} minutes`, { id: 'login.minutes.few' }),
        many: () => msg(str`${count} minutes`, { id: 'login.minutes.many' }),
        other: () => msg(str`${count} minutes`, { id: 'login.minutes.other' }),
      });
    };
    const s = (n: number) => {
      const count = f.number(n);
      return pluralize(f, n, {
        zero: () => msg(str`${count} seconds`, { id: 'login.seconds.zero' }),
        one: () => msg('1 second', { id: 'login.seconds.one' }),
        two: () => msg('2 seconds', { id: 'login.seconds.two' }),
        few: () => msg(str`${count} seconds`, { id: 'login.seconds.few' }),
        many: () => msg(str`${count} seconds`, { id: 'login.seconds.many' }),
        other: () => msg(str`${count} seconds`, { id: 'login.seconds.other' }),
      });
    };
    if (minutes === 0) return s(seconds);
    if (seconds === 0) return m(minutes);
    const mm = m(minutes);
    const ss = s(seconds);
    return msg(str`${mm} ${ss}`, { id: 'login.duration.minutes-seconds' });
  }

  private signOutIn(secondsLeft: number): string {
    const left = this.duration(secondsLeft);
    return msg(str`For your security, we will sign you out in ${left}.`, {
      id: 'login.timeout.countdown',
    });
  }

  private problemMessage(problem: Problem): string {
    switch (problem.kind) {
      case 'invalid-field': {
        const field = problem.target === 'id' ? this.idField : this.codeField;
        return (
          field?.validationMessage ||
          msg('Check what you entered.', { id: 'login.error.check-field' })
        );
      }
      case 'otp-invalid': {
        const count = this.format.number(problem.attemptsLeft);
        return pluralize(this.format, problem.attemptsLeft, {
          zero: () =>
            msg('The code is wrong. You have no attempts left.', {
              id: 'login.error.otp-invalid.zero',
            }),
          one: () =>
            msg('The code is wrong. You have 1 attempt left.', {
              id: 'login.error.otp-invalid.one',
            }),
          two: () =>
            msg('The code is wrong. You have 2 attempts left.', {
              id: 'login.error.otp-invalid.two',
            }),
          few: () =>
            msg(str`The code is wrong. You have ${count} attempts left.`, {
              id: 'login.error.otp-invalid.few',
            }),
          many: () =>
            msg(str`The code is wrong. You have ${count} attempts left.`, {
              id: 'login.error.otp-invalid.many',
            }),
          other: () =>
            msg(str`The code is wrong. You have ${count} attempts left.`, {
              id: 'login.error.otp-invalid.other',
            }),
        });
      }
      case 'otp-expired':
        return msg('The code has expired. Ask for a new code.', { id: 'login.error.otp-expired' });
      case 'challenge-gone':
        return msg('This sign-in has ended. Start again.', { id: 'login.error.challenge-gone' });
      case 'locked': {
        if (!problem.until)
          return msg('Sign-in is locked for a while after too many wrong codes.', {
            id: 'login.error.locked-no-time',
          });
        const time = baghdadTime(this.format.time(problem.until));
        return msg(str`Sign-in is locked after too many wrong codes. Try again after ${time}.`, {
          id: 'login.error.locked',
        });
      }
      case 'rate-limited': {
        if (!this.wait.running && !(problem.action === 'resend' && this.resendWait.running)) {
          return msg('You can try again now.', { id: 'login.wait-over' });
        }
        const seconds =
          problem.action === 'resend' ? this.resendWait.remaining : this.wait.remaining;
        const wait = this.duration(seconds);
        return problem.action === 'resend'
          ? msg(str`A new code cannot be sent yet. Try again in ${wait}.`, {
              id: 'login.error.resend-too-early',
            })
          : msg(str`Too many attempts. Try again in ${wait}.`, { id: 'login.error.rate-limited' });
      }
      case 'network':
        return problem.timeout
          ? msg(
              'The connection is too slow and the request timed out. Check your connection and try again.',
              {
                id: 'login.error.timeout',
              },
            )
          : msg('We could not connect. Check your internet connection and try again.', {
              id: 'login.error.network',
            });
      case 'server':
        return msg('Something went wrong on our side. Try again in a moment.', {
          id: 'login.error.server',
        });
      case 'not-configured':
        return msg('Sign-in is not available on this page right now.', {
          id: 'login.error.not-configured',
        });
    }
  }

  // ---------------------------------------------------------------- rendering

  private renderSummary(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (!problem) return nothing;
    const message = this.problemMessage(problem);
    const target =
      problem.kind === 'invalid-field'
        ? problem.target
        : problem.kind === 'otp-invalid'
          ? 'code'
          : null;
    const retry = problem.kind === 'network' || problem.kind === 'server' ? problem.action : null;
    const requestId = problem.kind === 'server' ? problem.requestId : undefined;
    return html`
      <div
        id="error-summary"
        class="error-summary"
        part="error-summary"
        tabindex="-1"
        aria-labelledby="error-summary-title"
      >
        <h3 id="error-summary-title">
          ${msg('There is a problem', { id: 'login.error-summary.title' })}
        </h3>
        <ul>
          <li>
            ${
              target
                ? html`<a href="#" @click=${(e: Event) => this.focusField(e, target)}
                    >${message}</a
                  >`
                : message
            }
          </li>
        </ul>
        ${
          requestId
            ? html`<p class="muted">
                ${msg('Reference:', { id: 'login.error.reference' })}
                <bdi class="ltr">${requestId}</bdi>
              </p>`
            : nothing
        }
        ${
          retry
            ? html`<div class="actions">
                <button
                  type="button"
                  class="secondary"
                  aria-disabled=${this.busy ? 'true' : 'false'}
                  @click=${() => this.retry(retry)}
                >
                  ${msg('Try again', { id: 'login.retry' })}
                </button>
              </div>`
            : nothing
        }
      </div>
    `;
  }

  /** The code's problem again beside the code field (its own error), read where it is fixed. */
  private codeProblem(): string {
    const problem = this.problem;
    return problem?.kind === 'otp-invalid' || problem?.kind === 'otp-expired'
      ? this.problemMessage(problem)
      : '';
  }

  private renderNotice(): TemplateResult | typeof nothing {
    if (!this.notice) return nothing;
    return html`<p class="notice" part="notice">
      ${
        this.notice === 'expired'
          ? msg('You were signed out because you were inactive. Sign in again to continue.', {
              id: 'login.notice.expired',
            })
          : msg('You have signed out.', { id: 'login.notice.signed-out' })
      }
    </p>`;
  }

  private renderStart(): TemplateResult {
    const busy = this.busy === 'start';
    const waiting = this.wait.running;
    const phone = this.method === 'phone';
    return html`
      <form part="form" novalidate @submit=${this.onStartSubmit} @keydown=${this.onFormKeydown}>
        <h2 id="heading" part="heading" tabindex="-1">
          ${msg('Sign in', { id: 'login.start.heading' })}
        </h2>
        ${this.renderSummary()} ${this.renderNotice()}
        <fieldset part="method">
          <legend>${msg('Sign in with', { id: 'login.method.legend' })}</legend>
          <div class="segments">
            <label>
              <input
                type="radio"
                name="method"
                value="national-id"
                .checked=${!phone}
                @change=${this.onMethodChange}
              />
              ${msg('National card number', { id: 'login.method.national-id' })}
            </label>
            <label>
              <input
                type="radio"
                name="method"
                value="phone"
                .checked=${phone}
                @change=${this.onMethodChange}
              />
              ${msg('Mobile number', { id: 'login.method.phone' })}
            </label>
          </div>
        </fieldset>
        ${
          phone
            ? html`<iq-phone-input
                id="id-field"
                required
                .value=${this.typed.phone}
                @input=${this.onIdInput}
              ></iq-phone-input>`
            : html`<iq-national-id-input
                id="id-field"
                required
                .value=${this.typed['national-id']}
                @input=${this.onIdInput}
              ></iq-national-id-input>`
        }
        <p class="muted">
          ${msg('We will send a code by SMS to the mobile number registered to you.', {
            id: 'login.start.explain',
          })}
        </p>
        <div class="actions">
          <button type="submit" part="submit" aria-disabled=${busy || waiting ? 'true' : 'false'}>
            ${
              busy
                ? msg('Sending code…', { id: 'login.sending' })
                : msg('Send code', { id: 'login.send-code' })
            }
          </button>
        </div>
      </form>
    `;
  }

  private renderCode(challenge: Challenge): TemplateResult {
    const blocked = this.problem?.kind === 'locked' || this.problem?.kind === 'challenge-gone';
    const busy = this.busy === 'verify';
    const length = challenge.codeLength;
    const digits = this.format.number(length);
    const destination = this.format.digits(challenge.maskedDestination);
    return html`
      <form part="form" novalidate @submit=${this.onCodeSubmit} @keydown=${this.onFormKeydown}>
        <h2 id="heading" part="heading" tabindex="-1">
          ${msg('Enter the code we sent you', { id: 'login.code.heading' })}
        </h2>
        ${this.renderSummary()}
        <p part="destination">
          ${msg(str`We sent a ${digits}-digit code by SMS to`, { id: 'login.code.sent-to' })}
          <bdi class="ltr" dir="ltr">${destination}</bdi>
        </p>
        ${
          blocked
            ? html`<div class="actions">
                <button type="button" part="submit" @click=${this.changeNumber}>
                  ${msg('Start again', { id: 'login.start-again' })}
                </button>
              </div>`
            : html`
                <iq-otp-input
                  id="code-field"
                  length=${length}
                  required
                  .externalError=${this.codeProblem()}
                ></iq-otp-input>
                <div class="actions">
                  <button type="submit" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
                    ${
                      busy
                        ? msg('Checking code…', { id: 'login.verifying' })
                        : msg('Verify', { id: 'login.verify' })
                    }
                  </button>
                </div>
                <div part="resend">${this.renderResend()}</div>
                <div>
                  <button type="button" class="link" @click=${this.changeNumber}>
                    ${msg('Change the number', { id: 'login.change-number' })}
                  </button>
                </div>
              `
        }
      </form>
    `;
  }

  private renderResend(): TemplateResult {
    if (this.resendWait.running) {
      const wait = this.duration(this.resendWait.remaining);
      return html`<p class="muted">
        ${msg(str`You can ask for a new code in ${wait}.`, { id: 'login.resend-wait' })}
      </p>`;
    }
    return html`<button
      type="button"
      class="secondary"
      aria-disabled=${this.busy === 'resend' ? 'true' : 'false'}
      @click=${() => void this.run('resend', () => this.resend())}
    >
      ${msg('Send a new code', { id: 'login.resend' })}
    </button>`;
  }

  private renderSignedIn(user: User): TemplateResult {
    const name = this.format.locale === 'en' ? user.name.latin : user.name.ar;
    return html`
      <div class="signed-in" part="signed-in">
        <div>
          <h2 id="heading" part="heading" tabindex="-1">
            ${msg('Signed in as', { id: 'login.signed-in.heading' })}
            <bdi class="user-name" part="user-name">${name}</bdi>
          </h2>
        </div>
        <button
          type="button"
          class="secondary"
          part="sign-out"
          aria-disabled=${this.busy === 'sign-out' ? 'true' : 'false'}
          @click=${() => void this.signOut()}
        >
          ${msg('Sign out', { id: 'login.sign-out' })}
        </button>
      </div>
      ${this.problem ? html`<div class="after">${this.renderSummary()}</div>` : nothing}
      ${this.renderDialog()}
    `;
  }

  private renderDialog(): TemplateResult | typeof nothing {
    if (!this.warningOpen) return nothing;
    const problem = this.warningProblem;
    return html`
      <dialog
        part="timeout-dialog"
        aria-labelledby="timeout-heading"
        aria-describedby="timeout-text"
        @cancel=${this.onDialogCancel}
      >
        <div class="body">
          <h2 id="timeout-heading">
            ${msg('You are about to be signed out', { id: 'login.timeout.heading' })}
          </h2>
          <p id="timeout-text">
            <span class="countdown" aria-hidden="true"
              >${this.signOutIn(this.timeout.secondsLeft)}</span
            >
            <span class="visually-hidden">${this.warningAnnouncement}</span>
          </p>
          <p class="visually-hidden" role="status">${this.warningAnnouncement}</p>
          ${
            problem
              ? html`<p class="field-error" role="alert">${this.problemMessage(problem)}</p>`
              : nothing
          }
          <div class="actions">
            <button
              id="stay"
              type="button"
              aria-disabled=${this.busy === 'refresh' ? 'true' : 'false'}
              @click=${() => void this.run('refresh', () => this.stay())}
            >
              ${msg('Stay signed in', { id: 'login.timeout.stay' })}
            </button>
            <button
              type="button"
              class="secondary"
              @click=${() => void this.run('sign-out', () => this.doSignOut())}
            >
              ${msg('Sign out', { id: 'login.sign-out' })}
            </button>
          </div>
        </div>
      </dialog>
    `;
  }

  /** Escape keeps the session alive and closes the warning, as "Stay signed in" does. */
  private onDialogCancel(event: Event): void {
    event.preventDefault();
    void this.run('refresh', () => this.stay());
  }

  protected override render(): TemplateResult {
    const body =
      this.step === 'signed-in' && this.user
        ? this.renderSignedIn(this.user)
        : this.step === 'code' && this.challenge
          ? this.renderCode(this.challenge)
          : this.renderStart();
    return html`${body}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-login': IqLogin;
  }
}
