import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PaymentMethodKind, UnavailableReason } from '@iq-eservices/api';
import { stripBidiControls } from '../core/normalize.js';

/** What kind of method it is. */
export const METHOD_KINDS: Record<string, () => string> = {
  card: () => msg('Card', { id: 'payment.kind.card' }),
  wallet: () => msg('Mobile wallet', { id: 'payment.kind.wallet' }),
  'bank-app': () => msg('Bank app', { id: 'payment.kind.bank-app' }),
} satisfies Record<PaymentMethodKind, () => string>;

/** Why a method cannot be used now (`unavailableReason`). */
export const UNAVAILABLE: Record<UnavailableReason, () => string> = {
  maintenance: () =>
    msg('Under maintenance: try later.', {
      id: 'payment.unavailable.maintenance',
    }),
  suspended: () => msg('Not available for now.', { id: 'payment.unavailable.suspended' }),
  'not-offered': () =>
    msg('Not offered for this payment.', { id: 'payment.unavailable.not-offered' }),
};

/** The limits of a method, when they exclude the amount. */
export const outOfRange = (min: string, max: string): string =>
  msg(str`Takes ${min} to ${max} only.`, {
    id: 'payment.unavailable.range',
  });

/** Server text without bidirectional control characters (they could reorder what surrounds it). */
export const clean = stripBidiControls;

/** A label of the review and the receipt. */
export type LabelName = 'ref' | 'date' | 'method' | 'account' | 'amount' | 'fee' | 'total';

const LABELS: Record<LabelName, () => string> = {
  ref: () => msg('Reference number:', { id: 'payment.label.reference' }),
  date: () => msg('Paid on:', { id: 'payment.label.date' }),
  method: () => msg('Method:', { id: 'payment.label.method' }),
  account: () => msg('Paid from:', { id: 'payment.label.account' }),
  amount: () => msg('Amount:', { id: 'payment.label.amount' }),
  fee: () => msg('Fee:', { id: 'payment.label.fee' }),
  total: () => msg('Total:', { id: 'payment.label.total' }),
};

/** The localized label of a line. */
export const label = (name: LabelName): string => LABELS[name]();

/** Label and value lines (a description list); the third item is the line's class. */
export const rows = (lines: [string, unknown, string?][]): TemplateResult =>
  html`<dl>
    ${lines.map(
      ([name, value, cls]) =>
        html`<div class=${cls ?? ''}>
          <dt>${name}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
