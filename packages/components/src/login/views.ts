import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Challenge, User } from '@iq-eservices/api';
import { baghdadTime, pluralize, type Formatter } from '../core/format.js';
import { problemMessage, type Problem } from '../core/problem.js';
import { renderProblem } from '../core/problem-view.js';
import type { LogoutReason } from './events.js';
import type { LoginMethod } from './login.js';
import type { Countdown } from './session-timeout.js';
import type { SessionController } from './session.js';

/** What a button does: one at a time (double clicks and double Enter send one request). */
export type Action = 'start' | 'verify' | 'resend' | 'sign-out' | 'refresh';

/** The field a problem of the citizen's own input is about (its element id). */
export type FieldId = 'id-field' | 'code-field';

/** A value the citizen typed that cannot be sent: the problem names the field. */
export const invalid = (field: FieldId): Problem => ({
  kind: 'validation',
  code: field,
  status: 0,
  fieldErrors: [],
});

/** The API the login reads from its fields (the national card, phone and code inputs). */
export interface Field extends HTMLElement {
  value: string;
  readonly normalizedValue: string;
  readonly validationMessage: string;
  reportValidity(): boolean;
  readonly updateComplete: Promise<boolean>;
}

/** What the views show (the element's state) and what their controls do. */
export interface LoginView {
  /** Numbers, times and plurals in the page's language. */
  readonly format: Formatter;
  /** The method chosen on the first step. */
  readonly method: LoginMethod;
  /** What was typed for each method. */
  readonly typed: Readonly<Record<LoginMethod, string>>;
  /** The action in flight. */
  readonly busy: Action | null;
  /** The problem of the step on screen. */
  readonly problem: Problem | null;
  /** Why the last session ended, said on the first step. */
  readonly notice: LogoutReason | null;
  /** The wait a rate limit imposes on sending. */
  readonly wait: Countdown;
  /** The wait before a new code may be requested. */
  readonly resendWait: Countdown;
  /** The signed-in citizen and the timeout warning. */
  readonly session: SessionController;
  /** A field on screen. */
  field(id: FieldId): Field | null;
  /** Runs an action (once at a time). */
  act(action: Action): void;
  /** "Try again": the action that failed. */
  retry(): void;
  /** Back to the first step, keeping what was typed. */
  changeNumber(): void;
  /** The method radio changed. */
  onMethod(event: Event): void;
  /** The number field changed (what was typed is kept per method). */
  onInput(event: Event): void;
}

/** Enter in a field submits the step (the inputs live in the fields' own shadow roots). */
function onKeydown(event: KeyboardEvent): void {
  if (
    event.key === 'Enter' &&
    !event.isComposing &&
    event.composedPath()[0] instanceof HTMLInputElement
  ) {
    event.preventDefault();
    (event.currentTarget as HTMLFormElement).requestSubmit();
  }
}

/** A duration such as "2 minutes 5 seconds", plural-aware in every language. */
export function duration(f: Formatter, totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
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

/** The timeout warning's sentence. */
export function signOutIn(f: Formatter, secondsLeft: number): string {
  const left = duration(f, secondsLeft);
  return msg(str`For your security, we will sign you out in ${left}.`, {
    id: 'login.timeout.countdown',
  });
}

/**
 * Login's own sentence for a problem only sign-in has (a wrong code, a lock-out, a wait), or
 * undefined for the library's.
 */
export function problemText(v: LoginView, problem: Problem): string | undefined {
  const f = v.format;
  const { code } = problem;
  if (code === 'id-field' || code === 'code-field')
    return (
      v.field(code)?.validationMessage ||
      msg('Check what you entered.', { id: 'login.error.check-field' })
    );
  if (code === 'otp.invalid') {
    const left = Number(problem.details?.['attemptsLeft'] ?? 0);
    const count = f.number(left);
    return pluralize(f, left, {
      zero: () =>
        msg('The code is wrong. You have no attempts left.', {
          id: 'login.error.otp-invalid.zero',
        }),
      one: () =>
        msg('The code is wrong. You have 1 attempt left.', { id: 'login.error.otp-invalid.one' }),
      two: () =>
        msg('The code is wrong. You have 2 attempts left.', { id: 'login.error.otp-invalid.two' }),
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
  if (code === 'otp.expired')
    return msg('The code has expired. Ask for a new code.', { id: 'login.error.otp-expired' });
  if (code === 'challenge.not-found')
    return msg('This sign-in has ended. Start again.', { id: 'login.error.challenge-gone' });
  if (code === 'identity.locked') {
    const until = problem.details?.['lockedUntil'];
    if (typeof until !== 'string')
      return msg('Sign-in is locked for a while after too many wrong codes.', {
        id: 'login.error.locked-no-time',
      });
    const time = baghdadTime(f.time(until));
    return msg(str`Sign-in is locked after too many wrong codes. Try again after ${time}.`, {
      id: 'login.error.locked',
    });
  }
  const resend = code === 'otp.resend-too-early';
  if (resend || problem.kind === 'rate-limited') {
    const countdown = resend ? v.resendWait : v.wait;
    if (!countdown.running) return msg('You can try again now.', { id: 'login.wait-over' });
    const wait = duration(f, countdown.remaining);
    return resend
      ? msg(str`A new code cannot be sent yet. Try again in ${wait}.`, {
          id: 'login.error.resend-too-early',
        })
      : msg(str`Too many attempts. Try again in ${wait}.`, { id: 'login.error.rate-limited' });
  }
  return undefined;
}

/**
 * The problem at the top of a step (`part="error-summary"`): "There is a problem", the sentence
 * (a link to the field it is about), the reference and "Try again" where trying again may help.
 */
function summaryView(v: LoginView): TemplateResult | typeof nothing {
  const problem = v.problem;
  if (!problem) return nothing;
  const text = problemText(v, problem) ?? problemMessage(problem);
  const { code } = problem;
  const field: FieldId | null =
    code === 'otp.invalid'
      ? 'code-field'
      : code === 'id-field' || code === 'code-field'
        ? code
        : null;
  return renderProblem(problem, {
    id: 'error-summary',
    part: 'error-summary',
    classes: 'error-summary',
    text: msg('There is a problem', { id: 'login.error-summary.title' }),
    detail: field
      ? html`<a
          href="#"
          @click=${(event: Event) => {
            event.preventDefault();
            v.field(field)?.focus();
          }}
          >${text}</a
        >`
      : text,
    // A wait counts down in the sentence; the step's own button sends again.
    retry: problem.kind === 'rate-limited' ? undefined : v.retry,
  });
}

function noticeView(notice: LogoutReason | null): TemplateResult | typeof nothing {
  return notice
    ? html`<p class="notice" part="notice">
        ${
          notice === 'expired'
            ? msg('You were signed out because you were inactive. Sign in again to continue.', {
                id: 'login.notice.expired',
              })
            : msg('You have signed out.', { id: 'login.notice.signed-out' })
        }
      </p>`
    : nothing;
}

/** `aria-disabled` of a button whose action is `action` (busy buttons stay focusable). */
const disabled = (v: LoginView, action: Action, waiting = false) =>
  v.busy === action || waiting ? 'true' : 'false';

/** The first step: the method and the number. */
export function startView(v: LoginView): TemplateResult {
  const phone = v.method === 'phone';
  return html`
    <form
      part="form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        v.act('start');
      }}
      @keydown=${onKeydown}
    >
      <h2 id="heading" part="heading" tabindex="-1">
        ${msg('Sign in', { id: 'login.start.heading' })}
      </h2>
      ${summaryView(v)} ${noticeView(v.notice)}
      <fieldset part="method">
        <legend>${msg('Sign in with', { id: 'login.method.legend' })}</legend>
        <div class="segments">
          <label>
            <input
              type="radio"
              name="method"
              value="national-id"
              .checked=${!phone}
              @change=${v.onMethod}
            />
            ${msg('National card number', { id: 'login.method.national-id' })}
          </label>
          <label>
            <input
              type="radio"
              name="method"
              value="phone"
              .checked=${phone}
              @change=${v.onMethod}
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
              .value=${v.typed.phone}
              @input=${v.onInput}
            ></iq-phone-input>`
          : html`<iq-national-id-input
              id="id-field"
              required
              .value=${v.typed['national-id']}
              @input=${v.onInput}
            ></iq-national-id-input>`
      }
      <p class="muted">
        ${msg('We will send a code by SMS to the mobile number registered to you.', {
          id: 'login.start.explain',
        })}
      </p>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${disabled(v, 'start', v.wait.running)}>
          ${
            v.busy === 'start'
              ? msg('Sending code…', { id: 'login.sending' })
              : msg('Send code', { id: 'login.send-code' })
          }
        </button>
      </div>
    </form>
  `;
}

/** The second step: where the code went, the code, a new code. */
export function codeView(v: LoginView, challenge: Challenge): TemplateResult {
  const f = v.format;
  const problem = v.problem;
  const code = problem?.code;
  // Locked out, or the sign-in is gone: the way forward is to start again.
  const blocked = code === 'identity.locked' || code === 'challenge.not-found';
  const resend = v.resendWait;
  const digits = f.number(challenge.codeLength);
  const wait = duration(f, resend.remaining);
  return html`
    <form
      part="form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        if (!blocked) v.act('verify');
      }}
      @keydown=${onKeydown}
    >
      <h2 id="heading" part="heading" tabindex="-1">
        ${msg('Enter the code we sent you', { id: 'login.code.heading' })}
      </h2>
      ${summaryView(v)}
      <p part="destination">
        ${msg(str`We sent a ${digits}-digit code by SMS to`, {
          id: 'login.code.sent-to',
        })}
        <bdi class="ltr" dir="ltr">${f.digits(challenge.maskedDestination)}</bdi>
      </p>
      ${
        blocked
          ? html`<div class="actions">
              <button type="button" part="submit" @click=${v.changeNumber}>
                ${msg('Start again', { id: 'login.start-again' })}
              </button>
            </div>`
          : html`
              <iq-otp-input
                id="code-field"
                length=${challenge.codeLength}
                required
                .externalError=${
                  // The code's problem again beside the code field, read where it is fixed.
                  problem && (code === 'otp.invalid' || code === 'otp.expired')
                    ? problemText(v, problem)
                    : ''
                }
              ></iq-otp-input>
              <div class="actions">
                <button type="submit" part="submit" aria-disabled=${disabled(v, 'verify')}>
                  ${
                    v.busy === 'verify'
                      ? msg('Checking code…', { id: 'login.verifying' })
                      : msg('Verify', { id: 'login.verify' })
                  }
                </button>
              </div>
              <div part="resend">
                ${
                  resend.running
                    ? html`<p class="muted">
                        ${msg(str`You can ask for a new code in ${wait}.`, {
                          id: 'login.resend-wait',
                        })}
                      </p>`
                    : html`<button
                        type="button"
                        class="secondary"
                        aria-disabled=${disabled(v, 'resend')}
                        @click=${() => v.act('resend')}
                      >
                        ${msg('Send a new code', { id: 'login.resend' })}
                      </button>`
                }
              </div>
              <div>
                <button type="button" class="link" @click=${v.changeNumber}>
                  ${msg('Change the number', { id: 'login.change-number' })}
                </button>
              </div>
            `
      }
    </form>
  `;
}

/** Signed in: who, "Sign out", and the timeout warning when it is open. */
export function signedInView(v: LoginView, user: User): TemplateResult {
  const name = v.format.locale === 'en' ? user.name.latin : user.name.ar;
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
        aria-disabled=${disabled(v, 'sign-out')}
        @click=${() => v.act('sign-out')}
      >
        ${msg('Sign out', { id: 'login.sign-out' })}
      </button>
    </div>
    ${v.problem ? html`<div class="after">${summaryView(v)}</div>` : nothing}
    ${v.session.warning ? dialogView(v) : nothing}
  `;
}

/**
 * The session-timeout warning: a modal dialog (the session controller opens it and moves focus);
 * Escape keeps the session, as "Stay signed in" does.
 */
function dialogView(v: LoginView): TemplateResult {
  const { said, problem, timeout } = v.session;
  return html`
    <dialog
      part="timeout-dialog"
      aria-labelledby="timeout-heading"
      aria-describedby="timeout-text"
      @cancel=${(event: Event) => {
        event.preventDefault();
        v.act('refresh');
      }}
    >
      <div class="body">
        <h2 id="timeout-heading">
          ${msg('You are about to be signed out', { id: 'login.timeout.heading' })}
        </h2>
        <p id="timeout-text">
          <span class="countdown" aria-hidden="true"
            >${signOutIn(v.format, timeout.secondsLeft)}</span
          >
          <span class="visually-hidden">${said.text}</span>
        </p>
        ${said.render()}
        ${
          problem
            ? renderProblem(problem, {
                id: 'timeout-problem',
                part: 'error-summary',
                classes: 'error-summary',
              })
            : nothing
        }
        <div class="actions">
          <button
            id="stay"
            type="button"
            aria-disabled=${disabled(v, 'refresh')}
            @click=${() => v.act('refresh')}
          >
            ${msg('Stay signed in', { id: 'login.timeout.stay' })}
          </button>
          <button type="button" class="secondary" @click=${() => v.act('sign-out')}>
            ${msg('Sign out', { id: 'login.sign-out' })}
          </button>
        </div>
      </div>
    </dialog>
  `;
}
