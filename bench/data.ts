import type { RationCardTypes } from '@iq-eservices/api';

// The benchmark's household: 12 members, this month's entitlement and 24 months of history, in
// the contract's shapes (`openapi/ration-card.yaml`). Fixed and deterministic (no clock, no
// randomness) so that every run renders exactly the same thing.

type Schemas = RationCardTypes.components['schemas'];
type Item = Schemas['RationItem'];

/** What both renderers are given. */
export interface BenchData {
  card: Schemas['RationCard'];
  entitlement: Schemas['MonthlyEntitlement'];
  distributions: Schemas['DistributionMonth'][];
}

const MEMBERS: [string, Schemas['MemberRelation'], string][] = [
  ['علي حسين كاظم الموسوي', 'head', '1968-03-12'],
  ['زهراء عباس جاسم', 'spouse', '1972-07-02'],
  ['حسين علي حسين', 'son', '1991-01-20'],
  ['فاطمة علي حسين', 'daughter', '1993-05-14'],
  ['محمد علي حسين', 'son', '1995-09-30'],
  ['زينب علي حسين', 'daughter', '1998-12-08'],
  ['عباس علي حسين', 'son', '2001-04-17'],
  ['مريم علي حسين', 'daughter', '2004-10-25'],
  ['حسين كاظم الموسوي', 'father', '1941-02-14'],
  ['نرجس مهدي صالح', 'mother', '1945-08-01'],
  ['سجاد حسين علي', 'grandchild', '2019-06-11'],
  ['رقية حسين علي', 'grandchild', '2022-11-03'],
];

/** The basket: item, display name, quantity per person, unit. */
const BASKET: [Item, string, number, Schemas['QuantityUnit']][] = [
  ['flour', 'طحين', 9, 'kg'],
  ['rice', 'رز', 3, 'kg'],
  ['sugar', 'سكر', 2, 'kg'],
  ['cooking-oil', 'زيت الطعام', 1, 'l'],
  ['legumes', 'بقوليات', 1, 'kg'],
];

/** This month's status of each basket line: flour received, rice partly, the rest pending. */
const ENTITLEMENT_STATUSES = ['received', 'partial'] as const;

const FOOD_AGENT = { id: 'agt_bg_f01', name: 'وكالة الحاج كريم عبد الزهرة للمواد الغذائية' };
const FLOUR_AGENT = { id: 'agt_bg_w01', name: 'وكالة أبو سجاد لتوزيع الطحين' };
const HOUSEHOLD = MEMBERS.length;
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM`, `back` months before November 2026. */
function monthBefore(back: number): string {
  const index = 2026 * 12 + 10 - back;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

function history(): Schemas['DistributionMonth'][] {
  const months: Schemas['DistributionMonth'][] = [];
  for (let back = 0; back < 24; back++) {
    const month = monthBefore(back);
    months.push({
      month,
      items: BASKET.map(([item, , perPerson], i) => {
        // This month as the entitlement says; earlier months mostly received, some partly.
        const status: Schemas['DistributionLine']['status'] =
          back === 0
            ? (ENTITLEMENT_STATUSES[i] ?? 'pending')
            : (back + i) % 7 === 0
              ? 'partial'
              : 'received';
        const due = perPerson * HOUSEHOLD;
        if (status === 'pending') {
          return { item, status, quantity: due, receivedAt: null, agent: null };
        }
        return {
          item,
          status,
          quantity: status === 'partial' ? due / 2 : due,
          receivedAt: `${month}-${pad(5 + ((back * 3 + i * 2) % 20))}`,
          agent: item === 'flour' ? FLOUR_AGENT : FOOD_AGENT,
        };
      }),
    });
  }
  return months;
}

/** A 12-member household in Baghdad with 24 months of history. */
export const BENCH_DATA: BenchData = {
  card: {
    cardNumber: '1004503217',
    status: { state: 'active' },
    headOfHousehold: { name: 'علي حسين كاظم الموسوي', maskedNationalId: '********5678' },
    governorate: 'IQ-BG',
    supplyCentre: {
      code: 'BG-KRK-07',
      name: 'مركز تموين الكرخ السابع',
      address: 'بغداد، الكرخ، حي المنصور، شارع 14 رمضان',
    },
    foodAgent: {
      ...FOOD_AGENT,
      address: 'بغداد، المنصور، محلة 605، قرب جامع الرحمن',
      phone: '+9647701100201',
      location: { latitude: 33.3152, longitude: 44.3661 },
    },
    flourAgent: { ...FLOUR_AGENT, address: 'بغداد، المنصور، محلة 607، شارع الأميرات' },
    members: MEMBERS.map(([name, relation, birthDate], i) => ({
      id: `mem_01_${i + 1}`,
      name,
      relation,
      birthDate,
      maskedNationalId: `********${String(5678 + i * 811).slice(-4)}`,
      ...(relation === 'head' ? { isHead: true } : {}),
    })),
    updatedAt: '2026-10-03T09:15:00Z',
  },
  entitlement: {
    month: monthBefore(0),
    memberCount: HOUSEHOLD,
    items: BASKET.map(([item, name, perPerson, unit], i) => {
      const total = perPerson * HOUSEHOLD;
      const status: Schemas['EntitlementItem']['status'] = ENTITLEMENT_STATUSES[i] ?? 'pending';
      return {
        item,
        name,
        quantityPerPerson: perPerson,
        unit,
        total,
        status,
        ...(status === 'received' ? { receivedQuantity: total } : {}),
        ...(status === 'partial' ? { receivedQuantity: total / 2 } : {}),
      };
    }),
  },
  distributions: history(),
};
