// Taking up a payment in progress: the payment a payable shows (`pendingPayment`), replaying a
// create whose answer was lost, and cancelling (`cancelPayment`) to start again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  assertNoViolations,
  createTestSandbox,
  problemOf,
  signIn,
  type SignedIn,
  type TestSandbox,
} from './helpers.js';
import { actAtGateway, createSandboxFetch } from '../src/index.js';
import { signGatewayPayload } from '../src/services/payments.js';

const RETURN_URL = 'http://localhost:5173/payments/finish';
// cit_01's seeded payables (src/data/payments.ts).
const PASSPORT = 'pbl_0101';
const WATER = 'pbl_0103';

interface PaymentBody {
  id: string;
  status: string;
  payableIds: string[];
  method: string;
  total: number;
  expiresAt: string;
  redirectUrl: string;
  failureReason: string | null;
}

interface PayableBody {
  id: string;
  status: string;
  pendingPayment: { id: string; method: string; total: number; expiresAt: string } | null;
}

let keys = 0;
const newKey = () => `resume_test_key_${String((keys += 1)).padStart(6, '0')}`;

function create(user: SignedIn, payableIds: string[], key = newKey(), method = 'qi-card') {
  return user.request('/payments/v1/payments', {
    method: 'POST',
    json: { payableIds, method, returnUrl: RETURN_URL },
    headers: { 'Idempotency-Key': key },
  });
}

async function createOk(user: SignedIn, payableIds: string[]): Promise<PaymentBody> {
  const response = await create(user, payableIds);
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as PaymentBody;
}

const cancel = (user: SignedIn, id: string) =>
  user.request(`/payments/v1/payments/${id}/cancel`, { method: 'POST' });

async function payable(user: SignedIn, id: string): Promise<PayableBody> {
  const response = await user.request(`/payments/v1/payables/${id}`);
  assert.equal(response.status, 200);
  return (await response.json()) as PayableBody;
}

async function payment(user: SignedIn, id: string): Promise<PaymentBody> {
  const response = await user.request(`/payments/v1/payments/${id}`);
  assert.equal(response.status, 200);
  return (await response.json()) as PaymentBody;
}

const created = (env: TestSandbox) =>
  (env.sandbox.state.payments.payments['cit_01'] ?? []).filter((p) => !p.id.startsWith('pay_s'));

test('a payable shows its payment in progress in any session, until the payment is decided', async () => {
  const env = createTestSandbox();
  const tab = await signIn(env);
  const started = await createOk(tab, [PASSPORT, WATER]);
  // Another device: its own session, which never saw the create's answer.
  const device = await signIn(env, 'cit_01', 'bearer');
  const list = (await (await device.request('/payments/v1/payables?status=unpaid')).json()) as {
    items: PayableBody[];
  };
  for (const item of list.items) {
    if ([PASSPORT, WATER].includes(item.id)) {
      assert.equal(item.status, 'processing');
      assert.deepEqual(item.pendingPayment, {
        id: started.id,
        method: 'qi-card',
        total: started.total,
        expiresAt: started.expiresAt,
      });
    } else {
      assert.equal(item.pendingPayment, null, item.id);
    }
  }
  assert.equal((await payable(device, PASSPORT)).pendingPayment?.id, started.id);
  // What it needs to reopen the gateway's page comes from getPayment.
  const read = await payment(device, started.id);
  assert.equal(read.redirectUrl, started.redirectUrl);

  await actAtGateway(env.sandbox, read.redirectUrl, 'approve');
  const paid = await payable(device, PASSPORT);
  assert.equal(paid.status, 'paid');
  assert.equal(paid.pendingPayment, null);
  assertNoViolations(env.sandbox);
});

test('the same key after a lost answer returns the payment already created, as it was created', async () => {
  const env = createTestSandbox();
  const user = await signIn(env);
  const key = newKey();
  env.sandbox.faults.set({
    faults: [{ kind: 'drop', operations: ['createPayment'], phase: 'after', count: 1 }],
  });
  await assert.rejects(create(user, [PASSPORT], key), TypeError);
  assert.equal(created(env).length, 1, 'the service acted before the answer was lost');
  const replay = await create(user, [PASSPORT], key);
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotency-replayed'), 'true');
  const body = (await replay.json()) as PaymentBody;
  assert.equal(body.id, created(env)[0]!.id);
  assert.equal(created(env).length, 1, 'one payment');

  // Decided meanwhile: the replay still answers the first result; getPayment has the outcome.
  await actAtGateway(env.sandbox, body.redirectUrl, 'decline');
  const again = (await (await create(user, [PASSPORT], key)).json()) as PaymentBody;
  assert.equal(again.status, 'awaiting-confirmation');
  assert.equal((await payment(user, body.id)).status, 'failed');
  assert.equal(created(env).length, 1);
  assertNoViolations(env.sandbox);
});

test('cancelling frees the payables at once; the cancelled payment can never be completed', async () => {
  const env = createTestSandbox();
  const user = await signIn(env);
  const first = await createOk(user, [PASSPORT]);
  const response = await cancel(user, first.id);
  assert.equal(response.status, 200);
  const cancelled = (await response.json()) as PaymentBody;
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.failureReason, 'cancelled');
  const freed = await payable(user, PASSPORT);
  assert.equal(freed.status, 'unpaid');
  assert.equal(freed.pendingPayment, null);

  // Idempotent: a retry after a lost answer gets the same cancelled payment.
  const again = await cancel(user, first.id);
  assert.equal(again.status, 200);
  assert.equal(((await again.json()) as PaymentBody).status, 'cancelled');

  // The hosted page shows it decided (no form), and approving there changes nothing.
  const page = await env.fetch(first.redirectUrl);
  assert.equal(page.status, 200);
  assert.doesNotMatch(await page.text(), /<form/);
  await actAtGateway(env.sandbox, first.redirectUrl, 'approve');
  // Nor does a late notification of success.
  const body = JSON.stringify({
    paymentId: first.id,
    gateway: 'qi-card',
    result: 'succeeded',
    gatewayReference: 'QI-LATE-0001',
    occurredAt: env.clock.now().toISOString(),
  });
  const notified = await env.request('/payments/v1/payments/notifications', {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Gateway-Signature': await signGatewayPayload(body),
    },
  });
  assert.equal(notified.status, 204);
  assert.equal((await payment(user, first.id)).status, 'cancelled');
  assert.equal(env.sandbox.state.payments.receipts[first.id], undefined);

  // Start again: a new payment for the same payable, which can be paid; one charge in all.
  const second = await createOk(user, [PASSPORT]);
  await actAtGateway(env.sandbox, second.redirectUrl, 'approve');
  assert.equal((await payment(user, second.id)).status, 'succeeded');
  const receipts = Object.values(env.sandbox.state.payments.receipts).filter((r) =>
    r.items.some((i) => i.payableId === PASSPORT),
  );
  assert.deepEqual(
    receipts.map((r) => r.paymentId),
    [second.id],
  );
  assertNoViolations(env.sandbox);
});

test('cancel: 409 once decided, 404 for another citizen’s or an unknown payment, 422, 401, 403', async () => {
  const env = createTestSandbox();
  const user = await signIn(env);
  for (const outcome of ['approve', 'decline'] as const) {
    const p = await createOk(user, [outcome === 'approve' ? PASSPORT : WATER]);
    await actAtGateway(env.sandbox, p.redirectUrl, outcome);
    const refused = await cancel(user, p.id);
    assert.equal(refused.status, 409, outcome);
    assert.equal((await problemOf(refused)).code, 'payment.not-cancellable');
    assert.notEqual((await payment(user, p.id)).status, 'cancelled');
  }
  const expiring = await createOk(user, ['pbl_0102']);
  env.clock.advance(16 * 60_000);
  const later = await signIn(env);
  const expired = await cancel(later, expiring.id);
  assert.equal(expired.status, 409);
  assert.equal((await payment(later, expiring.id)).status, 'expired');

  const mine = await createOk(later, ['pbl_0104']);
  const other = await signIn(env, 'cit_02', 'bearer');
  const foreign = await cancel(other, mine.id);
  assert.equal(foreign.status, 404);
  assert.equal((await problemOf(foreign)).code, 'not-found');
  assert.equal((await cancel(later, 'pay_999999')).status, 404);
  assert.equal((await cancel(later, 'not-a-payment')).status, 422);
  // A browser without the session (signed out), and the session without its CSRF token.
  const signedOut = createSandboxFetch(env.sandbox, { baseUrl: BASE_URL });
  const anonymous = await signedOut(`${BASE_URL}/payments/v1/payments/${mine.id}/cancel`, {
    method: 'POST',
  });
  assert.equal(anonymous.status, 401);
  const noCsrf = await env.request(`/payments/v1/payments/${mine.id}/cancel`, { method: 'POST' });
  assert.equal(noCsrf.status, 403);
  assert.equal((await payment(later, mine.id)).status, 'awaiting-confirmation');
  assertNoViolations(env.sandbox);
});
