import type { Citizen } from './citizens.js';
import type { Lang } from '../types.js';

/** A text in the three languages of the sandbox. */
export type Localized = Record<Lang, string>;

/** The payment methods (`payments.yaml#/components/schemas/PaymentMethodId`). */
export type PaymentMethodId = 'qi-card' | 'zaincash' | 'fib';

/** Lifecycle of a payment (`PaymentStatus`). */
export type PaymentStatus =
  'awaiting-confirmation' | 'succeeded' | 'failed' | 'cancelled' | 'expired';

/** Why a payment did not succeed (`FailureReason`). */
export type FailureReason =
  'declined' | 'insufficient-funds' | 'expired-card' | '3ds-failed' | 'cancelled' | 'timed-out';

/** A ministry or directorate that issues fees and bills. */
export interface IssuerRecord {
  code: string;
  name: Localized;
}

/** A fee or bill a citizen owes or has paid. Its `processing` status is derived from payments. */
export interface PayableRecord {
  id: string;
  kind: 'fee' | 'bill';
  title: Localized;
  issuerCode: string;
  amount: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  payableTogether: boolean;
  paidAt: string | null;
  /** The payment that paid it. */
  paymentId: string | null;
}

/** A payment method with its limits and fee: data, so that terms change without code. */
export interface MethodRecord {
  id: PaymentMethodId;
  name: Localized;
  kind: 'card' | 'wallet' | 'bank-app';
  minAmount: number;
  maxAmount: number;
  fee: { fixed: number; percent: number };
  available: boolean;
  unavailableReason: 'maintenance' | 'suspended' | 'not-offered' | null;
}

/** A payment as the service records it. */
export interface PaymentRecord {
  id: string;
  citizenId: string;
  status: PaymentStatus;
  payableIds: string[];
  method: PaymentMethodId;
  amount: number;
  fee: number;
  total: number;
  createdAt: string;
  expiresAt: string;
  /** Checked against the allowed origins when the payment was created. */
  returnUrl: string;
  /**
   * The language the payment was created in (`Accept-Language`), in which its hosted page opens;
   * absent on payments stored before it was kept (their pages open in Arabic).
   */
  lang?: Lang;
  /** Where the receipt is sent by SMS (not echoed in responses). */
  receiptPhone: string | null;
  failureReason: FailureReason | null;
  referenceNumber: string | null;
  gatewayReference: string | null;
  decidedAt: string | null;
}

/** One payable on a receipt: a copy taken when the payment succeeded, so receipts never change. */
export interface ReceiptItemRecord {
  payableId: string;
  title: Localized;
  amount: number;
  issuer: IssuerRecord;
}

/** The receipt of a succeeded payment. */
export interface ReceiptRecord {
  referenceNumber: string;
  paymentId: string;
  citizenId: string;
  amount: number;
  fee: number;
  total: number;
  paidAt: string;
  method: PaymentMethodId;
  maskedAccount: string;
  items: ReceiptItemRecord[];
}

/** The card and account a citizen pays from (only their last digits are ever shown). */
export interface PaymentAccounts {
  qiCardLast4: string;
  fibAccountLast4: string;
}

/** The payments slice of the sandbox state. */
export interface PaymentsState {
  issuers: Record<string, IssuerRecord>;
  methods: MethodRecord[];
  /** Fees and bills by citizen id. */
  payables: Record<string, PayableRecord[]>;
  /** Payments by citizen id, oldest first. */
  payments: Record<string, PaymentRecord[]>;
  /** Receipts by payment id. */
  receipts: Record<string, ReceiptRecord>;
  /** Accounts by citizen id. */
  accounts: Record<string, PaymentAccounts>;
}

/** How long the gateway may take to confirm a payment before it expires. */
export const PAYMENT_TTL_MINUTES = 15;

const ISSUERS: IssuerRecord[] = [
  {
    code: 'civil-status-passports',
    name: {
      ar: 'المديرية العامة للأحوال المدنية والجوازات والإقامة',
      ckb: 'بەڕێوەبەرایەتیی گشتیی باری شارستانی و پاسپۆرت و نیشتەجێبوون',
      en: 'General Directorate of Civil Status, Passports and Residency',
    },
  },
  {
    code: 'traffic',
    name: {
      ar: 'مديرية المرور العامة',
      ckb: 'بەڕێوەبەرایەتیی گشتیی هاتوچۆ',
      en: 'General Traffic Directorate',
    },
  },
  {
    code: 'electricity-distribution',
    name: {
      ar: 'وزارة الكهرباء – المديرية العامة لتوزيع الكهرباء',
      ckb: 'وەزارەتی کارەبا – بەڕێوەبەرایەتیی گشتیی دابەشکردنی کارەبا',
      en: 'Ministry of Electricity – General Directorate of Electricity Distribution',
    },
  },
  {
    code: 'krg-electricity',
    name: {
      ar: 'وزارة الكهرباء – حكومة إقليم كوردستان',
      ckb: 'وەزارەتی کارەبا – حکوومەتی هەرێمی کوردستان',
      en: 'Ministry of Electricity – Kurdistan Regional Government',
    },
  },
  {
    code: 'baghdad-water',
    name: {
      ar: 'أمانة بغداد – دائرة ماء بغداد',
      ckb: 'ئەمانەتی بەغدا – فەرمانگەی ئاوی بەغدا',
      en: 'Mayoralty of Baghdad – Baghdad Water Department',
    },
  },
  {
    code: 'water',
    name: {
      ar: 'وزارة الإعمار والإسكان والبلديات العامة – مديرية الماء',
      ckb: 'وەزارەتی ئاوەدانکردنەوە و نیشتەجێکردن و شارەوانییەکان – بەڕێوەبەرایەتیی ئاو',
      en: 'Ministry of Construction, Housing and Municipalities – Water Directorate',
    },
  },
  {
    code: 'telecom',
    name: {
      ar: 'وزارة الاتصالات – الشركة العامة للاتصالات والمعلوماتية',
      ckb: 'وەزارەتی گەیاندن – کۆمپانیای گشتیی گەیاندن و زانیاری',
      en: 'Ministry of Communications – General Company for Communications and Informatics',
    },
  },
];

/**
 * Limits and fees of the methods. Illustrative only: they are not the gateways' published terms.
 * ZainCash's ceiling is deliberately below one seeded payable so that "this method cannot take
 * this amount" can be shown.
 */
const METHODS: MethodRecord[] = [
  {
    id: 'qi-card',
    name: { ar: 'كي كارد', ckb: 'کی کارد', en: 'Qi Card' },
    kind: 'card',
    minAmount: 1000,
    maxAmount: 10_000_000,
    fee: { fixed: 1000, percent: 0 },
    available: true,
    unavailableReason: null,
  },
  {
    id: 'zaincash',
    name: { ar: 'زين كاش', ckb: 'زەین کاش', en: 'ZainCash' },
    kind: 'wallet',
    minAmount: 250,
    maxAmount: 1_000_000,
    fee: { fixed: 0, percent: 1 },
    available: true,
    unavailableReason: null,
  },
  {
    id: 'fib',
    name: {
      ar: 'مصرف العراق الأول (FIB)',
      ckb: 'بانکی یەکەمی عێراق (FIB)',
      en: 'First Iraqi Bank (FIB)',
    },
    kind: 'bank-app',
    minAmount: 1000,
    maxAmount: 5_000_000,
    fee: { fixed: 0, percent: 0 },
    available: true,
    unavailableReason: null,
  },
];

/** What a payable is, before it is given to a citizen. */
interface PayableTemplate {
  kind: 'fee' | 'bill';
  title: Localized;
  issuerCode: string;
  amount: number;
  payableTogether: boolean;
}

const FEES = {
  passport: {
    kind: 'fee',
    title: {
      ar: 'رسم إصدار جواز سفر عادي',
      ckb: 'کرێی دەرکردنی پاسپۆرتی ئاسایی',
      en: 'Ordinary passport issue fee',
    },
    issuerCode: 'civil-status-passports',
    amount: 25000,
    payableTogether: true,
  },
  passportUrgent: {
    kind: 'fee',
    title: {
      ar: 'رسم إصدار جواز سفر مستعجل',
      ckb: 'کرێی دەرکردنی پاسپۆرتی خێرا',
      en: 'Urgent passport issue fee',
    },
    issuerCode: 'civil-status-passports',
    amount: 75000,
    payableTogether: true,
  },
  nationalCardRenewal: {
    kind: 'fee',
    title: {
      ar: 'رسم تجديد البطاقة الوطنية الموحدة',
      ckb: 'کرێی نوێکردنەوەی کارتی نیشتمانیی یەکگرتوو',
      en: 'Unified national card renewal fee',
    },
    issuerCode: 'civil-status-passports',
    amount: 10000,
    payableTogether: true,
  },
  nationalCardReplacement: {
    kind: 'fee',
    title: {
      ar: 'رسم بدل ضائع للبطاقة الوطنية الموحدة',
      ckb: 'کرێی جێگرەوەی کارتی نیشتمانیی ونبوو',
      en: 'Lost national card replacement fee',
    },
    issuerCode: 'civil-status-passports',
    amount: 25000,
    payableTogether: true,
  },
  vehicleAnnual: {
    kind: 'fee',
    title: {
      ar: 'رسم تجديد سنوية المركبة',
      ckb: 'کرێی نوێکردنەوەی ساڵانەی ئۆتۆمبێل',
      en: 'Annual vehicle registration renewal',
    },
    issuerCode: 'traffic',
    amount: 75000,
    payableTogether: true,
  },
  vehicleNewPlates: {
    kind: 'fee',
    title: {
      ar: 'رسوم تسجيل مركبة جديدة وإصدار لوحات',
      ckb: 'کرێی تۆمارکردنی ئۆتۆمبێلی نوێ و دەرکردنی ژمارە',
      en: 'New vehicle registration and number plates',
    },
    issuerCode: 'traffic',
    amount: 1_250_000,
    // A large registration is settled on its own, as the traffic directorate books it separately.
    payableTogether: false,
  },
  drivingLicence: {
    kind: 'fee',
    title: {
      ar: 'رسم تجديد إجازة السوق',
      ckb: 'کرێی نوێکردنەوەی مۆڵەتی شۆفێری',
      en: 'Driving licence renewal fee',
    },
    issuerCode: 'traffic',
    amount: 50000,
    payableTogether: true,
  },
  fineSpeeding: {
    kind: 'fee',
    title: {
      ar: 'غرامة مرورية – تجاوز السرعة المحددة',
      ckb: 'غەرامەی هاتوچۆ – تێپەڕاندنی خێرایی دیاریکراو',
      en: 'Traffic fine – speeding',
    },
    issuerCode: 'traffic',
    amount: 50000,
    payableTogether: true,
  },
  fineParking: {
    kind: 'fee',
    title: {
      ar: 'غرامة مرورية – الوقوف في مكان ممنوع',
      ckb: 'غەرامەی هاتوچۆ – وەستان لە شوێنی قەدەغەکراو',
      en: 'Traffic fine – parking in a prohibited place',
    },
    issuerCode: 'traffic',
    amount: 25000,
    payableTogether: true,
  },
  fineSeatbelt: {
    kind: 'fee',
    title: {
      ar: 'غرامة مرورية – عدم ربط حزام الأمان',
      ckb: 'غەرامەی هاتوچۆ – نەبەستنی پشتێنی سەلامەتی',
      en: 'Traffic fine – seat belt not fastened',
    },
    issuerCode: 'traffic',
    amount: 25000,
    payableTogether: true,
  },
} satisfies Record<string, PayableTemplate>;

/** Billing months, with their names as written on the bills. */
const MONTHS = {
  '2026-09': { ar: 'أيلول 2026', ckb: 'ئەیلوولی 2026', en: 'September 2026' },
  '2026-10': { ar: 'تشرين الأول 2026', ckb: 'تشرینی یەکەمی 2026', en: 'October 2026' },
} satisfies Record<string, Localized>;

type BillingMonth = keyof typeof MONTHS;

function electricityBill(month: BillingMonth, amount: number, kurdistan: boolean): PayableTemplate {
  const m = MONTHS[month];
  return {
    kind: 'bill',
    title: {
      ar: `فاتورة الكهرباء – ${m.ar}`,
      ckb: `پسوولەی کارەبا – ${m.ckb}`,
      en: `Electricity bill – ${m.en}`,
    },
    issuerCode: kurdistan ? 'krg-electricity' : 'electricity-distribution',
    amount,
    payableTogether: true,
  };
}

function waterBill(month: BillingMonth, amount: number, baghdad: boolean): PayableTemplate {
  const m = MONTHS[month];
  return {
    kind: 'bill',
    title: {
      ar: `فاتورة الماء – ${m.ar}`,
      ckb: `پسوولەی ئاو – ${m.ckb}`,
      en: `Water bill – ${m.en}`,
    },
    issuerCode: baghdad ? 'baghdad-water' : 'water',
    amount,
    payableTogether: true,
  };
}

function telecomBill(month: BillingMonth, amount: number): PayableTemplate {
  const m = MONTHS[month];
  return {
    kind: 'bill',
    title: {
      ar: `فاتورة الهاتف الأرضي والإنترنت – ${m.ar}`,
      ckb: `پسوولەی تەلەفۆنی زەوی و ئینتەرنێت – ${m.ckb}`,
      en: `Landline and internet bill – ${m.en}`,
    },
    issuerCode: 'telecom',
    amount,
    payableTogether: true,
  };
}

/** A payable of the seed: a template, its due date and, if paid, when. */
interface SeedItem {
  template: PayableTemplate;
  dueDate: string;
  paidAt?: string;
}

const KURDISTAN = new Set(['IQ-AR', 'IQ-SU', 'IQ-DA', 'IQ-HA']);

/**
 * The payables of one citizen. The first citizens have hand-picked sets (several unpaid, overdue
 * bills, one payable above ZainCash's ceiling, paid ones with receipts); the others follow a
 * deterministic pattern by their number.
 */
function seedItems(citizen: Citizen, n: number): SeedItem[] {
  const kurdistan = KURDISTAN.has(citizen.governorate);
  const baghdad = citizen.governorate === 'IQ-BG';
  switch (n) {
    case 1:
      return [
        { template: FEES.passport, dueDate: '2026-12-31' },
        { template: electricityBill('2026-10', 48250, kurdistan), dueDate: '2026-11-10' },
        { template: waterBill('2026-10', 15000, baghdad), dueDate: '2026-11-15' },
        { template: FEES.fineSpeeding, dueDate: '2026-11-30' },
        { template: FEES.vehicleNewPlates, dueDate: '2027-01-15' },
        {
          template: FEES.nationalCardRenewal,
          dueDate: '2026-09-30',
          paidAt: '2026-09-12T10:24:00Z',
        },
        {
          template: electricityBill('2026-09', 52500, kurdistan),
          dueDate: '2026-10-10',
          paidAt: '2026-10-04T18:02:00Z',
        },
      ];
    case 2:
      return [
        { template: FEES.passportUrgent, dueDate: '2026-12-15' },
        { template: FEES.vehicleAnnual, dueDate: '2026-10-31' },
        { template: electricityBill('2026-10', 61750, kurdistan), dueDate: '2026-11-10' },
        { template: FEES.fineParking, dueDate: '2026-12-20' },
        {
          template: waterBill('2026-09', 12500, baghdad),
          dueDate: '2026-10-15',
          paidAt: '2026-10-09T08:15:00Z',
        },
      ];
    case 3:
      return [
        { template: electricityBill('2026-10', 36000, kurdistan), dueDate: '2026-11-10' },
        { template: FEES.drivingLicence, dueDate: '2026-12-31' },
        { template: FEES.vehicleNewPlates, dueDate: '2027-02-01' },
        { template: telecomBill('2026-10', 35000), dueDate: '2026-11-20' },
      ];
    case 4:
      return [
        { template: FEES.nationalCardReplacement, dueDate: '2026-12-31' },
        { template: electricityBill('2026-10', 27250, kurdistan), dueDate: '2026-11-10' },
        { template: FEES.fineSeatbelt, dueDate: '2026-11-05' },
        { template: FEES.passport, dueDate: '2026-08-31', paidAt: '2026-08-20T11:40:00Z' },
      ];
    default: {
      // Whole dinars in steps of 250, the smallest note in circulation.
      const electricity = 20000 + ((n * 3750) % 60000);
      const items: SeedItem[] = [
        { template: electricityBill('2026-10', electricity, kurdistan), dueDate: '2026-11-10' },
      ];
      if (n % 2 === 0)
        items.push({
          template: waterBill('2026-10', 7500 + (n % 5) * 2500, baghdad),
          dueDate: '2026-11-15',
        });
      if (n % 3 === 0) items.push({ template: FEES.fineSpeeding, dueDate: '2026-12-05' });
      if (n % 4 === 1) items.push({ template: FEES.passport, dueDate: '2026-12-31' });
      if (n % 5 === 0) items.push({ template: FEES.vehicleAnnual, dueDate: '2026-10-31' });
      if (n % 7 === 0)
        items.push({ template: telecomBill('2026-10', 25000), dueDate: '2026-11-20' });
      if (n % 2 === 1) {
        items.push({
          template: electricityBill('2026-09', electricity + 4500, kurdistan),
          dueDate: '2026-10-10',
          paidAt: `2026-10-0${(n % 8) + 1}T09:30:00Z`,
        });
      }
      return items;
    }
  }
}

/** The last four digits of a seeded card or account, derived from the national number. */
function last4(nationalId: string, salt: number): string {
  return String((Number(nationalId.slice(-4)) * 7 + salt) % 10000).padStart(4, '0');
}

/** Which method seeded (historical) payments used, so receipts show each of them. */
const SEED_METHODS: PaymentMethodId[] = ['qi-card', 'zaincash', 'fib'];

/**
 * The masked card or wallet a payment was made from: `**** **** **** 4821` for Qi Card, the
 * masked mobile number for ZainCash, `**** 7315` for an FIB account.
 */
export function maskedAccountFor(
  method: PaymentMethodId,
  citizen: Citizen,
  accounts: PaymentAccounts,
): string {
  if (method === 'qi-card') return `**** **** **** ${accounts.qiCardLast4}`;
  if (method === 'zaincash') return `${citizen.phone.slice(0, 6)}*****${citizen.phone.slice(-3)}`;
  return `**** ${accounts.fibAccountLast4}`;
}

/** The fee a method adds to an amount, in whole dinars. */
export function methodFee(method: MethodRecord, amount: number): number {
  return method.fee.fixed + Math.round((amount * method.fee.percent) / 100);
}

/**
 * The seeded payments state: every citizen has fees and bills; paid ones come with the payment
 * and receipt that paid them (reference numbers `PAY-2026-9…`, apart from those issued at run time).
 */
export function seedPayments(citizens: Citizen[]): PaymentsState {
  const issuers = Object.fromEntries(ISSUERS.map((i) => [i.code, structuredClone(i)]));
  const state: PaymentsState = {
    issuers,
    methods: structuredClone(METHODS),
    payables: {},
    payments: {},
    receipts: {},
    accounts: {},
  };
  let seedReceipt = 0;
  citizens.forEach((citizen, index) => {
    const n = index + 1;
    const nn = String(n).padStart(2, '0');
    const accounts: PaymentAccounts = {
      qiCardLast4: last4(citizen.nationalId, 4821),
      fibAccountLast4: last4(citizen.nationalId, 7315),
    };
    state.accounts[citizen.id] = accounts;
    const payables: PayableRecord[] = [];
    const payments: PaymentRecord[] = [];
    seedItems(citizen, n).forEach((item, i) => {
      const payable: PayableRecord = {
        id: `pbl_${nn}${String(i + 1).padStart(2, '0')}`,
        kind: item.template.kind,
        title: { ...item.template.title },
        issuerCode: item.template.issuerCode,
        amount: item.template.amount,
        dueDate: item.dueDate,
        payableTogether: item.template.payableTogether,
        paidAt: item.paidAt ?? null,
        paymentId: null,
      };
      if (item.paidAt) {
        seedReceipt += 1;
        const method = SEED_METHODS[(n + i) % SEED_METHODS.length] ?? 'qi-card';
        const methodRecord = state.methods.find((m) => m.id === method);
        const fee = methodRecord ? methodFee(methodRecord, payable.amount) : 0;
        const paymentId = `pay_s${nn}${String(i + 1).padStart(2, '0')}`;
        const referenceNumber = `PAY-2026-9${String(seedReceipt).padStart(5, '0')}`;
        const createdAt = new Date(Date.parse(item.paidAt) - 3 * 60_000).toISOString();
        payable.paymentId = paymentId;
        payments.push({
          id: paymentId,
          citizenId: citizen.id,
          status: 'succeeded',
          payableIds: [payable.id],
          method,
          amount: payable.amount,
          fee,
          total: payable.amount + fee,
          createdAt,
          expiresAt: new Date(Date.parse(createdAt) + PAYMENT_TTL_MINUTES * 60_000).toISOString(),
          returnUrl: 'http://localhost:5173/payments/finish',
          receiptPhone: null,
          failureReason: null,
          referenceNumber,
          gatewayReference: `SEED${nn}${String(i + 1).padStart(2, '0')}`,
          decidedAt: item.paidAt,
        });
        state.receipts[paymentId] = {
          referenceNumber,
          paymentId,
          citizenId: citizen.id,
          amount: payable.amount,
          fee,
          total: payable.amount + fee,
          paidAt: item.paidAt,
          method,
          maskedAccount: maskedAccountFor(method, citizen, accounts),
          items: [
            {
              payableId: payable.id,
              title: { ...payable.title },
              amount: payable.amount,
              issuer: structuredClone(
                issuers[payable.issuerCode] ?? {
                  code: payable.issuerCode,
                  name: { ...payable.title },
                },
              ),
            },
          ],
        };
      }
      payables.push(payable);
    });
    state.payables[citizen.id] = payables;
    payments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    state.payments[citizen.id] = payments;
  });
  return state;
}
