import { readLocal, writeLocal } from '../core/local-data.js';
import type { PaymentMethodId } from './events.js';

/** The pending payment's id, once `createPayment` answered, until the payment is decided. */
export const PENDING_KEY = 'iq-payment-form:pending';

/**
 * The confirmed attempt (its `Idempotency-Key` and the exact request body), from just before
 * `createPayment` leaves until it answers: after a reload the same request is sent again and the
 * service answers with the payment it already created. Never card data (there is none here).
 */
export const ATTEMPT_KEY = 'iq-payment-form:attempt';

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
  readonly choices: Choices;

  /**
   * `returnUrl` is fixed with the attempt: a retry must send the same body as the first request
   * (the same key with another body is refused), even if the page's address changed meanwhile.
   * `key` is given when the attempt is read back from storage.
   */
  constructor(
    choices: Choices,
    readonly returnUrl: string,
    readonly key = newKey(),
  ) {
    this.choices = { ...choices, payableIds: [...choices.payableIds] };
  }

  /** The body of `createPayment`: the same for every sending of this attempt. */
  get body() {
    const { payableIds, method, receiptPhone } = this.choices;
    return {
      payableIds: [...payableIds],
      method,
      ...(receiptPhone ? { receiptPhone } : {}),
      returnUrl: this.returnUrl,
    };
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
 * Reads, writes (a value) or removes (null) one of the element's `sessionStorage` entries, through
 * the SDK's tab-local data (core/local-data.ts: removed when the session ends or another citizen
 * signs in). Storage may be blocked (privacy settings, sandboxed frames): resuming after a reload
 * is then left to the service (a payable's `pendingPayment`).
 */
function store(key: string, value?: string | null): string | null {
  if (value !== undefined) writeLocal(key, value || null);
  return readLocal(key);
}

/** The pending payment's id, if a well-formed one is stored. */
export function readPending(): string | null {
  const id = store(PENDING_KEY);
  return isPaymentId(id) ? id : null;
}

/** Remembers the pending payment's id (the attempt that created it is no longer needed). */
export function savePending(paymentId: string): void {
  store(PENDING_KEY, paymentId);
  store(ATTEMPT_KEY, null);
}

/** Forgets the pending payment and any unanswered attempt (decided, refused or abandoned). */
export function clearPending(): void {
  store(PENDING_KEY, null);
  store(ATTEMPT_KEY, null);
}

/** Keeps the attempt before its request leaves. */
export function saveAttempt(attempt: PaymentAttempt): void {
  store(ATTEMPT_KEY, JSON.stringify({ key: attempt.key, body: attempt.body }));
}

/** The unanswered attempt of this tab, if one is stored (the service checks the rest). */
export function readAttempt(): PaymentAttempt | null {
  try {
    const { key, body: b } = JSON.parse(store(ATTEMPT_KEY) ?? '') as {
      key: string;
      body: PaymentAttempt['body'];
    };
    if (typeof key !== 'string' || !Array.isArray(b.payableIds)) return null;
    const choices = {
      payableIds: b.payableIds,
      method: b.method,
      receiptPhone: b.receiptPhone ?? '',
    };
    return new PaymentAttempt(choices, b.returnUrl, key);
  } catch {
    return null;
  }
}
