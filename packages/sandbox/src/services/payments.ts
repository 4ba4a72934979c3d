import { SANDBOX_OTP, type Citizen } from '../data/citizens.js';
import {
  PAYMENT_TTL_MINUTES,
  maskedAccountFor,
  methodFee,
  type FailureReason,
  type IssuerRecord,
  type PayableRecord,
  type PaymentMethodId,
  type PaymentRecord,
  type PaymentStatus,
  type PaymentsState,
} from '../data/payments.js';
import { fieldError } from '../messages.js';
import type { SandboxState } from '../state.js';
import type { ExtraRoute, FieldError, Lang, OperationContext, ServiceModule } from '../types.js';
import { processMac, randomId } from '../secrets.js';
import { BodyTooLarge } from '../body-limit.js';
import {
  GATEWAY_CSS,
  GATEWAY_ICON,
  GATEWAY_ICON_FILE,
  needsOtp,
  outcomesFor,
  renderDecidedPage,
  renderGatewayPage,
  renderNotFoundPage,
  pageLanguage,
  type GatewayOutcome,
  type GatewayPageError,
} from './gateway-pages.js';

/**
 * The secret the simulated gateways share with the service. Notifications carry
 * `X-Gateway-Signature: hex(HMAC-SHA256(secret, raw body))`; the return signatures are HMACs with
 * it too. A sandbox value, published on purpose so that tests can play the gateway; the hosted
 * pages' session tokens do not use it.
 */
export const GATEWAY_NOTIFICATION_SECRET = 'iq-eservices-sandbox-gateway-secret';

/** Where the hosted pages' stylesheet is served (outside `/gateway/:method/:paymentId`). */
export const GATEWAY_STYLESHEET_PATH = '/gateway-assets/gateway.css';

const METHOD_IDS: readonly PaymentMethodId[] = ['qi-card', 'zaincash', 'fib'];

// ---- crypto -----------------------------------------------------------------------------------

const encoder = new TextEncoder();
let hmacKey: Promise<CryptoKey> | null = null;

/** Hex HMAC-SHA256 with the gateway secret (Web Crypto: the same code runs in Node and browsers). */
export async function signGatewayPayload(payload: string): Promise<string> {
  hmacKey ??= crypto.subtle.importKey(
    'raw',
    encoder.encode(GATEWAY_NOTIFICATION_SECRET),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', await hmacKey, encoder.encode(payload));
  return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two strings in time independent of where they differ. */
function sameSecret(given: string, expected: string): boolean {
  if (given.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < given.length; i += 1) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return diff === 0;
}

/**
 * The token that opens a payment's hosted page; without it the page answers 404. An HMAC with the
 * process secret: no one else can compute it, and it changes when the sandbox restarts (the
 * payment's `redirectUrl`, read again, carries the new one).
 */
function gatewaySession(paymentId: string): Promise<string> {
  return processMac(`gateway-session:${paymentId}`);
}

// ---- ledger -----------------------------------------------------------------------------------

function slice(state: SandboxState): PaymentsState {
  return state.payments;
}

/**
 * Marks payments still awaiting past `expiresAt` as expired (`timed-out`). Run before every read
 * and write, so an expired payment reads as expired and frees its payables, by the sandbox clock.
 */
function settleExpired(state: SandboxState, now: Date): void {
  for (const list of Object.values(slice(state).payments)) {
    for (const payment of list) {
      if (
        payment.status === 'awaiting-confirmation' &&
        Date.parse(payment.expiresAt) <= now.getTime()
      ) {
        payment.status = 'expired';
        payment.failureReason = 'timed-out';
        payment.decidedAt = payment.expiresAt;
      }
    }
  }
}

function findPayment(state: SandboxState, paymentId: string): PaymentRecord | null {
  for (const list of Object.values(slice(state).payments)) {
    const found = list.find((p) => p.id === paymentId);
    if (found) return found;
  }
  return null;
}

function citizenPayments(state: SandboxState, citizenId: string): PaymentRecord[] {
  const payments = slice(state).payments;
  payments[citizenId] ??= [];
  return payments[citizenId];
}

function issuerOf(state: SandboxState, code: string): IssuerRecord {
  return slice(state).issuers[code] ?? { code, name: { ar: code, ckb: code, en: code } };
}

/** `YYYY-MM-DD` in Baghdad (UTC+3 all year), the day by which dues are counted. */
function baghdadDate(now: Date): string {
  return new Date(now.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

/** The citizen's payment awaiting the gateway for this payable, if any (at most one). */
function pendingFor(
  state: SandboxState,
  citizenId: string,
  payableId: string,
): PaymentRecord | undefined {
  return citizenPayments(state, citizenId).find(
    (p) => p.status === 'awaiting-confirmation' && p.payableIds.includes(payableId),
  );
}

function inFlight(state: SandboxState, citizenId: string, payableId: string): boolean {
  return pendingFor(state, citizenId, payableId) !== undefined;
}

/** The outcome of a gateway decision, as the payment records it. */
interface Decision {
  status: Exclude<PaymentStatus, 'awaiting-confirmation'>;
  failureReason: FailureReason | null;
}

const OUTCOME_DECISIONS: Record<GatewayOutcome, Decision> = {
  approve: { status: 'succeeded', failureReason: null },
  decline: { status: 'failed', failureReason: 'declined' },
  'insufficient-funds': { status: 'failed', failureReason: 'insufficient-funds' },
  'expired-card': { status: 'failed', failureReason: 'expired-card' },
  '3ds-failed': { status: 'failed', failureReason: '3ds-failed' },
  cancel: { status: 'cancelled', failureReason: 'cancelled' },
  timeout: { status: 'expired', failureReason: 'timed-out' },
};

/** The gateway's result as it reports it to the browser and in notifications. */
function gatewayResult(decision: Decision): 'succeeded' | 'failed' | 'cancelled' {
  if (decision.status === 'succeeded') return 'succeeded';
  if (decision.status === 'cancelled') return 'cancelled';
  return 'failed';
}

/**
 * Records a gateway's decision. A payment decides once: a decided (or expired) payment is left
 * as it is and `false` is returned. Success marks the payables paid and writes the one receipt.
 */
function decide(
  state: SandboxState,
  payment: PaymentRecord,
  decision: Decision,
  at: Date,
  gatewayReference: string,
  nextReference: (prefix: string) => string,
): boolean {
  if (payment.status !== 'awaiting-confirmation') return false;
  const decidedAt = at.toISOString();
  payment.status = decision.status;
  payment.failureReason = decision.failureReason;
  payment.gatewayReference = gatewayReference;
  payment.decidedAt = decidedAt;
  if (decision.status !== 'succeeded') return true;

  const data = slice(state);
  const referenceNumber = nextReference('PAY');
  payment.referenceNumber = referenceNumber;
  const payables = data.payables[payment.citizenId] ?? [];
  const items = payment.payableIds.map((id) => {
    const payable = payables.find((p) => p.id === id);
    if (!payable) throw new Error(`payment ${payment.id} names an unknown payable`);
    payable.paidAt = decidedAt;
    payable.paymentId = payment.id;
    return {
      payableId: payable.id,
      title: { ...payable.title },
      amount: payable.amount,
      issuer: structuredClone(issuerOf(state, payable.issuerCode)),
    };
  });
  const citizen = state.citizens.find((c) => c.id === payment.citizenId);
  const accounts = data.accounts[payment.citizenId] ?? {
    qiCardLast4: '0000',
    fibAccountLast4: '0000',
  };
  data.receipts[payment.id] = {
    referenceNumber,
    paymentId: payment.id,
    citizenId: payment.citizenId,
    amount: payment.amount,
    fee: payment.fee,
    total: payment.total,
    paidAt: decidedAt,
    method: payment.method,
    maskedAccount: citizen ? maskedAccountFor(payment.method, citizen, accounts) : '****',
    items,
  };
  return true;
}

// ---- views ------------------------------------------------------------------------------------

function payableView(
  state: SandboxState,
  citizenId: string,
  payable: PayableRecord,
  lang: Lang,
  now: Date,
) {
  const pending = payable.paidAt ? undefined : pendingFor(state, citizenId, payable.id);
  const status = payable.paidAt ? 'paid' : pending ? 'processing' : 'unpaid';
  const issuer = issuerOf(state, payable.issuerCode);
  return {
    id: payable.id,
    kind: payable.kind,
    title: payable.title[lang],
    issuer: { code: issuer.code, name: issuer.name[lang] },
    amount: payable.amount,
    dueDate: payable.dueDate,
    status,
    overdue: status !== 'paid' && payable.dueDate < baghdadDate(now),
    payableTogether: payable.payableTogether,
    paidAt: payable.paidAt,
    pendingPayment: pending
      ? {
          id: pending.id,
          method: pending.method,
          total: pending.total,
          expiresAt: pending.expiresAt,
        }
      : null,
  };
}

/** The hosted page, in the language the payment was created in (`createPayment`'s `Accept-Language`). */
function redirectUrlOf(publicUrl: string, payment: PaymentRecord, session: string): string {
  const url = new URL(`${publicUrl.replace(/\/+$/, '')}/gateway/${payment.method}/${payment.id}`);
  url.searchParams.set('session', session);
  url.searchParams.set('lang', payment.lang ?? 'ar');
  return url.href;
}

async function paymentView(ctx: OperationContext, payment: PaymentRecord) {
  return {
    id: payment.id,
    status: payment.status,
    payableIds: [...payment.payableIds],
    method: payment.method,
    amount: payment.amount,
    fee: payment.fee,
    total: payment.total,
    currency: 'IQD',
    createdAt: payment.createdAt,
    expiresAt: payment.expiresAt,
    redirectUrl: redirectUrlOf(ctx.publicUrl, payment, await gatewaySession(payment.id)),
    failureReason: payment.failureReason,
    referenceNumber: payment.referenceNumber,
  };
}

const LOCALES: Record<Lang, string> = { ar: 'ar-IQ', ckb: 'ckb-IQ', en: 'en-IQ' };

function rangeDetail(lang: Lang, min: number, max: number): string {
  const f = new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'IQD',
    maximumFractionDigits: 0,
  });
  const [a, b] = [f.format(min), f.format(max)];
  if (lang === 'ar') return `يجب أن يكون المبلغ بهذه الطريقة بين ${a} و${b}`;
  if (lang === 'ckb') return `بەم ڕێگایە بڕەکە دەبێت لە نێوان ${a} و ${b} بێت`;
  return `With this method the amount must be between ${a} and ${b}`;
}

/**
 * Whether the browser may be sent back to `raw`: http(s) only, no credentials, and on an allowed
 * origin or on localhost / 127.0.0.1. Anything else would make the service an open redirect.
 */
function returnUrlAllowed(raw: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return true;
  return allowedOrigins.includes(url.origin);
}

// ---- handlers ---------------------------------------------------------------------------------

interface PaymentRequestBody {
  payableIds: string[];
  method: PaymentMethodId;
  receiptPhone?: string;
  returnUrl: string;
}

interface NotificationBody {
  paymentId: string;
  gateway: PaymentMethodId;
  result: 'succeeded' | 'failed' | 'cancelled';
  failureReason?: FailureReason;
  gatewayReference: string;
  occurredAt: string;
}

function signedIn(ctx: OperationContext): Citizen | null {
  settleExpired(ctx.state, ctx.now);
  return ctx.citizen;
}

function listPayables(ctx: OperationContext): Response {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const filter = ctx.query['status'] as 'unpaid' | 'paid' | undefined;
  const views = (slice(ctx.state).payables[citizen.id] ?? [])
    .map((p) => payableView(ctx.state, citizen.id, p, ctx.lang, ctx.now))
    .filter((v) => !filter || (filter === 'paid' ? v.status === 'paid' : v.status !== 'paid'));
  // Unpaid first, the longest overdue on top; then paid, the most recent first.
  views.sort((a, b) => {
    const aPaid = a.status === 'paid';
    const bPaid = b.status === 'paid';
    if (aPaid !== bPaid) return aPaid ? 1 : -1;
    if (aPaid) return (b.paidAt ?? '').localeCompare(a.paidAt ?? '');
    return a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id);
  });
  return ctx.json(200, { items: views });
}

function getPayable(ctx: OperationContext): Response {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const payable = (slice(ctx.state).payables[citizen.id] ?? []).find(
    (p) => p.id === ctx.path['payableId'],
  );
  if (!payable) return ctx.problem(404, 'not-found');
  return ctx.json(200, payableView(ctx.state, citizen.id, payable, ctx.lang, ctx.now));
}

function listPaymentMethods(ctx: OperationContext): Response {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const items = slice(ctx.state).methods.map((m) => ({
    id: m.id,
    name: m.name[ctx.lang],
    kind: m.kind,
    minAmount: m.minAmount,
    maxAmount: m.maxAmount,
    fee: { ...m.fee },
    available: m.available,
    unavailableReason: m.available ? null : m.unavailableReason,
  }));
  return ctx.json(200, { items });
}

async function createPayment(ctx: OperationContext): Promise<Response> {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const key = ctx.headers.get('idempotency-key') ?? '';
  return ctx.idempotent(key, async () => {
    const body = ctx.body as PaymentRequestBody;
    const data = slice(ctx.state);
    if (!returnUrlAllowed(body.returnUrl, ctx.allowedOrigins)) {
      return ctx.problem(422, 'validation.failed', {
        errors: [fieldError('/body/returnUrl', 'origin-not-allowed', ctx.lang)],
      });
    }
    const owned = data.payables[citizen.id] ?? [];
    const payables: PayableRecord[] = [];
    const missing: FieldError[] = [];
    body.payableIds.forEach((id, i) => {
      const payable = owned.find((p) => p.id === id);
      if (payable) payables.push(payable);
      else missing.push(fieldError(`/body/payableIds/${i}`, 'payable-not-found', ctx.lang));
    });
    if (missing.length > 0)
      return ctx.problem(422, 'payment.payable-not-found', { errors: missing });

    const taken: FieldError[] = [];
    payables.forEach((payable, i) => {
      if (payable.paidAt) taken.push(fieldError(`/body/payableIds/${i}`, 'already-paid', ctx.lang));
      else if (inFlight(ctx.state, citizen.id, payable.id)) {
        taken.push(fieldError(`/body/payableIds/${i}`, 'payment-in-progress', ctx.lang));
      }
    });
    if (taken.length > 0)
      return ctx.problem(409, 'payment.payable-already-paid', { errors: taken });

    if (payables.length > 1) {
      const alone = payables.flatMap((p, i) =>
        p.payableTogether
          ? []
          : [fieldError(`/body/payableIds/${i}`, 'not-payable-together', ctx.lang)],
      );
      if (alone.length > 0) return ctx.problem(422, 'validation.failed', { errors: alone });
    }

    const method = data.methods.find((m) => m.id === body.method);
    if (!method || !method.available) {
      return ctx.problem(422, 'payment.method-unavailable', {
        errors: [fieldError('/body/method', 'unavailable', ctx.lang)],
      });
    }
    const amount = payables.reduce((sum, p) => sum + p.amount, 0);
    if (amount < method.minAmount || amount > method.maxAmount) {
      return ctx.problem(422, 'payment.amount-out-of-range', {
        errors: [
          {
            pointer: '/body/method',
            code: 'amount-out-of-range',
            detail: rangeDetail(ctx.lang, method.minAmount, method.maxAmount),
          },
        ],
      });
    }

    const fee = methodFee(method, amount);
    const payment: PaymentRecord = {
      // Random: `returnFromGateway` answers without a session, so ids must not be guessable.
      id: randomId('pay'),
      citizenId: citizen.id,
      status: 'awaiting-confirmation',
      payableIds: payables.map((p) => p.id),
      method: method.id,
      amount,
      fee,
      total: amount + fee,
      createdAt: ctx.now.toISOString(),
      expiresAt: new Date(ctx.now.getTime() + PAYMENT_TTL_MINUTES * 60_000).toISOString(),
      returnUrl: body.returnUrl,
      lang: ctx.lang,
      receiptPhone: body.receiptPhone ?? null,
      failureReason: null,
      referenceNumber: null,
      gatewayReference: null,
      decidedAt: null,
    };
    citizenPayments(ctx.state, citizen.id).push(payment);
    return ctx.json(201, await paymentView(ctx, payment));
  });
}

function ownPayment(ctx: OperationContext, citizen: Citizen): PaymentRecord | null {
  const payment = findPayment(ctx.state, ctx.path['paymentId'] ?? '');
  return payment && payment.citizenId === citizen.id ? payment : null;
}

async function getPayment(ctx: OperationContext): Promise<Response> {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const payment = ownPayment(ctx, citizen);
  if (!payment) return ctx.problem(404, 'not-found');
  return ctx.json(200, await paymentView(ctx, payment));
}

function getPaymentReceipt(ctx: OperationContext): Response {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const payment = ownPayment(ctx, citizen);
  if (!payment) return ctx.problem(404, 'not-found');
  const receipt = slice(ctx.state).receipts[payment.id];
  if (payment.status !== 'succeeded' || !receipt) return ctx.problem(409, 'payment.not-completed');
  return ctx.json(200, {
    referenceNumber: receipt.referenceNumber,
    paymentId: receipt.paymentId,
    amount: receipt.amount,
    fee: receipt.fee,
    total: receipt.total,
    paidAt: receipt.paidAt,
    method: receipt.method,
    maskedAccount: receipt.maskedAccount,
    items: receipt.items.map((item) => ({
      payableId: item.payableId,
      title: item.title[ctx.lang],
      amount: item.amount,
      issuer: { code: item.issuer.code, name: item.issuer.name[ctx.lang] },
    })),
  });
}

/**
 * Cancels a payment still awaiting the gateway (as Stripe cancels a PaymentIntent): its payables
 * are payable again at once, and its hosted page shows it decided, so it can no longer be
 * completed. The sandbox's gateways decide at once when the citizen acts, so a payment awaiting
 * confirmation has never been authorised; a real service voids the gateway's session first and
 * answers 409 if the gateway has already authorised it. Cancelling a cancelled payment answers it
 * again (idempotent); a decided one is 409 `payment.not-cancellable`.
 */
async function cancelPayment(ctx: OperationContext): Promise<Response> {
  const citizen = signedIn(ctx);
  if (!citizen) return ctx.problem(401, 'auth.required');
  const payment = ownPayment(ctx, citizen);
  if (!payment) return ctx.problem(404, 'not-found');
  if (payment.status === 'awaiting-confirmation') {
    payment.status = 'cancelled';
    payment.failureReason = 'cancelled';
    payment.decidedAt = ctx.now.toISOString();
  } else if (payment.status !== 'cancelled') {
    return ctx.problem(409, 'payment.not-cancellable');
  }
  return ctx.json(200, await paymentView(ctx, payment));
}

/** The payment's return URL with `payment=<id>` in its query. */
function finishUrl(payment: PaymentRecord): string {
  const url = new URL(payment.returnUrl);
  url.searchParams.set('payment', payment.id);
  return url.href;
}

/**
 * The browser's way back. `result` and `signature` in the query are deliberately ignored: the
 * outcome is what the service recorded from the gateway, and the client asks `getPayment`.
 */
function returnFromGateway(ctx: OperationContext): Response {
  settleExpired(ctx.state, ctx.now);
  const payment = findPayment(ctx.state, ctx.path['paymentId'] ?? '');
  if (!payment) return ctx.problem(404, 'not-found');
  return ctx.redirect(finishUrl(payment), 303);
}

async function receiveGatewayNotification(ctx: OperationContext): Promise<Response> {
  const given = (ctx.headers.get('x-gateway-signature') ?? '').trim().toLowerCase();
  const expected = await signGatewayPayload(ctx.rawBody);
  if (!sameSecret(given, expected)) return ctx.problem(401, 'payment.signature-invalid');

  settleExpired(ctx.state, ctx.now);
  const body = ctx.body as NotificationBody;
  const payment = findPayment(ctx.state, body.paymentId);
  if (!payment) return ctx.problem(404, 'not-found');
  if (payment.method !== body.gateway) {
    return ctx.problem(422, 'validation.failed', {
      errors: [fieldError('/body/gateway', 'gateway-mismatch', ctx.lang)],
    });
  }
  let decision: Decision;
  if (body.result === 'succeeded') decision = OUTCOME_DECISIONS.approve;
  else if (body.result === 'cancelled') decision = OUTCOME_DECISIONS.cancel;
  else if (body.failureReason === 'timed-out') decision = OUTCOME_DECISIONS.timeout;
  else decision = { status: 'failed', failureReason: body.failureReason ?? 'declined' };
  // Already decided (a repeat, or a late report after expiry): acknowledged, nothing changes.
  decide(ctx.state, payment, decision, ctx.now, body.gatewayReference, ctx.nextReference);
  return ctx.noContent();
}

// ---- hosted gateway pages (outside the contracts) ---------------------------------------------

type ExtraContext = Parameters<ExtraRoute['handler']>[0];

/**
 * A hosted page's headers. Plain forms and one stylesheet: nothing else may load, and no one may
 * frame the page. `form-action` lists where its forms may take the browser: the page's own form
 * handler, and the origin of the client's `returnUrl`, where the answer's redirects end (CSP 2
 * applied `form-action` to a submission's redirects, and browsers that still do would otherwise
 * stop the citizen's way back; Chromium 156 does not). A page without a form allows none.
 */
function pageHeaders(formTargets: readonly string[], lang: Lang): Record<string, string> {
  const origins = [...new Set(formTargets.map((url) => new URL(url).origin))];
  return {
    'Content-Language': lang,
    'Content-Security-Policy':
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; " +
      `form-action ${origins.length ? origins.join(' ') : "'none'"}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function base(ctx: ExtraContext): string {
  return ctx.publicUrl.replace(/\/+$/, '');
}

/** The payment a hosted page is for, if the link names it with its method and session token. */
async function pagePayment(
  ctx: ExtraContext,
  session: string | undefined,
): Promise<PaymentRecord | null> {
  const method = ctx.path['method'] ?? '';
  const payment = findPayment(ctx.state, ctx.path['paymentId'] ?? '');
  if (!payment || payment.method !== method || !METHOD_IDS.includes(method as PaymentMethodId))
    return null;
  if (!sameSecret(session ?? '', await gatewaySession(payment.id))) return null;
  return payment;
}

/** The page's language: `?lang=` (on the page's link and its forms), else `Accept-Language`. */
function langOf(ctx: ExtraContext): Lang {
  return pageLanguage(ctx.query['lang'], ctx.lang);
}

function notFoundPage(ctx: ExtraContext): Response {
  const lang = langOf(ctx);
  return ctx.html(
    404,
    renderNotFoundPage(lang, base(ctx) + GATEWAY_STYLESHEET_PATH),
    pageHeaders([], lang),
  );
}

function decidedPage(ctx: ExtraContext, payment: PaymentRecord): Response {
  const lang = langOf(ctx);
  return ctx.html(
    200,
    renderDecidedPage({
      lang,
      method: payment.method,
      paymentId: payment.id,
      status: payment.status,
      returnUrl: `${base(ctx)}/payments/v1/payments/${payment.id}/return`,
      stylesheetUrl: base(ctx) + GATEWAY_STYLESHEET_PATH,
    }),
    pageHeaders([], lang),
  );
}

async function gatewayPage(
  ctx: ExtraContext,
  payment: PaymentRecord,
  status: number,
  error?: GatewayPageError,
) {
  const lang = langOf(ctx);
  const data = slice(ctx.state);
  const payables = data.payables[payment.citizenId] ?? [];
  const citizen = ctx.state.citizens.find((c) => c.id === payment.citizenId);
  const accounts = data.accounts[payment.citizenId] ?? {
    qiCardLast4: '0000',
    fibAccountLast4: '0000',
  };
  const session = await gatewaySession(payment.id);
  const action = new URL(`${base(ctx)}/gateway/${payment.method}/${payment.id}`);
  action.searchParams.set('lang', lang);
  const actionUrl = action.href;
  const html = renderGatewayPage({
    lang,
    method: payment.method,
    paymentId: payment.id,
    actionUrl,
    stylesheetUrl: base(ctx) + GATEWAY_STYLESHEET_PATH,
    session,
    items: payment.payableIds.map((id) => {
      const payable = payables.find((p) => p.id === id);
      return {
        title: payable?.title[lang] ?? id,
        issuer: payable ? issuerOf(ctx.state, payable.issuerCode).name[lang] : '',
        amount: payable?.amount ?? 0,
      };
    }),
    amount: payment.amount,
    fee: payment.fee,
    total: payment.total,
    maskedAccount: citizen ? maskedAccountFor(payment.method, citizen, accounts) : '****',
    expiresAt: payment.expiresAt,
    sandboxOtp: SANDBOX_OTP,
    ...(error ? { error } : {}),
  });
  return ctx.html(status, html, pageHeaders([actionUrl, payment.returnUrl], lang));
}

/** Digits typed in Arabic-Indic or Extended Arabic-Indic script, as ASCII. */
function asciiDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

async function showGatewayPage(ctx: ExtraContext): Promise<Response> {
  settleExpired(ctx.state, ctx.now);
  const payment = await pagePayment(ctx, ctx.query['session']);
  if (!payment) return notFoundPage(ctx);
  if (payment.status !== 'awaiting-confirmation') return decidedPage(ctx, payment);
  return gatewayPage(ctx, payment, 200);
}

/**
 * Records the citizen's choice at the hosted page as the gateway's notification would, then sends
 * the browser back through `returnFromGateway` with the gateway's signed result. A payment that
 * is already decided keeps its outcome; the browser is sent back all the same.
 */
async function submitGatewayPage(ctx: ExtraContext): Promise<Response> {
  settleExpired(ctx.state, ctx.now);
  let form: Record<string, string>;
  try {
    form = await ctx.form();
  } catch (error) {
    // Over the body limit: the sandbox answers 413 (and closes the connection).
    if (error instanceof BodyTooLarge) throw error;
    return notFoundPage(ctx);
  }
  const payment = await pagePayment(ctx, form['session']);
  if (!payment) return notFoundPage(ctx);
  if (payment.status === 'awaiting-confirmation') {
    const outcome = form['outcome'] as GatewayOutcome | undefined;
    if (!outcome || !outcomesFor(payment.method).includes(outcome)) {
      return gatewayPage(ctx, payment, 422, 'choose-outcome');
    }
    if (
      needsOtp(payment.method, outcome) &&
      asciiDigits((form['otp'] ?? '').trim()) !== SANDBOX_OTP
    ) {
      return gatewayPage(ctx, payment, 422, 'wrong-code');
    }
    const reference = `${payment.method === 'qi-card' ? 'QI' : payment.method === 'zaincash' ? 'ZC' : 'FIB'}-${payment.id.slice(4, 16).toUpperCase()}`;
    decide(ctx.state, payment, OUTCOME_DECISIONS[outcome], ctx.now, reference, ctx.nextReference);
  }
  if (payment.status === 'awaiting-confirmation') return gatewayPage(ctx, payment, 422);
  const result = gatewayResult({ status: payment.status, failureReason: payment.failureReason });
  const signature = await signGatewayPayload(`return:${payment.id}:${result}`);
  const back = new URL(`${base(ctx)}/payments/v1/payments/${payment.id}/return`);
  back.searchParams.set('result', result);
  back.searchParams.set('signature', signature);
  return ctx.redirect(back.href, 303);
}

const gatewayRoutes: ExtraRoute[] = [
  {
    method: 'GET',
    path: GATEWAY_STYLESHEET_PATH,
    handler: () =>
      new Response(GATEWAY_CSS, {
        status: 200,
        headers: { 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
      }),
  },
  {
    method: 'GET',
    path: GATEWAY_STYLESHEET_PATH.replace(/[^/]+$/, GATEWAY_ICON_FILE),
    handler: () =>
      new Response(GATEWAY_ICON, {
        status: 200,
        headers: { 'Content-Type': 'image/svg+xml', 'X-Content-Type-Options': 'nosniff' },
      }),
  },
  { method: 'GET', path: '/gateway/:method/:paymentId', handler: showGatewayPage },
  { method: 'POST', path: '/gateway/:method/:paymentId', handler: submitGatewayPage },
];

/**
 * Electronic payment of fees and bills: payables, methods, payments through the simulated Qi Card,
 * ZainCash and FIB gateways (hosted pages in {@link gatewayRoutes}), signed notifications and receipts.
 */
export const paymentsService: ServiceModule = {
  name: 'payments',
  handlers: {
    listPayables,
    getPayable,
    listPaymentMethods,
    createPayment,
    getPayment,
    cancelPayment,
    returnFromGateway,
    receiveGatewayNotification,
    getPaymentReceipt,
  },
  extraRoutes: gatewayRoutes,
};
