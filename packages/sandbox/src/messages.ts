import type { FieldError, Lang } from './types.js';

type Localized = Record<Lang, string>;

/**
 * Titles of every problem code the sandbox returns (`common.yaml#/components/schemas/ProblemCode`),
 * in the three languages. `title` is stable for a code and language, as RFC 9457 asks.
 */
export const problemTitles: Record<string, Localized> = {
  'validation.failed': {
    ar: 'بعض البيانات غير صحيحة',
    ckb: 'هەندێک لە زانیارییەکان هەڵەن',
    en: 'Some of the data is not valid',
  },
  'request.malformed': {
    ar: 'تعذرت قراءة الطلب',
    ckb: 'داواکارییەکە نەخوێندرایەوە',
    en: 'The request could not be read',
  },
  'request.too-large': {
    ar: 'حجم الطلب أكبر من المسموح',
    ckb: 'قەبارەی داواکارییەکە لە سنووری ڕێگەپێدراو زیاترە',
    en: 'The request is too large',
  },
  'auth.required': {
    ar: 'يجب تسجيل الدخول',
    ckb: 'پێویستە بچیتە ژوورەوە',
    en: 'You need to sign in',
  },
  'auth.token-expired': {
    ar: 'انتهت صلاحية الجلسة',
    ckb: 'ماوەی دانیشتنەکە کۆتایی هات',
    en: 'Your session has expired',
  },
  'auth.csrf-invalid': {
    ar: 'رمز الحماية غير صالح',
    ckb: 'کۆدی پاراستن دروست نییە',
    en: 'The security token is not valid',
  },
  'auth.forbidden': {
    ar: 'غير مسموح',
    ckb: 'ڕێگەپێنەدراوە',
    en: 'Not allowed',
  },
  'identity.locked': {
    ar: 'تم إيقاف تسجيل الدخول مؤقتاً',
    ckb: 'چوونەژوورەوە بۆ ماوەیەک ڕاگیراوە',
    en: 'Sign-in is temporarily locked',
  },
  'otp.invalid': {
    ar: 'رمز التحقق غير صحيح',
    ckb: 'کۆدی پشتڕاستکردنەوە هەڵەیە',
    en: 'The verification code is wrong',
  },
  'otp.expired': {
    ar: 'انتهت صلاحية رمز التحقق',
    ckb: 'ماوەی کۆدی پشتڕاستکردنەوە بەسەرچوو',
    en: 'The verification code has expired',
  },
  'otp.resend-too-early': {
    ar: 'لا يمكن إعادة الإرسال بعد',
    ckb: 'هێشتا ناتوانرێت دووبارە بنێردرێت',
    en: 'The code cannot be resent yet',
  },
  'challenge.not-found': {
    ar: 'طلب تسجيل الدخول غير موجود',
    ckb: 'داواکاریی چوونەژوورەوە نەدۆزرایەوە',
    en: 'This sign-in attempt was not found',
  },
  'education.not-a-student': {
    ar: 'لا توجد لك دراسة مسجلة',
    ckb: 'هیچ خوێندنێکت بۆ تۆمار نەکراوە',
    en: 'You are not registered as a student',
  },
  'range.not-satisfiable': {
    ar: 'الجزء المطلوب يتجاوز نهاية الملف',
    ckb: 'ئەو بەشەی داواکراوە لە کۆتایی فایلەکە تێدەپەڕێت',
    en: 'The part asked for is past the end of the file',
  },
  'not-found': {
    ar: 'غير موجود',
    ckb: 'نەدۆزرایەوە',
    en: 'Not found',
  },
  'method-not-allowed': {
    ar: 'هذه العملية غير متاحة على هذا العنوان',
    ckb: 'ئەم کردارە لەسەر ئەم ناونیشانە بەردەست نییە',
    en: 'This method is not allowed at this address',
  },
  'rate-limited': {
    ar: 'طلبات كثيرة، حاول لاحقاً',
    ckb: 'داواکاری زۆرە، دواتر هەوڵ بدەرەوە',
    en: 'Too many requests, try again later',
  },
  'idempotency.key-reused': {
    ar: 'مفتاح عدم التكرار مستخدم لطلب مختلف',
    ckb: 'کلیلی دووبارەنەبوونەوە بۆ داواکارییەکی تر بەکارهاتووە',
    en: 'This idempotency key was used for a different request',
  },
  'idempotency.in-progress': {
    ar: 'الطلب نفسه قيد المعالجة',
    ckb: 'هەمان داواکاری لە ژێر کارکردندایە',
    en: 'The same request is still being processed',
  },
  'draft.version-conflict': {
    ar: 'تم تعديل المسودة من جهاز آخر',
    ckb: 'ڕەشنووسەکە لە ئامێرێکی ترەوە گۆڕدراوە',
    en: 'The draft was changed on another device',
  },
  'draft.not-editable': {
    ar: 'لا يمكن تعديل طلب مقدَّم',
    ckb: 'داواکارییەکی پێشکەشکراو ناگۆڕدرێت',
    en: 'A submitted request cannot be changed',
  },
  'document.type-not-allowed': {
    ar: 'نوع الملف غير مسموح',
    ckb: 'جۆری پەڕگەکە ڕێگەپێدراو نییە',
    en: 'This type of file is not allowed',
  },
  'document.too-large': {
    ar: 'حجم الملف كبير جداً',
    ckb: 'قەبارەی پەڕگەکە زۆر گەورەیە',
    en: 'The file is too large',
  },
  'document.limit-reached': {
    ar: 'تم بلوغ الحد الأقصى لعدد المستندات',
    ckb: 'ژمارەی بەڵگەنامەکان گەیشتە سنووری زۆرترین',
    en: 'The maximum number of documents has been reached',
  },
  'payment.method-unavailable': {
    ar: 'طريقة الدفع غير متاحة',
    ckb: 'ڕێگای پارەدان بەردەست نییە',
    en: 'This payment method is not available',
  },
  'payment.amount-out-of-range': {
    ar: 'المبلغ خارج حدود طريقة الدفع',
    ckb: 'بڕەکە لە دەرەوەی سنووری ڕێگای پارەدانە',
    en: 'The amount is outside the limits of this payment method',
  },
  'payment.payable-not-found': {
    ar: 'المبلغ المستحق غير موجود',
    ckb: 'بڕی پێویست نەدۆزرایەوە',
    en: 'The item to pay was not found',
  },
  'payment.payable-already-paid': {
    ar: 'تم دفع هذا المبلغ مسبقاً',
    ckb: 'ئەم بڕە پێشتر دراوە',
    en: 'This has already been paid',
  },
  'payment.not-completed': {
    ar: 'لم تكتمل عملية الدفع',
    ckb: 'پارەدانەکە تەواو نەبووە',
    en: 'The payment has not been completed',
  },
  'payment.not-cancellable': {
    ar: 'لا يمكن إلغاء عملية الدفع',
    ckb: 'ناتوانرێت پارەدانەکە هەڵبوەشێنرێتەوە',
    en: 'The payment can no longer be cancelled',
  },
  'payment.signature-invalid': {
    ar: 'توقيع بوابة الدفع غير صالح',
    ckb: 'واژۆی دەروازەی پارەدان دروست نییە',
    en: 'The payment gateway signature is not valid',
  },
  'server.error': {
    ar: 'حدث خطأ في الخدمة',
    ckb: 'هەڵەیەک لە خزمەتگوزارییەکەدا ڕوویدا',
    en: 'Something went wrong in the service',
  },
  'service.unavailable': {
    ar: 'الخدمة غير متاحة مؤقتاً',
    ckb: 'خزمەتگوزارییەکە بۆ ماوەیەک بەردەست نییە',
    en: 'The service is temporarily unavailable',
  },
};

/**
 * Details of field errors: by the JSON Schema keyword that failed, then the codes of rules a schema
 * cannot state (`bidi`, `future-date`, and each service's own). The one catalogue of them.
 */
export const fieldErrorDetails: Record<string, Localized> = {
  required: { ar: 'هذا الحقل مطلوب', ckb: 'ئەم خانەیە پێویستە', en: 'This field is required' },
  pattern: { ar: 'الصيغة غير صحيحة', ckb: 'شێوازەکە هەڵەیە', en: 'The format is not valid' },
  maxLength: { ar: 'النص طويل جداً', ckb: 'دەقەکە زۆر درێژە', en: 'The text is too long' },
  minLength: { ar: 'النص قصير جداً', ckb: 'دەقەکە زۆر کورتە', en: 'The text is too short' },
  enum: { ar: 'القيمة غير مسموحة', ckb: 'بەهاکە ڕێگەپێدراو نییە', en: 'This value is not allowed' },
  const: {
    ar: 'القيمة غير مسموحة',
    ckb: 'بەهاکە ڕێگەپێدراو نییە',
    en: 'This value is not allowed',
  },
  type: {
    ar: 'نوع القيمة غير صحيح',
    ckb: 'جۆری بەهاکە هەڵەیە',
    en: 'The value has the wrong type',
  },
  format: { ar: 'الصيغة غير صحيحة', ckb: 'شێوازەکە هەڵەیە', en: 'The format is not valid' },
  minimum: { ar: 'القيمة صغيرة جداً', ckb: 'بەهاکە زۆر بچووکە', en: 'The value is too small' },
  maximum: { ar: 'القيمة كبيرة جداً', ckb: 'بەهاکە زۆر گەورەیە', en: 'The value is too large' },
  minItems: { ar: 'العناصر قليلة جداً', ckb: 'بڕگەکان زۆر کەمن', en: 'Too few items' },
  maxItems: { ar: 'العناصر كثيرة جداً', ckb: 'بڕگەکان زۆرن', en: 'Too many items' },
  additionalProperties: {
    ar: 'حقل غير معروف',
    ckb: 'خانەیەکی نەناسراو',
    en: 'Unknown field',
  },
  bidi: {
    ar: 'يحتوي النص على رموز اتجاه غير مسموحة',
    ckb: 'دەقەکە هێمای ئاراستەی ڕێگەپێنەدراوی تێدایە',
    en: 'The text contains direction control characters',
  },
  'future-date': {
    ar: 'لا يمكن أن يكون التاريخ في المستقبل',
    ckb: 'بەروار ناتوانێت لە داهاتوودا بێت',
    en: 'The date cannot be in the future',
  },
  invalid: { ar: 'القيمة غير صحيحة', ckb: 'بەهاکە هەڵەیە', en: 'The value is not valid' },
  // Rules of a Mazalati beneficiary update.
  'one-head': {
    ar: 'يجب أن يكون في الأسرة رب أسرة واحد فقط',
    ckb: 'دەبێت خێزانەکە تەنها یەک سەرۆک خێزانی هەبێت',
    en: 'The household must have exactly one head',
  },
  'unknown-member': {
    ar: 'هذا الفرد غير مسجل في بيانات الأسرة',
    ckb: 'ئەم ئەندامە لە زانیارییەکانی خێزاندا تۆمار نەکراوە',
    en: 'This member is not on file for the household',
  },
  duplicate: {
    ar: 'هذه القيمة مكررة',
    ckb: 'ئەم بەهایە دووبارە بووەتەوە',
    en: 'This value appears twice',
  },
  'document-required.national-card': {
    ar: 'أرفق نسخة من البطاقة الوطنية الموحدة',
    ckb: 'وێنەیەکی کارتی نیشتمانیی یەکگرتوو هاوپێچ بکە',
    en: 'Attach a copy of the unified national card',
  },
  'document-required.residence-card': {
    ar: 'عند تغيير السكن أرفق بطاقة السكن الجديدة',
    ckb: 'کاتی گۆڕینی شوێنی نیشتەجێبوون کارتی نیشتەجێبوونی نوێ هاوپێچ بکە',
    en: 'After a move, attach the new residence card',
  },
  'document-required.birth-certificate': {
    ar: 'أرفق شهادة ميلاد أو بطاقة وطنية لكل فرد جديد',
    ckb: 'بۆ هەر ئەندامێکی نوێ بڕوانامەی لەدایکبوون یان کارتی نیشتمانی هاوپێچ بکە',
    en: 'Attach a birth certificate or national card for each new member',
  },
  'document-required.medical-report': {
    ar: 'أرفق تقريراً طبياً أو شهادة عجز تثبت الحالة الصحية',
    ckb: 'ڕاپۆرتی پزیشکی یان بڕوانامەی پەککەوتەیی هاوپێچ بکە',
    en: 'Attach a medical report or disability certificate',
  },
  // Rules of payments.
  'origin-not-allowed': {
    ar: 'يجب أن يكون عنوان العودة على موقع مسموح به للخدمة',
    ckb: 'ناونیشانی گەڕانەوە دەبێت لەسەر ماڵپەڕێکی ڕێگەپێدراوی خزمەتگوزارییەکە بێت',
    en: 'The return address must be on a site the service allows',
  },
  'payable-not-found': {
    ar: 'لا توجد رسوم أو فاتورة بهذا الرقم',
    ckb: 'هیچ کرێ یان پسوولەیەک بەم ژمارەیە نییە',
    en: 'No fee or bill has this id',
  },
  'already-paid': {
    ar: 'تم دفع هذا المبلغ مسبقاً',
    ckb: 'ئەم بڕە پێشتر دراوە',
    en: 'This has already been paid',
  },
  'payment-in-progress': {
    ar: 'توجد عملية دفع جارية لهذا المبلغ',
    ckb: 'پارەدانێک بۆ ئەم بڕە لە ئارادایە',
    en: 'A payment for this is already in progress',
  },
  'not-payable-together': {
    ar: 'يجب دفع هذا المبلغ منفرداً',
    ckb: 'ئەم بڕە دەبێت بە تەنیا بدرێت',
    en: 'This must be paid on its own',
  },
  unavailable: {
    ar: 'طريقة الدفع هذه غير متاحة حالياً',
    ckb: 'ئەم ڕێگای پارەدانە ئێستا بەردەست نییە',
    en: 'This payment method is not available now',
  },
  'gateway-mismatch': {
    ar: 'البوابة لا تطابق طريقة دفع العملية',
    ckb: 'دەروازەکە لەگەڵ ڕێگای پارەدانی مامەڵەکە ناگونجێت',
    en: 'The gateway does not match the payment method',
  },
};

/** The localized title of a problem code (the code itself if it is unknown, so nothing is hidden). */
export function problemTitle(code: string, lang: Lang): string {
  return problemTitles[code]?.[lang] ?? code;
}

/** A field error with its localized detail. */
export function fieldError(pointer: string, code: string, lang: Lang): FieldError {
  return { pointer, code, detail: fieldErrorDetail(code, lang) };
}

/** The localized detail of a field error code. */
export function fieldErrorDetail(code: string, lang: Lang): string {
  return (fieldErrorDetails[code] ?? fieldErrorDetails['invalid'])![lang];
}

/**
 * Picks the response language from `Accept-Language`: the first of ar, ckb, en by quality
 * (`ku` and `ku-*` read as ckb, as many apps label Sorani `ku`); ar when none matches.
 */
export function negotiateLanguage(header: string | null): Lang {
  if (!header) return 'ar';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'ar') return 'ar';
    if (primary === 'ckb' || primary === 'ku') return 'ckb';
    if (primary === 'en') return 'en';
  }
  return 'ar';
}
