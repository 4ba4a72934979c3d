import type { Citizen } from './citizens.js';
import type { DraftRecord } from '../drafts.js';

/** A member's relation to the head of household (`Relation` in the contract). */
export type Relation =
  | 'head'
  | 'spouse'
  | 'son'
  | 'daughter'
  | 'father'
  | 'mother'
  | 'brother'
  | 'sister'
  | 'grandchild'
  | 'other';

/** `Sex` in the contract. */
export type Sex = 'male' | 'female';

/** `EmploymentStatus` in the contract. */
export type EmploymentStatus =
  | 'unemployed'
  | 'daily-worker'
  | 'employed-private'
  | 'employed-public'
  | 'retired'
  | 'unable-to-work';

/** `IncomeSource` in the contract. */
export type IncomeSource =
  | 'wages'
  | 'daily-wages'
  | 'pension'
  | 'agriculture'
  | 'livestock'
  | 'small-business'
  | 'rent'
  | 'family-support'
  | 'other-aid';

/** `Disability` in the contract. */
export type Disability = 'none' | 'physical' | 'visual' | 'hearing' | 'intellectual' | 'multiple';

/** `HousingType` in the contract. */
export type HousingType = 'owned' | 'rented' | 'informal' | 'with-relatives';

/** A household member as the ministry holds them: the full national number, masked on the way out. */
export interface MemberRecord {
  id: string;
  name: string;
  relation: Relation;
  birthDate: string;
  nationalId: string;
  sex: Sex;
}

/** Where the household lives; the residence card number is stored whole and masked on the way out. */
export interface ResidenceRecord {
  governorate: string;
  district: string;
  locality: string;
  nearestLandmark: string;
  residenceCardNumber: string;
}

/** `Contact` in the contract. */
export interface ContactRecord {
  phone: string;
  alternatePhone?: string;
}

/** `Income` in the contract. */
export interface IncomeRecord {
  employmentStatus: EmploymentStatus;
  monthlyIncome: number;
  incomeSources: IncomeSource[];
}

/** `Health` in the contract. */
export interface HealthRecord {
  chronicIllness: boolean;
  disability: Disability;
  disabilityPercentage?: number;
}

/** `Housing` in the contract. */
export interface HousingRecord {
  type: HousingType;
  monthlyRent?: number;
  rooms: number;
}

/** A beneficiary household of the social protection network, keyed by its head's citizen id. */
export interface BeneficiaryRecord {
  beneficiaryId: string;
  status: 'active' | 'suspended' | 'under-review';
  members: MemberRecord[];
  residence: ResidenceRecord;
  contact: ContactRecord;
  income: IncomeRecord;
  health: HealthRecord;
  housing: HousingRecord;
  updatedAt: string;
}

/** One allowance payment (`AllowancePayment` in the contract). */
export interface AllowancePaymentRecord {
  period: string;
  dueDate: string;
  amount: number;
  status: 'paid' | 'scheduled' | 'held';
  paidAt: string | null;
  channel: 'qi-card';
  holdReason?: 'data-update-required' | 'under-review' | 'card-not-activated';
}

/** The allowance of one household and its payments, oldest first. */
export interface AllowanceScheduleRecord {
  amountPerPayment: number;
  frequency: 'monthly' | 'bi-monthly' | 'quarterly';
  payments: AllowancePaymentRecord[];
}

/** A member in a draft's answers (`MemberAnswer`): `id` for a member on file, `nationalId` for a new one. */
export interface MemberAnswer {
  id?: string;
  name: string;
  relation: Relation;
  birthDate: string;
  sex: Sex;
  nationalId?: string;
}

/**
 * The answers of an update request (`UpdateAnswers`): every section optional while a draft. A type
 * alias rather than an interface so that it fits the lifecycle's `Record<string, unknown>`.
 */
export type UpdateAnswers = {
  residence?: Omit<ResidenceRecord, 'residenceCardNumber'>;
  contact?: ContactRecord;
  household?: { members: MemberAnswer[] };
  income?: IncomeRecord;
  health?: HealthRecord;
  housing?: HousingRecord;
};

/** The social-protection slice of the sandbox state. Plain JSON. */
export interface SocialProtectionState {
  /** Beneficiary households by the head's citizen id; a citizen missing here is not a beneficiary. */
  beneficiaries: Record<string, BeneficiaryRecord>;
  /** Allowance schedules by citizen id. */
  schedules: Record<string, AllowanceScheduleRecord>;
  /** Update requests (drafts and submitted) by request id. */
  drafts: Record<string, DraftRecord>;
}

/**
 * Monthly allowance by household size (index 0 is one person; the last applies to larger
 * households). Indicative figures, not the ministry's published scale: kept here only so that they
 * can be corrected in one place.
 */
export const MONTHLY_ALLOWANCE_BY_SIZE = [125_000, 175_000, 225_000, 275_000, 325_000, 375_000];

/** Where each seeded household lives; Sorani for the Kurdistan Region's households. */
type Place = [district: string, locality: string, nearestLandmark: string];

/** A seeded household: the head is the citizen; `others` are [relation, name, birth date, sex]. */
interface HouseholdSeed {
  citizen: string;
  status: BeneficiaryRecord['status'];
  headBirthDate: string;
  headSex: Sex;
  others: [Relation, string, string, Sex][];
  place: Place;
  alternatePhone?: string;
  income: IncomeRecord;
  health: HealthRecord;
  housing: HousingRecord;
  frequency: AllowanceScheduleRecord['frequency'];
  /** A payment held from this period on, and why. */
  hold?: { from: string; reason: NonNullable<AllowancePaymentRecord['holdReason']> };
  updatedAt: string;
}

const households: HouseholdSeed[] = [
  {
    citizen: 'cit_01',
    status: 'active',
    headBirthDate: '1990-03-14',
    headSex: 'male',
    others: [
      ['spouse', 'سجى عبد الكريم حمزة', '1993-07-02', 'female'],
      ['son', 'حسين علي حسين', '2015-01-20', 'male'],
      ['daughter', 'زهراء علي حسين', '2019-10-05', 'female'],
    ],
    place: ['قضاء الرصافة', 'حي جميلة، محلة 523', 'قرب جامع الرحمن'],
    income: {
      employmentStatus: 'daily-worker',
      monthlyIncome: 200_000,
      incomeSources: ['daily-wages'],
    },
    health: { chronicIllness: false, disability: 'none' },
    housing: { type: 'rented', monthlyRent: 250_000, rooms: 2 },
    frequency: 'bi-monthly',
    updatedAt: '2026-05-10T08:00:00.000Z',
  },
  {
    citizen: 'cit_02',
    status: 'active',
    headBirthDate: '1985-06-18',
    headSex: 'female',
    others: [
      ['son', 'محمد حيدر كريم', '2006-04-11', 'male'],
      ['son', 'عبد الله حيدر كريم', '2009-09-23', 'male'],
      ['daughter', 'فاطمة حيدر كريم', '2012-12-01', 'female'],
      ['mother', 'سعدية جبار علوان', '1958-02-15', 'female'],
    ],
    place: ['قضاء شط العرب', 'التنومة، محلة 112', 'قرب مستوصف التنومة'],
    income: {
      employmentStatus: 'unemployed',
      monthlyIncome: 100_000,
      incomeSources: ['family-support'],
    },
    health: { chronicIllness: true, disability: 'none' },
    housing: { type: 'informal', rooms: 2 },
    frequency: 'monthly',
    updatedAt: '2026-02-03T10:20:00.000Z',
  },
  {
    citizen: 'cit_03',
    status: 'active',
    headBirthDate: '1977-03-14',
    headSex: 'male',
    others: [
      ['spouse', 'گوڵاڵە عەلی ڕەسووڵ', '1981-08-09', 'female'],
      ['son', 'ئاسۆ هەژار ئەحمەد', '2003-01-27', 'male'],
      ['son', 'کاروان هەژار ئەحمەد', '2006-05-30', 'male'],
      ['daughter', 'شەونم هەژار ئەحمەد', '2010-11-12', 'female'],
      ['daughter', 'ڤیان هەژار ئەحمەد', '2014-03-03', 'female'],
      ['father', 'ئەحمەد محەمەد قادر', '1948-07-01', 'male'],
    ],
    place: ['قەزای هەولێر', 'گەڕەکی بەختیاری', 'نزیک قوتابخانەی ئازادی'],
    alternatePhone: '+9647504567001',
    income: {
      employmentStatus: 'employed-private',
      monthlyIncome: 350_000,
      incomeSources: ['wages'],
    },
    health: { chronicIllness: true, disability: 'none' },
    housing: { type: 'rented', monthlyRent: 300_000, rooms: 3 },
    frequency: 'bi-monthly',
    updatedAt: '2026-07-21T06:45:00.000Z',
  },
  {
    citizen: 'cit_04',
    status: 'suspended',
    headBirthDate: '1992-11-22',
    headSex: 'female',
    others: [
      ['daughter', 'رقية عمر يونس', '2014-06-16', 'female'],
      ['son', 'يونس عمر يونس', '2017-02-08', 'male'],
    ],
    place: ['قضاء الموصل', 'المدينة القديمة، محلة الميدان', 'قرب جامع النوري'],
    income: { employmentStatus: 'unemployed', monthlyIncome: 0, incomeSources: [] },
    health: { chronicIllness: false, disability: 'physical', disabilityPercentage: 60 },
    housing: { type: 'informal', rooms: 1 },
    frequency: 'bi-monthly',
    hold: { from: '2026-09', reason: 'data-update-required' },
    updatedAt: '2024-09-14T09:00:00.000Z',
  },
  {
    citizen: 'cit_05',
    status: 'under-review',
    headBirthDate: '1980-01-01',
    headSex: 'male',
    others: [
      ['spouse', 'أمل كاظم شنان', '1984-04-19', 'female'],
      ['son', 'علي حسن جبار', '2004-10-02', 'male'],
      ['son', 'كرار حسن جبار', '2007-03-25', 'male'],
      ['daughter', 'نرجس حسن جبار', '2010-07-14', 'female'],
      ['son', 'مرتضى حسن جبار', '2013-12-20', 'male'],
      ['daughter', 'بنين حسن جبار', '2018-05-09', 'female'],
      ['father', 'جبار عباس فرهود', '1952-06-30', 'male'],
      ['mother', 'حسنة ناصر عبد', '1956-09-12', 'female'],
    ],
    place: ['قضاء سوق الشيوخ', 'ناحية الفضلية، قرية آل حميد', 'قرب مدرسة الفضلية الابتدائية'],
    income: {
      employmentStatus: 'daily-worker',
      monthlyIncome: 150_000,
      incomeSources: ['agriculture', 'livestock'],
    },
    health: { chronicIllness: true, disability: 'none' },
    housing: { type: 'owned', rooms: 3 },
    frequency: 'monthly',
    hold: { from: '2026-11', reason: 'under-review' },
    updatedAt: '2026-11-12T12:30:00.000Z',
  },
  {
    citizen: 'cit_06',
    status: 'active',
    headBirthDate: '1969-12-12',
    headSex: 'female',
    others: [],
    place: ['قەزای سلێمانی', 'گەڕەکی سەرچنار', 'نزیک نەخۆشخانەی شار'],
    income: {
      employmentStatus: 'unable-to-work',
      monthlyIncome: 0,
      incomeSources: ['family-support'],
    },
    health: { chronicIllness: true, disability: 'visual', disabilityPercentage: 50 },
    housing: { type: 'with-relatives', rooms: 1 },
    frequency: 'quarterly',
    updatedAt: '2026-03-01T07:10:00.000Z',
  },
  {
    citizen: 'cit_07',
    status: 'active',
    headBirthDate: '1983-04-04',
    headSex: 'male',
    others: [
      ['spouse', 'نوال فرحان مخلف', '1987-01-13', 'female'],
      ['son', 'عبد الله محمد عبد الله', '2008-08-08', 'male'],
      ['son', 'أحمد محمد عبد الله', '2011-02-17', 'male'],
      ['daughter', 'سارة محمد عبد الله', '2015-06-06', 'female'],
      ['daughter', 'آية محمد عبد الله', '2020-12-24', 'female'],
    ],
    place: ['قضاء الفلوجة', 'حي الجولان', 'قرب سوق الجولان'],
    income: {
      employmentStatus: 'daily-worker',
      monthlyIncome: 250_000,
      incomeSources: ['daily-wages'],
    },
    health: { chronicIllness: false, disability: 'none' },
    housing: { type: 'informal', rooms: 2 },
    frequency: 'bi-monthly',
    updatedAt: '2026-06-18T11:00:00.000Z',
  },
  {
    citizen: 'cit_09',
    status: 'active',
    headBirthDate: '1973-06-06',
    headSex: 'male',
    others: [
      ['spouse', 'خديجة محسن عبد', '1976-10-10', 'female'],
      ['son', 'مهدي عباس فاضل', '2001-03-21', 'male'],
      ['daughter', 'زينب عباس فاضل', '2005-11-30', 'female'],
      ['grandchild', 'حسن مهدي عباس', '2024-04-02', 'male'],
    ],
    place: ['قضاء الكوفة', 'حي ميثم التمار', 'قرب مسجد الكوفة'],
    income: {
      employmentStatus: 'unable-to-work',
      monthlyIncome: 120_000,
      incomeSources: ['family-support'],
    },
    health: { chronicIllness: true, disability: 'physical', disabilityPercentage: 70 },
    housing: { type: 'with-relatives', rooms: 2 },
    frequency: 'bi-monthly',
    updatedAt: '2026-10-05T08:15:00.000Z',
  },
  {
    citizen: 'cit_10',
    status: 'active',
    headBirthDate: '1988-07-07',
    headSex: 'male',
    others: [
      ['spouse', 'ژیان ئیسماعیل عەلی', '1991-02-26', 'female'],
      ['son', 'ڕێبوار ئاراس سەلیم', '2016-09-15', 'male'],
    ],
    place: ['قەزای زاخۆ', 'گەڕەکی شێخ محەمەد', 'نزیک پردی دەلال'],
    income: {
      employmentStatus: 'employed-private',
      monthlyIncome: 400_000,
      incomeSources: ['wages'],
    },
    health: { chronicIllness: false, disability: 'none' },
    housing: { type: 'rented', monthlyRent: 200_000, rooms: 2 },
    frequency: 'monthly',
    hold: { from: '2026-11', reason: 'card-not-activated' },
    updatedAt: '2026-10-28T13:40:00.000Z',
  },
  {
    citizen: 'cit_13',
    status: 'active',
    headBirthDate: '1986-10-10',
    headSex: 'male',
    others: [
      ['spouse', 'إيمان راضي حسون', '1989-05-05', 'female'],
      ['son', 'حميد رسول حميد', '2008-01-19', 'male'],
      ['son', 'سجاد رسول حميد', '2010-04-04', 'male'],
      ['daughter', 'غدير رسول حميد', '2012-08-18', 'female'],
      ['son', 'حسن رسول حميد', '2015-10-29', 'male'],
      ['daughter', 'تبارك رسول حميد', '2018-03-11', 'female'],
      ['brother', 'ماجد حميد جاسم', '1995-12-07', 'male'],
    ],
    place: ['قضاء الديوانية', 'حي العسكري', 'قرب جامع الحسن'],
    income: {
      employmentStatus: 'daily-worker',
      monthlyIncome: 300_000,
      incomeSources: ['daily-wages'],
    },
    health: { chronicIllness: false, disability: 'hearing', disabilityPercentage: 40 },
    housing: { type: 'owned', rooms: 3 },
    frequency: 'bi-monthly',
    updatedAt: '2026-04-22T09:30:00.000Z',
  },
  {
    citizen: 'cit_15',
    status: 'active',
    headBirthDate: '1972-12-13',
    headSex: 'male',
    others: [['spouse', 'صبيحة علي حسن', '1975-01-25', 'female']],
    place: ['قضاء العمارة', 'حي الحسين', 'قرب مستشفى الصدر العام'],
    income: { employmentStatus: 'retired', monthlyIncome: 250_000, incomeSources: ['pension'] },
    health: { chronicIllness: true, disability: 'none' },
    housing: { type: 'owned', rooms: 3 },
    frequency: 'monthly',
    updatedAt: '2026-01-15T10:00:00.000Z',
  },
  {
    citizen: 'cit_16',
    status: 'active',
    headBirthDate: '1989-02-14',
    headSex: 'female',
    others: [
      ['son', 'عادل سامر حسن', '2010-06-01', 'male'],
      ['daughter', 'مريم سامر حسن', '2013-09-09', 'female'],
      ['son', 'يوسف سامر حسن', '2016-11-11', 'male'],
    ],
    place: ['قضاء السماوة', 'حي الجمهوري', 'قرب كراج السماوة الموحد'],
    income: { employmentStatus: 'unemployed', monthlyIncome: 0, incomeSources: [] },
    health: { chronicIllness: false, disability: 'none' },
    housing: { type: 'rented', monthlyRent: 150_000, rooms: 2 },
    frequency: 'bi-monthly',
    updatedAt: '2026-08-30T08:00:00.000Z',
  },
  {
    citizen: 'cit_17',
    status: 'active',
    headBirthDate: '1996-06-16',
    headSex: 'male',
    others: [['mother', 'ئامینە مستەفا ڕەشید', '1962-04-20', 'female']],
    place: ['قەزای هەڵەبجە', 'گەڕەکی کانی عەشقان', 'نزیک بازاڕی هەڵەبجە'],
    income: {
      employmentStatus: 'daily-worker',
      monthlyIncome: 200_000,
      incomeSources: ['daily-wages'],
    },
    health: { chronicIllness: true, disability: 'none' },
    housing: { type: 'owned', rooms: 2 },
    frequency: 'bi-monthly',
    updatedAt: '2026-09-09T09:09:00.000Z',
  },
  {
    citizen: 'cit_19',
    status: 'active',
    headBirthDate: '1975-05-20',
    headSex: 'female',
    others: [
      ['son', 'مصطفى علي حميد', '1998-02-02', 'male'],
      ['daughter', 'إسراء علي حميد', '2001-07-07', 'female'],
      ['son', 'محمد علي حميد', '2004-12-12', 'male'],
      ['other', 'رحاب سلمان داود', '2000-03-03', 'female'],
      ['grandchild', 'علي مصطفى علي', '2022-01-30', 'male'],
    ],
    place: ['قضاء بعقوبة', 'حي التحرير', 'قرب جسر بعقوبة القديم'],
    income: {
      employmentStatus: 'employed-private',
      monthlyIncome: 300_000,
      incomeSources: ['small-business', 'daily-wages'],
    },
    health: { chronicIllness: false, disability: 'none' },
    housing: { type: 'informal', rooms: 3 },
    frequency: 'bi-monthly',
    updatedAt: '2026-07-01T07:00:00.000Z',
  },
  {
    citizen: 'cit_22',
    status: 'active',
    headBirthDate: '1970-02-26',
    headSex: 'male',
    others: [
      ['spouse', 'ناهدة عبد الرضا كاظم', '1974-08-14', 'female'],
      ['son', 'محمد جاسم محمد', '2000-10-20', 'male'],
      ['daughter', 'هبة جاسم محمد', '2003-04-16', 'female'],
      ['sister', 'سليمة محمد ثامر', '1965-11-05', 'female'],
    ],
    place: ['قضاء الزبير', 'حي الشهداء', 'قرب سوق الزبير الكبير'],
    income: {
      employmentStatus: 'unable-to-work',
      monthlyIncome: 100_000,
      incomeSources: ['family-support', 'other-aid'],
    },
    health: { chronicIllness: true, disability: 'multiple', disabilityPercentage: 75 },
    housing: { type: 'owned', rooms: 4 },
    frequency: 'monthly',
    updatedAt: '2026-03-19T12:00:00.000Z',
  },
  {
    citizen: 'cit_23',
    status: 'active',
    headBirthDate: '1997-08-29',
    headSex: 'female',
    others: [
      ['sister', 'ڕووناک جەمال', '2003-05-14', 'female'],
      ['brother', 'هێمن جەمال', '2008-10-01', 'male'],
    ],
    place: ['قەزای سلێمانی', 'گەڕەکی بەکرەجۆ', 'نزیک زانکۆی سلێمانی'],
    income: {
      employmentStatus: 'employed-private',
      monthlyIncome: 250_000,
      incomeSources: ['wages'],
    },
    health: { chronicIllness: false, disability: 'none' },
    housing: { type: 'rented', monthlyRent: 250_000, rooms: 2 },
    frequency: 'monthly',
    updatedAt: '2026-11-03T10:30:00.000Z',
  },
];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The citizen's number in `cit_NN`. */
const citizenNumber = (citizenId: string): number => Number(citizenId.slice(4));

/** A deterministic 12-digit national number for a seeded member: birth year, household, member, day. */
function memberNationalId(citizenId: string, index: number, birthDate: string): string {
  return `${birthDate.slice(0, 4)}${pad(citizenNumber(citizenId), 2)}${pad(index, 2)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}`;
}

const MONTHS_PER_PAYMENT: Record<AllowanceScheduleRecord['frequency'], number> = {
  monthly: 1,
  'bi-monthly': 2,
  quarterly: 3,
};

/** Last period paid or due before the seed's "today" (around 2026-11-25); later ones are scheduled. */
const LAST_DUE_PERIOD = '2026-11';

function addMonths(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
}

/** Five payments up to November 2026 and two after it, on the 20th of the month. */
function seedSchedule(seed: HouseholdSeed, size: number): AllowanceScheduleRecord {
  const step = MONTHS_PER_PAYMENT[seed.frequency];
  const monthly =
    MONTHLY_ALLOWANCE_BY_SIZE[Math.min(size, MONTHLY_ALLOWANCE_BY_SIZE.length) - 1] ?? 0;
  const amount = monthly * step;
  const payments: AllowancePaymentRecord[] = [];
  for (let i = -4; i <= 2; i++) {
    const period = addMonths(LAST_DUE_PERIOD, i * step);
    const dueDate = `${period}-20`;
    const base = { period, dueDate, amount, channel: 'qi-card' as const };
    if (seed.hold && period >= seed.hold.from && period <= LAST_DUE_PERIOD) {
      payments.push({ ...base, status: 'held', paidAt: null, holdReason: seed.hold.reason });
    } else if (period <= LAST_DUE_PERIOD) {
      payments.push({ ...base, status: 'paid', paidAt: `${dueDate}T07:30:00.000Z` });
    } else {
      payments.push({ ...base, status: 'scheduled', paidAt: null });
    }
  }
  return { amountPerPayment: amount, frequency: seed.frequency, payments };
}

/**
 * The answers a new update request starts with: the data on file (members without their national
 * numbers, which only new members carry), with `changes` replacing whole sections.
 */
export function answersFrom(record: BeneficiaryRecord, changes: UpdateAnswers = {}): UpdateAnswers {
  const { governorate, district, locality, nearestLandmark } = record.residence;
  return {
    residence: { governorate, district, locality, nearestLandmark },
    contact: { ...record.contact },
    household: {
      members: record.members.map(({ id, name, relation, birthDate, sex }) => ({
        id,
        name,
        relation,
        birthDate,
        sex,
      })),
    },
    income: { ...record.income, incomeSources: [...record.income.incomeSources] },
    health: { ...record.health },
    housing: { ...record.housing },
    ...changes,
  };
}

/**
 * Seeded update requests: a draft (cit_02), a request under review (cit_05), one waiting for more
 * information (cit_13), an approved one (cit_09) and a freshly submitted one (cit_23). Their ids
 * and reference numbers sit outside the ranges `nextId` and `nextReference` count through.
 */
function seedDrafts(beneficiaries: Record<string, BeneficiaryRecord>): Record<string, DraftRecord> {
  const drafts: Record<string, DraftRecord> = {};
  const need = (citizenId: string): BeneficiaryRecord => {
    const record = beneficiaries[citizenId];
    if (!record) throw new Error(`seed: ${citizenId} is not a beneficiary`);
    return record;
  };
  const add = (record: DraftRecord) => {
    drafts[record.id] = record;
  };
  const doc = (
    id: string,
    type: DraftRecord['documents'][number]['type'],
    fileName: string,
    contentType: 'application/pdf' | 'image/jpeg' | 'image/png',
    sizeBytes: number,
    uploadedAt: string,
  ) => ({ id, type, fileName, contentType, sizeBytes, uploadedAt });

  const cit02 = need('cit_02');
  add({
    id: 'upd_seed0201',
    citizenId: 'cit_02',
    kind: 'beneficiary-update',
    status: 'draft',
    version: 2,
    answers: answersFrom(cit02, {
      contact: { phone: cit02.contact.phone, alternatePhone: '+9647809876543' },
    }),
    documents: [
      doc(
        'doc_seed020101',
        'national-card',
        'البطاقة الوطنية.jpg',
        'image/jpeg',
        412_360,
        '2026-11-22T17:05:00.000Z',
      ),
    ],
    createdAt: '2026-11-22T16:58:00.000Z',
    updatedAt: '2026-11-22T17:06:00.000Z',
    submittedAt: null,
    referenceNumber: null,
    history: [{ status: 'draft', at: '2026-11-22T16:58:00.000Z' }],
  });

  const cit05 = need('cit_05');
  add({
    id: 'upd_seed0501',
    citizenId: 'cit_05',
    kind: 'beneficiary-update',
    status: 'under-review',
    version: 3,
    answers: answersFrom(cit05, {
      income: {
        employmentStatus: 'unemployed',
        monthlyIncome: 50_000,
        incomeSources: ['livestock'],
      },
    }),
    documents: [
      doc(
        'doc_seed050101',
        'national-card',
        'البطاقة الوطنية.pdf',
        'application/pdf',
        198_144,
        '2026-11-10T08:20:00.000Z',
      ),
      doc(
        'doc_seed050102',
        'income-proof',
        'تأييد المختار بانقطاع الدخل.pdf',
        'application/pdf',
        96_512,
        '2026-11-10T08:24:00.000Z',
      ),
    ],
    createdAt: '2026-11-10T08:05:00.000Z',
    updatedAt: '2026-11-12T12:30:00.000Z',
    submittedAt: '2026-11-10T08:31:00.000Z',
    referenceNumber: 'MZL-2026-090501',
    history: [
      { status: 'draft', at: '2026-11-10T08:05:00.000Z' },
      { status: 'submitted', at: '2026-11-10T08:31:00.000Z' },
      {
        status: 'under-review',
        at: '2026-11-12T12:30:00.000Z',
        note: 'أحيل الطلب إلى الباحث الاجتماعي للزيارة الميدانية',
      },
    ],
  });

  const cit13 = need('cit_13');
  add({
    id: 'upd_seed1301',
    citizenId: 'cit_13',
    kind: 'beneficiary-update',
    status: 'needs-information',
    version: 2,
    answers: answersFrom(cit13, {
      health: { chronicIllness: false, disability: 'hearing', disabilityPercentage: 55 },
    }),
    documents: [
      doc(
        'doc_seed130101',
        'national-card',
        'البطاقة الوطنية.jpg',
        'image/jpeg',
        356_001,
        '2026-10-30T19:12:00.000Z',
      ),
    ],
    createdAt: '2026-10-30T19:00:00.000Z',
    updatedAt: '2026-11-04T09:45:00.000Z',
    submittedAt: '2026-10-30T19:20:00.000Z',
    referenceNumber: 'MZL-2026-091301',
    history: [
      { status: 'draft', at: '2026-10-30T19:00:00.000Z' },
      { status: 'submitted', at: '2026-10-30T19:20:00.000Z' },
      { status: 'under-review', at: '2026-11-02T10:00:00.000Z' },
      {
        status: 'needs-information',
        at: '2026-11-04T09:45:00.000Z',
        note: 'يرجى إرفاق تقرير اللجنة الطبية الذي يثبت نسبة العجز الجديدة',
      },
    ],
  });

  const cit09 = need('cit_09');
  add({
    id: 'upd_seed0901',
    citizenId: 'cit_09',
    kind: 'beneficiary-update',
    status: 'approved',
    version: 4,
    answers: answersFrom(cit09, {}),
    documents: [
      doc(
        'doc_seed090101',
        'national-card',
        'البطاقة الوطنية.pdf',
        'application/pdf',
        221_184,
        '2026-09-14T11:02:00.000Z',
      ),
      doc(
        'doc_seed090102',
        'birth-certificate',
        'شهادة ميلاد حسن.jpg',
        'image/jpeg',
        508_930,
        '2026-09-14T11:05:00.000Z',
      ),
    ],
    createdAt: '2026-09-14T10:50:00.000Z',
    updatedAt: '2026-10-05T08:15:00.000Z',
    submittedAt: '2026-09-14T11:10:00.000Z',
    referenceNumber: 'MZL-2026-090901',
    history: [
      { status: 'draft', at: '2026-09-14T10:50:00.000Z' },
      { status: 'submitted', at: '2026-09-14T11:10:00.000Z' },
      { status: 'under-review', at: '2026-09-20T09:00:00.000Z' },
      {
        status: 'approved',
        at: '2026-10-05T08:15:00.000Z',
        note: 'تمت إضافة الحفيد إلى بيانات الأسرة',
      },
    ],
  });

  const cit23 = need('cit_23');
  add({
    id: 'upd_seed2301',
    citizenId: 'cit_23',
    kind: 'beneficiary-update',
    status: 'submitted',
    version: 3,
    answers: answersFrom(cit23, {
      residence: {
        governorate: 'IQ-SU',
        district: 'قەزای سلێمانی',
        locality: 'گەڕەکی ئازادی',
        nearestLandmark: 'نزیک پارکی ئازادی',
      },
      housing: { type: 'rented', monthlyRent: 300_000, rooms: 2 },
    }),
    documents: [
      doc(
        'doc_seed230101',
        'national-card',
        'کارتی نیشتمانی.pdf',
        'application/pdf',
        187_392,
        '2026-11-23T15:01:00.000Z',
      ),
      doc(
        'doc_seed230102',
        'residence-card',
        'کارتی نیشتەجێبوون.jpg',
        'image/jpeg',
        433_210,
        '2026-11-23T15:03:00.000Z',
      ),
      doc(
        'doc_seed230103',
        'lease-or-deed',
        'گرێبەستی کرێ.pdf',
        'application/pdf',
        145_600,
        '2026-11-23T15:06:00.000Z',
      ),
    ],
    createdAt: '2026-11-23T14:50:00.000Z',
    updatedAt: '2026-11-23T15:10:00.000Z',
    submittedAt: '2026-11-23T15:10:00.000Z',
    referenceNumber: 'MZL-2026-092301',
    history: [
      { status: 'draft', at: '2026-11-23T14:50:00.000Z' },
      { status: 'submitted', at: '2026-11-23T15:10:00.000Z' },
    ],
  });
  return drafts;
}

/**
 * The seeded social-protection slice: 16 beneficiary households of 1 to 9 people among the seeded
 * citizens (cit_08, cit_11, cit_12, cit_14, cit_18, cit_20, cit_21 and cit_24 are not
 * beneficiaries), their allowance schedules and a few update requests in every state.
 */
export function seedSocialProtection(citizens: Citizen[]): SocialProtectionState {
  const byId = new Map(citizens.map((c) => [c.id, c]));
  const beneficiaries: Record<string, BeneficiaryRecord> = {};
  const schedules: Record<string, AllowanceScheduleRecord> = {};
  for (const seed of households) {
    const citizen = byId.get(seed.citizen);
    if (!citizen) continue;
    const n = citizenNumber(seed.citizen);
    const head: MemberRecord = {
      id: `mem_${pad(n, 2)}01`,
      name: citizen.nameAr,
      relation: 'head',
      birthDate: seed.headBirthDate,
      nationalId: citizen.nationalId,
      sex: seed.headSex,
    };
    const others = seed.others.map(([relation, name, birthDate, sex], i): MemberRecord => ({
      id: `mem_${pad(n, 2)}${pad(i + 2, 2)}`,
      name,
      relation,
      birthDate,
      nationalId: memberNationalId(seed.citizen, i + 2, birthDate),
      sex,
    }));
    const [district, locality, nearestLandmark] = seed.place;
    beneficiaries[seed.citizen] = {
      beneficiaryId: `SP-1023${pad(n * 37, 4)}`,
      status: seed.status,
      members: [head, ...others],
      residence: {
        governorate: citizen.governorate,
        district,
        locality,
        nearestLandmark,
        residenceCardNumber: `${pad((n * 7_919_113) % 1_000_000_000, 9)}${n % 10}`,
      },
      contact: seed.alternatePhone
        ? { phone: citizen.phone, alternatePhone: seed.alternatePhone }
        : { phone: citizen.phone },
      income: { ...seed.income, incomeSources: [...seed.income.incomeSources] },
      health: { ...seed.health },
      housing: { ...seed.housing },
      updatedAt: seed.updatedAt,
    };
    schedules[seed.citizen] = seedSchedule(seed, 1 + others.length);
  }
  return { beneficiaries, schedules, drafts: seedDrafts(beneficiaries) };
}
