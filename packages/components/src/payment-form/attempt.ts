import { readLocal, writeLocal } from '../core/local-data.js';
import type { PaymentMethodId } from './events.js';

/** The one `sessionStorage` key the element writes: the pending payment's id, nothing else. */
export const PENDING_KEY = 'iq-payment-form:pending';

const PAYMENT_ID = /^pay_[A-Za-z0-9]{1,40}$/;

/** True for a well-formed payment id (`pay_…`); anything else is never sent to the service. */
export function isPaymentId(value: unknown): value is string {
  return typeof value === 'string' && PAYMENT_ID.test(value);
}

/** What the citizen chose: the payables, the method and the receipt phone (E.164 or ''). */
export interface Choices {
  payableIds: readonly string[];
  method: PaymentMethodId;
  receiptPhone: string;
}

/** A fresh idempotency key (a UUID: letters, digits and dashes, as the contract's pattern wants). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Pages that are not a secure context (a phone on a LAN address) have no randomUUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One attempt to pay: the choices and the `Idempotency-Key` that goes with them. Retrying an
 * attempt whose answer was lost reuses the key, so the service creates the payment once; a
 * changed choice or a decided outcome needs a new attempt (and key).
 */
export class PaymentAttempt {
  readonly key = newKey();
  readonly choices: Choices;

  /**
   * `returnUrl` is fixed with the attempt: a retry must send the same body as the first request
   * (the same key with another body is refused), even if the page's address changed meanwhile.
   */
  constructor(
    choices: Choices,
    readonly returnUrl: string,
  ) {
    this.choices = { ...choices, payableIds: [...choices.payableIds] };
  }

  /** True when `choices` are the ones this attempt was made for. */
  matches(choices: Choices): boolean {
    return (
      JSON.stringify(this.choices) ===
      JSON.stringify({ ...choices, payableIds: [...choices.payableIds] })
    );
  }
}

/**
 * Reads, writes (an id) or clears (null) the pending payment's id, through the SDK's tab-local
 * data (core/local-data.ts: removed when the session ends or another citizen signs in). Storage
 * may be blocked (privacy settings, sandboxed frames): resuming after a reload is then not offered.
 */
function pending(value?: string | null): string | null {
  if (value !== undefined) writeLocal(PENDING_KEY, value || null);
  const id = readLocal(PENDING_KEY);
  return isPaymentId(id) ? id : null;
}

/** The pending payment's id, if a well-formed one is stored. */
export const readPending = (): string | null => pending();

/** Remembers the pending payment's id for a reload or the return from the gateway. */
export const savePending = (paymentId: string): void => void pending(paymentId);

/** Forgets the pending payment (it is decided, or unknown). */
export const clearPending = (): void => void pending(null);
