import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { msg, str } from '@lit/localize';
import {
  unwrap,
  type EServicesClient,
  type Payable,
  type Payment,
  type PaymentMethod,
  type Receipt,
} from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { Announcer } from '../core/announcer.js';
import { FocusController } from '../core/focus.js';
import type { Problem } from '../core/problem.js';
import { renderProblem } from '../core/problem-view.js';
import { RequestController } from '../core/request.js';
import { useMessages } from '../core/localization.js';
import { messages } from '../generated/messages/payment-form.js';
import type { IqPhoneInput } from '../phone-input/phone-input.js';
import {
  PaymentAttempt,
  clearPending,
  readAttempt,
  readPending,
  saveAttempt,
  savePending,
  type Choices,
} from './attempt.js';
import { checkout, type CheckoutEvent, type View } from './checkout.js';
import {
  IqPaymentCancelledEvent,
  IqPaymentFailedEvent,
  IqPaymentStartedEvent,
  IqPaymentSucceededEvent,
  type FailureReason,
  type PaymentMethodId,
} from './events.js';
import {
  RETURN_MESSAGE_TYPE,
  browserNavigator,
  defaultReturnUrl,
  gatewayOpener,
  takeReturn,
  type GatewayNavigator,
  type GatewayWindow,
} from './gateway.js';
import { UNAVAILABLE, clean, label, outOfRange } from './labels.js';
import { FAILURES, download, receiptText } from './outcome.js';
import { paymentFormStyles } from './payment-form.styles.js';
import {
  HEADINGS,
  awaitingView,
  failureView,
  items,
  methodFee,
  methodsView,
  pendingActions,
  popupBlockedView,
  receiptView,
  reviewView,
  selectView,
  singleHeading,
  skeleton,
  steps,
  totalView,
} from './views.js';
import { GatewayWatch } from './watch.js';

export { methodFee };

/** How the citizen is sent to the gateway's page. */
export type GatewayMode = 'popup' | 'redirect';

/** What only this form says about a problem; the rest is the library's sentence. */
type Says = 'taken' | 'method' | 'together' | 'select' | 'unknown';

const SAYS: Record<Says, () => string> = {
  taken: () =>
    msg(
      'A chosen bill is already paid or being paid, perhaps in another window. See the updated list.',
      { id: 'payment.problem.taken' },
    ),
  method: () =>
    msg('Choose a method that can take this payment.', { id: 'payment.problem.method' }),
  together: () =>
    msg('Some of these bills must be paid on their own.', { id: 'payment.problem.together' }),
  select: () => msg('Choose at least one bill to pay.', { id: 'payment.problem.select' }),
  unknown: () =>
    msg('We could not find this payment: nothing was paid through that link.', {
      id: 'payment.problem.unknown',
    }),
};

/** A problem of the citizen's choices (or of the address), found before any call. */
const CHOICE: Problem = { kind: 'refused', code: 'payment.choice', status: 0, fieldErrors: [] };

/** A payment as the service has it, with its receipt and the methods' names once it succeeded. */
type Read = [Payment, Receipt?, (readonly PaymentMethod[])?];

/** First wait between two checks of a pending payment, in milliseconds. */
const POLL_MS = 3000;

/**
 * Pays government fees and bills (`openapi/payments.yaml`): what to pay (the citizen's unpaid
 * fees and bills, or one given by `item-id` / `item`), how to pay (Qi Card, ZainCash, FIB, with
 * their limits and fees), a review, then the gateway's hosted page in a popup or by redirect, and
 * the outcome read from the service — a receipt to print or save, or the reason it failed and
 * what to do.
 *
 * Exactly once: each confirmed attempt has one `Idempotency-Key`, reused when an answer is lost,
 * so the service creates one payment. This tab's `sessionStorage` keeps the attempt (key and
 * request body) while `createPayment` is unanswered, then only the payment's id until it is
 * decided: after a reload the element sends the same request again or reads the payment, and
 * resumes it. A bill whose payment is in progress (in any tab or device) offers "Reopen the
 * payment page" and "Cancel and start again". The return's query and messages are never trusted
 * for the outcome: the element asks `getPayment`.
 *
 * @summary Pay fees and bills through the gateways, exactly once, with a receipt.
 *
 * @fires {IqPaymentStartedEvent} iq-payment-started - The payment was created; `paymentId`, `method`, `total`.
 * @fires {IqPaymentSucceededEvent} iq-payment-succeeded - The service says it succeeded; `receipt`.
 * @fires {IqPaymentFailedEvent} iq-payment-failed - It failed or expired; `reason`, `paymentId`.
 * @fires {IqPaymentCancelledEvent} iq-payment-cancelled - Cancelled at the gateway or with "Cancel and start again"; `paymentId`.
 * @fires {IqAuthRequiredEvent} iq-auth-required - The server answered 401: the citizen must sign in.
 * @fires {IqErrorEvent} iq-error - A request failed: `code`, `status`, `requestId` (no personal data).
 *
 * @csspart heading - The heading of the current view (focused on each view change).
 * @csspart problem - The error at the top of a view, with its retry.
 * @csspart notice - Information: a cleared selection, an amount that differs from the host's.
 * @csspart items - The list of fees and bills.
 * @csspart item - One fee or bill.
 * @csspart total - The running total of the chosen bills.
 * @csspart methods - The payment methods (a radio group).
 * @csspart method - One payment method.
 * @csspart review - The summary to confirm.
 * @csspart receipt - The receipt (printed alone, with the heading).
 * @csspart failure - The failure's reason and what to do.
 * @csspart actions - The buttons of a view.
 * @csspart submit - The primary button of a view.
 * @csspart skeleton - The placeholder while loading.
 *
 * @cssprop [--iq-payment-form-max-width=40rem] - Largest width of the element (default `40rem`).
 */
export class IqPaymentForm extends IqElement {
  static {
    // This element's translations load with the page's language (core/localization.ts).
    useMessages(messages);
  }

  static override styles = [...IqElement.styles, paymentFormStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    itemId: { attribute: 'item-id' },
    item: { attribute: false },
    gatewayMode: { attribute: 'gateway-mode' },
    returnUrl: { attribute: 'return-url' },
    gatewayNavigator: { attribute: false },
    view: { state: true },
    payables: { state: true },
    selected: { state: true },
    methods: { state: true },
    method: { state: true },
    phone: { state: true },
    phoneError: { state: true },
    problem: { state: true },
    notice: { state: true },
    payment: { state: true },
    receipt: { state: true },
  };

  /** Pay only this payable (`pbl_…`), read with `getPayable`. */
  itemId?: string;

  /**
   * Pay only this payable, as the host has it. Never trusted: it is read again with
   * `getPayable(item.id)`, and the service's title and amount are shown and paid.
   */
  item?: Payable;

  /** `popup` (default): the gateway opens in a window; `redirect`: this page goes there. */
  gatewayMode: GatewayMode = 'popup';

  /**
   * Where the gateway brings the browser back (`payment=<id>` is added); by default this page
   * without `payment`, `result` and `signature`. It must be on an origin the service allows.
   */
  returnUrl?: string;

  /**
   * How the element opens the gateway's page (for tests and unusual hosts, e.g. a WebView that
   * opens pages itself); the browser's `window.open` / `location.assign` by default.
   */
  gatewayNavigator: GatewayNavigator = browserNavigator;

  /** @internal First wait between checks while awaiting the gateway, in milliseconds. */
  pollMs = POLL_MS;

  private view: View = 'loading';
  private payables: readonly Payable[] = [];
  private selected: readonly string[] = [];
  private methods: readonly PaymentMethod[] | null = null;
  private method: PaymentMethodId | '' = '';
  private phone = '';
  private phoneError = '';
  private problem: Problem | null = null;
  private notice = '';
  private payment: Payment | null = null;
  private receipt: Receipt | null = null;

  /** The problem's own sentence, if the form has one, and what "Try again" repeats. */
  #says?: Says;
  #retry?: () => void;
  #attempt: PaymentAttempt | null = null;
  /** The receipt phone as the field last normalized it (kept while the field is not shown). */
  #normalizedPhone = '';
  #started = false;
  /** Payments whose outcome event was sent: each outcome is reported once. */
  readonly #reported = new Set<string>();

  // One controller per kind of call: what there is to pay (and the methods); creating or
  // cancelling a payment (one at a time, and on even if the element leaves the page: their
  // outcome must be known); reading a payment when the citizen asks, and polling it.
  readonly #lists = new RequestController(this, () => this.api);
  readonly #pay = new RequestController(this, () => this.api, { abortOnDisconnect: false });
  readonly #reads = new RequestController(this, () => this.api);
  readonly #polls = new RequestController(this, () => this.api);
  readonly #focus = new FocusController(this);
  readonly #announcer = new Announcer(this);
  readonly #watch = new GatewayWatch(
    this,
    () => (this.view === 'awaiting' || this.view === 'popup-blocked' ? this.payment : null),
    (quiet) => this.#check(quiet),
    () => this.pollMs,
  );

  get #phoneField(): IqPhoneInput | undefined {
    return this.renderRoot?.querySelector<IqPhoneInput>('iq-phone-input') ?? undefined;
  }

  /** A call of the citizen's is out: buttons say so, and a second press does nothing. */
  get #busy(): boolean {
    return this.#lists.pending || this.#pay.pending || this.#reads.pending;
  }

  /** Starts again: resumes this tab's payment in progress, or lists what there is to pay. */
  refresh(): Promise<void> {
    this.problem = null;
    return this.#takeUp();
  }

  /** The receipt as plain text (UTF-8), as **Save** downloads it; '' without a receipt. */
  receiptText(): string {
    const receipt = this.renderRoot.querySelector('[part="receipt"]');
    return receipt ? receiptText(this.#heading(), receipt) : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after leaving it while reading (the read was dropped): read again.
    const reading = this.view === 'loading' || this.view === 'checking';
    if (this.#started && reading && !this.problem && !this.#busy) void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#started) {
      this.#started = true;
      void this.#start();
    } else if ((changed.has('itemId') || changed.has('item')) && !this.payment) {
      void this.#load();
    }
  }

  // ---------------------------------------------------------------- views, problems

  /**
   * Moves the checkout on (`checkout.ts`). On a new view: no problem, focus on its heading, and
   * the heading (and `detail`) announced. Opening the gateway's page again is news even when the
   * view stays.
   */
  #go(event: CheckoutEvent, detail = ''): void {
    const view = checkout(this.view, event);
    if (view === this.view && event !== 'opened' && event !== 'blocked') return;
    this.view = view;
    this.problem = null;
    this.#focus.to('#heading');
    this.#announcer.announce(detail ? `${this.#heading()} ${detail}` : this.#heading());
  }

  /** Shows a problem (focused), with the form's own sentence if `says`; 401 signs out. */
  #fail(problem: Problem, retry?: () => void, says?: Says): void {
    if (problem.kind === 'auth') return this.#go('signed-out');
    this.problem = problem;
    this.#retry = retry;
    this.#says = says;
    this.#focus.to('#problem');
  }

  // ---------------------------------------------------------------- start, resume, load

  async #start(): Promise<void> {
    const returned = takeReturn();
    const opener = returned ? gatewayOpener() : null;
    if (returned && opener) {
      // This page is the gateway's popup coming back: tell the opener (which asks the service)
      // and close. The id is all that is passed; the outcome is never taken from here.
      opener.postMessage({ type: RETURN_MESSAGE_TYPE, payment: returned }, window.location.origin);
      this.#go('check');
      window.close();
      return;
    }
    if (returned === '') return this.#unknown(CHOICE);
    await (returned ? this.#resume(returned) : this.#takeUp());
  }

  /**
   * Takes up this tab's payment in progress: by its id once `createPayment` answered, or by
   * sending the unanswered attempt again with its key (the service answers with the payment it
   * created, if it did). Otherwise lists what there is to pay.
   */
  #takeUp(): Promise<void> {
    const id = readPending();
    if (id) return this.#resume(id);
    this.#attempt = readAttempt();
    if (!this.#attempt) return this.#load();
    this.#go('check');
    return this.#create(null, true);
  }

  /** Reads payment `id`; once it succeeded, its receipt and the methods' names too. */
  #read(id: string) {
    return async (client: EServicesClient, signal: AbortSignal): Promise<Read> => {
      const path = { params: { path: { paymentId: id } }, signal };
      const payment = unwrap(await client.payments.GET('/payments/{paymentId}', path));
      if (payment.status !== 'succeeded') return [payment];
      // The methods' names as the service gives them (not loaded yet after a reload).
      const [receipt, methods] = await Promise.all([
        client.payments.GET('/payments/{paymentId}/receipt', path).then(unwrap),
        this.methods ??
          client.payments.GET('/payment-methods', { signal }).then((r) => unwrap(r).items),
      ]);
      return [payment, receipt, methods];
    };
  }

  /**
   * Shows a payment as the service has it now. With `opening` (a window opened in the click, or
   * null in redirect mode or when blocked), also sends the citizen to its page while it awaits.
   */
  async #resume(id: string, opening?: GatewayWindow | null): Promise<void> {
    this.#go('check');
    const outcome = await this.#reads.run(this.#read(id));
    const payment = outcome?.value?.[0];
    if (!payment || payment.status !== 'awaiting-confirmation') opening?.close();
    if (!outcome) return;
    const { problem, value } = outcome;
    if (!problem) {
      this.#show(value);
      if (opening !== undefined && payment?.status === 'awaiting-confirmation')
        this.#send(opening, payment);
    } else if (problem.status === 404 || problem.status === 422) {
      // Not this citizen's payment, or no payment at all: nothing is shown as paid.
      if (readPending() === id) clearPending();
      await this.#unknown(problem);
    } else this.#fail(problem, () => void this.#resume(id));
  }

  /** A return naming no payment of this citizen: say so above what there is to pay. */
  async #unknown(problem: Problem): Promise<void> {
    await this.#load();
    if (!this.problem) this.#fail(problem, undefined, 'unknown');
  }

  async #load(): Promise<void> {
    this.problem = null;
    this.notice = '';
    this.#go('load');
    const id = this.item?.id ?? this.itemId;
    const outcome = await this.#lists.run((client, signal) =>
      id === undefined
        ? client.payments
            .GET('/payables', { params: { query: { status: 'unpaid' } }, signal })
            .then((r) => unwrap(r).items)
        : // A malformed id gets 422 from the service: shown as not found, like an unknown one.
          client.payments
            .GET('/payables/{payableId}', { params: { path: { payableId: id } }, signal })
            .then((r) => [unwrap(r)]),
    );
    if (!outcome) return;
    const { problem, value: list } = outcome;
    if (problem) {
      if (id !== undefined && (problem.status === 404 || problem.status === 422))
        this.#go('not-found');
      else this.#fail(problem, () => void this.#load());
      return;
    }
    this.payables = list;
    const open = list.filter((p) => p.status === 'unpaid').map((p) => p.id);
    const [one] = list;
    if (id === undefined || !one) {
      this.selected = this.selected.filter((s) => open.includes(s));
      return this.#go(list.length ? 'listed' : 'nothing-to-pay');
    }
    this.selected = open;
    if (this.item && this.item.amount !== one.amount) {
      const amount = this.format.iqd(one.amount);
      this.notice = msg(str`The amount on record is ${amount}: that is what you will pay.`, {
        id: 'payment.amount-differs',
      });
    }
    this.#go(one.status);
  }

  // ---------------------------------------------------------------- choosing

  get #amount(): number {
    return this.payables
      .filter((p) => this.selected.includes(p.id))
      .reduce((sum, p) => sum + p.amount, 0);
  }

  #toggle(payable: Payable, on: boolean): void {
    this.notice = '';
    if (!on) {
      this.selected = this.selected.filter((id) => id !== payable.id);
    } else {
      const alone = (id: string) =>
        this.payables.find((p) => p.id === id)?.payableTogether === false;
      // A payable paid alone clears the others; choosing another clears a payable paid alone.
      const others = this.selected.filter((id) => payable.payableTogether && !alone(id));
      if (others.length < this.selected.length) {
        this.notice = msg('That bill is paid on its own: other choices were cleared.', {
          id: 'payment.alone-note',
        });
      }
      this.selected = [...others, payable.id];
    }
    this.problem = null;
    this.#announcer.announce(this.notice || this.#totalText());
  }

  #totalText(): string {
    return `${label('total')} ${this.format.iqd(this.#amount)}`;
  }

  async #toMethods(): Promise<void> {
    if (this.#busy) return;
    if (!this.selected.length) return this.#fail(CHOICE, undefined, 'select');
    this.problem = null;
    if (!this.methods) {
      const outcome = await this.#lists.run((client, signal) =>
        client.payments.GET('/payment-methods', { signal }).then((r) => unwrap(r).items),
      );
      if (!outcome) return;
      if (outcome.problem) return this.#fail(outcome.problem, () => void this.#toMethods());
      this.methods = outcome.value;
    }
    if (this.method && this.#unusable(this.methods.find((m) => m.id === this.method)))
      this.method = '';
    this.#go('continue');
  }

  /** Why a method cannot take the selected amount, or '' when it can. */
  #unusable(method: PaymentMethod | undefined): string {
    if (!method) return '';
    if (!method.available) {
      return UNAVAILABLE[method.unavailableReason ?? 'suspended']();
    }
    const amount = this.#amount;
    if (amount < method.minAmount || amount > method.maxAmount) {
      return outOfRange(this.format.iqd(method.minAmount), this.format.iqd(method.maxAmount));
    }
    return '';
  }

  #toReview(): void {
    const field = this.#phoneField;
    this.phone = field?.value ?? this.phone;
    this.#normalizedPhone = field?.normalizedValue ?? this.#normalizedPhone;
    if (!this.method) return this.#fail(CHOICE, undefined, 'method');
    if (field && !field.reportValidity()) {
      // The field shows its own error; focus takes the citizen (and the screen reader) there.
      field.focus();
      return;
    }
    this.problem = null;
    this.#go('continue');
  }

  get #chosenMethod(): PaymentMethod | undefined {
    return this.methods?.find((m) => m.id === this.method);
  }

  get #choices(): Choices {
    const phone = this.#phoneField?.normalizedValue ?? this.#normalizedPhone;
    return {
      payableIds: this.payables.filter((p) => this.selected.includes(p.id)).map((p) => p.id),
      method: this.method as PaymentMethodId,
      receiptPhone: phone,
    };
  }

  // ---------------------------------------------------------------- paying

  /** A window for the gateway's page, opened in the click (null in redirect mode, or blocked). */
  #openWindow(): GatewayWindow | null {
    return this.gatewayMode === 'redirect' ? null : this.gatewayNavigator.open();
  }

  /**
   * Confirms: opens the gateway's window at once (in the click, so browsers allow it), creates
   * the payment with the attempt's key and sends the window there. One request at a time.
   */
  #confirm(): void {
    if (this.#busy) return;
    const choices = this.#choices;
    // A lost answer is retried with the same key; new choices make a new attempt.
    if (!this.#attempt?.matches(choices)) {
      this.#attempt = new PaymentAttempt(choices, this.returnUrl || defaultReturnUrl());
    }
    void this.#create(this.#openWindow());
  }

  /**
   * Sends the attempt. It is stored first, so that a reload while the request is out sends it
   * again with the same key; `resumed` is that second sending (no window: the citizen reopens
   * the page from the awaiting view).
   */
  async #create(popup: GatewayWindow | null, resumed = false): Promise<void> {
    const attempt = this.#attempt;
    if (!attempt || this.#pay.pending) return popup?.close();
    saveAttempt(attempt);
    this.problem = null;
    // No signal: once sent, the request is never abandoned; its answer decides what is shown.
    const outcome = await this.#pay.run((client) =>
      client.payments
        .POST('/payments', {
          params: { header: { 'Idempotency-Key': attempt.key } },
          body: attempt.body,
        })
        .then(unwrap),
    );
    const payment = outcome?.value;
    if (!payment) {
      popup?.close();
      if (outcome) this.#createFailed(outcome.problem, resumed);
      return;
    }
    savePending(payment.id);
    this.payment = payment;
    this.dispatchEvent(new IqPaymentStartedEvent(payment.id, payment.method, payment.total));
    // A replay answers the payment as it was created: read how it is now.
    await (resumed ? this.#resume(payment.id) : this.#send(popup, payment));
  }

  #createFailed(problem: Problem, resumed: boolean): void {
    const { code, status, fieldErrors } = problem;
    const taken = code === 'payment.payable-already-paid' || code === 'payment.payable-not-found';
    // No answer, or a passing condition: "Try again" keeps the attempt and its key.
    if (status !== 422 && !taken && code !== 'idempotency.key-reused') {
      return this.#fail(problem, () => (resumed ? void this.#create(null, true) : this.#confirm()));
    }
    // A decided refusal: the next try is a new attempt.
    this.#attempt = null;
    clearPending();
    const phone = fieldErrors.find((f) => f.pointer === '/body/receiptPhone');
    if (phone && !resumed) {
      this.phoneError = clean(phone.detail);
      this.#go('back');
      this.#focus.to('iq-phone-input');
      return;
    }
    const says: Says | undefined = taken
      ? 'taken'
      : fieldErrors.some((f) => f.code === 'not-payable-together')
        ? 'together'
        : code.startsWith('payment.')
          ? 'method'
          : undefined;
    this.#fail(problem, undefined, says);
    // Someone (another tab) is paying it, or it is gone: show the list as it is now.
    if (taken || resumed) void this.#load().then(() => this.#fail(problem, undefined, says));
  }

  #send(popup: GatewayWindow | null, payment: Payment): void {
    if (this.gatewayMode === 'redirect') {
      this.#go('opened');
      this.gatewayNavigator.assign(payment.redirectUrl);
    } else if (popup) {
      popup.location.replace(payment.redirectUrl);
      this.#go('opened');
      this.#watch.watch(popup);
    } else this.#go('blocked');
  }

  /**
   * Cancels a payment in progress (one the gateway has not authorised: nothing is charged) and
   * starts again with its bills chosen. If it was decided meanwhile, shows how.
   */
  async #cancel(id: string): Promise<void> {
    if (this.#busy) return;
    const outcome = await this.#pay.run((client) =>
      client.payments
        .POST('/payments/{paymentId}/cancel', { params: { path: { paymentId: id } } })
        .then(unwrap),
    );
    if (!outcome) return;
    const { problem, value: payment } = outcome;
    if (problem) {
      // Decided meanwhile (409), or not this citizen's (404): show what the service says.
      if (problem.status === 404 || problem.status === 409) await this.#resume(id);
      else this.#fail(problem, () => void this.#cancel(id));
      return;
    }
    clearPending();
    this.#watch.close();
    this.#attempt = this.payment = null;
    if (this.#once(id)) this.dispatchEvent(new IqPaymentCancelledEvent(id));
    this.selected = payment.payableIds;
    await this.#load();
    this.notice = msg('The payment was cancelled: nothing was charged. You can pay again.', {
      id: 'payment.cancelled',
    });
    this.#announcer.announce(this.notice);
  }

  /** Opens the same payment's page again (never a new payment). */
  #reopen(): void {
    if (this.payment) this.#send(this.#openWindow(), this.payment);
  }

  // ---------------------------------------------------------------- the outcome

  /** Asks the service for the payment's outcome (the only source of truth); `quiet` polls. */
  async #check(quiet = false): Promise<void> {
    const payment = this.payment;
    if (!payment || this.#busy || (quiet && this.#polls.pending)) return;
    const outcome = await (quiet ? this.#polls : this.#reads).run(this.#read(payment.id));
    if (!outcome) return;
    const { problem, value } = outcome;
    if (problem) {
      if (!quiet || problem.kind === 'auth') this.#fail(problem, () => void this.#check());
      return;
    }
    const [fresh] = value;
    if (fresh.id !== this.payment?.id) return;
    if (fresh.status !== 'awaiting-confirmation') return this.#show(value);
    this.payment = fresh;
    if (!quiet) {
      this.problem = null;
      this.#announcer.announce(
        msg('The payment is not finished yet.', { id: 'payment.still-waiting' }),
      );
    }
  }

  /** Shows a payment as the service describes it. */
  #show([payment, receipt, methods]: Read): void {
    const { id, status } = payment;
    this.payment = payment;
    if (status === 'awaiting-confirmation') {
      savePending(id);
      this.#go(status);
      this.#watch.watch();
      return;
    }
    this.#watch.stop();
    clearPending();
    // Decided: trying again is a new attempt with a new key.
    this.#attempt = null;
    if (receipt) {
      this.methods = methods ?? null;
      this.receipt = receipt;
      this.#go(status);
      if (this.#once(id)) this.dispatchEvent(new IqPaymentSucceededEvent(receipt));
      return;
    }
    const reason = this.#reason(payment);
    this.#go(status, FAILURES[reason]());
    if (!this.#once(id)) return;
    this.dispatchEvent(
      status === 'cancelled'
        ? new IqPaymentCancelledEvent(id)
        : new IqPaymentFailedEvent(reason, id),
    );
  }

  #once(paymentId: string): boolean {
    if (this.#reported.has(paymentId)) return false;
    this.#reported.add(paymentId);
    return true;
  }

  #reason(payment: Payment): FailureReason {
    // The contract gives a reason for every decided failure.
    return payment.failureReason ?? (payment.status === 'expired' ? 'timed-out' : 'declined');
  }

  /** After a failure: the same choices, a new attempt (the failed payment is decided). */
  async #again(changeMethod: boolean): Promise<void> {
    const payment = this.payment;
    this.payment = this.receipt = null;
    if (payment) {
      // The same bills (also after a reload, when only the payment was known).
      this.selected = payment.payableIds;
      this.method = changeMethod ? '' : payment.method;
    }
    // The list as it is now: what is still unpaid stays chosen.
    await this.#load();
    if (this.view !== 'select' || !this.selected.length) return;
    await this.#toMethods();
    // Same method, if it can still be used: straight back to the review.
    if (!changeMethod && this.method && (this.view as View) === 'method') this.#go('continue');
  }

  /** After a receipt: the list as the service has it now (the bill paid is no longer in it). */
  #another(): Promise<void> {
    this.payment = this.receipt = null;
    return this.#load();
  }

  // ---------------------------------------------------------------- rendering

  #heading(): string {
    return this.view === 'select' && (this.itemId || this.item)
      ? singleHeading()
      : HEADINGS[this.view]();
  }

  #renderView(): unknown {
    const { format, payment, payables, selected } = this;
    const busy = this.#busy;
    // The ways forward of a payment in progress: its page again, or cancel and start again.
    const pending = (id: string) =>
      pendingActions(
        () => void this.#resume(id, this.#openWindow()),
        () => void this.#cancel(id),
      );
    const single = !!(this.itemId || this.item);
    switch (this.view) {
      case 'loading':
      case 'checking':
        return skeleton;
      case 'select':
        return selectView(
          single
            ? items(format, payables, pending)
            : items(format, payables, pending, selected, (p, on) => this.#toggle(p, on)),
          single,
          this.notice,
          !!this.problem,
          this.#totalText(),
          steps(busy, () => void this.#toMethods()),
        );
      case 'paid':
      case 'in-progress':
        return items(format, payables, pending);
      case 'method':
        return html`${totalView(this.#totalText())}
          ${methodsView(
            format,
            this.methods ?? [],
            this.method,
            this.#amount,
            !!this.problem,
            (m) => this.#unusable(m),
            (m) => {
              this.method = m.id;
              this.problem = null;
            },
          )}
          <iq-phone-input
            .value=${this.phone}
            .externalError=${this.phoneError}
            .label=${msg('Mobile number for the receipt (optional)', { id: 'payment.phone.label' })}
            @input=${() => {
              this.phoneError = '';
              this.phone = this.#phoneField?.value ?? '';
              this.#normalizedPhone = this.#phoneField?.normalizedValue ?? '';
            }}
          ></iq-phone-input>
          ${steps(
            busy,
            () => this.#toReview(),
            () => this.#go('back'),
          )}`;
      case 'review':
        return reviewView(
          format,
          items(
            format,
            payables.filter((p) => selected.includes(p.id)),
            pending,
          ),
          this.#amount,
          this.#chosenMethod,
          busy,
          () => this.#confirm(),
          () => {
            // Not confirmed after all: a reload shows the list (and any payment that exists).
            clearPending();
            this.#go('back');
          },
        );
      case 'popup-blocked':
        return popupBlockedView(
          busy,
          () => this.#reopen(),
          () => payment && this.gatewayNavigator.assign(payment.redirectUrl),
        );
      case 'awaiting':
        return (
          payment &&
          awaitingView(
            format.iqd(payment.total),
            busy,
            () => void this.#check(),
            pendingActions(
              () => this.#reopen(),
              () => void this.#cancel(payment.id),
            ),
          )
        );
      case 'receipt': {
        const r = this.receipt;
        return (
          r &&
          receiptView(
            r,
            format,
            clean(this.methods?.find((m) => m.id === r.method)?.name ?? r.method),
            busy,
            () => download(r, this.receiptText()),
            single ? undefined : () => void this.#another(),
          )
        );
      }
      case 'failure':
        return payment && failureView(this.#reason(payment), busy, (m) => void this.#again(m));
    }
    return nothing;
  }

  protected override render(): TemplateResult {
    const { problem } = this;
    const says = this.#says;
    return html`
      <section aria-labelledby="heading" data-view=${this.view}>
        <h2 id="heading" part="heading" tabindex="-1">${this.#heading()}</h2>
        ${problem ? renderProblem(problem, { text: says && SAYS[says](), retry: this.#retry }) : nothing}
        ${this.#renderView()}
      </section>
      ${this.#announcer.render()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-payment-form': IqPaymentForm;
  }
}
