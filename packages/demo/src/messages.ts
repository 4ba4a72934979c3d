/** The demo portal's words, in its three languages. The SDK's elements will bring their own. */
export type Lang = 'ar' | 'ckb' | 'en';

const en = {
  title: 'Iraq e-services — demo portal',
  intro:
    'Sign in with your national card number or mobile number to see your ration card and bills.',
  sandboxNote: 'Sandbox: any listed identity works with the code',
  language: 'Language',
  welcome: 'Welcome, {name}',
  bills: 'Unpaid fees and bills',
  noBills: 'Nothing to pay.',
  due: 'due {date}',
};

type Messages = typeof en;

const ar: Messages = {
  title: 'الخدمات الإلكترونية العراقية — البوابة التجريبية',
  intro: 'سجّل الدخول برقم البطاقة الوطنية أو رقم الهاتف لعرض بطاقتك التموينية وفواتيرك.',
  sandboxNote: 'بيئة تجريبية: تعمل أي هوية من القائمة مع الرمز',
  language: 'اللغة',
  welcome: 'أهلاً، {name}',
  bills: 'الرسوم والفواتير غير المدفوعة',
  noBills: 'لا توجد مبالغ مستحقة.',
  due: 'تستحق في {date}',
};

const ckb: Messages = {
  title: 'خزمەتگوزارییە ئەلیکترۆنییەکانی عێراق — دەروازەی تاقیکاری',
  intro:
    'بە ژمارەی کارتی نیشتمانی یان ژمارەی مۆبایل بچۆ ژوورەوە بۆ بینینی کارتی خۆراک و پسوولەکانت.',
  sandboxNote: 'ژینگەی تاقیکاری: هەر ناسنامەیەکی لیستەکە لەگەڵ ئەم کۆدە کار دەکات',
  language: 'زمان',
  welcome: 'بەخێربێیت، {name}',
  bills: 'باج و پسوولە نەدراوەکان',
  noBills: 'هیچ شتێک بۆ دان نییە.',
  due: 'کاتی دان {date}',
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
