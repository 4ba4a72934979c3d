import { createEServicesClient, unwrap } from '@iq-eservices/api';
import { configure } from '@iq-eservices/components';
import '@iq-eservices/components/login.js';
import { h, isolate } from './dom.js';
import { message, type Lang, type MessageKey } from './messages.js';

const LANGS: Lang[] = ['ar', 'ckb', 'en'];
const stored = new URLSearchParams(location.search).get('lang');
let lang: Lang = LANGS.includes(stored as Lang) ? (stored as Lang) : 'ar';

const client = createEServicesClient({ baseUrl: location.origin, locale: () => lang });
const root = document.getElementById('app') ?? document.body;

interface HomeData {
  userName: string;
  card?: {
    cardNumber: string;
    state: string;
    reasonText?: string;
    actionText?: string;
    members: { name: string; relation: string }[];
  };
  entitlement?: { name: string; total: number; unit: string }[];
  bills: { title: string; amount: number; dueDate: string }[];
}

let home: HomeData | null = null;
let busy = false;
configure({ client });

const t = (key: MessageKey, values?: Record<string, string | number>) => message(lang, key, values);
const number = (n: number) => new Intl.NumberFormat(`${lang}-IQ`).format(n);
const money = (n: number) =>
  new Intl.NumberFormat(`${lang}-IQ`, {
    style: 'currency',
    currency: 'IQD',
    maximumFractionDigits: 0,
  }).format(n);
const date = (iso: string) =>
  new Intl.DateTimeFormat(`${lang}-IQ`, { dateStyle: 'long' }).format(new Date(iso));

async function act(work: () => Promise<void>) {
  if (busy) return;
  busy = true;
  try {
    await work();
  } finally {
    busy = false;
    render();
  }
}

async function loadHome() {
  const me = unwrap(await client.identity.GET('/me'));
  const data: HomeData = { userName: lang === 'en' ? me.name.latin : me.name.ar, bills: [] };
  const [card, entitlement, payables] = await Promise.all([
    client.rationCard.GET('/card'),
    client.rationCard.GET('/card/entitlements'),
    client.payments.GET('/payables', { params: { query: { status: 'unpaid' } } }),
  ]);
  if (card.data) {
    const status = card.data.status as { state: string; reasonText?: string; actionText?: string };
    data.card = {
      cardNumber: card.data.cardNumber,
      state: status.state,
      reasonText: status.reasonText,
      actionText: status.actionText,
      members: card.data.members.map((m) => ({ name: m.name, relation: m.relation })),
    };
  }
  if (entitlement.data)
    data.entitlement = entitlement.data.items.map((i) => ({
      name: i.name,
      total: i.total,
      unit: i.unit,
    }));
  if (payables.data)
    data.bills = payables.data.items.map((p) => ({
      title: p.title,
      amount: p.amount,
      dueDate: p.dueDate,
    }));
  home = data;
}

function renderHome(d: HomeData) {
  return h(
    'section',
    { 'aria-labelledby': 'welcome' },
    h('h2', { id: 'welcome', tabindex: '-1' }, t('welcome', { name: d.userName })),
    d.card
      ? h(
          'article',
          { class: 'card' },
          h('h3', {}, t('card')),
          h(
            'dl',
            {},
            h('dt', {}, t('cardNumber')),
            h('dd', {}, isolate(d.card.cardNumber)),
            h('dt', {}, t('status')),
            h('dd', {}, t(d.card.state === 'active' ? 'active' : 'blocked')),
          ),
          d.card.reasonText
            ? h('p', { class: 'warning' }, d.card.reasonText, ' ', d.card.actionText ?? '')
            : null,
          h('h4', {}, t('members')),
          h('ul', {}, ...d.card.members.map((m) => h('li', {}, isolate(m.name, 'auto')))),
          d.entitlement ? h('h4', {}, t('entitlement')) : null,
          d.entitlement
            ? h(
                'ul',
                {},
                ...d.entitlement.map((i) =>
                  h('li', {}, `${i.name}: ${number(i.total)} ${t(`unit.${i.unit}` as MessageKey)}`),
                ),
              )
            : null,
        )
      : null,
    h('h3', {}, t('bills')),
    d.bills.length
      ? h(
          'ul',
          { class: 'bills' },
          ...d.bills.map((b) =>
            h(
              'li',
              {},
              isolate(b.title, 'auto'),
              ' — ',
              money(b.amount),
              ' — ',
              t('due', { date: date(b.dueDate) }),
            ),
          ),
        )
      : h('p', {}, t('noBills')),
  );
}

// The sign-in element stays in the page across renders (it holds the session-timeout timers).
const login = document.createElement('iq-login');
login.addEventListener(
  'iq-login',
  () =>
    void act(async () => {
      await loadHome();
      render();
      document.getElementById('welcome')?.focus();
    }),
);
login.addEventListener('iq-logout', () => {
  home = null;
  render();
});
const homeSlot = h('div', { id: 'home' });

function render() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  document.title = t('title');
  const select = h(
    'select',
    { id: 'lang' },
    ...LANGS.map((l) =>
      h(
        'option',
        { value: l, selected: l === lang },
        l === 'ar' ? 'العربية' : l === 'ckb' ? 'کوردی' : 'English',
      ),
    ),
  );
  select.addEventListener('change', () => {
    lang = select.value as Lang;
    render();
    if (home) void act(loadHome);
  });
  homeSlot.replaceChildren(...(home ? [renderHome(home)] : []));
  const main =
    root.querySelector('main') ?? h('main', {}, h('p', { class: 'intro' }), login, homeSlot);
  const intro = main.querySelector<HTMLElement>('.intro');
  if (intro) {
    intro.hidden = home !== null;
    intro.replaceChildren(
      t('intro'),
      ' ',
      t('sandboxNote'),
      ' ',
      isolate('123456'),
      ' — ',
      isolate('199012345678'),
    );
  }
  root.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, t('title')),
      h('label', { for: 'lang', class: 'lang' }, t('language'), ' ', select),
    ),
    main,
  );
}

render();
