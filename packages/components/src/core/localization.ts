import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import type { Locale } from './format.js';

// Explicit imports per locale, so that bundlers split them into chunks loaded on demand.
const loaders = {
  ar: () => import('../generated/locales/ar.js'),
  ckb: () => import('../generated/locales/ckb.js'),
};

const { getLocale: currentLocale, setLocale: applyLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
});

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

/** The current locale of every element of the library. */
export function getLocale(): Locale {
  return currentLocale() as Locale;
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
  return locale === (requested ?? getLocale()) ? Promise.resolve() : request(locale);
}

/** Resolves when the current locale's messages are loaded. */
export function localeReady(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    const pending = (event: Event) => {
      const detail = (event as CustomEvent<{ status: string }>).detail;
      if (detail.status !== 'loading') {
        window.removeEventListener(LOCALE_STATUS_EVENT, pending);
        done();
      }
    };
    window.addEventListener(LOCALE_STATUS_EVENT, pending);
    // If nothing is loading, the event never comes: settle on the next task.
    setTimeout(() => {
      window.removeEventListener(LOCALE_STATUS_EVENT, pending);
      done();
    }, 0);
  });
}

/** Starts following `<html lang>`; called once when the library loads. */
export function startLocalization(): Promise<void> {
  if (typeof document === 'undefined' || observer) return Promise.resolve();
  observer = new MutationObserver(() => void syncWithDocument());
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return syncWithDocument();
}
