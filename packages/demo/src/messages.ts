/** The demo portal's words, in its three languages. The SDK's elements will bring their own. */
export type Lang = 'ar' | 'ckb' | 'en';

const en = {
  title: 'Iraq e-services — demo portal',
  intro:
    'Sign in with your national card number or mobile number to see your ration card, pay your fees and bills, and update your data.',
  sandboxNote: 'Sandbox: any listed identity works with the code',
  language: 'Language',
  changeLanguage: 'Change language',
  welcome: 'Welcome, {name}',
  services: 'Services',
  card: 'Ration card',
  pay: 'Pay fees and bills',
  update: 'Update my social protection data',
  family: 'Family changes on the ration card',
  requests: 'My requests',
  classroom: 'Classroom',
  gateway: 'Confirm the payment',
  popup: 'in a new window',
  redirect: 'in this window',
};

type Messages = typeof en;

const ar: Messages = {
  title: 'الخدمات الإلكترونية العراقية — البوابة التجريبية',
  intro:
    'سجّل الدخول برقم البطاقة الوطنية أو رقم الهاتف لعرض بطاقتك التموينية ودفع رسومك وفواتيرك وتحديث بياناتك.',
  sandboxNote: 'بيئة تجريبية: تعمل أي هوية من القائمة مع الرمز',
  language: 'اللغة',
  changeLanguage: 'تغيير اللغة',
  welcome: 'أهلاً، {name}',
  services: 'الخدمات',
  card: 'البطاقة التموينية',
  pay: 'دفع الرسوم والفواتير',
  update: 'تحديث بيانات الحماية الاجتماعية',
  family: 'تغييرات الأسرة في البطاقة التموينية',
  requests: 'طلباتي',
  classroom: 'الصف الدراسي',
  gateway: 'تأكيد الدفع',
  popup: 'في نافذة جديدة',
  redirect: 'في هذه النافذة',
};

const ckb: Messages = {
  title: 'خزمەتگوزارییە ئەلیکترۆنییەکانی عێراق — دەروازەی تاقیکاری',
  intro:
    'بە ژمارەی کارتی نیشتمانی یان ژمارەی مۆبایل بچۆ ژوورەوە بۆ بینینی کارتی خۆراک، دانی باج و پسوولەکانت و نوێکردنەوەی زانیارییەکانت.',
  sandboxNote: 'ژینگەی تاقیکاری: هەر ناسنامەیەکی لیستەکە لەگەڵ ئەم کۆدە کار دەکات',
  language: 'زمان',
  changeLanguage: 'گۆڕینی زمان',
  welcome: 'بەخێربێیت، {name}',
  services: 'خزمەتگوزارییەکان',
  card: 'کارتی خۆراک',
  pay: 'دانی باج و پسوولەکان',
  update: 'نوێکردنەوەی زانیارییەکانی پاراستنی کۆمەڵایەتی',
  family: 'گۆڕانکارییەکانی خێزان لە کارتی خۆراک',
  requests: 'داواکارییەکانم',
  classroom: 'پۆلی خوێندن',
  gateway: 'پشتڕاستکردنەوەی پارەدان',
  popup: 'لە پەنجەرەیەکی نوێ',
  redirect: 'لەم پەنجەرەیە',
};

export const catalogues: Record<Lang, Messages> = { ar, ckb, en };
export type MessageKey = keyof Messages;

/** A message with `{name}` placeholders filled (values are text, never markup). */
export function message(
  lang: Lang,
  key: MessageKey,
  values: Record<string, string | number> = {},
): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? ''),
  );
}
