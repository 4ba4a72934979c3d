import type { PaymentMethodId, PaymentStatus } from '../data/payments.js';

/**
 * The hosted pages of the simulated gateways (Qi Card 3-D Secure, ZainCash wallet code, FIB app
 * approval). Plain HTML forms: no script, no inline style, no `<style>` element, so they render
 * under `default-src 'none'; style-src 'self'`. Every interpolated value goes through
 * {@link escapeHtml}. The pages are in Arabic, as the gateways' own pages are.
 */

/** What the citizen can make the simulated gateway do. */
export type GatewayOutcome =
  | 'approve'
  | 'decline'
  | 'insufficient-funds'
  | 'expired-card'
  | '3ds-failed'
  | 'cancel'
  | 'timeout';

/** Every outcome, in the order the buttons appear. */
export const GATEWAY_OUTCOMES: readonly GatewayOutcome[] = [
  'approve',
  'decline',
  'insufficient-funds',
  'expired-card',
  '3ds-failed',
  'cancel',
  'timeout',
];

/** The outcomes each gateway can produce: a wallet or app has no card to expire and no 3-D Secure. */
export function outcomesFor(method: PaymentMethodId): readonly GatewayOutcome[] {
  if (method === 'qi-card') return GATEWAY_OUTCOMES;
  return GATEWAY_OUTCOMES.filter((o) => o !== 'expired-card' && o !== '3ds-failed');
}

/** True when the outcome needs the one-time code (approving at a card's or wallet's page). */
export function needsOtp(method: PaymentMethodId, outcome: GatewayOutcome): boolean {
  return outcome === 'approve' && method !== 'fib';
}

/** Escapes a value for HTML text and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const GATEWAY_NAMES: Record<PaymentMethodId, string> = {
  'qi-card': 'كي كارد',
  zaincash: 'زين كاش',
  fib: 'مصرف العراق الأول (FIB)',
};

// Latin names inside Arabic text are isolated (U+2066 … U+2069) so that "3-D" keeps its order.
const HEADINGS: Record<PaymentMethodId, string> = {
  'qi-card': 'التحقق الآمن من البطاقة (\u20663-D Secure\u2069)',
  zaincash: 'تأكيد الدفع من محفظة زين كاش',
  fib: 'وافق على الدفع في تطبيق FIB',
};

const ACCOUNT_LABELS: Record<PaymentMethodId, string> = {
  'qi-card': 'البطاقة',
  zaincash: 'رقم المحفظة',
  fib: 'الحساب',
};

const OTP_LABELS: Record<PaymentMethodId, string> = {
  'qi-card': 'رمز التحقق المرسل إلى هاتفك المسجل لدى كي كارد',
  zaincash: 'رمز التحقق المرسل إلى رقم محفظتك',
  fib: '',
};

const OUTCOME_LABELS: Record<GatewayOutcome, string> = {
  approve: 'تأكيد الدفع',
  decline: 'رفض العملية من المصرف',
  'insufficient-funds': 'رصيد غير كافٍ',
  'expired-card': 'البطاقة منتهية الصلاحية',
  '3ds-failed': 'فشل التحقق الآمن (\u20663-D Secure\u2069)',
  cancel: 'إلغاء الدفع',
  timeout: 'ترك العملية حتى انتهاء المهلة',
};

const STATUS_LABELS: Record<PaymentStatus, string> = {
  'awaiting-confirmation': 'بانتظار التأكيد',
  succeeded: 'تم الدفع بنجاح',
  failed: 'لم يتم الدفع',
  cancelled: 'تم إلغاء الدفع',
  expired: 'انتهت مهلة الدفع',
};

/** One line of the payment summary. */
export interface GatewayPageItem {
  title: string;
  issuer: string;
  amount: number;
}

/** What a gateway page shows. */
export interface GatewayPageModel {
  method: PaymentMethodId;
  paymentId: string;
  /** Absolute URL the forms post to. */
  actionUrl: string;
  stylesheetUrl: string;
  /** The unguessable token of this payment's gateway session, posted back with every form. */
  session: string;
  items: GatewayPageItem[];
  amount: number;
  fee: number;
  total: number;
  maskedAccount: string;
  expiresAt: string;
  /** The sandbox's one-time code, shown because this is a sandbox. */
  sandboxOtp: string;
  /** An error to show above the form (a wrong code). */
  error?: string;
}

const money = new Intl.NumberFormat('ar-IQ', {
  style: 'currency',
  currency: 'IQD',
  maximumFractionDigits: 0,
});
const time = new Intl.DateTimeFormat('ar-IQ', {
  hour: 'numeric',
  minute: '2-digit',
  timeZone: 'Asia/Baghdad',
});

function layout(title: string, stylesheetUrl: string, body: string): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetUrl)}">
</head>
<body>
<p class="sandbox-banner" role="note">بيئة تجريبية: لا تُخصم أي أموال حقيقية.</p>
${body}
</body>
</html>
`;
}

/** The gateway's hosted page for a payment awaiting confirmation. */
export function renderGatewayPage(model: GatewayPageModel): string {
  const { method } = model;
  const e = escapeHtml;
  const items = model.items
    .map(
      (item) =>
        `<li><span class="item-title">${e(item.title)}</span> <span class="item-issuer">${e(item.issuer)}</span> <bdi class="amount">${e(money.format(item.amount))}</bdi></li>`,
    )
    .join('\n');
  const outcomes = outcomesFor(method);
  const hidden = `<input type="hidden" name="session" value="${e(model.session)}">`;
  const approve = needsOtp(method, 'approve')
    ? `<form method="post" action="${e(model.actionUrl)}" class="approve">
${hidden}
<label for="otp">${e(OTP_LABELS[method])}</label>
<p id="otp-hint" class="hint">في البيئة التجريبية الرمز هو <bdi dir="ltr">${e(model.sandboxOtp)}</bdi>.</p>
${model.error ? `<p id="otp-error" class="error" role="alert">${e(model.error)}</p>` : ''}
<input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" dir="ltr" aria-describedby="otp-hint${model.error ? ' otp-error' : ''}"${model.error ? ' aria-invalid="true"' : ''}>
<button type="submit" name="outcome" value="approve">${e(OUTCOME_LABELS.approve)}</button>
</form>`
    : `<form method="post" action="${e(model.actionUrl)}" class="approve">
${hidden}
<p>افتح تطبيق FIB على هاتفك ووافق على طلب الدفع، ثم اضغط الزر أدناه.</p>
<button type="submit" name="outcome" value="approve">تمت الموافقة في التطبيق</button>
</form>`;
  const others = outcomes
    .filter((o) => o !== 'approve')
    .map(
      (o) =>
        `<button type="submit" name="outcome" value="${e(o)}">${e(OUTCOME_LABELS[o])}</button>`,
    )
    .join('\n');
  const body = `<header>
<p class="gateway-name">${e(GATEWAY_NAMES[method])}</p>
<h1>${e(HEADINGS[method])}</h1>
</header>
<main>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">تفاصيل الدفع</h2>
<ul class="items">
${items}
</ul>
<dl>
<dt>المبلغ</dt><dd><bdi>${e(money.format(model.amount))}</bdi></dd>
<dt>عمولة الدفع</dt><dd><bdi>${e(money.format(model.fee))}</bdi></dd>
<dt>المجموع</dt><dd><strong><bdi>${e(money.format(model.total))}</bdi></strong></dd>
<dt>${e(ACCOUNT_LABELS[method])}</dt><dd><bdi dir="ltr">${e(model.maskedAccount)}</bdi></dd>
<dt>رقم العملية</dt><dd><bdi dir="ltr">${e(model.paymentId)}</bdi></dd>
<dt>تنتهي المهلة عند</dt><dd><time datetime="${e(model.expiresAt)}">${e(time.format(new Date(model.expiresAt)))}</time></dd>
</dl>
</section>
${approve}
<form method="post" action="${e(model.actionUrl)}" class="simulate">
${hidden}
<fieldset>
<legend>محاكاة نتيجة أخرى</legend>
${others}
</fieldset>
</form>
</main>`;
  return layout(`${GATEWAY_NAMES[method]} – ${HEADINGS[method]}`, model.stylesheetUrl, body);
}

/** The page for a payment that is no longer awaiting (decided, or expired). */
export function renderDecidedPage(options: {
  method: PaymentMethodId;
  paymentId: string;
  status: PaymentStatus;
  returnUrl: string;
  stylesheetUrl: string;
}): string {
  const e = escapeHtml;
  const body = `<header>
<p class="gateway-name">${e(GATEWAY_NAMES[options.method])}</p>
<h1>${e(STATUS_LABELS[options.status])}</h1>
</header>
<main>
<p>تمت معالجة العملية <bdi dir="ltr">${e(options.paymentId)}</bdi> ولا يمكن تغيير نتيجتها.</p>
<p><a href="${e(options.returnUrl)}">العودة إلى موقع الخدمة</a></p>
</main>`;
  return layout(STATUS_LABELS[options.status], options.stylesheetUrl, body);
}

/** The page for an unknown payment, or a link without its gateway session. */
export function renderNotFoundPage(stylesheetUrl: string): string {
  const body = `<main>
<h1>عملية الدفع غير موجودة</h1>
<p>تحقق من الرابط أو ارجع إلى موقع الخدمة وابدأ الدفع من جديد.</p>
</main>`;
  return layout('عملية الدفع غير موجودة', stylesheetUrl, body);
}

/** The stylesheet of the gateway pages, served from its own route so no inline style is needed. */
export const GATEWAY_CSS = `:root { color-scheme: light; font-family: "Noto Sans Arabic", "Noto Naskh Arabic", system-ui, sans-serif; line-height: 1.6; }
body { margin: 0 auto; max-width: 36rem; padding: 1rem; color: #1b1b1b; background: #f6f7f9; }
.sandbox-banner { margin: 0 0 1rem; padding: 0.5rem 0.75rem; background: #fff4ce; border-inline-start: 4px solid #b58100; }
.gateway-name { margin: 0; font-weight: 700; color: #0b4f8a; }
h1 { font-size: 1.35rem; margin-block: 0.25rem 1rem; }
h2 { font-size: 1.1rem; }
section, form { background: #fff; border: 1px solid #d0d5dd; border-radius: 8px; padding: 1rem; margin-block-end: 1rem; }
.items { padding-inline-start: 1.25rem; }
.item-issuer { display: block; color: #555; font-size: 0.9rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { color: #555; }
dd { margin: 0; }
label { display: block; font-weight: 700; }
.hint { color: #555; margin-block: 0.25rem; }
.error { color: #b3261e; font-weight: 700; }
input { font: inherit; font-size: 1.25rem; letter-spacing: 0.3em; padding: 0.5rem; width: 10ch; display: block; margin-block: 0.5rem; }
fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
legend { font-weight: 700; margin-block-end: 0.5rem; }
button { font: inherit; padding: 0.6rem 1rem; border-radius: 6px; border: 1px solid #0b4f8a; background: #fff; color: #0b4f8a; cursor: pointer; }
.approve button { background: #0b4f8a; color: #fff; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
`;
