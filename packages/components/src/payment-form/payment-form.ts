import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import {
  isEServicesError,
  unwrap,
  type EServicesClient,
  type EServicesError,
  type Payable,
  type Payment,
  type PaymentMethod,
  type Receipt,
} from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { devWarn } from '#dev';
import { isolate } from '../core/format.js';
import { IqAuthRequiredEvent, IqErrorEvent } from '../core/events.js';
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
  returnedId,
  takeReturn,
  type GatewayNavigator,
  type GatewayWindow,
} from './gateway.js';
import { METHOD_KINDS, UNAVAILABLE, clean, label, outOfRange, rows } from './labels.js';
import { FAILURES, download, receiptTemplate, receiptText } from './outcome.js';
import { paymentFormStyles } from './payment-form.styles.js';

/** The screen the citizen is on. */
type View =
  | 'loading'
  | 'checking'
  | 'select'
  | 'empty'
  | 'not-found'
  | 'paid'
  | 'in-progress'
  | 'method'
  | 'review'
  | 'popup-blocked'
  | 'awaiting'
  | 'receipt'
  | 'failure'
  | 'signed-out';

/** A problem shown at the top of the current view; `retry` repeats what failed. */
interface Problem {
  kind: 'offline' | 'timeout' | 'server' | 'taken' | 'method' | 'together' | 'select' | 'unknown';
  retry?: () => void;
  requestId?: string;
}

/** A button: its text and what it does. */
type Action = [string, () => void];

/** How the citizen is sent to the gateway's page. */
export type GatewayMode = 'popup' | 'redirect';

/** First wait between two checks of a pending payment; it grows to {@link POLL_MAX_MS}. */
const POLL_MS = 3000;
const POLL_MAX_MS = 15000;

/** The fee a method adds: `fixed + round(amount × percent / 100)`, as the contract says. */
export function methodFee(method: Pick<PaymentMethod, 'fee'>, amount: number): number {
  return method.fee.fixed + Math.round((amount * method.fee.percent) / 100);
}

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
    busy: { state: true },
    payment: { state: true },
    receipt: { state: true },
    announcement: { state: true },
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
  private busy = false;
  private payment: Payment | null = null;
  private receipt: Receipt | null = null;
  private announcement = '';

  private get phoneField(): IqPhoneInput | undefined {
    return this.renderRoot?.querySelector<IqPhoneInput>('iq-phone-input') ?? undefined;
  }

  private attempt: PaymentAttempt | null = null;
  /** The receipt phone as the field last normalized it (kept while the field is not shown). */
  private normalizedPhone = '';
  private popup: GatewayWindow | null = null;
  private started = false;
  private pendingFocus: string | null = null;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollCount = 0;
  private closeWatch?: ReturnType<typeof setInterval>;
  /** Payments whose outcome event was sent: each outcome is reported once. */
  private readonly reported = new Set<string>();

  private readonly onMessage = (event: MessageEvent) => {
    const id = returnedId(event);
    if (id && id === this.payment?.id) void this.check();
  };

  /** Starts again: resumes this tab's payment in progress, or lists what there is to pay. */
  refresh(): Promise<void> {
    this.problem = null;
    return this.takeUp();
  }

  /** The receipt as plain text (UTF-8), as **Save** downloads it; '' without a receipt. */
  receiptText(): string {
    const receipt = this.renderRoot.querySelector('[part="receipt"]');
    return receipt ? receiptText(this.heading(), receipt) : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.onMessage);
    // Moved in the page while awaiting: keep checking.
    if (this.view === 'awaiting') this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
    this.stopWatching();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.started) {
      this.started = true;
      void this.start();
    } else if ((changed.has('itemId') || changed.has('item')) && !this.payment) {
      void this.load();
    }
  }

  protected override updated(): void {
    if (!this.pendingFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
    this.pendingFocus = null;
    target?.focus();
  }

  // ---------------------------------------------------------------- navigation between views

  private go(view: View, announcement = ''): void {
    this.view = view;
    this.problem = null;
    this.pendingFocus = '#heading';
    this.announcement = announcement || this.heading();
  }

  private fail(problem: Problem, error?: EServicesError): void {
    if (error) this.dispatchEvent(IqErrorEvent.from(error));
    this.problem = problem;
    this.pendingFocus = '#problem';
  }

  /** Handles a failed request: 401 signs out; network and server errors offer `retry`. */
  private failed(error: unknown, retry: () => void): void {
    if (!isEServicesError(error)) throw error;
    if (error.status === 401) {
      this.dispatchEvent(IqErrorEvent.from(error));
      this.dispatchEvent(new IqAuthRequiredEvent());
      this.problem = null;
      this.go('signed-out');
      return;
    }
    // Still in progress after the client's retries: as good as no answer yet.
    const kind = /timeout|in-progress/.test(error.code)
      ? 'timeout'
      : error.status === 0
        ? 'offline'
        : 'server';
    this.fail({ kind, retry, requestId: error.requestId }, error);
  }

  private clientOrFail(): EServicesClient | null {
    const client = this.api;
    if (!client) {
      devWarn(this, 'no client; set its `client` property or call configure({ client }).');
      this.fail({ kind: 'server' });
    }
    return client ?? null;
  }

  // ---------------------------------------------------------------- start, resume, load

  private async start(): Promise<void> {
    const returned = takeReturn();
    const opener = returned ? gatewayOpener() : null;
    if (returned && opener) {
      // This page is the gateway's popup coming back: tell the opener (which asks the service)
      // and close. The id is all that is passed; the outcome is never taken from here.
      opener.postMessage({ type: RETURN_MESSAGE_TYPE, payment: returned }, window.location.origin);
      this.go('checking');
      window.close();
      return;
    }
    if (returned === '') return this.unknown();
    await (returned ? this.resume(returned) : this.takeUp());
  }

  /**
   * Takes up this tab's payment in progress: by its id once `createPayment` answered, or by
   * sending the unanswered attempt again with its key (the service answers with the payment it
   * created, if it did). Otherwise lists what there is to pay.
   */
  private takeUp(): Promise<void> {
    const id = readPending();
    if (id) return this.resume(id);
    this.attempt = readAttempt();
    if (!this.attempt) return this.load();
    this.go('checking');
    return this.create(null, true);
  }

  /**
   * Shows a payment as the service has it now. With `opening` (a window opened in the click, or
   * null in redirect mode or when blocked), also sends the citizen to its page while it awaits.
   */
  private async resume(id: string, opening?: GatewayWindow | null): Promise<void> {
    const client = this.clientOrFail();
    if (!client) return opening?.close();
    this.go('checking');
    try {
      const payment = await this.read(client, id);
      await this.show(payment);
      if (opening === undefined) return;
      if (payment.status === 'awaiting-confirmation') this.send(opening, payment);
      else opening?.close();
    } catch (error) {
      opening?.close();
      if (isEServicesError(error) && (error.status === 404 || error.status === 422)) {
        // Not this citizen's payment, or no payment at all: nothing is shown as paid.
        if (readPending() === id) clearPending();
        this.dispatchEvent(IqErrorEvent.from(error));
        return this.unknown();
      }
      this.failed(error, () => void this.resume(id));
    }
  }

  /** A return naming no payment of this citizen: say so above what there is to pay. */
  private async unknown(): Promise<void> {
    await this.load();
    if (!this.problem) this.fail({ kind: 'unknown' });
  }

  private async load(): Promise<void> {
    const client = this.clientOrFail();
    if (!client) return;
    this.problem = null;
    this.notice = '';
    this.go('loading');
    const id = this.item?.id ?? this.itemId;
    try {
      if (id !== undefined) await this.loadOne(client, id);
      else {
        const list = unwrap(
          await client.payments.GET('/payables', { params: { query: { status: 'unpaid' } } }),
        );
        this.payables = list.items;
        const open = new Set(list.items.filter((p) => p.status === 'unpaid').map((p) => p.id));
        this.selected = this.selected.filter((s) => open.has(s));
        this.go(list.items.length ? 'select' : 'empty');
      }
    } catch (error) {
      if (isEServicesError(error) && id !== undefined && [404, 422].includes(error.status)) {
        this.dispatchEvent(IqErrorEvent.from(error));
        this.go('not-found');
        return;
      }
      this.failed(error, () => void this.load());
    }
  }

  private async loadOne(client: EServicesClient, id: string): Promise<void> {
    // A malformed id gets 422 from the service: shown as not found, like an unknown one.
    const payable = unwrap(
      await client.payments.GET('/payables/{payableId}', { params: { path: { payableId: id } } }),
    );
    this.payables = [payable];
    this.selected = payable.status === 'unpaid' ? [payable.id] : [];
    if (this.item && this.item.amount !== payable.amount) {
      const amount = this.format.iqd(payable.amount);
      this.notice = msg(str`The amount on record is ${amount}: that is what you will pay.`, {
        id: 'payment.amount-differs',
      });
    }
    this.go(
      payable.status === 'paid'
        ? 'paid'
        : payable.status === 'processing'
          ? 'in-progress'
          : 'select',
    );
  }

  // ---------------------------------------------------------------- choosing

  private get amount(): number {
    return this.payables
      .filter((p) => this.selected.includes(p.id))
      .reduce((sum, p) => sum + p.amount, 0);
  }

  private toggle(payable: Payable, on: boolean): void {
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
    this.announcement = this.notice || this.totalText();
  }

  private totalText(): string {
    return `${label('total')} ${this.format.iqd(this.amount)}`;
  }

  private async toMethods(): Promise<void> {
    if (this.busy) return;
    if (!this.selected.length) {
      this.fail({ kind: 'select' });
      return;
    }
    this.problem = null;
    if (!this.methods) {
      const client = this.clientOrFail();
      if (!client) return;
      this.busy = true;
      try {
        this.methods = unwrap(await client.payments.GET('/payment-methods')).items;
      } catch (error) {
        this.failed(error, () => void this.toMethods());
        return;
      } finally {
        this.busy = false;
      }
    }
    if (this.method && this.unusable(this.methods.find((m) => m.id === this.method)))
      this.method = '';
    this.go('method');
  }

  /** Why a method cannot take the selected amount, or '' when it can. */
  private unusable(method: PaymentMethod | undefined): string {
    if (!method) return '';
    if (!method.available) {
      return UNAVAILABLE[method.unavailableReason ?? 'suspended']();
    }
    const amount = this.amount;
    if (amount < method.minAmount || amount > method.maxAmount) {
      return outOfRange(this.format.iqd(method.minAmount), this.format.iqd(method.maxAmount));
    }
    return '';
  }

  private async toReview(): Promise<void> {
    const field = this.phoneField;
    this.phone = field?.value ?? this.phone;
    this.normalizedPhone = field?.normalizedValue ?? this.normalizedPhone;
    if (!this.method) {
      this.fail({ kind: 'method' });
      return;
    }
    if (field && !field.reportValidity()) {
      // The field shows its own error; focus takes the citizen (and the screen reader) there.
      field.focus();
      return;
    }
    this.problem = null;
    this.go('review');
  }

  private get chosenMethod(): PaymentMethod | undefined {
    return this.methods?.find((m) => m.id === this.method);
  }

  private get choices(): Choices {
    const phone = this.phoneField?.normalizedValue ?? this.normalizedPhone;
    return {
      payableIds: this.payables.filter((p) => this.selected.includes(p.id)).map((p) => p.id),
      method: this.method as PaymentMethodId,
      receiptPhone: phone,
    };
  }

  // ---------------------------------------------------------------- paying

  /** A window for the gateway's page, opened in the click (null in redirect mode, or blocked). */
  private openWindow(): GatewayWindow | null {
    return this.gatewayMode === 'redirect' ? null : this.gatewayNavigator.open();
  }

  /**
   * Confirms: opens the gateway's window at once (in the click, so browsers allow it), creates
   * the payment with the attempt's key and sends the window there. One request at a time.
   */
  private confirm(): void {
    if (this.busy) return;
    const choices = this.choices;
    // A lost answer is retried with the same key; new choices make a new attempt.
    if (!this.attempt?.matches(choices)) {
      this.attempt = new PaymentAttempt(choices, this.returnUrl || defaultReturnUrl());
    }
    void this.create(this.openWindow());
  }

  /**
   * Sends the attempt. It is stored first, so that a reload while the request is out sends it
   * again with the same key; `resumed` is that second sending (no window: the citizen reopens
   * the page from the awaiting view).
   */
  private async create(popup: GatewayWindow | null, resumed = false): Promise<void> {
    const client = this.clientOrFail();
    const attempt = this.attempt;
    if (!client || !attempt) return popup?.close();
    saveAttempt(attempt);
    this.busy = true;
    this.problem = null;
    try {
      const payment = unwrap(
        await client.payments.POST('/payments', {
          params: { header: { 'Idempotency-Key': attempt.key } },
          body: attempt.body,
        }),
      );
      savePending(payment.id);
      this.payment = payment;
      this.dispatchEvent(new IqPaymentStartedEvent(payment.id, payment.method, payment.total));
      // A replay answers the payment as it was created: read how it is now.
      await (resumed ? this.resume(payment.id) : this.send(popup, payment));
    } catch (error) {
      popup?.close();
      this.createFailed(error, resumed);
    } finally {
      this.busy = false;
    }
  }

  private createFailed(error: unknown, resumed: boolean): void {
    if (!isEServicesError(error)) throw error;
    const { code, status } = error;
    const taken = code === 'payment.payable-already-paid' || code === 'payment.payable-not-found';
    // No answer, or a passing condition: "Try again" keeps the attempt and its key.
    if (status !== 422 && !taken && code !== 'idempotency.key-reused') {
      return this.failed(error, () => (resumed ? void this.create(null, true) : this.confirm()));
    }
    // A decided refusal: the next try is a new attempt.
    this.attempt = null;
    clearPending();
    const fields = error.fieldErrors ?? [];
    const phone = fields.find((f) => f.pointer === '/body/receiptPhone');
    if (phone && !resumed) {
      this.phoneError = clean(phone.detail);
      this.go('method');
      this.pendingFocus = 'iq-phone-input';
      this.dispatchEvent(IqErrorEvent.from(error));
      return;
    }
    const kind = taken
      ? 'taken'
      : fields.some((f) => f.code === 'not-payable-together')
        ? 'together'
        : code.startsWith('payment.')
          ? 'method'
          : 'server';
    this.fail({ kind }, error);
    // Someone (another tab) is paying it, or it is gone: show the list as it is now.
    if (taken || resumed) void this.load().then(() => this.fail({ kind }));
  }

  private send(popup: GatewayWindow | null, payment: Payment): void {
    if (this.gatewayMode === 'redirect') {
      this.go('awaiting');
      this.gatewayNavigator.assign(payment.redirectUrl);
      return;
    }
    if (!popup) {
      this.go('popup-blocked');
      return;
    }
    this.openIn(popup, payment);
  }

  private openIn(popup: GatewayWindow, payment: Payment): void {
    this.popup = popup;
    popup.location.replace(payment.redirectUrl);
    this.go('awaiting');
    this.watch();
  }

  /**
   * Cancels a payment in progress (one the gateway has not authorised: nothing is charged) and
   * starts again with its bills chosen. If it was decided meanwhile, shows how.
   */
  private async cancel(id: string): Promise<void> {
    const client = this.clientOrFail();
    if (!client || this.busy) return;
    this.busy = true;
    try {
      const payment = unwrap(
        await client.payments.POST('/payments/{paymentId}/cancel', {
          params: { path: { paymentId: id } },
        }),
      );
      clearPending();
      this.stopWatching();
      this.popup?.close();
      this.attempt = this.payment = null;
      if (this.once(id)) this.dispatchEvent(new IqPaymentCancelledEvent(id));
      this.selected = payment.payableIds;
      await this.load();
      this.announcement = this.notice = msg(
        'The payment was cancelled: nothing was charged. You can pay again.',
        { id: 'payment.cancelled' },
      );
    } catch (error) {
      // Decided meanwhile (409), or not this citizen's (404): show what the service says.
      if (isEServicesError(error) && [404, 409].includes(error.status)) await this.resume(id);
      else this.failed(error, () => void this.cancel(id));
    } finally {
      this.busy = false;
    }
  }

  /** Opens the same payment's page again (never a new payment). */
  private reopen(): void {
    const payment = this.payment;
    if (!payment) return;
    if (this.gatewayMode === 'redirect') {
      this.gatewayNavigator.assign(payment.redirectUrl);
      return;
    }
    const popup = this.gatewayNavigator.open();
    if (popup) this.openIn(popup, payment);
    else this.go('popup-blocked');
  }

  private continueHere(): void {
    if (this.payment) this.gatewayNavigator.assign(this.payment.redirectUrl);
  }

  // ---------------------------------------------------------------- awaiting the outcome

  private watch(): void {
    this.stopWatching();
    this.pollCount = 0;
    this.schedulePoll();
    if (this.popup) {
      this.closeWatch = setInterval(() => {
        if (!this.popup?.closed) return;
        clearInterval(this.closeWatch);
        this.popup = null;
        void this.check();
      }, 500);
    }
  }

  private schedulePoll(): void {
    const payment = this.payment;
    if (!payment || this.view !== 'awaiting') return;
    const wait = Math.min(this.pollMs * 1.5 ** this.pollCount++, POLL_MAX_MS);
    // Checks back off, and stop once the payment has expired (one check after it).
    if (Date.now() - wait > Date.parse(payment.expiresAt)) return;
    this.pollTimer = setTimeout(() => void this.check(true).then(() => this.schedulePoll()), wait);
  }

  private stopWatching(): void {
    clearTimeout(this.pollTimer);
    clearInterval(this.closeWatch);
  }

  /** Asks the service for the payment's outcome (the only source of truth). */
  private async check(quiet = false): Promise<void> {
    const payment = this.payment;
    const client = this.api;
    if (!payment || !client || this.busy) return;
    this.busy = !quiet;
    try {
      const fresh = await this.read(client, payment.id);
      if (fresh.id !== this.payment?.id) return;
      if (fresh.status === 'awaiting-confirmation') {
        this.payment = fresh;
        if (!quiet) {
          this.problem = null;
          this.announcement = msg('The payment is not finished yet.', {
            id: 'payment.still-waiting',
          });
        }
        return;
      }
      await this.show(fresh);
    } catch (error) {
      if (quiet && !(isEServicesError(error) && error.status === 401)) return;
      this.failed(error, () => void this.check());
    } finally {
      this.busy = false;
    }
  }

  /** Reads a payment: the service is the only source of truth about its outcome. */
  private async read(client: EServicesClient, paymentId: string): Promise<Payment> {
    return unwrap(
      await client.payments.GET('/payments/{paymentId}', { params: { path: { paymentId } } }),
    );
  }

  /** Shows a payment as the service describes it. */
  private async show(payment: Payment): Promise<void> {
    this.payment = payment;
    if (payment.status === 'awaiting-confirmation') {
      savePending(payment.id);
      if (this.view !== 'awaiting') this.go('awaiting');
      this.watch();
      return;
    }
    this.stopWatching();
    if (payment.status === 'succeeded') {
      // Only reached after the client answered.
      const client = this.api as EServicesClient;
      // The methods' names as the service gives them (not loaded yet after a reload).
      const [receipt, methods] = await Promise.all([
        client.payments
          .GET('/payments/{paymentId}/receipt', { params: { path: { paymentId: payment.id } } })
          .then(unwrap),
        this.methods ?? client.payments.GET('/payment-methods').then((r) => unwrap(r).items),
      ]);
      this.methods = methods;
      clearPending();
      this.attempt = null;
      this.receipt = receipt;
      this.go('receipt');
      if (this.once(payment.id)) this.dispatchEvent(new IqPaymentSucceededEvent(receipt));
      return;
    }
    clearPending();
    // A decided failure: trying again is a new attempt with a new key.
    this.attempt = null;
    this.go('failure', `${this.heading()} ${this.failure(payment)}`);
    if (!this.once(payment.id)) return;
    if (payment.status === 'cancelled') {
      this.dispatchEvent(new IqPaymentCancelledEvent(payment.id));
    } else {
      this.dispatchEvent(new IqPaymentFailedEvent(this.reason(payment), payment.id));
    }
  }

  private once(paymentId: string): boolean {
    if (this.reported.has(paymentId)) return false;
    this.reported.add(paymentId);
    return true;
  }

  private reason(payment: Payment): FailureReason {
    // The contract gives a reason for every decided failure.
    return payment.failureReason ?? (payment.status === 'expired' ? 'timed-out' : 'declined');
  }

  private failure(payment: Payment): string {
    return FAILURES[this.reason(payment)]();
  }

  /** After a failure: the same choices, a new attempt (the failed payment is decided). */
  private async again(changeMethod: boolean): Promise<void> {
    const payment = this.payment;
    this.payment = null;
    this.receipt = null;
    if (payment) {
      // The same bills (also after a reload, when only the payment was known).
      this.selected = payment.payableIds;
      this.method = changeMethod ? '' : payment.method;
    }
    // The list as it is now: what is still unpaid stays chosen.
    await this.load();
    if (this.view !== 'select' || !this.selected.length) return;
    await this.toMethods();
    // Same method, if it can still be used: straight back to the review.
    if (!changeMethod && this.method && (this.view as View) === 'method') this.go('review');
  }

  // ---------------------------------------------------------------- text

  private heading(): string {
    const single = this.view === 'select' && (this.itemId || this.item);
    const headings: Partial<Record<View, () => string>> & { loading: () => string } = {
      loading: () => msg('Pay fees and bills', { id: 'payment.heading.loading' }),
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
    if (single) return msg('Pay this bill', { id: 'payment.heading.single' });
    return (headings[this.view] ?? headings.loading)();
  }

  private problemText(problem: Problem): string {
    switch (problem.kind) {
      case 'offline':
        return msg('No connection to the service. Check your internet and try again.', {
          id: 'payment.problem.offline',
        });
      case 'timeout':
        return msg('The service did not answer in time. Try again: you will not pay twice.', {
          id: 'payment.problem.timeout',
        });
      case 'server':
        return msg('Something went wrong on our side. Try again later.', {
          id: 'payment.problem.server',
        });
      case 'taken':
        return msg(
          'A chosen bill is already paid or being paid, perhaps in another window. See the updated list.',
          { id: 'payment.problem.taken' },
        );
      case 'method':
        return msg('Choose a method that can take this payment.', {
          id: 'payment.problem.method',
        });
      case 'together':
        return msg('Some of these bills must be paid on their own.', {
          id: 'payment.problem.together',
        });
      case 'select':
        return msg('Choose at least one bill to pay.', { id: 'payment.problem.select' });
      case 'unknown':
        return msg('We could not find this payment: nothing was paid through that link.', {
          id: 'payment.problem.unknown',
        });
    }
  }

  // ---------------------------------------------------------------- templates

  private renderProblem(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (!problem) return nothing;
    return html`<div class="box" part="problem" id="problem" tabindex="-1" role="alert">
      <p>${this.problemText(problem)}</p>
      ${
        problem.requestId
          ? html`<p class="muted">
              ${msg('Reference:', { id: 'payment.request-id' })}
              <bdi dir="ltr">${problem.requestId}</bdi>
            </p>`
          : nothing
      }
      ${
        problem.retry
          ? html`<button type="button" class="secondary retry" @click=${problem.retry}>
              ${msg('Try again', { id: 'payment.retry' })}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderItem(p: Payable, choose: boolean): TemplateResult {
    const processing = p.status !== 'unpaid';
    const pending = p.pendingPayment;
    const due = this.format.date(p.dueDate);
    const body = html`
      <span class="title" id="t-${p.id}"><bdi>${clean(p.title)}</bdi></span>
      <span class="muted"><bdi>${clean(p.issuer.name)}</bdi></span>
      <span class="amount">${this.format.iqd(p.amount)}</span>
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
        choose
          ? html`<label class="choice">
              <input
                type="checkbox"
                value=${p.id}
                .checked=${live(this.selected.includes(p.id))}
                ?disabled=${processing}
                @change=${(e: Event) => this.toggle(p, (e.target as HTMLInputElement).checked)}
              />
              <span class="text">${body}</span>
            </label>`
          : body
      }
      ${
        pending
          ? html`<div class="actions">
              ${this.buttons(
                [
                  [this.reopenText(), () => void this.resume(pending.id, this.openWindow())],
                  this.cancelAction(pending.id),
                ],
                `t-${p.id}`,
              )}
            </div>`
          : nothing
      }
    </li>`;
  }

  /** The payables as a list; `choose` adds checkboxes; `only` limits it to those ids. */
  private renderItems(choose: boolean, only?: readonly string[]): TemplateResult {
    return html`<ul class="items" part="items">
      ${this.payables.filter((p) => !only || only.includes(p.id)).map((p) => this.renderItem(p, choose))}
    </ul>`;
  }

  /** The buttons of a view: the primary one first, then the secondary ones. */
  private actions(primary: Action, ...secondary: Action[]): TemplateResult {
    return html`<div class="actions" part="actions">
      <button
        type="button"
        part="submit"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${primary[1]}
      >
        ${primary[0]}
      </button>
      ${this.buttons(secondary)}
    </div>`;
  }

  /** Secondary buttons; `about` is the id of what they act on (a bill's title), for screen readers. */
  private buttons(list: Action[], about?: string): TemplateResult[] {
    return list.map(
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
  }

  private cancelAction(id: string): Action {
    return [msg('Cancel and start again', { id: 'payment.cancel' }), () => void this.cancel(id)];
  }

  private renderSelect(): TemplateResult {
    const single = Boolean(this.itemId || this.item);
    const items = this.renderItems(!single);
    return html`
      ${this.notice ? html`<p class="box ok" part="notice">${this.notice}</p>` : nothing}
      ${
        single
          ? items
          : html`<fieldset
              aria-labelledby="heading"
              aria-describedby=${this.problem ? 'problem' : nothing}
            >
              ${items}
            </fieldset>`
      }
      <p class="total" part="total">${this.totalText()}</p>
      ${this.actions([this.continueText(), () => void this.toMethods()])}
    `;
  }

  private reopenText(): string {
    return msg('Reopen the payment page', { id: 'payment.reopen' });
  }

  private continueText(): string {
    return msg('Continue', { id: 'payment.continue' });
  }

  private backText(): string {
    return msg('Back', { id: 'payment.back' });
  }

  private renderMethods(): TemplateResult {
    return html`
      <p class="total" part="total">${this.totalText()}</p>
      <fieldset
        part="methods"
        aria-labelledby="heading"
        aria-describedby=${this.problem ? 'problem' : nothing}
      >
        ${(this.methods ?? []).map((m) => {
          const why = this.unusable(m);
          const fee = this.format.iqd(methodFee(m, this.amount));
          return html`<label class="choice method" part="method">
            <input
              type="radio"
              name="method"
              value=${m.id}
              .checked=${live(this.method === m.id)}
              ?disabled=${Boolean(why)}
              aria-describedby="why-${m.id}"
              @change=${() => {
                this.method = m.id;
                this.problem = null;
              }}
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
      </fieldset>
      <iq-phone-input
        .value=${this.phone}
        .externalError=${this.phoneError}
        .label=${msg('Mobile number for the receipt (optional)', { id: 'payment.phone.label' })}
        @input=${() => {
          this.phoneError = '';
          this.phone = this.phoneField?.value ?? '';
          this.normalizedPhone = this.phoneField?.normalizedValue ?? '';
        }}
      ></iq-phone-input>
      ${this.actions([this.continueText(), () => void this.toReview()], [this.backText(), () => this.go('select')])}
    `;
  }

  private renderReview(): TemplateResult {
    const method = this.chosenMethod;
    const amount = this.amount;
    const fee = method ? methodFee(method, amount) : 0;
    const total = this.format.iqd(amount + fee);
    const shown = method ? clean(method.name) : '';
    // Inside the sentence, a name of either direction (`Qi Card`, `كي كارد`) is isolated.
    const name = isolate(shown);
    return html`
      <div class="text" part="review">
        ${this.renderItems(false, this.selected)}
        ${rows([
          [label('amount'), this.format.iqd(amount)],
          [label('fee'), this.format.iqd(fee)],
          [label('total'), total, 'total'],
          [label('method'), html`<bdi>${shown}</bdi>`],
        ])}
        <p>
          ${msg(str`You will confirm the payment on the ${name} page, then come back here.`, {
            id: 'payment.next-step',
          })}
        </p>
      </div>
      ${this.actions(
        [
          this.busy
            ? msg('Please wait…', { id: 'payment.wait' })
            : msg(str`Confirm and pay ${total}`, { id: 'payment.confirm' }),
          () => this.confirm(),
        ],
        [
          this.backText(),
          () => {
            // Not confirmed after all: a reload shows the list (and any payment that exists).
            clearPending();
            this.go('method');
          },
        ],
      )}
    `;
  }

  private renderAwaiting(): TemplateResult {
    const total = this.format.iqd(this.payment?.total ?? 0);
    return html`
      <p>
        ${msg(str`Complete the payment of ${total} on the payment page that opened.`, {
          id: 'payment.awaiting',
        })}
      </p>
      ${this.actions(
        [msg('Check again', { id: 'payment.check' }), () => void this.check()],
        [this.reopenText(), () => this.reopen()],
        this.cancelAction(this.payment?.id ?? ''),
      )}
    `;
  }

  private renderPopupBlocked(): TemplateResult {
    return html`
      <p>${msg('Your browser blocked the payment window.', { id: 'payment.popup-blocked' })}</p>
      ${this.actions(
        [msg('Open the payment page', { id: 'payment.open' }), () => this.reopen()],
        [
          msg('Continue in this window', { id: 'payment.continue-here' }),
          () => this.continueHere(),
        ],
      )}
    `;
  }

  private renderReceipt(r: Receipt): TemplateResult {
    return html`
      ${receiptTemplate(r, this.format, clean(this.methods?.find((m) => m.id === r.method)?.name ?? r.method))}
      ${this.actions(
        [msg('Print the receipt', { id: 'payment.print' }), () => window.print()],
        [msg('Save the receipt', { id: 'payment.save' }), () => download(r, this.receiptText())],
      )}
    `;
  }

  private renderFailure(payment: Payment): TemplateResult {
    return html`
      <div class="box" part="failure" data-reason=${this.reason(payment)}>
        <p class="what">${this.failure(payment)}</p>
        <p>${msg('The bills are still unpaid.', { id: 'payment.failure.unpaid' })}</p>
      </div>
      ${this.actions(
        [msg('Try again', { id: 'payment.retry' }), () => void this.again(false)],
        [msg('Choose another method', { id: 'payment.other-method' }), () => void this.again(true)],
      )}
    `;
  }

  private renderView(): unknown {
    switch (this.view) {
      case 'loading':
      case 'checking':
        return html`<div part="skeleton" aria-hidden="true">
          <div class="bone"></div>
          <div class="bone"></div>
        </div>`;
      case 'select':
        return this.renderSelect();
      case 'paid':
      case 'in-progress':
        return this.renderItems(false);
      case 'method':
        return this.renderMethods();
      case 'review':
        return this.renderReview();
      case 'popup-blocked':
        return this.renderPopupBlocked();
      case 'awaiting':
        return this.renderAwaiting();
      case 'receipt':
        return this.receipt && this.renderReceipt(this.receipt);
      case 'failure':
        return this.payment && this.renderFailure(this.payment);
    }
    return nothing;
  }

  protected override render(): TemplateResult {
    return html`
      <section aria-labelledby="heading" data-view=${this.view}>
        <h2 id="heading" part="heading" tabindex="-1">${this.heading()}</h2>
        ${this.renderProblem()} ${this.renderView()}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-payment-form': IqPaymentForm;
  }
}
