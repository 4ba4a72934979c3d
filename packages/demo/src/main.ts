import { createEServicesClient, unwrap } from '@iq-eservices/api';
import { configure } from '@iq-eservices/components';
import '@iq-eservices/components/login.js';
import '@iq-eservices/components/ration-card.js';
import { h, isolate } from './dom.js';
import { message, type Lang, type MessageKey } from './messages.js';

const LANGS: Lang[] = ['ar', 'ckb', 'en'];
const stored = new URLSearchParams(location.search).get('lang');
let lang: Lang = LANGS.includes(stored as Lang) ? (stored as Lang) : 'ar';

const client = createEServicesClient({ baseUrl: location.origin, locale: () => lang });
const root = document.getElementById('app') ?? document.body;

interface HomeData {
  userName: string;
  bills: { title: string; amount: number; dueDate: string }[];
}

let home: HomeData | null = null;
let card: HTMLElement | null = null;
let busy = false;
configure({ client });

const t = (key: MessageKey, values?: Record<string, string | number>) => message(lang, key, values);
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
  const [me, payables] = await Promise.all([
    client.identity.GET('/me'),
    client.payments.GET('/payables', { params: { query: { status: 'unpaid' } } }),
  ]);
  const user = unwrap(me);
  home = {
    userName: lang === 'en' ? user.name.latin : user.name.ar,
    bills: (payables.data?.items ?? []).map((p) => ({
      title: p.title,
      amount: p.amount,
      dueDate: p.dueDate,
    })),
  };
  // The household's card: the element fetches it through the configured client. A new one per
  // sign-in, so nothing of the previous citizen's card stays in the page.
  card ??= document.createElement('iq-ration-card');
}

function renderHome(d: HomeData) {
  return h(
    'section',
    { 'aria-labelledby': 'welcome' },
    h('h2', { id: 'welcome', tabindex: '-1' }, t('welcome', { name: d.userName })),
    card,
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
  card = null;
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
