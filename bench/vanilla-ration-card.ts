import { msg, str } from '@lit/localize';
import { formatter, pluralize, type Formatter } from '../packages/components/src/core/format.js';
import { governorateName } from '../packages/components/src/core/governorates.js';
import { RELATIONS } from '../packages/components/src/core/labels.js';
import { getLocale } from '../packages/components/src/core/localization.js';
import { stripBidiControls as clean } from '../packages/components/src/core/normalize.js';
import {
  DEFAULT_UNITS,
  ENTITLEMENT_STATUSES,
  ITEMS,
  quantityText,
} from '../packages/components/src/ration-card/labels.js';
import type { BenchData } from './data.js';

// The baseline `<iq-ration-card>` is compared with: the same data, the same information and the
// same DOM inside a shadow root, written by hand with `document.createElement` and `textContent`
// the way a careful engineer would (no innerHTML, server text cleaned of bidi controls).
//
// Its texts follow the element's by construction: the same label tables (relations, items,
// statuses, governorates, units), the same formatter (digits, dates, months, plurals) and, for
// the sentences the element writes inline, the same catalogue messages (`msg` with the element's
// ids, so the translation shown is the catalogue's, whatever the English here says). The
// benchmark still compares both renderers' text and refuses to report a ratio when they differ
// (an id renamed in the element, a new line of information): then this file must follow.

/** The formatter of the render under way (the page's locale, the library's default digits). */
let format: Formatter = formatter('ar');

function quantity(amount: number, unit: string): string {
  return quantityText(format.number(amount, { maximumFractionDigits: 3 }), unit);
}

const itemName = (code: string, fallback?: string): string =>
  ITEMS[code]?.() ?? clean(fallback ?? code);

function memberCount(count: number): string {
  const n = format.number(count);
  return pluralize(format, count, {
    zero: () => msg('No members', { id: 'ration-card.members-count.zero' }),
    one: () => msg('One member', { id: 'ration-card.members-count.one' }),
    two: () => msg('Two members', { id: 'ration-card.members-count.two' }),
    few: () => msg(str`${n} members`, { id: 'ration-card.members-count.few' }),
    many: () => msg(str`${n} members`, { id: 'ration-card.members-count.many' }),
    other: () => msg(str`${n} members`, { id: 'ration-card.members-count.other' }),
  });
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
    add(link, 'span', 'visually-hidden', msg('Call', { id: 'ration-card.call' }));
    link.append(' ');
    ltr(link, format.digits(who.phone));
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
  format = formatter(getLocale());
  const frag = document.createDocumentFragment();
  const article = add(frag, 'article', 'root');
  article.setAttribute('aria-labelledby', 'heading');
  article.setAttribute('aria-busy', 'false');
  const heading = add(article, 'h2', undefined, msg('Ration card', { id: 'ration-card.heading' }));
  heading.id = 'heading';
  heading.setAttribute('part', 'heading');
  const content = add(article, 'div', 'content');

  // Status (the benchmark's card is active).
  add(
    content,
    'p',
    'status active',
    msg('Active: your household receives its monthly basket.', { id: 'ration-card.active' }),
  ).setAttribute('part', 'status');

  // Details.
  const details = add(content, 'dl', 'details');
  details.setAttribute('part', 'details');
  ltr(
    field(details, msg('Card number', { id: 'ration-card.card-number' })),
    format.digits(card.cardNumber),
    'number',
  );
  add(
    field(details, msg('Head of household', { id: 'ration-card.head' })),
    'bdi',
    undefined,
    clean(card.headOfHousehold.name),
  );
  field(details, msg('Governorate', { id: 'ration-card.governorate' })).textContent =
    governorateName(card.governorate);
  nameAndAddress(
    field(details, msg('Supply centre', { id: 'ration-card.supply-centre' })),
    card.supplyCentre.name,
    card.supplyCentre.address,
  );
  agent(details, msg('Food agent', { id: 'ration-card.food-agent' }), card.foodAgent);
  agent(details, msg('Flour agent', { id: 'ration-card.flour-agent' }), card.flourAgent);

  // Members.
  const members = section(
    content,
    'members',
    'members-heading',
    `${msg('Members', { id: 'ration-card.members' })} `,
  );
  add(members.firstElementChild as Node, 'span', 'count', `(${memberCount(card.members.length)})`);
  const list = add(members, 'ul', 'members');
  for (const member of card.members) {
    const li = add(list, 'li', 'member');
    add(li, 'bdi', 'name', clean(member.name));
    add(li, 'span', undefined, RELATIONS[member.relation]?.() ?? member.relation);
    add(
      li,
      'span',
      'muted',
      msg(str`Born ${format.date(member.birthDate)}`, { id: 'ration-card.member.born' }),
    );
    const id = add(
      li,
      'span',
      'muted',
      `${msg('National number', { id: 'ration-card.member.national-id' })} `,
    );
    ltr(id, format.digits(member.maskedNationalId), 'national-id');
  }

  // This month's entitlement.
  const ent = section(
    content,
    'entitlement',
    'entitlement-heading',
    msg(str`Entitlement for ${format.month(entitlement.month)}`, {
      id: 'ration-card.entitlement.heading',
    }),
  );
  const lines = add(ent, 'ul', 'entitlement');
  const memberTotal = format.number(entitlement.memberCount);
  for (const item of entitlement.items) {
    const li = add(lines, 'li', 'line');
    li.dataset.item = item.item;
    add(li, 'span', 'item', itemName(item.item, item.name));
    const perPerson = quantity(item.quantityPerPerson, item.unit);
    const total = quantity(item.total, item.unit);
    add(
      li,
      'span',
      'calc',
      msg(str`${perPerson} per person × ${memberTotal} = ${total}`, {
        id: 'ration-card.entitlement.calc',
      }),
    );
    let badge = ENTITLEMENT_STATUSES[item.status]?.() ?? item.status;
    if (item.status === 'partial' && item.receivedQuantity !== undefined) {
      const received = quantity(item.receivedQuantity, item.unit);
      badge += ` (${msg(str`${received} received`, { id: 'ration-card.entitlement.received' })})`;
    }
    add(li, 'span', `badge ${item.status}`, badge);
  }

  // History.
  const units = new Map(entitlement.items.map((i) => [i.item, i.unit]));
  const history = section(
    content,
    'history',
    'history-heading',
    msg('Distribution history', { id: 'ration-card.history.heading' }),
  );
  const months = add(history, 'ol', 'history');
  for (const m of distributions) {
    const li = add(months, 'li', 'month');
    const h4 = add(li, 'h4', undefined, format.month(m.month));
    h4.id = `month-${m.month}`;
    h4.tabIndex = -1;
    const ul = add(li, 'ul');
    for (const line of m.items) {
      const row = add(ul, 'li', 'line');
      add(row, 'span', 'item', itemName(line.item));
      add(
        row,
        'span',
        undefined,
        quantity(line.quantity, units.get(line.item) ?? DEFAULT_UNITS[line.item] ?? ''),
      );
      add(
        row,
        'span',
        `badge ${line.status}`,
        ENTITLEMENT_STATUSES[line.status]?.() ?? line.status,
      );
      if (line.receivedAt) add(row, 'span', 'muted', format.date(line.receivedAt));
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
