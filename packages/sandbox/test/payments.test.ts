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
import { SANDBOX_OTP, actAtGateway } from '../src/index.js';
import { GATEWAY_NOTIFICATION_SECRET, signGatewayPayload } from '../src/services/payments.js';
import { createHmac } from 'node:crypto';

const RETURN_URL = 'http://localhost:5173/payments/finish?from=checkout';

// cit_01's seeded payables (src/data/payments.ts).
const PASSPORT = 'pbl_0101'; // 25 000, due 2026-12-31
const ELECTRICITY = 'pbl_0102'; // 48 250, overdue on the test clock
const PLATES = 'pbl_0105'; // 1 250 000: above ZainCash's ceiling, paid alone
const PAID_CARD_RENEWAL = 'pbl_0106'; // paid in the seed

let keys = 0;
/** A fresh Idempotency-Key for each attempt. */
function newKey(): string {
  keys += 1;
  return `test_key_${String(keys).padStart(8, '0')}`;
}

interface PaymentBody {
  id: string;
  status: string;
  payableIds: string[];
  method: string;
  amount: number;
  fee: number;
  total: number;
  currency: string;
  createdAt: string;
  expiresAt: string;
  redirectUrl: string;
  failureReason: string | null;
  referenceNumber: string | null;
}

async function setup(citizenId = 'cit_01', options: Parameters<typeof createTestSandbox>[0] = {}) {
  const env = createTestSandbox(options);
  const user = await signIn(env, citizenId);
  return { env, user };
}

function create(user: SignedIn, body: Record<string, unknown>, key: string | null = newKey()) {
  return user.request('/payments/v1/payments', {
    method: 'POST',
    json: body,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
}

async function createOk(user: SignedIn, body: Record<string, unknown>): Promise<PaymentBody> {
  const response = await create(user, body);
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as PaymentBody;
}

async function getPayment(user: SignedIn, id: string): Promise<PaymentBody> {
  const response = await user.request(`/payments/v1/payments/${id}`);
  assert.equal(response.status, 200);
  return (await response.json()) as PaymentBody;
}

function paymentsIn(env: TestSandbox, citizenId = 'cit_01') {
  return env.sandbox.state.payments.payments[citizenId] ?? [];
}

/** Opens the hosted page as the browser would, and returns its HTML and session token. */
async function openGateway(env: TestSandbox, payment: PaymentBody) {
  const response = await env.fetch(payment.redirectUrl);
  const html = await response.text();
  return {
    response,
    html,
    session: new URL(payment.redirectUrl).searchParams.get('session') ?? '',
  };
}

/** Posts a choice at the hosted page (as the form does). */
function choose(env: TestSandbox, payment: PaymentBody, fields: Record<string, string>) {
  const url = new URL(payment.redirectUrl);
  return env.fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    body: new URLSearchParams({ session: url.searchParams.get('session') ?? '', ...fields }),
  });
}

test('lists the citizen’s fees and bills, unpaid and overdue first, localized', async () => {
  const { env, user } = await setup();
  const response = await user.request('/payments/v1/payables');
  assert.equal(response.status, 200);
  const { items } = (await response.json()) as { items: Record<string, unknown>[] };
  assert.equal(items.length, 7);
  assert.equal(items[0]?.['id'], ELECTRICITY, 'the longest overdue comes first');
  assert.equal(items[0]?.['overdue'], true);
  assert.equal(items[0]?.['title'], 'فاتورة الكهرباء – تشرين الأول 2026');
  assert.deepEqual(items[0]?.['issuer'], {
    code: 'electricity-distribution',
    name: 'وزارة الكهرباء – المديرية العامة لتوزيع الكهرباء',
  });
  const passport = items.find((p) => p['id'] === PASSPORT);
  assert.equal(passport?.['overdue'], false);
  assert.equal(passport?.['amount'], 25000);
  assert.deepEqual(
    items.map((p) => p['status']),
    ['unpaid', 'unpaid', 'unpaid', 'unpaid', 'unpaid', 'paid', 'paid'],
  );

  const paid = (await (await user.request('/payments/v1/payables?status=paid')).json()) as {
    items: { id: string }[];
  };
  assert.deepEqual(
    paid.items.map((p) => p.id),
    ['pbl_0107', PAID_CARD_RENEWAL],
    'paid ones, the most recent first',
  );
  const unpaid = (await (await user.request('/payments/v1/payables?status=unpaid')).json()) as {
    items: unknown[];
  };
  assert.equal(unpaid.items.length, 5);

  const english = await user.request(`/payments/v1/payables/${PASSPORT}`, {
    headers: { 'Accept-Language': 'en' },
  });
  assert.equal(english.status, 200);
  assert.equal(english.headers.get('content-language'), 'en');
  const body = (await english.json()) as { title: string; issuer: { name: string } };
  assert.equal(body.title, 'Ordinary passport issue fee');
  assert.equal(body.issuer.name, 'General Directorate of Civil Status, Passports and Residency');
  assertNoViolations(env.sandbox);
});

test('another citizen’s payable and an unknown one are 404', async () => {
  const { env, user } = await setup();
  for (const id of ['pbl_0201', 'pbl_9999']) {
    const response = await user.request(`/payments/v1/payables/${id}`);
    assert.equal(response.status, 404, id);
    assert.equal((await problemOf(response)).code, 'not-found');
  }
  assertNoViolations(env.sandbox);
});

test('lists the payment methods with their limits and fees', async () => {
  const { env, user } = await setup();
  const response = await user.request('/payments/v1/payment-methods');
  assert.equal(response.status, 200);
  const { items } = (await response.json()) as { items: Record<string, unknown>[] };
  assert.deepEqual(
    items.map((m) => [m['id'], m['kind'], m['name'], m['available']]),
    [
      ['qi-card', 'card', 'كي كارد', true],
      ['zaincash', 'wallet', 'زين كاش', true],
      ['fib', 'bank-app', 'مصرف العراق الأول (FIB)', true],
    ],
  );
  const zaincash = items[1];
  assert.ok(zaincash);
  assert.ok(
    (zaincash['maxAmount'] as number) < 1_250_000,
    'one seeded payable is above the wallet ceiling',
  );
  assertNoViolations(env.sandbox);
});

test('not signed in: 401 everywhere but the gateway endpoints, and nothing is stored', async () => {
  const env = createTestSandbox();
  for (const path of [
    '/payments/v1/payables',
    '/payments/v1/payment-methods',
    '/payments/v1/payments/pay_s0106',
  ]) {
    const response = await env.request(path);
    assert.equal(response.status, 401, path);
    assert.equal((await problemOf(response)).code, 'auth.required');
  }
  const response = await env.request('/payments/v1/payments', {
    method: 'POST',
    json: { payableIds: [PASSPORT], method: 'qi-card', returnUrl: RETURN_URL },
    headers: { 'Idempotency-Key': newKey() },
  });
  assert.equal(response.status, 401);
  assert.equal(paymentsIn(env).length, 2, 'only the seeded payments');
  assertNoViolations(env.sandbox);
});

test('creating a payment computes the amount on the server and points at the hosted page', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [PASSPORT, ELECTRICITY],
    method: 'qi-card',
    receiptPhone: '+9647701234567',
    returnUrl: RETURN_URL,
  });
  assert.equal(payment.status, 'awaiting-confirmation');
  assert.equal(payment.amount, 25000 + 48250);
  assert.equal(payment.fee, 1000);
  assert.equal(payment.total, 74250);
  assert.equal(payment.currency, 'IQD');
  assert.equal(payment.createdAt, '2026-11-25T09:00:00.000Z');
  assert.equal(payment.expiresAt, '2026-11-25T09:15:00.000Z');
  const redirect = new URL(payment.redirectUrl);
  assert.equal(redirect.origin, BASE_URL);
  assert.equal(redirect.pathname, `/gateway/qi-card/${payment.id}`);
  assert.match(redirect.searchParams.get('session') ?? '', /^[0-9a-f]{64}$/);

  const zaincash = await createOk(user, {
    payableIds: ['pbl_0103'],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  assert.equal(zaincash.fee, 150, '1 % of 15 000');

  const passport = (await (await user.request(`/payments/v1/payables/${PASSPORT}`)).json()) as {
    status: string;
  };
  assert.equal(passport.status, 'processing');
  assert.equal(paymentsIn(env).length, 4);
  assertNoViolations(env.sandbox);
});

test('actAtGateway() pays as the citizen at the hosted page would, and gives the client return URL', async () => {
  const { env, user } = await setup();
  const approved = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  const back = new URL(await actAtGateway(env.sandbox, approved.redirectUrl, 'approve'));
  assert.equal(back.origin + back.pathname, 'http://localhost:5173/payments/finish');
  assert.equal(back.searchParams.get('payment'), approved.id);
  assert.equal((await getPayment(user, approved.id)).status, 'succeeded');
  const declined = await createOk(user, {
    payableIds: [ELECTRICITY],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  await actAtGateway(env.sandbox, declined.redirectUrl, 'decline');
  assert.equal((await getPayment(user, declined.id)).status, 'failed');
  assertNoViolations(env.sandbox);
});

test('approving at the Qi Card page pays, returns to the client with the payment id and writes one receipt', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [PASSPORT, ELECTRICITY],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });

  const page = await openGateway(env, payment);
  assert.equal(page.response.status, 200);
  assert.match(page.response.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(page.html, /<html lang="ar" dir="rtl">/);
  assert.match(page.html, /3-D Secure/);
  assert.match(page.html, /name="otp"/);

  const wrong = await choose(env, payment, { outcome: 'approve', otp: '000000' });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /رمز التحقق غير صحيح/);
  assert.equal(
    (await getPayment(user, payment.id)).status,
    'awaiting-confirmation',
    'a wrong code changes nothing',
  );

  // The code may be typed in Arabic-Indic digits.
  const approved = await choose(env, payment, { outcome: 'approve', otp: '١٢٣٤٥٦' });
  assert.equal(approved.status, 303);
  const back = new URL(approved.headers.get('location') ?? '');
  assert.equal(back.pathname, `/payments/v1/payments/${payment.id}/return`);
  assert.equal(back.searchParams.get('result'), 'succeeded');
  assert.equal(
    back.searchParams.get('signature'),
    await signGatewayPayload(`return:${payment.id}:succeeded`),
  );

  const returned = await env.fetch(back.href);
  assert.equal(returned.status, 303);
  const finish = new URL(returned.headers.get('location') ?? '');
  assert.equal(finish.origin + finish.pathname, 'http://localhost:5173/payments/finish');
  assert.equal(finish.searchParams.get('payment'), payment.id);
  assert.equal(finish.searchParams.get('from'), 'checkout', 'the client’s own query is kept');

  const done = await getPayment(user, payment.id);
  assert.equal(done.status, 'succeeded');
  assert.equal(done.failureReason, null);
  assert.match(done.referenceNumber ?? '', /^PAY-2026-\d{6}$/);

  const receiptResponse = await user.request(`/payments/v1/payments/${payment.id}/receipt`);
  assert.equal(receiptResponse.status, 200);
  const receipt = (await receiptResponse.json()) as Record<string, unknown> & {
    items: { payableId: string }[];
  };
  assert.equal(receipt['referenceNumber'], done.referenceNumber);
  assert.equal(receipt['total'], 74250);
  assert.equal(receipt['method'], 'qi-card');
  assert.match(receipt['maskedAccount'] as string, /^\*{4} \*{4} \*{4} \d{4}$/);
  assert.deepEqual(
    receipt.items.map((i) => i.payableId),
    [PASSPORT, ELECTRICITY],
  );

  for (const id of [PASSPORT, ELECTRICITY]) {
    const payable = (await (await user.request(`/payments/v1/payables/${id}`)).json()) as Record<
      string,
      unknown
    >;
    assert.equal(payable['status'], 'paid');
    assert.equal(payable['overdue'], false);
    assert.equal(payable['paidAt'], '2026-11-25T09:00:00.000Z');
  }

  // Deciding again (another outcome, or the same) changes nothing and writes no second receipt.
  const again = await choose(env, payment, { outcome: 'decline' });
  assert.equal(again.status, 303);
  assert.equal(
    new URL(again.headers.get('location') ?? '').searchParams.get('result'),
    'succeeded',
  );
  await choose(env, payment, { outcome: 'approve', otp: SANDBOX_OTP });
  assert.equal((await getPayment(user, payment.id)).referenceNumber, done.referenceNumber);
  const receipts = Object.values(env.sandbox.state.payments.receipts).filter(
    (r) => r.paymentId === payment.id,
  );
  assert.equal(receipts.length, 1);
  const decided = await openGateway(env, payment);
  assert.equal(decided.response.status, 200);
  assert.match(decided.html, /تم الدفع بنجاح/);
  assert.doesNotMatch(decided.html, /name="outcome"/);
  assert.match(decided.response.headers.get('content-security-policy') ?? '', /form-action 'none'/);

  // Paying the same payable again is refused.
  const twice = await create(user, {
    payableIds: [PASSPORT],
    method: 'fib',
    returnUrl: RETURN_URL,
  });
  assert.equal(twice.status, 409);
  const problem = await problemOf(twice);
  assert.equal(problem.code, 'payment.payable-already-paid');
  assert.equal(problem.errors?.[0]?.pointer, '/body/payableIds/0');
  assertNoViolations(env.sandbox);
});

test('every failure outcome at the hosted page is recorded with its reason and frees the payables', async () => {
  const cases: [string, string, string, string][] = [
    // outcome, status, failureReason, result reported to the browser
    ['decline', 'failed', 'declined', 'failed'],
    ['insufficient-funds', 'failed', 'insufficient-funds', 'failed'],
    ['expired-card', 'failed', 'expired-card', 'failed'],
    ['3ds-failed', 'failed', '3ds-failed', 'failed'],
    ['cancel', 'cancelled', 'cancelled', 'cancelled'],
    ['timeout', 'expired', 'timed-out', 'failed'],
  ];
  const { env, user } = await setup();
  for (const [outcome, status, reason, result] of cases) {
    const payment = await createOk(user, {
      payableIds: [PASSPORT],
      method: 'qi-card',
      returnUrl: RETURN_URL,
    });
    const page = await openGateway(env, payment);
    assert.match(page.html, new RegExp(`name="outcome" value="${outcome}"`), outcome);
    const response = await choose(env, payment, { outcome });
    assert.equal(response.status, 303, outcome);
    assert.equal(
      new URL(response.headers.get('location') ?? '').searchParams.get('result'),
      result,
      outcome,
    );
    const read = await getPayment(user, payment.id);
    assert.equal(read.status, status, outcome);
    assert.equal(read.failureReason, reason, outcome);
    assert.equal(read.referenceNumber, null, outcome);
    const receipt = await user.request(`/payments/v1/payments/${payment.id}/receipt`);
    assert.equal(receipt.status, 409, outcome);
    assert.equal((await problemOf(receipt)).code, 'payment.not-completed');
    const payable = (await (await user.request(`/payments/v1/payables/${PASSPORT}`)).json()) as {
      status: string;
    };
    assert.equal(payable.status, 'unpaid', `${outcome}: the payable can be paid again`);
  }
  assert.equal(
    Object.values(env.sandbox.state.payments.receipts).filter((r) => r.citizenId === 'cit_01')
      .length,
    2,
    'only the seeded receipts',
  );
  assertNoViolations(env.sandbox);
});

test('ZainCash asks the wallet code, FIB asks for approval in the app; card-only outcomes are refused', async () => {
  const { env, user } = await setup();
  const zaincash = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  const zPage = await openGateway(env, zaincash);
  assert.match(zPage.html, /زين كاش/);
  assert.match(zPage.html, /name="otp"/);
  assert.doesNotMatch(zPage.html, /value="3ds-failed"/);
  const refused = await choose(env, zaincash, { outcome: '3ds-failed' });
  assert.equal(refused.status, 422);
  assert.equal((await getPayment(user, zaincash.id)).status, 'awaiting-confirmation');
  const insufficient = await choose(env, zaincash, { outcome: 'insufficient-funds' });
  assert.equal(insufficient.status, 303);
  assert.equal((await getPayment(user, zaincash.id)).failureReason, 'insufficient-funds');

  const fib = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'fib',
    returnUrl: RETURN_URL,
  });
  const fPage = await openGateway(env, fib);
  assert.match(fPage.html, /تطبيق FIB/);
  assert.doesNotMatch(fPage.html, /name="otp"/);
  assert.equal((await choose(env, fib, { outcome: 'approve' })).status, 303);
  const paid = await getPayment(user, fib.id);
  assert.equal(paid.status, 'succeeded');
  const receipt = (await (
    await user.request(`/payments/v1/payments/${fib.id}/receipt`)
  ).json()) as { maskedAccount: string };
  assert.match(receipt.maskedAccount, /^\*{4} \d{4}$/);
  assertNoViolations(env.sandbox);
});

test('the return endpoint never trusts its query: a forged success on a declined payment changes nothing', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  await choose(env, payment, { outcome: 'decline' });
  const forged = await env.fetch(
    `${BASE_URL}/payments/v1/payments/${payment.id}/return?result=succeeded&signature=${'0'.repeat(64)}`,
  );
  assert.equal(forged.status, 303);
  assert.equal(
    new URL(forged.headers.get('location') ?? '').searchParams.get('payment'),
    payment.id,
  );
  const read = await getPayment(user, payment.id);
  assert.equal(read.status, 'failed');
  assert.equal(read.failureReason, 'declined');
  assert.equal(env.sandbox.state.payments.receipts[payment.id], undefined);

  // Without any query, the browser is still sent back.
  const bare = await env.fetch(`${BASE_URL}/payments/v1/payments/${payment.id}/return`);
  assert.equal(bare.status, 303);
  const unknown = await env.fetch(`${BASE_URL}/payments/v1/payments/pay_999999/return`);
  assert.equal(unknown.status, 404);
  assertNoViolations(env.sandbox);
});

test('the same Idempotency-Key makes one payment, sequentially and concurrently; another body is 409', async () => {
  const { env, user } = await setup();
  const body = { payableIds: [PASSPORT], method: 'qi-card', returnUrl: RETURN_URL };
  const key = newKey();
  const first = await create(user, body, key);
  const second = await create(user, body, key);
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.equal(second.headers.get('idempotency-replayed'), 'true');
  const [a, b] = (await Promise.all([first.json(), second.json()])) as PaymentBody[];
  assert.equal(a?.id, b?.id);
  assert.equal(paymentsIn(env).length, 3);

  const reused = await create(user, { ...body, method: 'fib' }, key);
  assert.equal(reused.status, 409);
  assert.equal((await problemOf(reused)).code, 'idempotency.key-reused');

  const concurrentKey = newKey();
  const other = { payableIds: [ELECTRICITY], method: 'zaincash', returnUrl: RETURN_URL };
  const responses = await Promise.all([
    create(user, other, concurrentKey),
    create(user, other, concurrentKey),
    create(user, other, concurrentKey),
  ]);
  const statuses = responses.map((r) => r.status);
  assert.ok(statuses.includes(201), statuses.join());
  for (const response of responses) {
    if (response.status === 201) continue;
    assert.equal(response.status, 409);
    assert.equal((await problemOf(response)).code, 'idempotency.in-progress');
  }
  const created = paymentsIn(env).filter((p) => p.payableIds.includes(ELECTRICITY));
  assert.equal(created.length, 1, 'one charge');

  const missing = await create(user, body, null);
  assert.equal(missing.status, 422);
  const problem = await problemOf(missing);
  assert.equal(problem.code, 'validation.failed');
  assert.ok(
    problem.errors?.some((e) => e.pointer === '/header/idempotency-key'),
    JSON.stringify(problem.errors),
  );
  assert.equal(paymentsIn(env).length, 4);
  assertNoViolations(env.sandbox);
});

test('a method that cannot take the amount, or is unavailable, is refused and nothing is stored', async () => {
  const { env, user } = await setup();
  const tooMuch = await create(user, {
    payableIds: [PLATES],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  assert.equal(tooMuch.status, 422);
  const problem = await problemOf(tooMuch);
  assert.equal(problem.code, 'payment.amount-out-of-range');
  assert.equal(problem.errors?.[0]?.pointer, '/body/method');
  assert.match(problem.errors?.[0]?.detail ?? '', /١٬٠٠٠٬٠٠٠/);

  const fib = env.sandbox.state.payments.methods.find((m) => m.id === 'fib');
  assert.ok(fib);
  fib.available = false;
  fib.unavailableReason = 'maintenance';
  const methods = (await (await user.request('/payments/v1/payment-methods')).json()) as {
    items: Record<string, unknown>[];
  };
  assert.equal(methods.items[2]?.['available'], false);
  assert.equal(methods.items[2]?.['unavailableReason'], 'maintenance');
  const unavailable = await create(user, {
    payableIds: [PASSPORT],
    method: 'fib',
    returnUrl: RETURN_URL,
  });
  assert.equal(unavailable.status, 422);
  assert.equal((await problemOf(unavailable)).code, 'payment.method-unavailable');

  // The large registration is fine with a card, but only on its own.
  const together = await create(user, {
    payableIds: [PASSPORT, PLATES],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  assert.equal(together.status, 422);
  const alone = await problemOf(together);
  assert.equal(alone.code, 'validation.failed');
  assert.deepEqual(
    alone.errors?.map((e) => [e.pointer, e.code]),
    [['/body/payableIds/1', 'not-payable-together']],
  );
  await createOk(user, { payableIds: [PLATES], method: 'qi-card', returnUrl: RETURN_URL });

  assert.equal(paymentsIn(env).length, 3, 'only the card payment was stored');
  assertNoViolations(env.sandbox);
});

test('unknown, foreign and already paid payables are refused', async () => {
  const { env, user } = await setup();
  const unknown = await create(user, {
    payableIds: [PASSPORT, 'pbl_0201', 'pbl_9999'],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  assert.equal(unknown.status, 422);
  const problem = await problemOf(unknown);
  assert.equal(problem.code, 'payment.payable-not-found');
  assert.deepEqual(
    problem.errors?.map((e) => e.pointer),
    ['/body/payableIds/1', '/body/payableIds/2'],
  );

  const paid = await create(user, {
    payableIds: [PAID_CARD_RENEWAL],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  assert.equal(paid.status, 409);
  assert.equal((await problemOf(paid)).code, 'payment.payable-already-paid');

  await createOk(user, { payableIds: [PASSPORT], method: 'qi-card', returnUrl: RETURN_URL });
  const inFlight = await create(user, {
    payableIds: [PASSPORT],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  assert.equal(inFlight.status, 409);
  assert.equal((await problemOf(inFlight)).errors?.[0]?.code, 'payment-in-progress');
  assert.equal(paymentsIn(env).length, 3);
  assertNoViolations(env.sandbox);
});

test('hostile return URLs and receipt phones are refused with 422 and nothing is stored', async () => {
  const { env, user } = await setup('cit_01', { allowedOrigins: ['https://eservices.moi.gov.iq'] });
  const counters = JSON.stringify(env.sandbox.state.counters);
  const returnUrls = [
    'https://evil.example/finish',
    'javascript:alert(1)',
    'http://localhost@evil.example/finish',
    'https://localhost.evil.example/finish',
    'https://eservices.moi.gov.iq.evil.example/',
    'http://eservices.moi.gov.iq/finish',
    'data:text/html,<script>alert(1)</script>',
    'https://localhost/"><script>alert(1)</script>',
    `https://localhost/${'a'.repeat(2001)}`,
  ];
  for (const returnUrl of returnUrls) {
    const response = await create(user, { payableIds: [PASSPORT], method: 'qi-card', returnUrl });
    assert.equal(response.status, 422, returnUrl);
    const problem = await problemOf(response);
    assert.equal(problem.code, 'validation.failed', returnUrl);
    assert.ok(
      problem.errors?.every((e) => e.pointer === '/body/returnUrl'),
      returnUrl,
    );
  }
  for (const receiptPhone of [
    '+9647701234567<script>',
    '\u202E+9647701234567',
    '07701234567',
    '+9647701234567\n',
    "'; DROP TABLE payments;--",
  ]) {
    const response = await create(user, {
      payableIds: [PASSPORT],
      method: 'qi-card',
      receiptPhone,
      returnUrl: RETURN_URL,
    });
    assert.equal(response.status, 422, JSON.stringify(receiptPhone));
    assert.equal((await problemOf(response)).errors?.[0]?.pointer, '/body/receiptPhone');
  }
  const extra = await create(user, {
    payableIds: [PASSPORT],
    method: 'qi-card',
    returnUrl: RETURN_URL,
    amount: 1,
  });
  assert.equal(extra.status, 422, 'the client never sends an amount');
  assert.equal(paymentsIn(env).length, 2);
  assert.equal(JSON.stringify(env.sandbox.state.counters), counters);

  // An allowed origin is accepted.
  await createOk(user, {
    payableIds: [PASSPORT],
    method: 'qi-card',
    returnUrl: 'https://eservices.moi.gov.iq/pay/done',
  });
  assertNoViolations(env.sandbox);
});

test('payment ids and hosted-page tokens are random: not derivable from the published secret', async () => {
  const { env, user } = await setup();
  const other = await setup();
  const body = { payableIds: [PASSPORT], method: 'qi-card', returnUrl: RETURN_URL };
  const payment = await createOk(user, body);
  const elsewhere = await createOk(other.user, body);
  assert.match(payment.id, /^pay_[0-9a-f]{32}$/);
  assert.notEqual(payment.id, elsewhere.id, 'two sandboxes do not count alike');
  const session = new URL(payment.redirectUrl).searchParams.get('session') ?? '';
  assert.match(session, /^[0-9a-f]{64}$/);
  // What the token used to be: an HMAC over the payment id with the published gateway secret.
  const derived = createHmac('sha256', GATEWAY_NOTIFICATION_SECRET)
    .update(`session:${payment.id}`)
    .digest('hex');
  assert.notEqual(session, derived);
  const url = new URL(payment.redirectUrl);
  url.searchParams.set('session', derived);
  assert.equal((await env.fetch(url.href)).status, 404, 'a derived token opens nothing');
  assert.equal((await env.fetch(payment.redirectUrl)).status, 200);
  // The way back answers without a session: an id that is not guessed finds nothing.
  const guessed = await env.fetch(`${BASE_URL}/payments/v1/payments/pay_000001/return`);
  assert.equal(guessed.status, 404);
  assertNoViolations(env.sandbox);
});

test('the hosted page escapes everything it shows, loads no script or inline style, and needs its session', async () => {
  const { env, user } = await setup();
  const hostile = '<script>alert(1)</script>"\'&<img src=x onerror=alert(1)>';
  const passport = env.sandbox.state.payments.payables['cit_01']?.find((p) => p.id === PASSPORT);
  const issuer = env.sandbox.state.payments.issuers['civil-status-passports'];
  assert.ok(passport && issuer);
  passport.title.ar = hostile;
  issuer.name.ar = hostile;
  const payment = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  const { response, html } = await openGateway(env, payment);
  assert.equal(response.status, 200);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<style/i);
  assert.doesNotMatch(html, /\sstyle=/i);
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no event handler attribute on any element');
  assert.match(
    html,
    /&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;&#39;&amp;&lt;img src=x onerror=alert\(1\)&gt;/,
  );
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // Forms may go only to the page's own handler and on to the client's return origin.
  assert.match(csp, /(^|; )form-action http:\/\/sandbox\.localhost http:\/\/localhost:5173(;|$)/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const stylesheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1] ?? '';
  const css = await env.fetch(stylesheet);
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type') ?? '', /^text\/css/);

  const url = new URL(payment.redirectUrl);
  const noSession = await env.fetch(`${url.origin}${url.pathname}`);
  assert.equal(noSession.status, 404);
  assert.match(
    noSession.headers.get('content-security-policy') ?? '',
    /form-action 'none'/,
    'a page without a form allows none',
  );
  const wrongMethod = await env.fetch(payment.redirectUrl.replace('/qi-card/', '/zaincash/'));
  assert.equal(wrongMethod.status, 404);
  const forgedPost = await env.fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    body: new URLSearchParams({ session: 'f'.repeat(64), outcome: 'approve', otp: SANDBOX_OTP }),
  });
  assert.equal(forgedPost.status, 404);
  assert.equal((await getPayment(user, payment.id)).status, 'awaiting-confirmation');
  assertNoViolations(env.sandbox);
});

test('gateway notifications: signed ones decide once, repeats change nothing, bad signatures are 401', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [ELECTRICITY],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  const notification = {
    paymentId: payment.id,
    gateway: 'zaincash',
    result: 'succeeded',
    gatewayReference: 'ZC-7F2A91C4',
    occurredAt: '2026-11-25T09:02:00Z',
  };
  const raw = JSON.stringify(notification);
  const send = (body: string, signature: string) =>
    env.request('/payments/v1/payments/notifications', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'X-Gateway-Signature': signature },
    });

  const forged = await send(raw, createHmac('sha256', 'not-the-secret').update(raw).digest('hex'));
  assert.equal(forged.status, 401);
  assert.equal((await problemOf(forged)).code, 'payment.signature-invalid');
  const tampered = await send(
    JSON.stringify({ ...notification, gatewayReference: 'ZC-TAMPERED' }),
    createHmac('sha256', GATEWAY_NOTIFICATION_SECRET).update(raw).digest('hex'),
  );
  assert.equal(tampered.status, 401);
  assert.equal(
    (await getPayment(user, payment.id)).status,
    'awaiting-confirmation',
    'nothing changed',
  );

  const signature = createHmac('sha256', GATEWAY_NOTIFICATION_SECRET).update(raw).digest('hex');
  assert.equal(signature, await signGatewayPayload(raw), 'Web Crypto and node:crypto agree');
  const accepted = await send(raw, signature);
  assert.equal(accepted.status, 204);
  const paid = await getPayment(user, payment.id);
  assert.equal(paid.status, 'succeeded');
  const stateAfterFirst = JSON.stringify(env.sandbox.state.payments);
  const countersAfterFirst = JSON.stringify(env.sandbox.state.counters);

  env.clock.advance(60_000);
  const repeated = await send(raw, signature);
  assert.equal(repeated.status, 204);
  const contrary = JSON.stringify({ ...notification, result: 'failed', failureReason: 'declined' });
  const late = await send(
    contrary,
    createHmac('sha256', GATEWAY_NOTIFICATION_SECRET).update(contrary).digest('hex'),
  );
  assert.equal(late.status, 204);
  assert.equal(
    JSON.stringify(env.sandbox.state.payments),
    stateAfterFirst,
    'repeats change nothing',
  );
  assert.equal(
    JSON.stringify(env.sandbox.state.counters),
    countersAfterFirst,
    'no second receipt number',
  );

  const mismatch = JSON.stringify({ ...notification, gateway: 'fib' });
  const wrongGateway = await send(
    mismatch,
    createHmac('sha256', GATEWAY_NOTIFICATION_SECRET).update(mismatch).digest('hex'),
  );
  assert.equal(wrongGateway.status, 422);
  assertNoViolations(env.sandbox);
});

test('a payment left at the gateway past expiresAt reads as expired and cannot be approved later', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'qi-card',
    returnUrl: RETURN_URL,
  });
  // Sessions idle out after 15 minutes too: sign in again after moving the clock.
  env.clock.advance(14 * 60_000);
  let again = await signIn(env);
  assert.equal((await getPayment(again, payment.id)).status, 'awaiting-confirmation');
  env.clock.advance(60_000);
  const expired = await getPayment(again, payment.id);
  assert.equal(expired.status, 'expired');
  assert.equal(expired.failureReason, 'timed-out');
  const payable = (await (await again.request(`/payments/v1/payables/${PASSPORT}`)).json()) as {
    status: string;
  };
  assert.equal(payable.status, 'unpaid');

  const page = await openGateway(env, payment);
  assert.match(page.html, /انتهت مهلة الدفع/);
  const late = await choose(env, payment, { outcome: 'approve', otp: SANDBOX_OTP });
  assert.equal(late.status, 303);
  again = await signIn(env);
  assert.equal((await getPayment(again, payment.id)).status, 'expired');
  assert.equal(env.sandbox.state.payments.receipts[payment.id], undefined);

  // The payable can be paid with a new payment.
  await createOk(again, { payableIds: [PASSPORT], method: 'qi-card', returnUrl: RETURN_URL });
  assertNoViolations(env.sandbox);
});

test('a citizen cannot read another citizen’s payment or receipt', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'fib',
    returnUrl: RETURN_URL,
  });
  await choose(env, payment, { outcome: 'approve' });
  const other = await signIn(env, 'cit_02', 'bearer');
  for (const path of [
    `/payments/v1/payments/${payment.id}`,
    `/payments/v1/payments/${payment.id}/receipt`,
  ]) {
    const response = await other.request(path);
    assert.equal(response.status, 404, path);
    assert.equal((await problemOf(response)).code, 'not-found');
  }
  assertNoViolations(env.sandbox);
});

test('seeded paid payables come with their receipts', async () => {
  const { env, user } = await setup();
  const response = await user.request('/payments/v1/payments/pay_s0106/receipt', {
    headers: { 'Accept-Language': 'ckb' },
  });
  assert.equal(response.status, 200);
  const receipt = (await response.json()) as {
    referenceNumber: string;
    items: { payableId: string; title: string }[];
  };
  assert.match(receipt.referenceNumber, /^PAY-2026-9\d{5}$/);
  assert.equal(receipt.items[0]?.payableId, PAID_CARD_RENEWAL);
  assert.equal(receipt.items[0]?.title, 'کرێی نوێکردنەوەی کارتی نیشتمانیی یەکگرتوو');
  assertNoViolations(env.sandbox);
});

/** The text a reader sees, without markup (attribute values are not text). */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PAGE_LANGUAGES = [
  {
    lang: 'ar',
    dir: 'rtl',
    heading: 'التحقق الآمن من البطاقة (\u20663-D Secure\u2069)',
    approve: 'تأكيد الدفع',
    cancel: 'إلغاء الدفع',
    banner: 'بيئة تجريبية: لا تُخصم أي أموال حقيقية.',
    total: '٢٦٬٠٠٠',
    wrongCode: 'رمز التحقق غير صحيح. حاول مرة أخرى.',
    succeeded: 'تم الدفع بنجاح',
    notFound: 'عملية الدفع غير موجودة',
  },
  {
    lang: 'ckb',
    dir: 'rtl',
    heading: 'پشتڕاستکردنەوەی پارێزراوی کارت (\u20663-D Secure\u2069)',
    approve: 'پشتڕاستکردنەوەی پارەدان',
    cancel: 'هەڵوەشاندنەوەی پارەدان',
    banner: 'ژینگەی تاقیکردنەوە: هیچ پارەیەکی ڕاستەقینە نابڕدرێت.',
    total: '٢٦٬٠٠٠',
    wrongCode: 'کۆدی پشتڕاستکردنەوە هەڵەیە. دووبارە هەوڵ بدەرەوە.',
    succeeded: 'پارەدانەکە سەرکەوتوو بوو',
    notFound: 'مامەڵەی پارەدان نەدۆزرایەوە',
  },
  {
    lang: 'en',
    dir: 'ltr',
    heading: 'Card security check (3-D Secure)',
    approve: 'Confirm the payment',
    cancel: 'Cancel the payment',
    banner: 'Sandbox: no real money is taken.',
    total: '26,000',
    wrongCode: 'The verification code is wrong. Try again.',
    succeeded: 'Payment made',
    notFound: 'Payment not found',
  },
] as const;

for (const expected of PAGE_LANGUAGES) {
  test(`the hosted page opens in the language the payment was created in: ${expected.lang}`, async () => {
    const { env, user } = await setup();
    const created = await user.request('/payments/v1/payments', {
      method: 'POST',
      json: { payableIds: [PASSPORT], method: 'qi-card', returnUrl: RETURN_URL },
      headers: { 'Idempotency-Key': newKey(), 'Accept-Language': expected.lang },
    });
    assert.equal(created.status, 201);
    const payment = (await created.json()) as PaymentBody;
    assert.equal(new URL(payment.redirectUrl).searchParams.get('lang'), expected.lang);
    // The browser that opens the page may say anything: the link decides.
    const response = await env.fetch(payment.redirectUrl, {
      headers: { 'Accept-Language': expected.lang === 'en' ? 'ar' : 'en' },
    });
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-language'), expected.lang);
    assert.match(html, new RegExp(`<html lang="${expected.lang}" dir="${expected.dir}">`));
    const text = visibleText(html);
    for (const part of [expected.heading, expected.approve, expected.cancel, expected.banner]) {
      assert.ok(text.includes(part), `${expected.lang}: «${part}» in ${text}`);
    }
    assert.ok(text.includes(expected.total), `${expected.lang}: the total as ${expected.total}`);
    const passport = env.sandbox.state.payments.payables['cit_01']?.find((p) => p.id === PASSPORT);
    assert.ok(text.includes(passport!.title[expected.lang]), 'the bill in the language');
    const others = PAGE_LANGUAGES.filter((l) => l.lang !== expected.lang);
    for (const other of others) {
      for (const part of [other.heading, other.approve, other.cancel, other.banner]) {
        assert.ok(!text.includes(part), `${expected.lang}: no «${part}» of ${other.lang}`);
      }
    }
    if (expected.lang === 'en') {
      assert.doesNotMatch(text, /[\u0600-\u06ff]/, 'no Arabic script on the English page');
    } else {
      // Latin only where it is a name, a code or an identifier.
      const latin = text.replace(/3-D Secure|FIB|pay_[0-9a-f]+|\d+/g, '').match(/[A-Za-z]+/g);
      assert.equal(latin, null, `${expected.lang}: untranslated Latin text`);
    }

    // A wrong code keeps the language (the form's action carries it), and says so in it.
    const action = /<form method="post" action="([^"]+)" class="approve">/.exec(html)?.[1] ?? '';
    const wrong = await env.fetch(action.replace(/&amp;/g, '&'), {
      method: 'POST',
      body: new URLSearchParams({
        session: new URL(payment.redirectUrl).searchParams.get('session') ?? '',
        outcome: 'approve',
        otp: '000000',
      }),
    });
    assert.equal(wrong.status, 422);
    const wrongHtml = await wrong.text();
    assert.match(wrongHtml, new RegExp(`<html lang="${expected.lang}"`));
    assert.ok(visibleText(wrongHtml).includes(expected.wrongCode));

    await actAtGateway(env.sandbox, payment.redirectUrl, 'approve');
    const decided = await env.fetch(payment.redirectUrl);
    assert.ok(visibleText(await decided.text()).includes(expected.succeeded));
    const url = new URL(payment.redirectUrl);
    url.searchParams.set('session', 'f'.repeat(64));
    const missing = await env.fetch(url.href);
    assert.equal(missing.status, 404);
    assert.ok(visibleText(await missing.text()).includes(expected.notFound));
    assertNoViolations(env.sandbox);
  });
}

test('a hosted page link without a language follows Accept-Language, then Arabic; ku is Sorani', async () => {
  const { env, user } = await setup();
  const payment = await createOk(user, {
    payableIds: [PASSPORT],
    method: 'zaincash',
    returnUrl: RETURN_URL,
  });
  const url = new URL(payment.redirectUrl);
  url.searchParams.delete('lang');
  const langOf = async (href: string, acceptLanguage?: string) => {
    const response = await env.fetch(href, {
      headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
    });
    return /<html lang="([a-z]+)"/.exec(await response.text())?.[1];
  };
  assert.equal(await langOf(url.href, 'en-GB,en;q=0.9'), 'en');
  assert.equal(await langOf(url.href, 'ku-IQ'), 'ckb');
  assert.equal(await langOf(url.href), 'ar');
  assert.equal(await langOf(url.href, 'fr-FR'), 'ar');
  url.searchParams.set('lang', 'ku');
  assert.equal(await langOf(url.href, 'en'), 'ckb');
  url.searchParams.set('lang', 'fr');
  assert.equal(await langOf(url.href, 'en'), 'en', 'an unknown ?lang= falls back');
});
