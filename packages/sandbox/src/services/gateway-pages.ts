import type { PaymentMethodId, PaymentStatus } from '../data/payments.js';
import type { Lang } from '../types.js';

/**
 * The hosted pages of the simulated gateways (Qi Card 3-D Secure, ZainCash wallet code, FIB app
 * approval). Plain HTML forms: no script, no inline style, no `<style>` element, so they render
 * under `default-src 'none'; style-src 'self'`. Every interpolated value goes through
 * {@link escapeHtml}. The pages speak the citizen's language: Arabic, Kurdish (Sorani) or English,
 * chosen by {@link pageLanguage}.
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

type Localized = Record<Lang, string>;

// Every text of the pages in Arabic, Kurdish (Sorani) and English. The Arabic and Sorani texts,
// like the rest of the project's translations, await review by native speakers. Latin words
// inside Arabic and Sorani text are isolated (U+2066 … U+2069) so that "3-D" keeps its order.
const GATEWAY_NAMES: Record<PaymentMethodId, Localized> = {
  'qi-card': { ar: 'كي كارد', ckb: 'کی کارد', en: 'Qi Card' },
  zaincash: { ar: 'زين كاش', ckb: 'زەین کاش', en: 'ZainCash' },
  fib: {
    ar: 'مصرف العراق الأول (FIB)',
    ckb: 'بانکی یەکەمی عێراق (FIB)',
    en: 'First Iraqi Bank (FIB)',
  },
};

const HEADINGS: Record<PaymentMethodId, Localized> = {
  'qi-card': {
    ar: 'التحقق الآمن من البطاقة (\u20663-D Secure\u2069)',
    ckb: 'پشتڕاستکردنەوەی پارێزراوی کارت (\u20663-D Secure\u2069)',
    en: 'Card security check (3-D Secure)',
  },
  zaincash: {
    ar: 'تأكيد الدفع من محفظة زين كاش',
    ckb: 'پشتڕاستکردنەوەی پارەدان لە جزدانی زەین کاش',
    en: 'Confirm the payment from your ZainCash wallet',
  },
  fib: {
    ar: 'وافق على الدفع في تطبيق FIB',
    ckb: 'پارەدانەکە لە ئەپی FIB پەسەند بکە',
    en: 'Approve the payment in the FIB app',
  },
};

const ACCOUNT_LABELS: Record<PaymentMethodId, Localized> = {
  'qi-card': { ar: 'البطاقة', ckb: 'کارت', en: 'Card' },
  zaincash: { ar: 'رقم المحفظة', ckb: 'ژمارەی جزدان', en: 'Wallet number' },
  fib: { ar: 'الحساب', ckb: 'هەژمار', en: 'Account' },
};

const OTP_LABELS: Record<PaymentMethodId, Localized> = {
  'qi-card': {
    ar: 'رمز التحقق المرسل إلى هاتفك المسجل لدى كي كارد',
    ckb: 'کۆدی پشتڕاستکردنەوە کە بۆ مۆبایلە تۆمارکراوەکەت لای کی کارد نێردراوە',
    en: 'The verification code sent to the phone you registered with Qi Card',
  },
  zaincash: {
    ar: 'رمز التحقق المرسل إلى رقم محفظتك',
    ckb: 'کۆدی پشتڕاستکردنەوە کە بۆ ژمارەی جزدانەکەت نێردراوە',
    en: 'The verification code sent to your wallet number',
  },
  fib: { ar: '', ckb: '', en: '' },
};

const OUTCOME_LABELS: Record<GatewayOutcome, Localized> = {
  approve: { ar: 'تأكيد الدفع', ckb: 'پشتڕاستکردنەوەی پارەدان', en: 'Confirm the payment' },
  decline: {
    ar: 'رفض العملية من المصرف',
    ckb: 'ڕەتکردنەوەی مامەڵەکە لەلایەن بانکەوە',
    en: 'The bank declines the payment',
  },
  'insufficient-funds': { ar: 'رصيد غير كافٍ', ckb: 'باڵانس بەس نییە', en: 'Insufficient funds' },
  'expired-card': {
    ar: 'البطاقة منتهية الصلاحية',
    ckb: 'ماوەی کارتەکە بەسەرچووە',
    en: 'The card has expired',
  },
  '3ds-failed': {
    ar: 'فشل التحقق الآمن (\u20663-D Secure\u2069)',
    ckb: 'پشتڕاستکردنەوەی پارێزراو سەرنەکەوت (\u20663-D Secure\u2069)',
    en: 'The 3-D Secure check fails',
  },
  cancel: { ar: 'إلغاء الدفع', ckb: 'هەڵوەشاندنەوەی پارەدان', en: 'Cancel the payment' },
  timeout: {
    ar: 'ترك العملية حتى انتهاء المهلة',
    ckb: 'جێهێشتنی مامەڵەکە تا کاتەکەی بەسەردەچێت',
    en: 'Leave it until the time runs out',
  },
};

const STATUS_LABELS: Record<PaymentStatus, Localized> = {
  'awaiting-confirmation': {
    ar: 'بانتظار التأكيد',
    ckb: 'چاوەڕوانی پشتڕاستکردنەوە',
    en: 'Awaiting confirmation',
  },
  succeeded: { ar: 'تم الدفع بنجاح', ckb: 'پارەدانەکە سەرکەوتوو بوو', en: 'Payment made' },
  failed: { ar: 'لم يتم الدفع', ckb: 'پارەدانەکە نەکرا', en: 'The payment was not made' },
  cancelled: {
    ar: 'تم إلغاء الدفع',
    ckb: 'پارەدانەکە هەڵوەشێندرایەوە',
    en: 'The payment was cancelled',
  },
  expired: { ar: 'انتهت مهلة الدفع', ckb: 'کاتی پارەدانەکە بەسەرچوو', en: 'The payment timed out' },
};

const TEXT = {
  banner: {
    ar: 'بيئة تجريبية: لا تُخصم أي أموال حقيقية.',
    ckb: 'ژینگەی تاقیکردنەوە: هیچ پارەیەکی ڕاستەقینە نابڕدرێت.',
    en: 'Sandbox: no real money is taken.',
  },
  otpHint: {
    ar: 'في البيئة التجريبية الرمز هو',
    ckb: 'لە ژینگەی تاقیکردنەوەدا کۆدەکە ئەمەیە:',
    en: 'In the sandbox the code is',
  },
  fibInstruction: {
    ar: 'افتح تطبيق FIB على هاتفك ووافق على طلب الدفع، ثم اضغط الزر أدناه.',
    ckb: 'ئەپی FIB لە مۆبایلەکەت بکەرەوە و داواکاریی پارەدانەکە پەسەند بکە، پاشان دوگمەی خوارەوە دابگرە.',
    en: 'Open the FIB app on your phone and approve the payment request, then press the button below.',
  },
  fibApproved: {
    ar: 'تمت الموافقة في التطبيق',
    ckb: 'لە ئەپەکەدا پەسەندم کرد',
    en: 'I approved it in the app',
  },
  summary: { ar: 'تفاصيل الدفع', ckb: 'وردەکاریی پارەدان', en: 'Payment details' },
  amount: { ar: 'المبلغ', ckb: 'بڕی پارە', en: 'Amount' },
  fee: { ar: 'عمولة الدفع', ckb: 'کرێی پارەدان', en: 'Payment fee' },
  total: { ar: 'المجموع', ckb: 'کۆی گشتی', en: 'Total' },
  paymentId: { ar: 'رقم العملية', ckb: 'ژمارەی مامەڵە', en: 'Transaction' },
  expiresAt: {
    ar: 'تنتهي المهلة عند (بتوقيت بغداد)',
    ckb: 'کاتەکە تەواو دەبێت لە (کاتی بەغدا)',
    en: 'Time runs out at (Baghdad time)',
  },
  otherOutcome: {
    ar: 'محاكاة نتيجة أخرى',
    ckb: 'لاساییکردنەوەی ئەنجامێکی تر',
    en: 'Simulate another outcome',
  },
  decided: {
    ar: 'تمت معالجة العملية ولا يمكن تغيير نتيجتها:',
    ckb: 'مامەڵەکە تەواو بووە و ئەنجامەکەی ناگۆڕدرێت:',
    en: 'The transaction has been processed and its outcome cannot change:',
  },
  back: {
    ar: 'العودة إلى موقع الخدمة',
    ckb: 'گەڕانەوە بۆ ماڵپەڕی خزمەتگوزارییەکە',
    en: 'Back to the service’s site',
  },
  notFound: {
    ar: 'عملية الدفع غير موجودة',
    ckb: 'مامەڵەی پارەدان نەدۆزرایەوە',
    en: 'Payment not found',
  },
  notFoundText: {
    ar: 'تحقق من الرابط أو ارجع إلى موقع الخدمة وابدأ الدفع من جديد.',
    ckb: 'بەستەرەکە بپشکنە، یان بگەڕێوە بۆ ماڵپەڕی خزمەتگوزارییەکە و دووبارە دەست بە پارەدان بکە.',
    en: 'Check the link, or go back to the service’s site and start the payment again.',
  },
  chooseOutcome: {
    ar: 'اختر إحدى العمليات المتاحة.',
    ckb: 'یەکێک لە کردارە بەردەستەکان هەڵبژێرە.',
    en: 'Choose one of the actions offered.',
  },
  wrongCode: {
    ar: 'رمز التحقق غير صحيح. حاول مرة أخرى.',
    ckb: 'کۆدی پشتڕاستکردنەوە هەڵەیە. دووبارە هەوڵ بدەرەوە.',
    en: 'The verification code is wrong. Try again.',
  },
} satisfies Record<string, Localized>;

/** Messages the form handler shows above the form. */
export type GatewayPageError = 'choose-outcome' | 'wrong-code';

/** One line of the payment summary. */
export interface GatewayPageItem {
  title: string;
  issuer: string;
  amount: number;
}

/** What a gateway page shows. */
export interface GatewayPageModel {
  lang: Lang;
  method: PaymentMethodId;
  paymentId: string;
  /** Absolute URL the forms post to (with the page's `lang`). */
  actionUrl: string;
  stylesheetUrl: string;
  /** The unguessable token of this payment's gateway session, posted back with every form. */
  session: string;
  /** In the page's language. */
  items: GatewayPageItem[];
  amount: number;
  fee: number;
  total: number;
  maskedAccount: string;
  expiresAt: string;
  /** The sandbox's one-time code, shown because this is a sandbox. */
  sandboxOtp: string;
  /** An error to show above the form (a wrong code). */
  error?: GatewayPageError;
}

/**
 * The language of a page: `?lang=` (ar, ckb, en; `ku` is read as ckb), else the browser's
 * `Accept-Language` (already negotiated into `fallback`), else Arabic.
 */
export function pageLanguage(query: string | undefined, fallback: Lang): Lang {
  const tag = (query ?? '').toLowerCase().split('-')[0];
  if (tag === 'ar' || tag === 'en') return tag;
  if (tag === 'ckb' || tag === 'ku') return 'ckb';
  return fallback;
}

// Sorani dates and numbers where the engine has ckb data (Node has; some browsers' ICU does not,
// and would fall back to their own locale: then Arabic's digits and currency sign, which Sorani
// writing shares, on a 24-hour clock without Arabic's ص/م).
const hasSorani = Intl.NumberFormat.supportedLocalesOf(['ckb-IQ']).length > 0;
const LOCALES: Record<Lang, string> = {
  ar: 'ar-IQ',
  ckb: hasSorani ? 'ckb-IQ' : 'ar-IQ',
  en: 'en-IQ',
};

function formatters(lang: Lang) {
  const money = new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'IQD',
    maximumFractionDigits: 0,
  });
  const time = new Intl.DateTimeFormat(LOCALES[lang], {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Asia/Baghdad',
    ...(lang === 'ckb' && !hasSorani ? { hourCycle: 'h23' as const } : {}),
  });
  return {
    money: (n: number) => money.format(n),
    time: (iso: string) => time.format(new Date(iso)),
  };
}

/**
 * The pages' icon, beside their stylesheet. Without one, browsers ask the origin for
 * `/favicon.ico`, which the service's host may not have (a 404 in the console on every page).
 */
export const GATEWAY_ICON_FILE = 'icon.svg';

/** A padlock on the gateway name colour. */
export const GATEWAY_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b4f8a"/><path d="M5 7V5.5a3 3 0 0 1 6 0V7h1v6H4V7zm1.5 0h3V5.5a1.5 1.5 0 0 0-3 0z" fill="#fff"/></svg>';

function layout(lang: Lang, title: string, stylesheetUrl: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'en' ? 'ltr' : 'rtl'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetUrl)}">
<link rel="icon" href="${escapeHtml(new URL(GATEWAY_ICON_FILE, stylesheetUrl).href)}">
</head>
<body>
<p class="sandbox-banner" role="note">${escapeHtml(TEXT.banner[lang])}</p>
${body}
</body>
</html>
`;
}

/** The gateway's hosted page for a payment awaiting confirmation. */
export function renderGatewayPage(model: GatewayPageModel): string {
  const { method, lang } = model;
  const e = escapeHtml;
  const { money, time } = formatters(lang);
  const items = model.items
    .map(
      (item) =>
        `<li><span class="item-title">${e(item.title)}</span> <span class="item-issuer">${e(item.issuer)}</span> <bdi class="amount">${e(money(item.amount))}</bdi></li>`,
    )
    .join('\n');
  const outcomes = outcomesFor(method);
  const hidden = `<input type="hidden" name="session" value="${e(model.session)}">`;
  const error = model.error
    ? TEXT[model.error === 'wrong-code' ? 'wrongCode' : 'chooseOutcome'][lang]
    : '';
  const approve = needsOtp(method, 'approve')
    ? `<form method="post" action="${e(model.actionUrl)}" class="approve">
${hidden}
<label for="otp">${e(OTP_LABELS[method][lang])}</label>
<p id="otp-hint" class="hint">${e(TEXT.otpHint[lang])} <bdi dir="ltr">${e(model.sandboxOtp)}</bdi>.</p>
${error ? `<p id="otp-error" class="error" role="alert">${e(error)}</p>` : ''}
<input id="otp" name="otp" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" dir="ltr" aria-describedby="otp-hint${error ? ' otp-error' : ''}"${error ? ' aria-invalid="true"' : ''}>
<button type="submit" name="outcome" value="approve">${e(OUTCOME_LABELS.approve[lang])}</button>
</form>`
    : `<form method="post" action="${e(model.actionUrl)}" class="approve">
${hidden}
${error ? `<p class="error" role="alert">${e(error)}</p>` : ''}
<p>${e(TEXT.fibInstruction[lang])}</p>
<button type="submit" name="outcome" value="approve">${e(TEXT.fibApproved[lang])}</button>
</form>`;
  const others = outcomes
    .filter((o) => o !== 'approve')
    .map(
      (o) =>
        `<button type="submit" name="outcome" value="${e(o)}">${e(OUTCOME_LABELS[o][lang])}</button>`,
    )
    .join('\n');
  const body = `<header>
<p class="gateway-name">${e(GATEWAY_NAMES[method][lang])}</p>
<h1>${e(HEADINGS[method][lang])}</h1>
</header>
<main>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${e(TEXT.summary[lang])}</h2>
<ul class="items">
${items}
</ul>
<dl>
<dt>${e(TEXT.amount[lang])}</dt><dd><bdi>${e(money(model.amount))}</bdi></dd>
<dt>${e(TEXT.fee[lang])}</dt><dd><bdi>${e(money(model.fee))}</bdi></dd>
<dt>${e(TEXT.total[lang])}</dt><dd><strong><bdi>${e(money(model.total))}</bdi></strong></dd>
<dt>${e(ACCOUNT_LABELS[method][lang])}</dt><dd><bdi dir="ltr">${e(model.maskedAccount)}</bdi></dd>
<dt>${e(TEXT.paymentId[lang])}</dt><dd><bdi dir="ltr">${e(model.paymentId)}</bdi></dd>
<dt>${e(TEXT.expiresAt[lang])}</dt><dd><time datetime="${e(model.expiresAt)}">${e(time(model.expiresAt))}</time></dd>
</dl>
</section>
${approve}
<form method="post" action="${e(model.actionUrl)}" class="simulate">
${hidden}
<fieldset>
<legend>${e(TEXT.otherOutcome[lang])}</legend>
${others}
</fieldset>
</form>
</main>`;
  return layout(
    lang,
    `${GATEWAY_NAMES[method][lang]} – ${HEADINGS[method][lang]}`,
    model.stylesheetUrl,
    body,
  );
}

/** The page for a payment that is no longer awaiting (decided, or expired). */
export function renderDecidedPage(options: {
  lang: Lang;
  method: PaymentMethodId;
  paymentId: string;
  status: PaymentStatus;
  returnUrl: string;
  stylesheetUrl: string;
}): string {
  const e = escapeHtml;
  const { lang } = options;
  const body = `<header>
<p class="gateway-name">${e(GATEWAY_NAMES[options.method][lang])}</p>
<h1>${e(STATUS_LABELS[options.status][lang])}</h1>
</header>
<main>
<p>${e(TEXT.decided[lang])} <bdi dir="ltr">${e(options.paymentId)}</bdi></p>
<p><a href="${e(options.returnUrl)}">${e(TEXT.back[lang])}</a></p>
</main>`;
  return layout(lang, STATUS_LABELS[options.status][lang], options.stylesheetUrl, body);
}

/** The page for an unknown payment, or a link without its gateway session. */
export function renderNotFoundPage(lang: Lang, stylesheetUrl: string): string {
  const body = `<main>
<h1>${escapeHtml(TEXT.notFound[lang])}</h1>
<p>${escapeHtml(TEXT.notFoundText[lang])}</p>
</main>`;
  return layout(lang, TEXT.notFound[lang], stylesheetUrl, body);
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
