import type { IqLoginEvent, IqLogoutEvent } from '../login/events.js';

/**
 * What the SDK keeps in this tab: every key it writes to `sessionStorage` starts with `iq-`
 * (`iq-update-wizard:<flow>`, `iq-payment-form:…`), and `iq-citizen` holds the opaque id
 * (`User.id`) of the citizen it belongs to — never a national number, a name or a phone number.
 *
 * All of it goes when the session ends — "Sign out", `iq-logout` from any element whatever its
 * reason, a 401 (`iq-auth-required`, which `checkSession()` follows with `iq-logout`) — and when
 * another citizen signs in in this tab. The listeners are on `window`, in the capture phase, so no
 * host listener can stop them, and they are installed by importing this module: the sign-in
 * element and every element that stores data import it, so it holds whether or not the element
 * that stored the data is still on the page.
 */

const PREFIX = 'iq-';
const CITIZEN = `${PREFIX}citizen`;

let forgotten = 0;

/** The stored value of `key`, or null (nothing stored, or storage blocked). */
export function readLocal(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key` (an `iq-` key), or removes it (null). Storage full or blocked: nothing. */
export function writeLocal(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // The data stays in memory (and on the server).
  }
}

/** Removes every `iq-` key of this tab (the session ended). */
export function clearLocalData(): void {
  try {
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

/**
 * Removes every `iq-` key and tells the elements to drop what they hold in memory too: the
 * citizen signed out, or another one signed in.
 */
export function forgetLocalData(): void {
  clearLocalData();
  forgotten++;
}

/** Counts {@link forgetLocalData} calls: an element that holds data compares it to know. */
export const forgetCount = (): number => forgotten;

/** The opaque id of the citizen the tab's data belongs to, if known. */
export const localCitizen = (): string | null => readLocal(CITIZEN);

/**
 * `citizen` is signed in: another citizen's data is forgotten, and what is stored from now on is
 * theirs. Returns true when something was forgotten.
 */
export function claimLocalData(citizen: string): boolean {
  const owner = localCitizen();
  const other = !!owner && owner !== citizen;
  if (other) forgetLocalData();
  writeLocal(CITIZEN, citizen);
  return other;
}

if (typeof window !== 'undefined') {
  const on = (type: string, listener: (event: Event) => void) =>
    window.addEventListener(type, listener, true);
  on('iq-logout', (event) =>
    (event as IqLogoutEvent).reason === 'user' ? forgetLocalData() : clearLocalData(),
  );
  on('iq-auth-required', clearLocalData);
  on('iq-login', (event) => void claimLocalData((event as IqLoginEvent).user.id));
}
