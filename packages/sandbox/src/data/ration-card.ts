import type { Citizen } from './citizens.js';
import type { DraftRecord } from '../drafts.js';

/** `ration-card.yaml#/components/schemas/RationItem`. */
export type RationItem =
  | 'flour'
  | 'rice'
  | 'sugar'
  | 'cooking-oil'
  | 'legumes'
  | 'tea'
  | 'infant-milk'
  | 'soap'
  | 'detergent';

/** `ration-card.yaml#/components/schemas/QuantityUnit`. */
export type QuantityUnit = 'kg' | 'g' | 'l' | 'piece';

/** `ration-card.yaml#/components/schemas/MemberRelation`. */
export type MemberRelation =
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

/** `ration-card.yaml#/components/schemas/BlockReason`. */
export type BlockReason =
  'not-updated' | 'duplicate' | 'deceased-member-listed' | 'data-mismatch' | 'abroad';

/** One line of a month's basket: what each registered person is entitled to, by ministerial decision. */
export interface BasketLine {
  item: RationItem;
  quantityPerPerson: number;
  unit: QuantityUnit;
}

/** A food or flour agent, who hands the basket out to the households registered with them. */
export interface RationAgent {
  id: string;
  kind: 'food' | 'flour';
  governorate: string;
  name: string;
  address: string;
  phone?: string;
  location?: { latitude: number; longitude: number };
}

/** A person registered on a ration card. */
export interface RationMember {
  id: string;
  name: string;
  relation: MemberRelation;
  birthDate: string;
  nationalId: string;
}

/** One item handed over (or still due) in one month. */
export interface DistributionLineRecord {
  item: RationItem;
  status: 'received' | 'partial' | 'pending';
  quantity: number;
  receivedAt: string | null;
  agentId: string | null;
}

/** What was handed over to a household in one month. */
export interface DistributionRecord {
  month: string;
  lines: DistributionLineRecord[];
}

/** A household's card as the ministry keeps it. */
export interface RationHousehold {
  citizenId: string;
  cardNumber: string;
  status: { state: 'active' } | { state: 'blocked'; reasonCode: BlockReason; blockedSince: string };
  governorate: string;
  supplyCentre: { code: string; name: string; address: string };
  foodAgentId: string;
  flourAgentId: string;
  /** The head first. */
  members: RationMember[];
  /** Oldest month first; never later than the month the sandbox clock is in at seeding time. */
  distributions: DistributionRecord[];
  updatedAt: string;
}

/** The ration card service's slice of the sandbox state. */
export interface RationCardState {
  /**
   * The basket per month (`YYYY-MM`). Per-person quantities are national decisions, the same for
   * every card in a month, so they are kept once here rather than copied onto each household.
   */
  baskets: Record<string, BasketLine[]>;
  /** Food and flour agents by id. */
  agents: Record<string, RationAgent>;
  /** Households by the citizen id of their head. */
  households: Record<string, RationHousehold>;
  /** Family change requests by id (the shared update-request lifecycle). */
  drafts: Record<string, DraftRecord>;
}

/** First month of the seeded history. */
export const HISTORY_START = '2024-09';
/** Last month with distributions: the seeded clock stands in late November 2026. */
export const HISTORY_END = '2026-11';
/** Last month the ministry has announced a basket for. */
export const BASKET_END = '2026-12';

/** `YYYY-MM` plus `n` months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included, oldest first. */
function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

// ---- the basket ------------------------------------------------------------------------------------

/**
 * Indicative quantities per person per month (flour 9 kg, rice 3 kg, sugar 2 kg, oil 1 l). Rice was
 * 2 kg until mid-2025 and pulses and tea were added in the months of Ramadan: quantities are data
 * that change by decision, which is what the handlers and clients must cope with.
 */
function basketFor(month: string): BasketLine[] {
  const lines: BasketLine[] = [
    { item: 'flour', quantityPerPerson: 9, unit: 'kg' },
    { item: 'rice', quantityPerPerson: month < '2025-07' ? 2 : 3, unit: 'kg' },
    { item: 'sugar', quantityPerPerson: 2, unit: 'kg' },
    { item: 'cooking-oil', quantityPerPerson: 1, unit: 'l' },
  ];
  if (RAMADAN_MONTHS.includes(month)) {
    lines.push({ item: 'legumes', quantityPerPerson: 1, unit: 'kg' });
    lines.push({ item: 'tea', quantityPerPerson: 200, unit: 'g' });
  }
  return lines;
}
const RAMADAN_MONTHS = ['2025-03', '2026-02'];

// ---- places and agents -----------------------------------------------------------------------------

interface Place {
  /** Whether the place is in the Kurdistan Region (names and addresses in Sorani). */
  sorani: boolean;
  city: string;
  /** Three letters for supply-centre codes. */
  code: string;
  localities: [string, string];
  landmarks: [string, string];
  latitude: number;
  longitude: number;
}

const PLACES: Record<string, Place> = {
  'IQ-BG': {
    sorani: false,
    city: 'بغداد',
    code: 'KRK',
    localities: ['الكرخ، حي المنصور', 'الكرخ، حي اليرموك'],
    landmarks: ['جامع الرحمن', 'ساحة اللقاء'],
    latitude: 33.3152,
    longitude: 44.3661,
  },
  'IQ-BA': {
    sorani: false,
    city: 'البصرة',
    code: 'ASH',
    localities: ['العشار، حي الجزائر', 'العشار، حي الجمهورية'],
    landmarks: ['سوق العشار', 'جامع البصرة الكبير'],
    latitude: 30.5085,
    longitude: 47.7804,
  },
  'IQ-NI': {
    sorani: false,
    city: 'الموصل',
    code: 'MSL',
    localities: ['الجانب الأيسر، حي الزهور', 'الجانب الأيسر، حي الشرطة'],
    landmarks: ['جامعة الموصل', 'جامع النبي يونس'],
    latitude: 36.3489,
    longitude: 43.1577,
  },
  'IQ-AR': {
    sorani: true,
    city: 'هەولێر',
    code: 'ERB',
    localities: ['گەڕەکی ئازادی', 'گەڕەکی بەختیاری'],
    landmarks: ['قەڵای هەولێر', 'پارکی شانەدەر'],
    latitude: 36.1911,
    longitude: 44.0092,
  },
  'IQ-SU': {
    sorani: true,
    city: 'سلێمانی',
    code: 'SUL',
    localities: ['گەڕەکی سەرچنار', 'گەڕەکی ئازادی'],
    landmarks: ['بازاڕی گەورە', 'پارکی ئازادی'],
    latitude: 35.5613,
    longitude: 45.4306,
  },
  'IQ-DA': {
    sorani: true,
    city: 'دهۆک',
    code: 'DHK',
    localities: ['گەڕەکی ماسیکێ', 'گەڕەکی شێلێ'],
    landmarks: ['بەنداوی دهۆک', 'زانکۆی دهۆک'],
    latitude: 36.8669,
    longitude: 42.9503,
  },
  'IQ-HA': {
    sorani: true,
    city: 'هەڵەبجە',
    code: 'HLB',
    localities: ['گەڕەکی کانی عەشقان', 'گەڕەکی جۆلەکان'],
    landmarks: ['مۆنۆمێنتی شەهیدانی هەڵەبجە', 'بازاڕی هەڵەبجە'],
    latitude: 35.1778,
    longitude: 45.9861,
  },
  'IQ-KI': {
    sorani: false,
    city: 'كركوك',
    code: 'KIR',
    localities: ['حي الواسطي', 'حي عرفة'],
    landmarks: ['قلعة كركوك', 'سوق القورية'],
    latitude: 35.4681,
    longitude: 44.3922,
  },
  'IQ-DI': {
    sorani: false,
    city: 'بعقوبة',
    code: 'BAQ',
    localities: ['حي المعلمين', 'حي التحرير'],
    landmarks: ['الجسر القديم', 'سوق بعقوبة الكبير'],
    latitude: 33.7502,
    longitude: 44.6437,
  },
  'IQ-AN': {
    sorani: false,
    city: 'الرمادي',
    code: 'RAM',
    localities: ['حي الأندلس', 'حي التأميم'],
    landmarks: ['جامع الرمادي الكبير', 'مستشفى الرمادي التعليمي'],
    latitude: 33.4206,
    longitude: 43.3058,
  },
  'IQ-BB': {
    sorani: false,
    city: 'الحلة',
    code: 'HIL',
    localities: ['حي بابل', 'حي الجمعية'],
    landmarks: ['جسر الحلة', 'سوق الحلة الكبير'],
    latitude: 32.4837,
    longitude: 44.4328,
  },
  'IQ-KA': {
    sorani: false,
    city: 'كربلاء',
    code: 'KRB',
    localities: ['حي العباس', 'حي الحسين'],
    landmarks: ['مدينة الزائرين', 'باب بغداد'],
    latitude: 32.616,
    longitude: 44.0249,
  },
  'IQ-NA': {
    sorani: false,
    city: 'الكوفة',
    code: 'KUF',
    localities: ['حي ميثم التمار', 'حي كندة'],
    landmarks: ['سوق الكوفة الكبير', 'مسجد السهلة'],
    latitude: 32.03,
    longitude: 44.401,
  },
  'IQ-WA': {
    sorani: false,
    city: 'الكوت',
    code: 'KUT',
    localities: ['حي الأمير', 'حي العروبة'],
    landmarks: ['سدة الكوت', 'مستشفى الزهراء'],
    latitude: 32.5128,
    longitude: 45.8182,
  },
  'IQ-SD': {
    sorani: false,
    city: 'تكريت',
    code: 'TKR',
    localities: ['حي القادسية', 'حي الزهور'],
    landmarks: ['جامعة تكريت', 'جامع تكريت الكبير'],
    latitude: 34.6071,
    longitude: 43.6782,
  },
  'IQ-QA': {
    sorani: false,
    city: 'الديوانية',
    code: 'DIW',
    localities: ['حي العصري', 'حي الجمهوري'],
    landmarks: ['جسر الديوانية', 'سوق التجار'],
    latitude: 31.9929,
    longitude: 44.9255,
  },
  'IQ-MA': {
    sorani: false,
    city: 'العمارة',
    code: 'AMR',
    localities: ['حي الحسين', 'حي المعلمين'],
    landmarks: ['جسر الكحلاء', 'سوق العمارة الكبير'],
    latitude: 31.8356,
    longitude: 47.144,
  },
  'IQ-DQ': {
    sorani: false,
    city: 'الناصرية',
    code: 'NAS',
    localities: ['حي الشموخ', 'حي أريدو'],
    landmarks: ['جسر الزيتون', 'مستشفى الحسين التعليمي'],
    latitude: 31.0439,
    longitude: 46.2576,
  },
  'IQ-MU': {
    sorani: false,
    city: 'السماوة',
    code: 'SAM',
    localities: ['حي الحسين', 'حي العسكري'],
    landmarks: ['جسر السماوة', 'السوق المسقف'],
    latitude: 31.3099,
    longitude: 45.2806,
  },
};

const ARABIC_OWNERS = [
  'الحاج كريم عبد الزهرة',
  'أبو سجاد الساعدي',
  'جبار حسون فرج',
  'الحاج عبد الأمير الخفاجي',
  'سلمان داود العبيدي',
  'أبو حيدر الكعبي',
  'نعمة عبد الحسين',
  'الحاج صباح الجبوري',
  'قاسم محمد الدليمي',
  'أبو علي الربيعي',
  'حميد شاكر الزبيدي',
  'الحاج فالح المالكي',
  'عدنان خضير الشمري',
  'أبو مصطفى التميمي',
  'رزاق جاسم الحسناوي',
  'الحاج نوري العزاوي',
  'ماجد كاظم الياسري',
  'أبو أحمد الجنابي',
  'طالب حسن اللامي',
  'الحاج مهدي الفتلاوي',
  'ستار عبد الله الحمداني',
  'أبو زينب الموسوي',
  'فلاح ناصر البديري',
  'الحاج جواد الأسدي',
];
const SORANI_OWNERS = [
  'کاک ئازاد حەمە ئەمین',
  'حاجی عومەر ڕەشید',
  'کاک سەردار مەحمود',
  'مام جەلال قادر',
  'کاک بەختیار عەلی',
  'حاجی کەریم فەتاح',
  'کاک نەوزاد ئیبراهیم',
  'کاک هیوا سەعید',
];

const GOVERNORATES = Object.keys(PLACES);

/** The place of a governorate; every seeded citizen lives in one of {@link PLACES}. */
function placeOf(governorate: string): Place {
  const place = PLACES[governorate];
  if (!place) throw new Error(`no seeded place for ${governorate}`);
  return place;
}

/** The `i`-th element of a list, wrapping around (the lists here are never empty). */
function cycle<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/** Two food and two flour agents per governorate, so a household can ask to change agent. */
function seedAgents(): Record<string, RationAgent> {
  const agents: Record<string, RationAgent> = {};
  GOVERNORATES.forEach((gov, g) => {
    const place = placeOf(gov);
    const soraniIndex = GOVERNORATES.filter((x) => placeOf(x).sorani).indexOf(gov);
    const arabicIndex = GOVERNORATES.filter((x) => !placeOf(x).sorani).indexOf(gov);
    for (const kind of ['food', 'flour'] as const) {
      for (const n of [1, 2] as const) {
        const slot = (kind === 'food' ? 0 : 2) + (n - 1);
        const owner = place.sorani
          ? cycle(SORANI_OWNERS, soraniIndex * 4 + slot)
          : cycle(ARABIC_OWNERS, arabicIndex * 4 + slot);
        const name = place.sorani
          ? `بریکاری ${owner} بۆ ${kind === 'food' ? 'خۆراک' : 'ئارد'}`
          : `وكالة ${owner} ${kind === 'food' ? 'للمواد الغذائية' : 'لتوزيع الطحين'}`;
        const locality = cycle(place.localities, n - 1);
        const landmark = cycle(place.landmarks, n + slot);
        const id = `agt_${gov.slice(3).toLowerCase()}_${kind === 'food' ? 'f' : 'w'}${n}`;
        const agent: RationAgent = {
          id,
          kind,
          governorate: gov,
          name,
          address: `${place.city}، ${locality}، ${place.sorani ? 'نزیک' : 'قرب'} ${landmark}`,
        };
        // Not every agent has a registered phone or a position on the map: both stay optional.
        if ((g + slot) % 3 !== 2)
          agent.phone = `+9647${['70', '80', '50', '90', '71', '81'][(g + slot) % 6]}${String(1100200 + g * 17 + slot * 5).padStart(7, '0')}`;
        if ((g + slot) % 2 === 0) {
          agent.location = {
            latitude: Math.round((place.latitude + 0.004 * (slot - 1.5)) * 1e4) / 1e4,
            longitude: Math.round((place.longitude + 0.003 * (n - 1.5)) * 1e4) / 1e4,
          };
        }
        agents[id] = agent;
      }
    }
  });
  return agents;
}

// ---- households ------------------------------------------------------------------------------------

/**
 * A household as written here: the head comes from the citizen; `children` are given names that take
 * the household's `childSuffix` (father's name and grandfather's name, as Iraqi names are built);
 * `others` carry full names.
 */
interface HouseholdSpec {
  citizenId: string;
  childSuffix: string;
  others: [MemberRelation, string, string][];
  children: ['son' | 'daughter', string, string][];
  /** Relatives listed after the children (parents, grandchildren, siblings). */
  after?: [MemberRelation, string, string][];
  blocked?: { reasonCode: BlockReason; blockedSince: string };
  /** A card moved from another governorate this month: its history stayed with the old card. */
  noHistory?: boolean;
  headBirthDate: string;
}

const HOUSEHOLDS: HouseholdSpec[] = [
  {
    citizenId: 'cit_01',
    headBirthDate: '1990-03-12',
    childSuffix: 'علي حسين',
    others: [['spouse', 'زهراء عباس جاسم', '1993-07-02']],
    children: [
      ['son', 'حسين', '2016-01-20'],
      ['daughter', 'فاطمة', '2018-09-11'],
      ['son', 'محمد', '2022-04-03'],
    ],
  },
  {
    citizenId: 'cit_02',
    headBirthDate: '1985-11-04',
    childSuffix: 'حيدر كريم',
    others: [],
    children: [
      ['son', 'مرتضى', '2008-05-17'],
      ['daughter', 'نرجس', '2010-12-02'],
      ['son', 'سجاد', '2013-08-25'],
    ],
  },
  {
    citizenId: 'cit_03',
    headBirthDate: '1977-03-14',
    childSuffix: 'هەژار ئەحمەد',
    others: [['spouse', 'گوڵاڵە عەزیز قادر', '1980-06-21']],
    children: [
      ['son', 'ئاکۆ', '2001-04-09'],
      ['son', 'ڕێبین', '2004-10-30'],
      ['daughter', 'شنۆ', '2007-02-13'],
      ['daughter', 'ژیلا', '2011-07-19'],
    ],
    after: [['mother', 'ئامینە مستەفا ڕەسوڵ', '1952-01-01']],
  },
  {
    citizenId: 'cit_04',
    headBirthDate: '1992-11-22',
    childSuffix: 'يونس محمود',
    others: [['spouse', 'يونس محمود طه', '1988-02-08']],
    children: [['son', 'أيمن', '2019-06-14']],
  },
  {
    citizenId: 'cit_05',
    headBirthDate: '1980-01-01',
    childSuffix: 'حسن جبار',
    others: [['spouse', 'سعدية كاظم مطر', '1982-09-15']],
    children: [
      ['son', 'علي', '2002-03-03'],
      ['daughter', 'زهراء', '2004-11-21'],
      ['son', 'عباس', '2006-06-06'],
      ['daughter', 'كوثر', '2009-01-28'],
      ['son', 'جبار', '2012-08-10'],
    ],
    after: [['mother', 'حسنة عبد علي شلال', '1950-07-01']],
    blocked: { reasonCode: 'not-updated', blockedSince: '2025-12-01' },
  },
  {
    citizenId: 'cit_06',
    headBirthDate: '1969-12-12',
    childSuffix: 'عەلی مەحمود',
    others: [],
    children: [
      ['son', 'هێمن', '1992-05-02'],
      ['daughter', 'ڤیان', '1995-09-18'],
      ['son', 'کارزان', '1998-12-07'],
    ],
    after: [['grandchild', 'ئەڤین هێمن عەلی', '2020-03-21']],
  },
  {
    citizenId: 'cit_07',
    headBirthDate: '1983-04-04',
    childSuffix: 'محمد عبد الله',
    others: [['spouse', 'آمنة حميد فرحان', '1986-10-12']],
    children: [
      ['son', 'عبد الله', '2008-02-19'],
      ['daughter', 'عائشة', '2011-05-27'],
      ['son', 'عمر', '2014-09-03'],
      ['daughter', 'خديجة', '2018-12-16'],
    ],
  },
  {
    citizenId: 'cit_08',
    headBirthDate: '1995-05-05',
    childSuffix: 'مهدي صالح',
    others: [['spouse', 'مهدي صالح عبود', '1992-01-30']],
    children: [],
  },
  {
    citizenId: 'cit_09',
    headBirthDate: '1973-06-06',
    childSuffix: 'عباس فاضل',
    others: [['spouse', 'نضال جواد كاظم', '1976-03-25']],
    children: [
      ['son', 'حيدر', '1998-08-08'],
      ['son', 'أمير', '2001-11-14'],
      ['daughter', 'بنين', '2005-04-01'],
    ],
    // The father died in May 2026 and is still on the card: the reason the card is blocked.
    after: [['father', 'فاضل مهدي عبد الرضا', '1941-02-14']],
    blocked: { reasonCode: 'deceased-member-listed', blockedSince: '2026-06-01' },
  },
  {
    citizenId: 'cit_10',
    headBirthDate: '1988-07-07',
    childSuffix: 'ئاراس سەلیم',
    others: [['spouse', 'ڕۆژان ئیسماعیل عومەر', '1990-04-11']],
    children: [
      ['son', 'ئالان', '2015-03-08'],
      ['daughter', 'ڕۆژین', '2019-10-24'],
    ],
  },
  {
    citizenId: 'cit_11',
    headBirthDate: '1991-08-08',
    childSuffix: 'كرار عبد الحسين',
    others: [['spouse', 'كرار عبد الحسين علي', '1989-12-19']],
    children: [['daughter', 'رقية', '2017-07-07']],
  },
  {
    citizenId: 'cit_12',
    headBirthDate: '1979-09-09',
    childSuffix: 'أحمد ياسين',
    others: [['spouse', 'هند عبد الكريم سلمان', '1983-05-05']],
    children: [
      ['son', 'ياسين', '2005-01-15'],
      ['daughter', 'مروة', '2008-06-29'],
      ['son', 'طه', '2012-10-02'],
    ],
    blocked: { reasonCode: 'duplicate', blockedSince: '2026-03-01' },
  },
  {
    citizenId: 'cit_13',
    headBirthDate: '1986-10-10',
    childSuffix: 'رسول حميد',
    others: [['spouse', 'إيمان عبد الحسن راضي', '1988-02-14']],
    children: [
      ['son', 'حميد', '2008-01-09'],
      ['daughter', 'زينب', '2010-04-23'],
      ['son', 'مصطفى', '2012-11-30'],
      ['daughter', 'رقية', '2014-08-17'],
      ['son', 'جاسم', '2017-03-12'],
      ['daughter', 'أم البنين', '2020-12-05'],
    ],
    after: [
      ['father', 'حميد جاسم محمد', '1958-05-20'],
      ['mother', 'فاطمة عبد الزهرة حسن', '1962-09-09'],
    ],
  },
  {
    citizenId: 'cit_14',
    headBirthDate: '1993-11-11',
    childSuffix: 'سارة مهند',
    others: [],
    children: [],
  },
  {
    citizenId: 'cit_15',
    headBirthDate: '1972-12-13',
    childSuffix: 'كاظم جواد',
    others: [['spouse', 'فضيلة عبد الواحد جبر', '1975-04-04']],
    children: [
      ['son', 'جواد', '1995-02-02'],
      ['son', 'علي', '1997-06-18'],
      ['daughter', 'حوراء', '1999-09-27'],
      ['son', 'عقيل', '2001-12-12'],
      ['daughter', 'زهراء', '2004-03-30'],
      ['son', 'حسين', '2007-07-21'],
      ['daughter', 'نور', '2010-10-10'],
    ],
    after: [
      ['mother', 'خيرية ناصر حسين', '1948-01-01'],
      ['grandchild', 'كاظم جواد كاظم', '2020-05-15'],
      ['grandchild', 'ملاك جواد كاظم', '2023-08-09'],
    ],
  },
  {
    citizenId: 'cit_16',
    headBirthDate: '1989-04-15',
    childSuffix: 'سلام حسن',
    others: [['spouse', 'سلام حسن جبر', '1985-01-26']],
    children: [['son', 'آدم', '2016-11-03']],
    blocked: { reasonCode: 'abroad', blockedSince: '2025-09-01' },
  },
  {
    citizenId: 'cit_17',
    headBirthDate: '1996-06-17',
    childSuffix: 'دلێر عەبدولڕەحمان',
    others: [],
    children: [],
    after: [
      ['mother', 'نەسرین ئەحمەد ڕەشید', '1968-03-16'],
      ['sister', 'هێرۆ عەبدولڕەحمان سەعید', '2001-05-22'],
    ],
  },
  {
    citizenId: 'cit_18',
    headBirthDate: '1982-12-18',
    childSuffix: 'عمر فاروق',
    others: [['spouse', 'نادية عبد الستار ولي', '1985-08-08']],
    children: [
      ['son', 'فاروق', '2007-05-05'],
      ['daughter', 'سارة', '2010-02-20'],
      ['son', 'يوسف', '2013-09-09'],
      ['daughter', 'لينا', '2016-12-31'],
    ],
    blocked: { reasonCode: 'data-mismatch', blockedSince: '2026-02-01' },
  },
  {
    citizenId: 'cit_19',
    headBirthDate: '1975-05-20',
    childSuffix: 'سعد عبد الجبار',
    others: [['spouse', 'سعد عبد الجبار حمد', '1970-10-01']],
    children: [
      ['son', 'أحمد', '2000-01-17'],
      ['daughter', 'دعاء', '2003-06-08'],
    ],
  },
  {
    citizenId: 'cit_20',
    headBirthDate: '1994-02-22',
    childSuffix: 'مصطفى رعد',
    others: [['spouse', 'ضحى علي حسين', '1997-11-13']],
    children: [
      ['son', 'رعد', '2020-07-04'],
      ['daughter', 'جنات', '2024-01-26'],
    ],
  },
  {
    citizenId: 'cit_21',
    headBirthDate: '1987-04-25',
    childSuffix: 'ميثم كاظم',
    others: [['spouse', 'ميثم كاظم ناصر', '1984-06-15']],
    children: [
      ['daughter', 'زينب', '2011-03-19'],
      ['son', 'محمد باقر', '2014-07-28'],
      ['daughter', 'فاطمة الزهراء', '2019-05-01'],
    ],
  },
  {
    citizenId: 'cit_22',
    headBirthDate: '1970-06-27',
    childSuffix: 'جاسم محمد',
    others: [['spouse', 'سميرة عبد الله شنين', '1972-12-03']],
    children: [
      ['son', 'محمد', '1995-09-14'],
      ['daughter', 'إسراء', '2000-04-18'],
    ],
    noHistory: true,
  },
  {
    citizenId: 'cit_23',
    headBirthDate: '1997-08-29',
    childSuffix: 'شاخەوان عەزیز',
    others: [['spouse', 'شاخەوان عەزیز مەحمود', '1994-01-09']],
    children: [['daughter', 'ڤانیا', '2023-02-14']],
  },
  {
    citizenId: 'cit_24',
    headBirthDate: '1984-03-30',
    childSuffix: 'يوسف إسماعيل',
    others: [['spouse', 'رنا عبد الرزاق يونس', '1987-07-07']],
    children: [
      ['son', 'إسماعيل', '2009-09-01'],
      ['daughter', 'مريم', '2011-11-11'],
      ['son', 'عبد الرحمن', '2014-04-14'],
      ['daughter', 'سجى', '2017-06-30'],
      ['son', 'زكريا', '2021-10-19'],
    ],
  },
];

/** A small deterministic hash, so the seeded history varies without `Math.random`. */
function hash(...parts: number[]): number {
  let h = 2166136261;
  for (const part of parts) {
    h ^= part + 0x9e3779b9;
    h = Math.imul(h, 16777619) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/** A quantity rounded to half a unit (agents hand out half kilos, not grams). */
function half(value: number): number {
  return Math.round(value * 2) / 2;
}

function seedDistributions(
  h: number,
  members: number,
  foodAgentId: string,
  flourAgentId: string,
  until: string,
  baskets: Record<string, BasketLine[]>,
): DistributionRecord[] {
  return monthRange(HISTORY_START, until).map((month, m) => {
    const current = month === HISTORY_END;
    const lines = (baskets[month] ?? []).map((line, i): DistributionLineRecord => {
      const total = line.quantityPerPerson * members;
      const roll = hash(h, m, i) % 100;
      const agentId = line.item === 'flour' ? flourAgentId : foodAgentId;
      // Flour comes first in a month, the food items later; this month's food is partly still due.
      const day = line.item === 'flour' ? 4 + (roll % 8) : 10 + (roll % 12);
      if (
        (current && line.item !== 'flour' && roll < 55) ||
        (!current && roll < 3 && month >= addMonths(HISTORY_END, -2))
      ) {
        return {
          item: line.item,
          status: 'pending',
          quantity: total,
          receivedAt: null,
          agentId: null,
        };
      }
      const at = `${month}-${String(day).padStart(2, '0')}`;
      if (roll >= 92) {
        return {
          item: line.item,
          status: 'partial',
          quantity: Math.max(half(total * 0.5), half(line.quantityPerPerson)),
          receivedAt: at,
          agentId,
        };
      }
      return { item: line.item, status: 'received', quantity: total, receivedAt: at, agentId };
    });
    return { month, lines };
  });
}

/** A deterministic 12-digit national number for a member who is not a sandbox citizen. */
function memberNationalId(birthDate: string, h: number, k: number): string {
  return `${birthDate.slice(0, 4)}${String(hash(h, k, 7) % 100_000_000).padStart(8, '0')}`;
}

/** Seeded family change requests: a submitted one under review, an approved one and open drafts. */
function seedDrafts(): Record<string, DraftRecord> {
  const drafts: DraftRecord[] = [
    {
      id: 'rcr_s0101',
      citizenId: 'cit_01',
      kind: 'add-newborn',
      status: 'under-review',
      version: 4,
      answers: {
        newborn: {
          name: 'مريم علي حسين',
          birthDate: '2026-08-30',
          sex: 'female',
          relation: 'daughter',
        },
      },
      documents: [
        {
          id: 'doc_s0101a',
          type: 'birth-certificate',
          fileName: 'شهادة ميلاد مريم.pdf',
          contentType: 'application/pdf',
          sizeBytes: 184320,
          uploadedAt: '2026-09-10T09:12:00.000Z',
        },
      ],
      createdAt: '2026-09-10T09:00:00.000Z',
      updatedAt: '2026-09-14T07:30:00.000Z',
      submittedAt: '2026-09-10T09:20:00.000Z',
      referenceNumber: 'RC-2026-700412',
      history: [
        { status: 'draft', at: '2026-09-10T09:00:00.000Z' },
        { status: 'submitted', at: '2026-09-10T09:20:00.000Z' },
        {
          status: 'under-review',
          at: '2026-09-14T07:30:00.000Z',
          note: 'أحيل الطلب إلى مركز التموين للتدقيق',
        },
      ],
    },
    {
      id: 'rcr_s0901',
      citizenId: 'cit_09',
      kind: 'remove-deceased-member',
      status: 'draft',
      version: 2,
      answers: { deceasedMemberId: 'mem_09_6', dateOfDeath: '2026-05-17' },
      documents: [],
      createdAt: '2026-11-18T17:40:00.000Z',
      updatedAt: '2026-11-18T17:52:00.000Z',
      submittedAt: null,
      referenceNumber: null,
      history: [{ status: 'draft', at: '2026-11-18T17:40:00.000Z' }],
    },
    {
      id: 'rcr_s0301',
      citizenId: 'cit_03',
      kind: 'change-address',
      status: 'draft',
      version: 1,
      answers: { newAddress: { governorate: 'IQ-AR', district: 'ناوەندی هەولێر' } },
      documents: [],
      createdAt: '2026-11-22T11:05:00.000Z',
      updatedAt: '2026-11-22T11:05:00.000Z',
      submittedAt: null,
      referenceNumber: null,
      history: [{ status: 'draft', at: '2026-11-22T11:05:00.000Z' }],
    },
    {
      id: 'rcr_s2001',
      citizenId: 'cit_20',
      kind: 'change-agent',
      status: 'approved',
      version: 2,
      answers: { agentType: 'flour', newAgentId: 'agt_bb_w1', note: 'الوكيل السابق بعيد عن البيت' },
      documents: [],
      createdAt: '2025-04-02T08:10:00.000Z',
      updatedAt: '2025-04-20T10:00:00.000Z',
      submittedAt: '2025-04-02T08:15:00.000Z',
      referenceNumber: 'RC-2025-700873',
      history: [
        { status: 'draft', at: '2025-04-02T08:10:00.000Z' },
        { status: 'submitted', at: '2025-04-02T08:15:00.000Z' },
        { status: 'under-review', at: '2025-04-06T09:00:00.000Z' },
        {
          status: 'approved',
          at: '2025-04-20T10:00:00.000Z',
          note: 'تم نقل البطاقة إلى وكيل الطحين الجديد',
        },
      ],
    },
  ];
  return Object.fromEntries(drafts.map((d) => [d.id, d]));
}

/**
 * The seeded ration cards: one household per citizen (`cit_01` … `cit_24`), 1 to 12 members,
 * across 19 governorates; one card blocked for each reason; one card with no history yet.
 */
export function seedRationCard(citizens: Citizen[]): RationCardState {
  const baskets = Object.fromEntries(
    monthRange(HISTORY_START, BASKET_END).map((m) => [m, basketFor(m)]),
  );
  const agents = seedAgents();
  const households: Record<string, RationHousehold> = {};

  HOUSEHOLDS.forEach((spec, h) => {
    const citizen = citizens.find((c) => c.id === spec.citizenId);
    if (!citizen) return;
    const gov = citizen.governorate;
    const place = placeOf(gov);
    const nn = spec.citizenId.slice(4);
    const list: [MemberRelation, string, string][] = [
      ['head', citizen.nameAr, spec.headBirthDate],
      ...spec.others,
      ...spec.children.map(([r, given, born]): [MemberRelation, string, string] => [
        r,
        `${given} ${spec.childSuffix}`,
        born,
      ]),
      ...(spec.after ?? []),
    ];
    const members = list.map(([relation, name, birthDate], k) => ({
      id: `mem_${nn}_${k + 1}`,
      name,
      relation,
      birthDate,
      nationalId: k === 0 ? citizen.nationalId : memberNationalId(birthDate, h, k),
    }));
    // Households of one governorate are spread over its two agents of each kind.
    const slot =
      (HOUSEHOLDS.slice(0, h).filter(
        (s) => citizens.find((c) => c.id === s.citizenId)?.governorate === gov,
      ).length %
        2) +
      1;
    const govKey = gov.slice(3).toLowerCase();
    const foodAgentId = `agt_${govKey}_f${slot}`;
    const flourAgentId = `agt_${govKey}_w${slot}`;
    const locality = cycle(place.localities, slot - 1);
    const blocked = spec.blocked;
    const lastMonth = blocked ? addMonths(blocked.blockedSince.slice(0, 7), -1) : HISTORY_END;
    households[spec.citizenId] = {
      citizenId: spec.citizenId,
      cardNumber: `${String(10 + GOVERNORATES.indexOf(gov)).padStart(2, '0')}${String(hash(h, 99) % 100_000_000).padStart(8, '0')}`,
      status: blocked ? { state: 'blocked', ...blocked } : { state: 'active' },
      governorate: gov,
      supplyCentre: {
        code: `${govKey.toUpperCase()}-${place.code}-${String(slot + (h % 4) * 2).padStart(2, '0')}`,
        name: place.sorani ? `بنکەی بازرگانی ${locality}` : `مركز تموين ${locality}`,
        address: `${place.city}، ${locality}، ${place.sorani ? 'نزیک' : 'قرب'} ${cycle(place.landmarks, slot)}`,
      },
      foodAgentId,
      flourAgentId,
      members,
      distributions: spec.noHistory
        ? []
        : seedDistributions(h, members.length, foodAgentId, flourAgentId, lastMonth, baskets),
      updatedAt: blocked
        ? `${blocked.blockedSince}T00:00:00.000Z`
        : `2026-${String(1 + (hash(h, 3) % 10)).padStart(2, '0')}-${String(1 + (hash(h, 4) % 27)).padStart(2, '0')}T09:00:00.000Z`,
    };
  });

  return { baskets, agents, households, drafts: seedDrafts() };
}
