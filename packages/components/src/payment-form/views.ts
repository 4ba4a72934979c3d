import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Payable, PaymentMethod, Receipt } from '@iq-eservices/api';
import { isolate, type Formatter } from '../core/format.js';
import type { View } from './checkout.js';
import type { FailureReason } from './events.js';
import { METHOD_KINDS, clean, label, rows } from './labels.js';
import { FAILURES, receiptTemplate } from './outcome.js';

/* What each view of `<iq-payment-form>` shows: functions of what the element holds, with the
   element's own actions passed in. */

/** A button: its text and what it does. */
export type Action = [string, () => void];

/** The heading of each view (the one bill the host named has its own: {@link singleHeading}). */
export const HEADINGS: Record<View, () => string> = {
  loading: () => msg('Pay fees and bills', { id: 'payment.heading.loading' }),
  checking: () => HEADINGS.loading(),
  select: () => msg('What do you want to pay?', { id: 'payment.heading.select' }),
  empty: () => msg('You have no unpaid fees or bills', { id: 'payment.heading.empty' }),
  'not-found': () => msg('We could not find this bill', { id: 'payment.heading.not-found' }),
  paid: () => msg('This bill is already paid', { id: 'payment.heading.paid' }),
  'in-progress': () => msg('This bill is being paid', { id: 'payment.heading.in-progress' }),
  method: () => msg('How do you want to pay?', { id: 'payment.heading.method' }),
  review: () => msg('Check and confirm', { id: 'payment.heading.review' }),
  'popup-blocked': () =>
    msg('The payment page did not open', { id: 'payment.heading.popup-blocked' }),
  awaiting: () => msg('Complete the payment', { id: 'payment.heading.awaiting' }),
  receipt: () => msg('Payment received', { id: 'payment.heading.receipt' }),
  failure: () => msg('The payment did not go through', { id: 'payment.heading.failure' }),
  'signed-out': () => msg('Sign in to pay', { id: 'payment.heading.signed-out' }),
};

/** The heading of the list when it holds the one bill the host named. */
export const singleHeading = (): string => msg('Pay this bill', { id: 'payment.heading.single' });

const reopenText = (): string => msg('Reopen the payment page', { id: 'payment.reopen' });
const continueText = (): string => msg('Continue', { id: 'payment.continue' });
const backText = (): string => msg('Back', { id: 'payment.back' });

/** Secondary buttons; `about` is the id of what they act on (a bill's title), for screen readers. */
const buttons = (list: Action[], about?: string): TemplateResult[] =>
  list.map(
    ([text, act]) =>
      html`<button
        type="button"
        class="secondary"
        aria-describedby=${about ?? nothing}
        @click=${act}
      >
        ${text}
      </button>`,
  );

/** The buttons of a view: the primary one first (marked busy while a call is out), then the others. */
export const actions = (busy: boolean, [text, act]: Action, ...secondary: Action[]) =>
  html`<div class="actions" part="actions">
    <button type="button" part="submit" aria-disabled=${busy ? 'true' : 'false'} @click=${act}>
      ${text}
    </button>
    ${buttons(secondary)}
  </div>`;

/** Continue, and Back when there is a step to go back to. */
export const steps = (busy: boolean, next: () => void, back?: () => void): TemplateResult =>
  back
    ? actions(busy, [continueText(), next], [backText(), back])
    : actions(busy, [continueText(), next]);

/** "Reopen the payment page" and "Cancel and start again" for a payment in progress. */
export const pendingActions = (reopen: () => void, cancel: () => void): Action[] => [
  [reopenText(), reopen],
  [msg('Cancel and start again', { id: 'payment.cancel' }), cancel],
];

/**
 * The bills as a list: with checkboxes when `toggle` is given; a bill being paid with the ways
 * forward `pending` gives for its payment.
 */
export function items(
  f: Formatter,
  list: readonly Payable[],
  pending: (paymentId: string) => Action[],
  selected?: readonly string[],
  toggle?: (payable: Payable, on: boolean) => void,
): TemplateResult {
  return html`<ul class="items" part="items">
    ${list.map((p) => {
      const due = f.date(p.dueDate);
      const payment = p.pendingPayment;
      const body = html`
        <span class="title" id="t-${p.id}"><bdi>${clean(p.title)}</bdi></span>
        <span class="muted"><bdi>${clean(p.issuer.name)}</bdi></span>
        <span class="amount">${f.iqd(p.amount)}</span>
        <span class="muted">${msg(str`Due ${due}`, { id: 'payment.due' })}</span>
        ${p.overdue ? html`<span class="overdue">${msg('Overdue', { id: 'payment.overdue' })}</span>` : nothing}
        ${
          p.status === 'processing'
            ? html`<span>${msg('Payment in progress', { id: 'payment.processing' })}</span>`
            : nothing
        }
      `;
      return html`<li class="item" part="item">
        ${
          toggle
            ? html`<label class="choice">
                <input
                  type="checkbox"
                  value=${p.id}
                  .checked=${live(!!selected?.includes(p.id))}
                  ?disabled=${p.status !== 'unpaid'}
                  @change=${(e: Event) => toggle(p, (e.target as HTMLInputElement).checked)}
                />
                <span class="text">${body}</span>
              </label>`
            : body
        }
        ${
          payment
            ? html`<div class="actions">${buttons(pending(payment.id), `t-${p.id}`)}</div>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}

/** The running total. */
export const totalView = (text: string): TemplateResult =>
  html`<p class="total" part="total">${text}</p>`;

/** `select`: the bills to choose from (or the one bill the host named), the total, Continue. */
export function selectView(
  list: TemplateResult,
  single: boolean,
  notice: string,
  problem: boolean,
  total: string,
  next: TemplateResult,
): TemplateResult {
  return html`
    ${notice ? html`<p class="box ok" part="notice">${notice}</p>` : nothing}
    ${
      single
        ? list
        : html`<fieldset
            aria-labelledby="heading"
            aria-describedby=${problem ? 'problem' : nothing}
          >
            ${list}
          </fieldset>`
    }
    ${totalView(total)} ${next}
  `;
}

/** The fee a method adds: `fixed + round(amount × percent / 100)`, as the contract says. */
export function methodFee(method: Pick<PaymentMethod, 'fee'>, amount: number): number {
  return method.fee.fixed + Math.round((amount * method.fee.percent) / 100);
}

/**
 * `method`: the methods as a radio group, each with its kind, the fee for `amount` and why it
 * cannot be used (`unusable`, '' when it can).
 */
export function methodsView(
  f: Formatter,
  methods: readonly PaymentMethod[],
  chosen: string,
  amount: number,
  problem: boolean,
  unusable: (method: PaymentMethod) => string,
  choose: (method: PaymentMethod) => void,
): TemplateResult {
  return html`<fieldset
    part="methods"
    aria-labelledby="heading"
    aria-describedby=${problem ? 'problem' : nothing}
  >
    ${methods.map((m) => {
      const fee = f.iqd(methodFee(m, amount));
      const why = unusable(m);
      return html`<label class="choice method" part="method">
        <input
          type="radio"
          name="method"
          value=${m.id}
          .checked=${live(chosen === m.id)}
          ?disabled=${!!why}
          aria-describedby="why-${m.id}"
          @change=${() => choose(m)}
        />
        <span class="text">
          <span class="title"><bdi>${clean(m.name)}</bdi></span>
          <span class="muted"
            >${METHOD_KINDS[m.kind]?.()} · ${msg(str`Fee ${fee}`, { id: 'payment.fee' })}</span
          >
          <span class="why" id="why-${m.id}">${why}</span>
        </span>
      </label>`;
    })}
  </fieldset>`;
}

/** `review`: the bills, amount, fee, total and method, and what happens next. */
export function reviewView(
  f: Formatter,
  list: TemplateResult,
  amount: number,
  method: PaymentMethod | undefined,
  busy: boolean,
  confirm: () => void,
  back: () => void,
): TemplateResult {
  const fee = method ? methodFee(method, amount) : 0;
  const total = f.iqd(amount + fee);
  const shown = method ? clean(method.name) : '';
  // Inside the sentence, a name of either direction (`Qi Card`, `كي كارد`) is isolated.
  const name = isolate(shown);
  return html`
    <div class="text" part="review">
      ${list}
      ${rows([
        [label('amount'), f.iqd(amount)],
        [label('fee'), f.iqd(fee)],
        [label('total'), total, 'total'],
        [label('method'), html`<bdi>${shown}</bdi>`],
      ])}
      <p>
        ${msg(str`You will confirm the payment on the ${name} page, then come back here.`, {
          id: 'payment.next-step',
        })}
      </p>
    </div>
    ${actions(
      busy,
      [
        busy
          ? msg('Please wait…', { id: 'payment.wait' })
          : msg(str`Confirm and pay ${total}`, { id: 'payment.confirm' }),
        confirm,
      ],
      [backText(), back],
    )}
  `;
}

/** `awaiting`: finish on the payment page; Check again, then the ways forward `pending`. */
export function awaitingView(
  total: string,
  busy: boolean,
  check: () => void,
  pending: Action[],
): TemplateResult {
  return html`
    <p>
      ${msg(str`Complete the payment of ${total} on the payment page that opened.`, {
        id: 'payment.awaiting',
      })}
    </p>
    ${actions(busy, [msg('Check again', { id: 'payment.check' }), check], ...pending)}
  `;
}

/** `popup-blocked`: open the page with a new click, or continue in this window. */
export const popupBlockedView = (busy: boolean, open: () => void, here: () => void) => html`
  <p>${msg('Your browser blocked the payment window.', { id: 'payment.popup-blocked' })}</p>
  ${actions(
    busy,
    [msg('Open the payment page', { id: 'payment.open' }), open],
    [msg('Continue in this window', { id: 'payment.continue-here' }), here],
  )}
`;

/** `receipt`: the receipt, Print, Save and (for a list of bills) Pay another bill. */
export function receiptView(
  r: Receipt,
  f: Formatter,
  method: string,
  busy: boolean,
  save: () => void,
  another?: () => void,
): TemplateResult {
  return html`
    ${receiptTemplate(r, f, method)}
    ${actions(
      busy,
      [msg('Print the receipt', { id: 'payment.print' }), () => window.print()],
      [msg('Save the receipt', { id: 'payment.save' }), save],
      ...(another ? [[msg('Pay another bill', { id: 'payment.another' }), another] as Action] : []),
    )}
  `;
}

/** `failure`: why, that the bills are still unpaid; Try again, Choose another method. */
export function failureView(
  reason: FailureReason,
  busy: boolean,
  again: (changeMethod: boolean) => void,
): TemplateResult {
  return html`
    <div class="box" part="failure" data-reason=${reason}>
      <p class="what">${FAILURES[reason]()}</p>
      <p>${msg('The bills are still unpaid.', { id: 'payment.failure.unpaid' })}</p>
    </div>
    ${actions(
      busy,
      // The library's "Try again": the same words as a problem's.
      [msg('Try again', { id: 'problem.retry' }), () => again(false)],
      [msg('Choose another method', { id: 'payment.other-method' }), () => again(true)],
    )}
  `;
}

/** `loading` and `checking`: a placeholder. */
export const skeleton = html`<div part="skeleton" aria-hidden="true">
  <div class="bone"></div>
  <div class="bone"></div>
</div>`;
