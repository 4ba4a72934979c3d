// First: the sign-in page comes rendered by the server (src/ssr.ts), and <iq-login> hydrates.
import '@iq-eservices/components/hydrate';
import { createEServicesClient, unwrap } from '@iq-eservices/api';
import { configure, GATEWAY_WINDOW_NAME } from '@iq-eservices/components';
// The first view is the sign-in: only its element loads with the page. Each other element loads
// when a view first shows it (its tag upgrades then), so a citizen on a weak network downloads
// what the page in front of them uses.
import '@iq-eservices/components/login.js';
// (Types only: the elements' events on `addEventListener`.)
import type { IqUpdateWizard } from '@iq-eservices/components';
import { h, isolate } from './dom.js';
import { message, type Lang, type MessageKey } from './messages.js';

const LANGS: Lang[] = ['ar', 'ckb', 'en'];
const VIEWS = ['card', 'pay', 'update', 'family', 'requests', 'classroom'] as const;
type View = (typeof VIEWS)[number];
type GatewayMode = 'popup' | 'redirect';

const query = new URLSearchParams(location.search);
let lang: Lang = LANGS.includes(query.get('lang') as Lang) ? (query.get('lang') as Lang) : 'ar';
let gatewayMode: GatewayMode = query.get('gateway') === 'redirect' ? 'redirect' : 'popup';

const client = createEServicesClient({ baseUrl: location.origin, locale: () => lang });
const root = document.getElementById('app') ?? document.body;
configure({ client });

let userName: string | null = null;
/**
 * The services' elements of the signed-in citizen, one per view, kept while they switch views; the
 * wizards are kept across a session timeout too (what the citizen typed is still there when they
 * sign in again). All go when the citizen signs out or another one signs in (`owner`: whose they
 * are, by `User.id`).
 */
let elements: Partial<Record<View, HTMLElement>> = {};
let owner: string | null = null;

const t = (key: MessageKey, values?: Record<string, string | number>) => message(lang, key, values);

/** The view named by the address (`#pay`…); a gateway's return (`?payment=`) opens payments. */
function currentView(): View {
  const hash = location.hash.slice(1);
  if (VIEWS.includes(hash as View)) return hash as View;
  return new URLSearchParams(location.search).has('payment') ? 'pay' : 'card';
}

/** Keeps the portal's own choices (language, gateway mode) in the address, for the way back. */
function remember(): void {
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  if (gatewayMode === 'redirect') url.searchParams.set('gateway', 'redirect');
  else url.searchParams.delete('gateway');
  history.replaceState(history.state, '', url);
}

/** Each element's code, loaded the first time the portal shows it. */
const LOADERS = {
  'iq-ration-card': () => import('@iq-eservices/components/ration-card.js'),
  'iq-payment-form': () => import('@iq-eservices/components/payment-form.js'),
  'iq-update-wizard': () => import('@iq-eservices/components/update-wizard.js'),
  'iq-my-requests': () => import('@iq-eservices/components/my-requests.js'),
  'iq-classroom': () => import('@iq-eservices/components/classroom.js'),
} satisfies Record<string, () => Promise<unknown>>;

/** A new element of `tag`, whose code starts loading if it has not. */
function create(tag: keyof typeof LOADERS): HTMLElement {
  void LOADERS[tag]();
  return document.createElement(tag);
}

function element(view: View): HTMLElement {
  const existing = elements[view];
  if (existing) return existing;
  let created: HTMLElement;
  if (view === 'card') {
    created = create('iq-ration-card');
    // "Do what unblocks the card": the family wizard, on the change the card asks for, or at its
    // first question when the card names none (`requestKind: null`: "update" or "correct the
    // family data", which the citizen starts by choosing the change). The wizard takes focus.
    created.addEventListener('iq-request-change', (event) => {
      const wizard = element('family');
      if (event.requestKind) wizard.setAttribute('kind', event.requestKind);
      else wizard.removeAttribute('kind');
      location.hash = 'family';
    });
  } else if (view === 'requests') {
    created = create('iq-my-requests');
    // "Send the information" of a request that waits for some: the wizard of its service, at the
    // step that collects it (`event.step`, the wizard's own step id), which takes focus.
    created.addEventListener('iq-request-continue', (event) => {
      const view = event.service === 'ration-card' ? 'family' : 'update';
      const wizard = element(view) as IqUpdateWizard;
      void customElements.whenDefined('iq-update-wizard').then(() => wizard.goToStep(event.step));
      location.hash = view;
    });
  } else if (view === 'classroom') {
    created = create('iq-classroom');
  } else if (view === 'pay') {
    created = create('iq-payment-form');
    created.setAttribute('gateway-mode', gatewayMode);
  } else {
    created = create('iq-update-wizard');
    created.setAttribute('flow', view === 'update' ? 'social-protection' : 'ration-card-family');
  }
  elements[view] = created;
  return created;
}

async function loadUser() {
  const user = unwrap(await client.identity.GET('/me'));
  if (user.id !== owner) elements = {};
  owner = user.id;
  userName = lang === 'en' ? user.name.latin : user.name.ar;
}

function gatewayChoice(): HTMLElement {
  const options = (['popup', 'redirect'] as const).map((mode) => {
    const input = h('input', {
      type: 'radio',
      name: 'gateway',
      id: `gateway-${mode}`,
      value: mode,
      checked: gatewayMode === mode,
    });
    input.addEventListener('change', () => {
      gatewayMode = mode;
      elements.pay?.setAttribute('gateway-mode', mode);
      remember();
    });
    return h('span', { class: 'choice' }, input, h('label', { for: `gateway-${mode}` }, t(mode)));
  });
  return h('fieldset', { class: 'gateway' }, h('legend', {}, t('gateway')), ...options);
}

function renderHome(name: string) {
  const view = currentView();
  const nav = h(
    'nav',
    { 'aria-label': t('services') },
    h(
      'ul',
      {},
      ...VIEWS.map((v) =>
        h(
          'li',
          {},
          h('a', { href: `#${v}`, 'aria-current': v === view ? 'page' : undefined }, t(v)),
        ),
      ),
    ),
  );
  return h(
    'section',
    { 'aria-labelledby': 'welcome' },
    h('h2', { id: 'welcome', tabindex: '-1' }, t('welcome', { name })),
    nav,
    view === 'pay' ? gatewayChoice() : null,
    element(view),
  );
}

// What the server rendered (src/ssr.ts: the header's title, the introduction, <iq-login> and the
// home slot) is adopted, not made again: the sign-in form stays on screen as it hydrates.
const rendered = root.querySelector('main');
// The sign-in element stays in the page across renders (it holds the session-timeout timers). It
// also picks up a live session on a reload or on the way back from a payment gateway.
const login = rendered?.querySelector('iq-login') ?? document.createElement('iq-login');
login.addEventListener('iq-login', (event) => {
  void loadUser().then(() => {
    render();
    if (!event.restored) document.getElementById('welcome')?.focus();
  });
});
login.addEventListener('iq-logout', (event) => {
  userName = null;
  if (event.reason === 'user') owner = null;
  elements = event.reason === 'user' ? {} : { update: elements.update, family: elements.family };
  render();
});
// An element found the session gone (401): the sign-in element checks, and if it has ended it
// closes it (iq-logout, expired) and asks for the code again. The SDK has removed its data from the
// tab by then; the wizards, kept by the portal, go on with what was typed if the same citizen signs
// in again, and drop it if another one does.
document.addEventListener('iq-auth-required', () => void login.checkSession());
window.addEventListener('hashchange', () => render());
const homeSlot = rendered?.querySelector<HTMLElement>('#home') ?? h('div', { id: 'home' });

// The language switch changes the page on an explicit choice (WCAG 3.2.2, On Input): choosing in
// the list changes nothing until "Change language". The header stays in the page across renders,
// so focus stays on the control the citizen used.
const select = h(
  'select',
  { id: 'lang' },
  ...LANGS.map((l) =>
    h('option', { value: l, lang: l }, l === 'ar' ? 'العربية' : l === 'ckb' ? 'کوردی' : 'English'),
  ),
);
const langLabel = h('label', { for: 'lang' });
const langButton = h('button', { type: 'submit', class: 'secondary' });
const langForm = h('form', { class: 'lang' }, langLabel, ' ', select, ' ', langButton);
langForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (select.value === lang) return;
  lang = select.value as Lang;
  remember();
  render();
  if (userName) void loadUser().then(render);
});
const title = root.querySelector('h1') ?? h('h1');
const header = root.querySelector('header') ?? h('header', {}, title);
header.append(langForm);

function render() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  document.title = t('title');
  title.textContent = t('title');
  langLabel.textContent = t('language');
  langButton.textContent = t('changeLanguage');
  select.value = lang;
  homeSlot.replaceChildren(...(userName ? [renderHome(userName)] : []));
  const main =
    root.querySelector('main') ?? h('main', {}, h('p', { class: 'intro' }), login, homeSlot);
  const intro = main.querySelector<HTMLElement>('.intro');
  if (intro) {
    intro.hidden = userName !== null;
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
  if (header.parentNode !== root) root.replaceChildren(header, main);
}

// The payment gateway's popup coming back to the portal: the payment form tells the window that
// opened it and closes this one. Nothing else of the portal is needed here.
const gatewayReturn =
  window.name === GATEWAY_WINDOW_NAME &&
  window.opener !== null &&
  new URLSearchParams(location.search).has('payment');
if (gatewayReturn) root.replaceChildren(create('iq-payment-form'));
else render();
