import type { ReactiveController } from 'lit';
import { unwrap, type EServicesClient, type User } from '@iq-eservices/api';
import { Announcer } from '../core/announcer.js';
import type { FocusController } from '../core/focus.js';
import { claimLocalData, clearLocalData, forgetLocalData } from '../core/local-data.js';
import type { Problem } from '../core/problem.js';
import { RequestController, type RequestHost, type RequestOptions } from '../core/request.js';
import { IqLoginEvent, IqLogoutEvent, IqSessionWarningEvent, type LogoutReason } from './events.js';
import { SessionTimeout, type TimeSource } from './session-timeout.js';

/**
 * How `<iq-login>` calls the service: a 401 there means "signed out", not "sign in again" (no
 * `iq-auth-required`), and a call in flight keeps going when the element leaves the page (whether
 * a code was accepted or a session ended must be known).
 */
export const LOGIN_REQUESTS: RequestOptions = { authRequired: false, abortOnDisconnect: false };

/** What a {@link SessionController} needs from its element. */
export interface SessionOptions {
  /** The client in force. */
  client: () => EServicesClient | undefined;
  /** Seconds before the end at which the warning opens. */
  warnBefore: () => number;
  /** The clock of the session's countdown. */
  time: TimeSource;
  /** Moves focus after the next render (back to the heading when the warning closes). */
  focus: FocusController;
  /** Whether a session found on connection may be shown: nothing typed or sent yet. */
  untouched: () => boolean;
  /** The warning's words for the seconds left ("we will sign you out in 2 minutes"). */
  warning: (secondsLeft: number) => string;
  /** The session ended: the element forgets what it showed. */
  ended: (reason: LogoutReason) => void;
}

/** The element focused right now, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The signed-in citizen's session, for `<iq-login>`: picks up a session still alive on the first
 * connection (`restore`), times it from the server's `secondsLeft` and opens the timeout warning
 * `warnBefore` seconds before the end (focus inside the modal dialog, then back where it was),
 * extends it ("Stay signed in"), asks the service when the time is up or when told to (`check`:
 * another tab may have extended it) and ends it (`signOut`, or `end` when it has ended), firing
 * `iq-login`, `iq-session-warning` and `iq-logout` and removing the SDK's data in the tab
 * (core/local-data.ts). Asking for the session answers 200 `{ authenticated: false }` when nobody
 * is signed in (contract `SignedOut`): not a failure.
 */
export class SessionController implements ReactiveController {
  /** The signed-in citizen; null when nobody is. */
  user: User | null = null;
  /** Whether the timeout warning is open. */
  warning = false;
  /** Why "Stay signed in" failed, shown in the warning. */
  problem: Problem | null = null;
  /** The warning's live region (the rest of the page is inert while it is open). */
  readonly said: Announcer;
  /** The session's clock. */
  readonly timeout: SessionTimeout;
  readonly #request: RequestController;
  /** Where focus was when the warning opened. */
  #back: HTMLElement | null = null;
  #restored = false;

  constructor(
    private readonly host: RequestHost & { renderRoot: ParentNode },
    private readonly options: SessionOptions,
  ) {
    host.addController(this);
    this.#request = new RequestController(host, options.client, LOGIN_REQUESTS);
    this.said = new Announcer(host);
    this.timeout = new SessionTimeout(host, {
      time: options.time,
      warnBefore: options.warnBefore,
      onWarn: (secondsLeft) => {
        this.warning = true;
        this.problem = null;
        this.#back = deepActiveElement();
        this.said.announce(options.warning(secondsLeft));
        host.dispatchEvent(new IqSessionWarningEvent(secondsLeft));
      },
      onExpire: () => void this.check(true),
      // A screen reader hears the time left every 15 seconds, not every second.
      onTick: (left) => {
        if (this.warning && left % 15 === 0) this.said.announce(options.warning(left));
      },
    });
  }

  /** A citizen signed in (or was found signed in: `restored`) and has `secondsLeft` left. */
  begin(user: User, secondsLeft: number, restored = false): void {
    this.user = user;
    this.timeout.arm(secondsLeft);
    claimLocalData(user.id);
    this.host.dispatchEvent(new IqLoginEvent(user, restored));
  }

  /**
   * Picks up a session that is still alive (after a reload, or a return from a payment gateway)
   * without asking for a code again. Nothing changes on screen when there is no session, when the
   * call fails (the host hears of it through `iq-error`, as of every failed call) or when the
   * citizen has started typing; focus is not moved.
   */
  async restore(): Promise<void> {
    await this.host.updateComplete;
    const { client, untouched } = this.options;
    if (!client() || !untouched()) return;
    const outcome = await this.#request.run(async (c, signal) => {
      const status = unwrap(await c.identity.GET('/session', { signal }));
      return status.authenticated && status.secondsLeft > 0 && untouched()
        ? ([unwrap(await c.identity.GET('/me', { signal })), status.secondsLeft] as const)
        : undefined;
    });
    if (outcome?.value && untouched()) this.begin(...outcome.value, true);
  }

  /**
   * Asks the service how long the session has left and times it again; an ended session (or, when
   * `timeUp`, one that cannot be confirmed) is ended here as `expired`. Signed out: nothing.
   */
  async check(timeUp = false): Promise<void> {
    if (!this.user) return;
    const outcome = await this.#request.run((c, signal) =>
      c.identity.GET('/session', { signal }).then(unwrap),
    );
    const status = outcome?.value;
    if (status?.authenticated && status.secondsLeft > 0) {
      if (status.secondsLeft > this.options.warnBefore()) this.#close();
      this.timeout.arm(status.secondsLeft);
    } else if (outcome && (timeUp || status || outcome.problem?.kind === 'auth')) {
      this.end('expired');
    }
  }

  /** "Stay signed in": extends the session, then times it again from what the service says. */
  async stay(): Promise<void> {
    this.problem = null;
    const outcome = await this.#request.run(
      async (c, signal) =>
        (await c.session.refresh()) && unwrap(await c.identity.GET('/session', { signal })),
    );
    if (!outcome) return;
    const { value, problem } = outcome;
    if (problem && problem.kind !== 'auth') {
      this.problem = problem;
      this.host.requestUpdate();
    } else if (value && value.authenticated) {
      this.#close();
      this.timeout.arm(value.secondsLeft);
    } else this.end('expired');
  }

  /** Ends the session on the service (`DELETE /session`), then here; resolves to a failure. */
  async signOut(): Promise<Problem | undefined> {
    const outcome = await this.#request.run((c, signal) =>
      c.identity.DELETE('/session', { signal }).then(unwrap),
    );
    // 401: the session had already ended, which is what signing out wanted.
    if (outcome?.problem && outcome.problem.kind !== 'auth') {
      this.#close();
      return outcome.problem;
    }
    if (outcome) this.end('user');
  }

  /** The session ended (`reason`): forgets the citizen and the tab's data, fires `iq-logout`. */
  end(reason: LogoutReason): void {
    this.timeout.disarm();
    this.#close();
    this.options.client()?.session.clear();
    this.user = null;
    this.options.ended(reason);
    // The SDK's data in this tab goes with the session, whichever element stored it (and even if
    // a host listener stops the event): see core/local-data.ts.
    if (reason === 'user') forgetLocalData();
    else clearLocalData();
    this.host.dispatchEvent(new IqLogoutEvent(reason));
  }

  #close(): void {
    if (!this.warning) return;
    this.warning = false;
    this.problem = null;
    this.host.requestUpdate();
    this.#dialog()?.close();
    const back = this.#back;
    this.#back = null;
    if (back?.isConnected) back.focus();
    else this.options.focus.to('#heading');
  }

  #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** @internal */
  hostConnected(): void {
    if (!this.#restored) {
      this.#restored = true;
      void this.restore();
    }
  }

  /** @internal Opens the warning's modal dialog once rendered, focus on "Stay signed in". */
  hostUpdated(): void {
    const dialog = this.#dialog();
    if (dialog && this.warning && !dialog.open && this.host.isConnected) {
      dialog.showModal();
      dialog.querySelector('button')?.focus();
    }
  }

  /** @internal */
  hostDisconnected(): void {
    this.#dialog()?.close();
  }
}
