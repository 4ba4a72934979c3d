import type { Payable, Payment } from '@iq-eservices/api';

/**
 * The screen of `<iq-payment-form>` the citizen is on:
 * - `loading`: reading what there is to pay; `checking`: reading a payment (or sending again an
 *   attempt whose answer was lost);
 * - `select`: the bills to choose from; `empty`: nothing to pay; `not-found`, `paid`,
 *   `in-progress`: the one bill the host named cannot be paid now;
 * - `method`: how to pay; `review`: check and confirm;
 * - `popup-blocked`: the browser refused the gateway's window; `awaiting`: the payment awaits the
 *   gateway;
 * - `receipt`: paid; `failure`: failed, cancelled or expired;
 * - `signed-out`: the service needs the citizen to sign in.
 */
export type View =
  | 'loading'
  | 'checking'
  | 'select'
  | 'empty'
  | 'not-found'
  | 'paid'
  | 'in-progress'
  | 'method'
  | 'review'
  | 'popup-blocked'
  | 'awaiting'
  | 'receipt'
  | 'failure'
  | 'signed-out';

/**
 * What happens to the checkout:
 * - from any view: `load` (the list, or the one bill, is read: on start, **Try again** after a
 *   failure, **Pay another bill**, after a cancel), `check` (a payment is read, or an unanswered
 *   attempt sent again) and `signed-out` (the service answered 401);
 * - the answers of `load`: `listed`, `nothing-to-pay`, `not-found`, or the one bill's status
 *   (`unpaid`, `paid`, `processing`);
 * - the citizen's steps: `continue` and `back`;
 * - the gateway's window: `opened` (or this page is on its way there) and `blocked`;
 * - the service's word on a payment: its status (`awaiting-confirmation`, `succeeded`, `failed`,
 *   `cancelled`, `expired`).
 */
export type CheckoutEvent =
  | 'load'
  | 'check'
  | 'signed-out'
  | 'listed'
  | 'nothing-to-pay'
  | 'not-found'
  | Payable['status']
  | 'continue'
  | 'back'
  | 'opened'
  | 'blocked'
  | Payment['status'];

/** The service's word on a payment, from every view that waits for one. */
const DECIDED = {
  succeeded: 'receipt',
  failed: 'failure',
  cancelled: 'failure',
  expired: 'failure',
} as const;

/** The gateway's window, from every view that opens it. */
const GATEWAY = { opened: 'awaiting', blocked: 'popup-blocked' } as const;

/** Where each event leads from each view; an event missing here is ignored in that view. */
const TRANSITIONS: Partial<Record<View, Partial<Record<CheckoutEvent, View>>>> = {
  loading: {
    listed: 'select',
    'nothing-to-pay': 'empty',
    'not-found': 'not-found',
    unpaid: 'select',
    paid: 'paid',
    processing: 'in-progress',
  },
  select: { continue: 'method' },
  method: { continue: 'review', back: 'select' },
  review: { back: 'method', ...GATEWAY },
  checking: { 'awaiting-confirmation': 'awaiting', ...DECIDED },
  awaiting: { 'awaiting-confirmation': 'awaiting', ...GATEWAY, ...DECIDED },
  // Still awaiting is no news here: the citizen has yet to open the payment page.
  'popup-blocked': { ...GATEWAY, ...DECIDED },
};

/** Events that lead to the same view from any view. */
const ANYWHERE: Partial<Record<CheckoutEvent, View>> = {
  load: 'loading',
  check: 'checking',
  'signed-out': 'signed-out',
};

/**
 * The checkout as a state machine: the view that `event` leads to from `view`. An event that
 * does not belong to a view (a late answer, a second click, a decided payment read again) leaves
 * the view as it is. Pure: no DOM, no requests, no time.
 */
export function checkout(view: View, event: CheckoutEvent): View {
  return ANYWHERE[event] ?? TRANSITIONS[view]?.[event] ?? view;
}
