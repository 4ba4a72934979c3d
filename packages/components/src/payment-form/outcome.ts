import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Receipt } from '@iq-eservices/api';
import { baghdadTime, ltr, type Formatter } from '../core/format.js';
import type { FailureReason } from './events.js';
import { clean, label, rows } from './labels.js';

/* What is shown once a payment is decided: the receipt and the failure reasons. */

/** Each failure: what happened, then what to do. */
export const FAILURES: Record<FailureReason, () => string> = {
  declined: () =>
    msg('Your bank declined the payment. Ask your bank, or use another method.', {
      id: 'payment.failure.declined',
    }),
  'insufficient-funds': () =>
    msg('Not enough money on the card or wallet. Top up and try again, or use another method.', {
      id: 'payment.failure.insufficient-funds',
    }),
  'expired-card': () =>
    msg('The card has expired. Use a valid card or another method.', {
      id: 'payment.failure.expired-card',
    }),
  '3ds-failed': () => {
    // One unbreakable left-to-right island, brackets included: never "(3-D" on one line and
    // "Secure)" on the next, nor a bracket mirrored.
    const check = ltr('(3\u2011D\u00a0Secure)');
    return msg(
      str`The card check ${check} failed. Try again and enter the code sent to your phone.`,
      {
        id: 'payment.failure.3ds-failed',
      },
    );
  },
  cancelled: () =>
    msg('You cancelled the payment. Try again when you are ready.', {
      id: 'payment.failure.cancelled',
    }),
  'timed-out': () =>
    msg(
      'The payment was not completed in time. Try again, and finish on the payment page without delay.',
      {
        id: 'payment.failure.timed-out',
      },
    ),
};

/** The receipt: reference number (an LTR island), date, method, account, items and totals. */
export function receiptTemplate(r: Receipt, f: Formatter, method: string): TemplateResult {
  return html`<div class="box ok" part="receipt">
    ${rows([
      // The reference in Latin digits, as it is typed on a phone or read out to a call centre.
      [label('ref'), html`<bdi dir="ltr" class="reference">${clean(r.referenceNumber)}</bdi>`],
      [label('date'), baghdadTime(`${f.date(r.paidAt)} ${f.time(r.paidAt)}`)],
      [label('method'), html`<bdi>${method}</bdi>`],
      [label('account'), html`<bdi dir="ltr">${f.digits(r.maskedAccount)}</bdi>`],
    ])}
    <ul class="items">
      ${r.items.map(
        (i) =>
          html`<li class="item line">
            <span class="title"
              ><bdi>${clean(i.title)}</bdi>
              <span class="muted"><bdi>${clean(i.issuer.name)}</bdi></span></span
            >
            <span class="amount">${f.iqd(i.amount)}</span>
          </li>`,
      )}
    </ul>
    ${rows([
      [label('amount'), f.iqd(r.amount)],
      [label('fee'), f.iqd(r.fee)],
      [label('total'), f.iqd(r.total), 'total'],
    ])}
  </div>`;
}

/**
 * The receipt as plain text, read from the rendered receipt so that the file says exactly what
 * the screen says (no markup: text content only).
 */
export function receiptText(heading: string, receipt: Element): string {
  const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  const lines = [...receipt.querySelectorAll('dl > div, li')].map((row) => {
    const cells = [...row.children].map(text);
    return row.tagName === 'LI' ? `- ${cells.join(': ')}` : cells.join(' ');
  });
  return `${[heading, ...lines].join('\n')}\n`;
}

/** Downloads `text` as a UTF-8 file named after the receipt's reference number. */
export function download(r: Receipt, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  link.download = `receipt-${r.referenceNumber}.txt`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
