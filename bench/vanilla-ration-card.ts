import type { BenchData } from './data.js';

// The baseline `<iq-ration-card>` is compared with: the same data, the same information and the
// same DOM inside a shadow root, written by hand with `document.createElement` and `textContent`
// the way a careful engineer would (formatters created once, no innerHTML, server text cleaned of
// bidi controls). Arabic only: the strings are those of the library's Arabic catalogue, so both
// renderers show the same text (the benchmark checks that they do).

const TAG = 'ar-IQ';
const numberFormat = new Intl.NumberFormat(TAG);
const quantityFormat = new Intl.NumberFormat(TAG, { maximumFractionDigits: 3 });
const digitFormat = new Intl.NumberFormat(TAG, { useGrouping: false });
const dateFormat = new Intl.DateTimeFormat(TAG, { dateStyle: 'long', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(TAG, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const plurals = new Intl.PluralRules(TAG);

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
const clean = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** Digits in the locale's numerals, each run of separators kept in reading order with LRMs. */
function digits(value: string): string {
  const out = value.replace(/[0-9]/g, (d) => digitFormat.format(Number(d)));
  return /[\u0660-\u0669]/.test(out)
    ? out.replace(/[^\u0660-\u0669]+/g, (run) => `\u200e${run}\u200e`)
    : out;
}
const date = (day: string): string => dateFormat.format(new Date(`${day}T12:00:00Z`));
const month = (value: string): string => monthFormat.format(new Date(`${value}-01T12:00:00Z`));

const RELATIONS: Record<string, string> = {
  head: 'رب الأسرة',
  spouse: 'الزوج/الزوجة',
  son: 'ابن',
  daughter: 'ابنة',
  father: 'الأب',
  mother: 'الأم',
  brother: 'أخ',
  sister: 'أخت',
  grandchild: 'حفيد/حفيدة',
  other: 'قريب آخر',
};
const ITEMS: Record<string, string> = {
  flour: 'طحين',
  rice: 'رز',
  sugar: 'سكر',
  'cooking-oil': 'زيت الطعام',
  legumes: 'بقوليات',
  tea: 'شاي',
  'infant-milk': 'حليب الأطفال',
  soap: 'صابون',
  detergent: 'مسحوق الغسيل',
};
const STATUSES: Record<string, string> = {
  received: 'تم الاستلام',
  partial: 'استُلم جزئياً',
  pending: 'لم يُستلم بعد',
  'not-distributed': 'لم يوزَّع هذا الشهر',
};
const UNITS: Record<string, string> = { kg: 'كغم', g: 'غم', l: 'لتر', piece: 'قطعة' };
const DEFAULT_UNITS: Record<string, string> = {
  flour: 'kg',
  rice: 'kg',
  sugar: 'kg',
  'cooking-oil': 'l',
  legumes: 'kg',
  tea: 'g',
  'infant-milk': 'g',
  soap: 'piece',
  detergent: 'kg',
};
const GOVERNORATES: Record<string, string> = {
  'IQ-BG': 'بغداد',
  'IQ-BA': 'البصرة',
  'IQ-NA': 'النجف',
};

function quantity(amount: number, unit: string): string {
  const text = quantityFormat.format(amount);
  const name = UNITS[unit];
  return name ? `${text} ${name}` : text;
}

function memberCount(count: number): string {
  const n = numberFormat.format(count);
  switch (plurals.select(count)) {
    case 'zero':
      return 'لا أفراد';
    case 'one':
      return 'فرد واحد';
    case 'two':
      return 'فردان';
    case 'few':
      return `${n} أفراد`;
    case 'many':
      return `${n} فرداً`;
    default:
      return `${n} فرد`;
  }
}

/** Creates an element with optional class and text, appended to `parent`. */
function add<K extends keyof HTMLElementTagNameMap>(
  parent: Node,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  parent.appendChild(el);
  return el;
}

function ltr(parent: Node, text: string, className?: string): void {
  add(parent, 'bdi', className, text).dir = 'ltr';
}

type Card = BenchData['card'];
type Agent = Card['foodAgent'];

function field(list: Node, label: string): HTMLElement {
  const row = add(list, 'div', 'field');
  add(row, 'dt', undefined, label);
  return add(row, 'dd');
}

function nameAndAddress(dd: Node, name: string, address: string): void {
  add(dd, 'bdi', undefined, clean(name));
  add(dd, 'br');
  add(dd, 'span', 'muted', clean(address));
}

function agent(list: Node, label: string, who: Agent): void {
  const dd = field(list, label);
  nameAndAddress(dd, who.name, who.address);
  if (who.phone && /^\+?[0-9]{6,15}$/.test(who.phone)) {
    add(dd, 'br');
    const link = add(dd, 'a');
    link.href = `tel:${who.phone}`;
    add(link, 'span', 'visually-hidden', 'اتصل على');
    link.append(' ');
    ltr(link, digits(who.phone));
  }
}

function section(parent: Node, part: string, id: string, heading: string): HTMLElement {
  const el = add(parent, 'section');
  el.setAttribute('part', part);
  el.setAttribute('aria-labelledby', id);
  add(el, 'h3', undefined, heading).id = id;
  return el;
}

/** Renders the card into `root` (replacing what was there). */
export function renderRationCard(root: ShadowRoot, data: BenchData): void {
  const { card, entitlement, distributions } = data;
  const frag = document.createDocumentFragment();
  const article = add(frag, 'article', 'root');
  article.setAttribute('aria-labelledby', 'heading');
  article.setAttribute('aria-busy', 'false');
  const heading = add(article, 'h2', undefined, 'البطاقة التموينية');
  heading.id = 'heading';
  heading.setAttribute('part', 'heading');
  const content = add(article, 'div', 'content');

  // Status (the benchmark's card is active).
  add(content, 'p', 'status active', 'فعّالة: تستلم أسرتك حصتها الشهرية.').setAttribute(
    'part',
    'status',
  );

  // Details.
  const details = add(content, 'dl', 'details');
  details.setAttribute('part', 'details');
  ltr(field(details, 'رقم البطاقة'), digits(card.cardNumber), 'number');
  add(field(details, 'رب الأسرة'), 'bdi', undefined, clean(card.headOfHousehold.name));
  field(details, 'المحافظة').textContent = GOVERNORATES[card.governorate] ?? card.governorate;
  nameAndAddress(field(details, 'مركز التموين'), card.supplyCentre.name, card.supplyCentre.address);
  agent(details, 'وكيل المواد الغذائية', card.foodAgent);
  agent(details, 'وكيل الطحين', card.flourAgent);

  // Members.
  const members = section(content, 'members', 'members-heading', 'أفراد الأسرة ');
  add(members.firstElementChild as Node, 'span', 'count', `(${memberCount(card.members.length)})`);
  const list = add(members, 'ul', 'members');
  for (const member of card.members) {
    const li = add(list, 'li', 'member');
    add(li, 'bdi', 'name', clean(member.name));
    add(li, 'span', undefined, RELATIONS[member.relation] ?? member.relation);
    add(li, 'span', 'muted', `تاريخ الولادة ${date(member.birthDate)}`);
    const id = add(li, 'span', 'muted', 'الرقم الوطني ');
    ltr(id, digits(member.maskedNationalId));
  }

  // This month's entitlement.
  const ent = section(
    content,
    'entitlement',
    'entitlement-heading',
    `الحصة المستحقة لشهر ${month(entitlement.month)}`,
  );
  const lines = add(ent, 'ul', 'entitlement');
  const members_ = numberFormat.format(entitlement.memberCount);
  for (const item of entitlement.items) {
    const li = add(lines, 'li', 'line');
    li.dataset.item = item.item;
    add(li, 'span', 'item', ITEMS[item.item] ?? clean(item.name));
    const perPerson = quantity(item.quantityPerPerson, item.unit);
    const total = quantity(item.total, item.unit);
    add(li, 'span', 'calc', `${perPerson} للفرد × ${members_} = ${total}`);
    let badge = STATUSES[item.status] ?? item.status;
    if (item.status === 'partial' && item.receivedQuantity !== undefined)
      badge += ` (استُلم ${quantity(item.receivedQuantity, item.unit)})`;
    add(li, 'span', `badge ${item.status}`, badge);
  }

  // History.
  const units = new Map(entitlement.items.map((i) => [i.item, i.unit]));
  const history = section(content, 'history', 'history-heading', 'سجل التوزيع');
  const months = add(history, 'ol', 'history');
  for (const m of distributions) {
    const li = add(months, 'li', 'month');
    const h4 = add(li, 'h4', undefined, month(m.month));
    h4.id = `month-${m.month}`;
    h4.tabIndex = -1;
    const ul = add(li, 'ul');
    for (const line of m.items) {
      const row = add(ul, 'li', 'line');
      add(row, 'span', 'item', ITEMS[line.item] ?? line.item);
      add(
        row,
        'span',
        undefined,
        quantity(line.quantity, units.get(line.item) ?? DEFAULT_UNITS[line.item] ?? ''),
      );
      add(row, 'span', `badge ${line.status}`, STATUSES[line.status] ?? line.status);
      if (line.receivedAt) add(row, 'span', 'muted', date(line.receivedAt));
      if (line.agent) add(add(row, 'span', 'muted'), 'bdi', undefined, clean(line.agent.name));
    }
  }

  const live = add(frag, 'div', 'visually-hidden');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  root.replaceChildren(frag);
}

/**
 * A custom element around {@link renderRationCard}, so that the benchmark drives both renderers
 * the same way (create, set `data`, append, await `updateComplete`). It renders synchronously
 * when `data` is set; `styles` are the same constructed stylesheets the Lit element adopts.
 */
export class VanillaRationCard extends HTMLElement {
  static styles: CSSStyleSheet[] = [];
  readonly updateComplete: Promise<boolean> = Promise.resolve(true);
  readonly #root: ShadowRoot;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = VanillaRationCard.styles;
  }

  set data(data: BenchData) {
    renderRationCard(this.#root, data);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vanilla-ration-card': VanillaRationCard;
  }
}
