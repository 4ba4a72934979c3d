import {
  createEServicesClient,
  isEServicesError,
  unwrap,
  type EServicesError,
} from '@iq-eservices/api';
import { h, isolate } from './dom.js';
import { message, type Lang, type MessageKey } from './messages.js';
import { parseCode, parseMobile, parseNationalId } from './input.js';

const LANGS: Lang[] = ['ar', 'ckb', 'en'];
const stored = new URLSearchParams(location.search).get('lang');
let lang: Lang = LANGS.includes(stored as Lang) ? (stored as Lang) : 'ar';

const client = createEServicesClient({ baseUrl: location.origin, locale: () => lang });
const root = document.getElementById('app') ?? document.body;

type View =
  | { name: 'start'; method: 'national-id' | 'phone'; value: string; error?: string }
  | {
      name: 'code';
      challengeId: string;
      destination: string;
      codeLength: number;
      resendAt: number;
      attemptsLeft: number;
      value: string;
      error?: string;
    }
  | { name: 'home'; data?: HomeData; error?: string };

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

let view: View = { name: 'start', method: 'national-id', value: '' };
let busy = false;

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
const time = (iso: string) =>
  new Intl.DateTimeFormat(`${lang}-IQ`, { timeStyle: 'short' }).format(new Date(iso));

function describe(error: unknown): string {
  if (!isEServicesError(error)) return t('error.network');
  const e = error as EServicesError;
  switch (e.code) {
    case 'network.error':
    case 'network.timeout':
      return t('error.network');
    case 'identity.unknown':
    case 'otp.invalid':
    case 'otp.expired':
      return t(`error.${e.code}`);
    case 'identity.locked':
      return t('error.identity.locked', {
        time: time(String(e.problem?.lockedUntil ?? new Date().toISOString())),
      });
    case 'rate-limited':
    case 'otp.resend-too-early':
      return t('error.rate-limited', { seconds: number(e.retryAfterSeconds ?? 30) });
    default:
      return t('error.other', { requestId: e.requestId ?? '—' });
  }
}

async function act(work: () => Promise<void>) {
  if (busy) return; // one request per user action, whatever the clicks
  busy = true;
  render();
  try {
    await work();
  } finally {
    busy = false;
    render();
  }
}

function startSignIn(form: HTMLFormElement) {
  if (view.name !== 'start') return;
  const current = view;
  current.value = (form.elements.namedItem('identifier') as HTMLInputElement).value;
  const parsed =
    current.method === 'national-id' ? parseNationalId(current.value) : parseMobile(current.value);
  if (!parsed) {
    current.error = t(current.method === 'national-id' ? 'error.nationalId' : 'error.phone');
    render();
    return;
  }
  void act(async () => {
    try {
      const body =
        current.method === 'national-id'
          ? { method: 'national-id' as const, nationalId: parsed }
          : { method: 'phone' as const, phone: parsed };
      const challenge = unwrap(await client.identity.POST('/sign-in', { body }));
      view = {
        name: 'code',
        challengeId: challenge.challengeId,
        destination: challenge.maskedDestination,
        codeLength: challenge.codeLength,
        resendAt: Date.now() + challenge.resendAfterSeconds * 1000,
        attemptsLeft: challenge.attemptsLeft,
        value: '',
      };
    } catch (error) {
      current.error = describe(error);
    }
  });
}

function verify(form: HTMLFormElement) {
  if (view.name !== 'code') return;
  const current = view;
  current.value = (form.elements.namedItem('code') as HTMLInputElement).value;
  const code = parseCode(current.value, current.codeLength);
  if (!code) {
    current.error = t('error.code');
    render();
    return;
  }
  void act(async () => {
    try {
      unwrap(
        await client.identity.POST('/sign-in/{challengeId}/verify', {
          params: { path: { challengeId: current.challengeId } },
          body: { code },
        }),
      );
      view = { name: 'home' };
      await loadHome();
    } catch (error) {
      if (isEServicesError(error) && typeof error.problem?.attemptsLeft === 'number')
        current.attemptsLeft = error.problem.attemptsLeft;
      current.error = describe(error);
    }
  });
}

function resend() {
  if (view.name !== 'code') return;
  const current = view;
  void act(async () => {
    try {
      const challenge = unwrap(
        await client.identity.POST('/sign-in/{challengeId}/resend', {
          params: { path: { challengeId: current.challengeId } },
        }),
      );
      current.resendAt = Date.now() + challenge.resendAfterSeconds * 1000;
      current.error = undefined;
    } catch (error) {
      current.error = describe(error);
    }
  });
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
  view = { name: 'home', data };
}

function signOut() {
  void act(async () => {
    await client.identity.DELETE('/session');
    client.session.clear();
    view = { name: 'start', method: 'national-id', value: '' };
  });
}

function field(
  id: string,
  label: string,
  hint: string,
  value: string,
  error: string | undefined,
  extra: Record<string, string | boolean>,
) {
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('p', { id: `${id}-hint`, class: 'hint' }, hint),
    error ? h('p', { id: `${id}-error`, class: 'error', role: 'alert' }, error) : null,
    h('input', {
      id,
      value,
      dir: 'ltr',
      'aria-describedby': describedBy,
      'aria-invalid': error ? 'true' : undefined,
      ...extra,
    }),
  );
}

function renderStart(v: Extract<View, { name: 'start' }>) {
  const form = h(
    'form',
    { novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, t('signIn')),
      ...(['national-id', 'phone'] as const).map((method) => {
        const radio = h('input', {
          type: 'radio',
          name: 'method',
          id: `method-${method}`,
          value: method,
          checked: v.method === method,
        });
        radio.addEventListener('change', () => {
          v.method = method;
          v.error = undefined;
          render();
        });
        return h(
          'div',
          { class: 'choice' },
          radio,
          h(
            'label',
            { for: `method-${method}` },
            t(method === 'national-id' ? 'byNationalId' : 'byPhone'),
          ),
        );
      }),
    ),
    field(
      'identifier',
      t(v.method === 'national-id' ? 'byNationalId' : 'byPhone'),
      t(v.method === 'national-id' ? 'nationalIdHint' : 'phoneHint'),
      v.value,
      v.error,
      {
        name: 'identifier',
        inputmode: 'numeric',
        autocomplete: v.method === 'phone' ? 'tel' : 'off',
        spellcheck: 'false',
      },
    ),
    h('button', { type: 'submit', disabled: busy }, t('sendCode')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    startSignIn(form);
  });
  return h(
    'section',
    {},
    h('p', {}, t('intro')),
    h(
      'p',
      { class: 'note' },
      `${t('sandboxNote')} `,
      isolate('123456'),
      ' — ',
      isolate('199012345678'),
      ' · ',
      isolate('07701234567'),
    ),
    form,
  );
}

function renderCode(v: Extract<View, { name: 'code' }>) {
  const form = h(
    'form',
    { novalidate: true },
    h(
      'p',
      {},
      t('codeHint', { destination: '' }).replace(/\.\s*$/, ''),
      ' ',
      isolate(v.destination),
      '.',
    ),
    field(
      'code',
      t('codeLabel'),
      t('attemptsLeft', { count: number(v.attemptsLeft) }),
      v.value,
      v.error,
      {
        name: 'code',
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        maxlength: String(v.codeLength * 2),
      },
    ),
    h('button', { type: 'submit', disabled: busy }, t('verify')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    verify(form);
  });
  const wait = Math.max(0, Math.ceil((v.resendAt - Date.now()) / 1000));
  const again = h(
    'button',
    { type: 'button', class: 'secondary', disabled: busy || wait > 0 },
    t('resend'),
  );
  again.addEventListener('click', resend);
  return h(
    'section',
    {},
    form,
    wait > 0 ? h('p', { class: 'hint' }, t('resendIn', { seconds: number(wait) })) : null,
    again,
  );
}

function renderHome(v: Extract<View, { name: 'home' }>) {
  const out = h('button', { type: 'button', class: 'secondary', disabled: busy }, t('signOut'));
  out.addEventListener('click', signOut);
  if (!v.data) return h('section', { 'aria-busy': 'true' }, h('p', {}, t('loading')));
  const d = v.data;
  return h(
    'section',
    {},
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
    out,
  );
}

function render() {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'en' ? 'ltr' : 'rtl';
  document.title = t('title');
  const select = h(
    'select',
    { id: 'lang', 'aria-label': t('language') },
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
    if (view.name === 'home' && view.data) void act(loadHome);
  });
  const main =
    view.name === 'start'
      ? renderStart(view)
      : view.name === 'code'
        ? renderCode(view)
        : renderHome(view);
  root.replaceChildren(
    h(
      'header',
      {},
      h('h1', {}, t('title')),
      h('label', { for: 'lang', class: 'lang' }, t('language'), ' ', select),
    ),
    h('main', {}, main),
  );
}

setInterval(() => {
  if (view.name === 'code' && view.resendAt > Date.now() - 1000) render();
}, 1000);
render();
