import {
  joinStringsAndValues,
  LOCALE_STATUS_EVENT,
  type LocaleModule,
  type MsgOptions,
  type StrResult,
  type TemplateLike,
} from '@lit/localize';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import type { allLocales } from '../generated/locale-codes.js';
import type { Locale } from './format.js';

/** A language whose messages load on demand: every one, English included. */
type Translated = (typeof allLocales)[number];

/**
 * The locale lit-localize starts in, showing the templates written in the code: English while
 * developing, nothing in the built packages (their English loads on demand like Arabic and
 * Kurdish, so that an Arabic or Kurdish page does not download it). Never shown once a language
 * has loaded.
 */
const SOURCE = 'x-source';

/**
 * An element's translations, one module per language (generated: `generated/messages/*.ts`);
 * `id` `*` is the whole catalogue.
 */
export type MessageGroup = { id: string } & Record<Translated, () => Promise<LocaleModule>>;

/** The message groups of the elements defined so far ({@link useMessages}), by id. */
const groups = new Map<string, MessageGroup>();

/**
 * Per language, the one templates object lit-localize reads (groups are merged into it as they
 * load) and each group's load.
 */
const catalogues = new Map<
  string,
  { templates: LocaleModule['templates']; loads: Map<string, Promise<void>> }
>();

/** Group loads still under way, for {@link localeReady}. */
let pending: Promise<unknown> = Promise.resolve();
/** The load of the groups registered since the last one started. */
let flush: Promise<void> | undefined;

/** The groups to load: `*` (the whole catalogue) covers every element's. */
const wanted = (): MessageGroup[] => {
  const all = groups.get('*');
  return all ? [all] : [...groups.values()];
};

/**
 * Loads into `locale`'s catalogue every registered group it lacks (one registered meanwhile too).
 * A download that fails is left out, and the language still switches with what arrived: the
 * missing messages are tried again later ({@link retryLater}).
 */
async function loadGroups(locale: Translated): Promise<LocaleModule['templates']> {
  let catalogue = catalogues.get(locale);
  if (!catalogue) catalogues.set(locale, (catalogue = { templates: {}, loads: new Map() }));
  const { templates, loads } = catalogue;
  const missing = () => (loads.has('*') ? [] : wanted().filter((group) => !loads.has(group.id)));
  let failed = false;
  do {
    for (const group of missing())
      loads.set(
        group.id,
        group[locale]().then(
          (module) => void Object.assign(templates, module.templates),
          () => {
            loads.delete(group.id);
            failed = true;
          },
        ),
      );
    await Promise.all(loads.values());
  } while (!failed && missing().length);
  if (failed) retryLater();
  return templates;
}

/** The language shown ({@link SOURCE} until one has loaded) and the templates `msg()` reads. */
let shown: string = SOURCE;
let shownTemplates: LocaleModule['templates'] | undefined;
/** Numbers each switch of language: only the last one asked for is shown. */
let switches = 0;
/** The last switch asked for: an earlier one, overtaken, settles when it does. */
let latest: Promise<void> = Promise.resolve();

const currentLocale = (): string => shown;

const dispatchStatus = (detail: object): void =>
  void window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail }));

/**
 * `msg()` of the library: the loaded template of the call's `id`, else the call's own. Every call
 * names its `id` (the build fails on one that does not: scripts/build-plugins.mjs), so no id is
 * computed from a template's text at run time — lit-localize's own runtime (`configureLocalization`)
 * would, and would bring a hash function into every page for it. Localized templates hold
 * `${0}`-style positions in `values`: each is replaced by the call's value at that position
 * (a translation may reorder them).
 */
function translate(template: TemplateLike, options?: MsgOptions): TemplateLike {
  const localized = options?.id === undefined ? undefined : shownTemplates?.[options.id];
  const source = template as StrResult;
  if (localized === undefined)
    return typeof template !== 'string' && 'strTag' in template
      ? joinStringsAndValues(source.strings, source.values)
      : template;
  if (typeof localized === 'string') return localized;
  const order = localized.values as number[];
  return 'strTag' in localized
    ? joinStringsAndValues(localized.strings, source.values, order)
    : { ...localized, values: order.map((i) => source.values[i]) };
}
_installMsgImplementation(translate as Parameters<typeof _installMsgImplementation>[0]);

/**
 * Shows `locale` once its messages have loaded (a switch asked for meanwhile wins), telling the
 * elements (lit-localize's `lit-localize-status` events, which `updateWhenLocaleChanges` hears).
 */
function applyLocale(locale: Translated): Promise<void> {
  const mine = ++switches;
  if (typeof window !== 'undefined') dispatchStatus({ status: 'loading', loadingLocale: locale });
  return (latest = loadGroups(locale).then((templates) => {
    if (mine !== switches) return latest;
    shown = locale;
    shownTemplates = templates;
    if (typeof window !== 'undefined') dispatchStatus({ status: 'ready', readyLocale: locale });
  }));
}

/** Loads the messages of the language shown (or asked for); re-renders when it is shown. */
async function refresh(): Promise<void> {
  const locale = requested ?? currentLocale();
  if (locale === SOURCE) return;
  await loadGroups(locale as Translated);
  // Shown already: re-render with the new messages. (Still loading: its own `ready` will.)
  if (currentLocale() === locale) dispatchStatus({ status: 'ready', readyLocale: locale });
}

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 5_000;

/** After a failed download: again when the network comes back, or after a wait that doubles. */
function retryLater(): void {
  if (retryTimer !== undefined || typeof window === 'undefined') return;
  const again = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    window.removeEventListener('online', again);
    pending = Promise.all([pending, refresh()]);
  };
  window.addEventListener('online', again);
  retryTimer = setTimeout(again, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

/**
 * Registers an element's messages (its class calls this once, when defined): they load with the
 * page's language, or at once when that language is already shown, and the elements re-render.
 * A page downloads the translations of the elements it uses, not the whole catalogue.
 */
export function useMessages(group: MessageGroup): void {
  if (groups.has(group.id)) return;
  groups.set(group.id, group);
  if (typeof window === 'undefined') return;
  // Once the modules being evaluated have all registered (a bundle of every element adds `*`).
  flush ??= Promise.resolve().then(() => {
    flush = undefined;
    return refresh();
  });
  pending = Promise.all([pending, flush]);
}

/** The locales the library ships. */
export const LOCALES: readonly Locale[] = ['ar', 'ckb', 'en'];

/** The locale used when the page names none the library has. Arabic: Iraq's first language. */
export const DEFAULT_LOCALE: Locale = 'ar';

/**
 * The library's locale for a BCP 47 tag: `ar*` → ar, `ckb*`, `ku` and `ku-*` → ckb (many apps
 * label Sorani `ku`), `en*` → en; null for anything else.
 */
export function localeFromTag(tag: string | null | undefined): Locale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'ar') return 'ar';
  if (primary === 'ckb' || primary === 'ku') return 'ckb';
  if (primary === 'en') return 'en';
  return null;
}

let followDocument = true;
// The locale last asked for: while it loads, `getLocale()` still answers the previous one.
let requested: Locale | undefined;

function request(locale: Locale): Promise<void> {
  requested = locale;
  return applyLocale(locale);
}
let observer: MutationObserver | undefined;

/**
 * The current locale of every element of the library; before the first language has loaded, the
 * one loading (else the default).
 */
export function getLocale(): Locale {
  const locale = currentLocale();
  return (locale === SOURCE ? (requested ?? DEFAULT_LOCALE) : locale) as Locale;
}

/**
 * Sets the locale of every element on the page (elements already there re-render). After this
 * call the library stops following `<html lang>`; call {@link followDocumentLanguage} to resume.
 */
export async function setLocale(locale: Locale): Promise<void> {
  followDocument = false;
  await request(locale);
}

/** Follow `<html lang>` again (the default): the locale changes when the page's language does. */
export function followDocumentLanguage(): Promise<void> {
  followDocument = true;
  return syncWithDocument();
}

function syncWithDocument(): Promise<void> {
  if (!followDocument || typeof document === 'undefined') return Promise.resolve();
  const locale = localeFromTag(document.documentElement.getAttribute('lang')) ?? DEFAULT_LOCALE;
  return locale === (requested ?? currentLocale()) ? Promise.resolve() : request(locale);
}

/**
 * Resolves when the language last asked for is shown with the messages of every element defined
 * so far (a load under way, then any element's group still loading).
 */
export async function localeReady(): Promise<void> {
  const target = requested;
  if (typeof window !== 'undefined' && target !== undefined && target !== currentLocale()) {
    await new Promise<void>((resolve) => {
      const settle = (event: Event) => {
        const detail = (event as CustomEvent<{ status: string; readyLocale?: string }>).detail;
        if (detail.status === 'error' || detail.readyLocale === requested) {
          window.removeEventListener(LOCALE_STATUS_EVENT, settle);
          resolve();
        }
      };
      window.addEventListener(LOCALE_STATUS_EVENT, settle);
    });
  }
  await pending;
}

/**
 * Loads `locale`'s messages of every element defined so far, without showing them: a server
 * renders with them ({@link renderingIn}). Rejects when some could not be loaded.
 * @internal
 */
export async function loadMessages(locale: Locale): Promise<void> {
  await loadGroups(locale);
  const loads = catalogues.get(locale)?.loads;
  const missing = wanted().filter((group) => !loads?.has(group.id) && !loads?.has('*'));
  if (missing.length)
    throw new Error(
      `The ${locale} messages of ${missing.map((g) => g.id).join(', ')} did not load.`,
    );
}

/**
 * Runs `work` with `locale` shown, then shows again what was shown before: for rendering on the
 * server, where each request has its own language. `work` must be synchronous (nothing else
 * renders meanwhile) and `locale`'s messages loaded already ({@link loadMessages}).
 * @internal
 */
export function renderingIn<T>(locale: Locale, work: () => T): T {
  const templates = catalogues.get(locale)?.templates;
  if (!templates) throw new Error(`The ${locale} messages have not loaded: loadMessages() first.`);
  const before = { shown, shownTemplates };
  shown = locale;
  shownTemplates = templates;
  try {
    return work();
  } finally {
    ({ shown, shownTemplates } = before);
  }
}

/** Starts following `<html lang>`; called once when the library loads. */
export function startLocalization(): Promise<void> {
  if (typeof document === 'undefined' || observer) return Promise.resolve();
  observer = new MutationObserver(() => void syncWithDocument());
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return syncWithDocument();
}
