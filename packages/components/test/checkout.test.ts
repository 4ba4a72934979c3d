// The payment form's checkout (src/payment-form/checkout.ts) as a state machine, without a DOM:
// every event in every view, the transitions spelt out here and every other pair ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkout, type CheckoutEvent, type View } from '../src/payment-form/checkout.js';

const VIEWS: View[] = [
  'loading',
  'checking',
  'select',
  'empty',
  'not-found',
  'paid',
  'in-progress',
  'method',
  'review',
  'popup-blocked',
  'awaiting',
  'receipt',
  'failure',
  'signed-out',
];

const EVENTS: CheckoutEvent[] = [
  'load',
  'check',
  'signed-out',
  'listed',
  'nothing-to-pay',
  'not-found',
  'unpaid',
  'paid',
  'processing',
  'continue',
  'back',
  'opened',
  'blocked',
  'awaiting-confirmation',
  'succeeded',
  'failed',
  'cancelled',
  'expired',
];

/** Where an event leads from any view. */
const ANYWHERE: [CheckoutEvent, View][] = [
  ['load', 'loading'],
  ['check', 'checking'],
  ['signed-out', 'signed-out'],
];

/** Every other transition: from, event, to. */
const TRANSITIONS: [View, CheckoutEvent, View][] = [
  // The list, or the one bill the host named, is read.
  ['loading', 'listed', 'select'],
  ['loading', 'nothing-to-pay', 'empty'],
  ['loading', 'not-found', 'not-found'],
  ['loading', 'unpaid', 'select'],
  ['loading', 'paid', 'paid'],
  ['loading', 'processing', 'in-progress'],
  // The citizen's steps.
  ['select', 'continue', 'method'],
  ['method', 'continue', 'review'],
  ['method', 'back', 'select'],
  ['review', 'back', 'method'],
  // The gateway's window, on Confirm and on every reopening.
  ['review', 'opened', 'awaiting'],
  ['review', 'blocked', 'popup-blocked'],
  ['awaiting', 'opened', 'awaiting'],
  ['awaiting', 'blocked', 'popup-blocked'],
  ['popup-blocked', 'opened', 'awaiting'],
  ['popup-blocked', 'blocked', 'popup-blocked'],
  // The service's word on a payment.
  ['checking', 'awaiting-confirmation', 'awaiting'],
  ['awaiting', 'awaiting-confirmation', 'awaiting'],
  ...(['checking', 'awaiting', 'popup-blocked'] as const).flatMap(
    (from): [View, CheckoutEvent, View][] => [
      [from, 'succeeded', 'receipt'],
      [from, 'failed', 'failure'],
      [from, 'cancelled', 'failure'],
      [from, 'expired', 'failure'],
    ],
  ),
];

test('load, check and signed-out lead to the same view from every view', () => {
  for (const view of VIEWS) {
    for (const [event, to] of ANYWHERE)
      assert.equal(checkout(view, event), to, `${view} + ${event}`);
  }
});

test('each transition leads where it says', () => {
  for (const [from, event, to] of TRANSITIONS) {
    assert.equal(checkout(from, event), to, `${from} + ${event}`);
  }
});

test('every other event is ignored: the view stays', () => {
  const legal = new Set([
    ...TRANSITIONS.map(([from, event]) => `${from} ${event}`),
    ...VIEWS.flatMap((view) => ANYWHERE.map(([event]) => `${view} ${event}`)),
  ]);
  let ignored = 0;
  for (const view of VIEWS) {
    for (const event of EVENTS) {
      if (legal.has(`${view} ${event}`)) continue;
      assert.equal(checkout(view, event), view, `${view} + ${event} is ignored`);
      ignored++;
    }
  }
  // 14 views × 18 events, less the 42 anywhere and the 34 transitions above.
  assert.equal(ignored, VIEWS.length * EVENTS.length - 42 - TRANSITIONS.length);
});

test('what exactly-once rests on', () => {
  // A decided payment read again (a second return message, a late poll) changes nothing.
  for (const view of ['receipt', 'failure'] as const) {
    for (const status of ['awaiting-confirmation', 'succeeded', 'failed'] as const) {
      assert.equal(checkout(view, status), view);
    }
  }
  // A second press of Confirm once the gateway's page is open, or a late answer of the list,
  // leaves the payment on screen.
  assert.equal(checkout('awaiting', 'continue'), 'awaiting');
  assert.equal(checkout('awaiting', 'back'), 'awaiting');
  assert.equal(checkout('awaiting', 'listed'), 'awaiting');
  // The gateway's page opens only from the review or a payment awaiting it.
  for (const view of ['select', 'method', 'receipt', 'failure', 'checking'] as const) {
    assert.equal(checkout(view, 'opened'), view);
  }
  // Still awaiting is no news while the citizen has yet to open the payment page.
  assert.equal(checkout('popup-blocked', 'awaiting-confirmation'), 'popup-blocked');
});

test('a whole payment, then another bill', () => {
  const walk = (events: CheckoutEvent[]) => events.reduce(checkout, 'loading' as View);
  assert.equal(
    walk(['listed', 'continue', 'continue', 'opened', 'awaiting-confirmation', 'succeeded']),
    'receipt',
  );
  assert.equal(
    walk(['listed', 'continue', 'continue', 'opened', 'succeeded', 'load', 'listed']),
    'select',
  );
  assert.equal(walk(['listed', 'continue', 'continue', 'blocked', 'opened', 'failed']), 'failure');
});
