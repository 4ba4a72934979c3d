import type { Lang } from '../types.js';

/** A sandbox citizen: someone who can sign in. Every service's data hangs off `id`. */
export interface Citizen {
  id: string;
  nationalId: string;
  /** E.164, `+9647…`. */
  phone: string;
  nameAr: string;
  nameLatin: string;
  preferredLanguage: Lang;
  governorate: string;
}

/** The fixed one-time code every sandbox sign-in accepts. Printed at start and in the README. */
export const SANDBOX_OTP = '123456';

const rows: [string, string, string, string, string, Lang, string][] = [
  // id, national number, phone, Arabic name, Latin name, language, governorate
  [
    'cit_01',
    '199012345678',
    '+9647701234567',
    'علي حسين كاظم الموسوي',
    'Ali Hussein Kadhim Al-Musawi',
    'ar',
    'IQ-BG',
  ],
  [
    'cit_02',
    '198507654321',
    '+9647801112233',
    'زينب عبد الأمير جواد',
    'Zainab Abdulameer Jawad',
    'ar',
    'IQ-BA',
  ],
  [
    'cit_03',
    '197703141592',
    '+9647501234001',
    'هەژار ئەحمەد محەمەد',
    'Hazhar Ahmed Mohammed',
    'ckb',
    'IQ-AR',
  ],
  [
    'cit_04',
    '199211223344',
    '+9647711002003',
    'مريم خالد إبراهيم',
    'Maryam Khalid Ibrahim',
    'ar',
    'IQ-NI',
  ],
  [
    'cit_05',
    '198001010101',
    '+9647901234002',
    'حسن جبار عباس',
    'Hassan Jabbar Abbas',
    'ar',
    'IQ-DQ',
  ],
  [
    'cit_06',
    '196912121212',
    '+9647511234003',
    'شیلان عومەر کەریم',
    'Shilan Omar Karim',
    'ckb',
    'IQ-SU',
  ],
  [
    'cit_07',
    '198304040404',
    '+9647721234004',
    'محمد عبد الله صالح',
    'Mohammed Abdullah Salih',
    'ar',
    'IQ-AN',
  ],
  [
    'cit_08',
    '199505050505',
    '+9647811234005',
    'فاطمة كريم ناصر',
    'Fatima Kareem Nasir',
    'ar',
    'IQ-KA',
  ],
  [
    'cit_09',
    '197306060606',
    '+9647731234006',
    'عباس فاضل مهدي',
    'Abbas Fadhil Mahdi',
    'ar',
    'IQ-NA',
  ],
  [
    'cit_10',
    '198807070707',
    '+9647521234007',
    'ئاراس سەلیم حەسەن',
    'Aras Salim Hasan',
    'ckb',
    'IQ-DA',
  ],
  ['cit_11', '199108080808', '+9647741234008', 'نور الهدى سعد', 'Nour Al-Huda Saad', 'ar', 'IQ-WA'],
  ['cit_12', '197909090909', '+9647821234009', 'أحمد ياسين طه', 'Ahmed Yaseen Taha', 'ar', 'IQ-SD'],
  [
    'cit_13',
    '198610101010',
    '+9647751234010',
    'رسول حميد جاسم',
    'Rasool Hameed Jasim',
    'ar',
    'IQ-QA',
  ],
  ['cit_14', '199311111111', '+9647831234011', 'سارة مهند علي', 'Sara Muhannad Ali', 'en', 'IQ-BG'],
  [
    'cit_15',
    '197212131415',
    '+9647761234012',
    'كاظم جواد عبد الحسين',
    'Kadhim Jawad Abdulhussein',
    'ar',
    'IQ-MA',
  ],
  [
    'cit_16',
    '198914151617',
    '+9647841234013',
    'ليلى عادل محمود',
    'Layla Adil Mahmoud',
    'ar',
    'IQ-MU',
  ],
  [
    'cit_17',
    '199616171819',
    '+9647531234014',
    'دلێر عەبدولڕەحمان',
    'Dler Abdulrahman',
    'ckb',
    'IQ-HA',
  ],
  ['cit_18', '198218192021', '+9647781234015', 'عمر فاروق حسن', 'Omar Farooq Hasan', 'ar', 'IQ-KI'],
  ['cit_19', '197520212223', '+9647851234016', 'هدى قاسم يوسف', 'Huda Qasim Yousif', 'ar', 'IQ-DI'],
  [
    'cit_20',
    '199422232425',
    '+9647791234017',
    'مصطفى رعد كامل',
    'Mustafa Raad Kamil',
    'ar',
    'IQ-BB',
  ],
  [
    'cit_21',
    '198724252627',
    '+9647861234018',
    'رقية حيدر عبيد',
    'Ruqaya Haider Ubaid',
    'ar',
    'IQ-BG',
  ],
  [
    'cit_22',
    '197026272829',
    '+9647701234019',
    'جاسم محمد ثامر',
    'Jasim Mohammed Thamir',
    'ar',
    'IQ-BA',
  ],
  ['cit_23', '199728293031', '+9647541234020', 'ڕێژین جەمال', 'Rezhin Jamal', 'ckb', 'IQ-SU'],
  [
    'cit_24',
    '198430313233',
    '+9647871234021',
    'يوسف إسماعيل ناجي',
    'Yousif Ismail Naji',
    'en',
    'IQ-NI',
  ],
];

/** The seeded citizens, the same on every start. */
export function seedCitizens(): Citizen[] {
  return rows.map(([id, nationalId, phone, nameAr, nameLatin, preferredLanguage, governorate]) => ({
    id,
    nationalId,
    phone,
    nameAr,
    nameLatin,
    preferredLanguage,
    governorate,
  }));
}

/** A national number with all but its last four digits hidden (`********5678`). */
export function maskNationalId(nationalId: string): string {
  return `${'*'.repeat(8)}${nationalId.slice(-4)}`;
}

/** A mobile number with its middle digits hidden (`+96477*****567`). */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 6)}*****${phone.slice(-3)}`;
}

/** The sandbox identities as console lines (they are fictitious: printing them is the point). */
export function describeIdentities(citizens: readonly Citizen[], count = 6): string {
  const lines = citizens
    .slice(0, count)
    .map((c) => `  ${c.nationalId}  ${c.phone}  ${c.nameLatin}`);
  return [
    `Sandbox identities (fictitious; all ${citizens.length} are in the README). One-time code: ${SANDBOX_OTP}`,
    '  national number  mobile          name',
    ...lines,
  ].join('\n');
}
