// Every operation of every contract, called through the generated client against the sandbox
// in-process, with every response validated against its contract by the sandbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandbox, createSandboxFetch, SANDBOX_OTP } from '@iq-eservices/sandbox';
import { signGatewayPayload } from '../../sandbox/src/services/payments.js';
import { documentForm, SAMPLE_FILES } from '../../sandbox/test/helpers.js';
import { createEServicesClient, paginate, unwrap, isEServicesError } from '../src/index.js';

const BASE = 'http://sandbox.localhost';
function setup(mode: 'cookie' | 'bearer' = 'cookie') {
  const sandbox = createSandbox({
    clock: () => new Date('2026-11-25T09:00:00Z'),
    validateResponses: true,
  });
  const client = createEServicesClient({
    baseUrl: BASE,
    fetch: createSandboxFetch(sandbox, { baseUrl: BASE }),
    locale: 'ar',
    auth: { mode },
    retry: false,
  });
  return { sandbox, client };
}

async function signIn(
  client: ReturnType<typeof setup>['client'],
  nationalId: string,
  mode: 'cookie' | 'bearer' = 'cookie',
) {
  const challenge = unwrap(
    await client.identity.POST('/sign-in', { body: { method: 'national-id', nationalId } }),
  );
  return unwrap(
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      params: { path: { challengeId: challenge.challengeId } },
      body: { code: SANDBOX_OTP, mode },
    }),
  );
}

test('every operation of every contract works through the typed client, responses as contracted', async () => {
  const { sandbox, client } = setup();

  // ---- identity ----
  const challenge = unwrap(
    await client.identity.POST('/sign-in', { body: { method: 'phone', phone: '+9647801112233' } }),
  );
  const early = await client.identity.POST('/sign-in/{challengeId}/resend', {
    params: { path: { challengeId: challenge.challengeId } },
  });
  assert.equal(early.response.status, 429, 'resend waits for the countdown');
  await signIn(client, '198507654321');
  const me = unwrap(await client.identity.GET('/me'));
  assert.equal(me.name.latin, 'Zainab Abdulameer Jawad');
  const session = unwrap(await client.identity.GET('/session'));
  assert.ok(session.authenticated && session.secondsLeft > 0);
  assert.equal((await client.identity.POST('/session/refresh', {})).response.status, 200);

  // ---- ration card ----
  const card = unwrap(await client.rationCard.GET('/card'));
  assert.ok(card.members.length >= 1);
  const member = card.members[1]!;
  const revealed = unwrap(
    await client.rationCard.GET('/card/members/{memberId}/national-id', {
      params: { path: { memberId: member.id } },
    }),
  );
  assert.match(revealed.nationalId, /^[0-9]{12}$/);
  assert.ok(
    revealed.nationalId.endsWith(member.maskedNationalId.slice(-4)),
    'the masked number is its tail',
  );
  const entitlement = unwrap(
    await client.rationCard.GET('/card/entitlements', { params: { query: { month: '2026-11' } } }),
  );
  assert.ok(entitlement.items.length > 0);
  const months: string[] = [];
  for await (const month of paginate((cursor) =>
    client.rationCard.GET('/card/distributions', { params: { query: { cursor, limit: 10 } } }),
  )) {
    months.push(month.month);
  }
  assert.equal(new Set(months).size, months.length, 'no month twice across pages');
  assert.ok(months.length > 10, 'more than one page');
  const agents = unwrap(
    await client.rationCard.GET('/agents', { params: { query: { type: 'food' } } }),
  );
  assert.ok(agents.items.some((a) => a.id === card.foodAgent.id));
  const rcPolicy = unwrap(await client.rationCard.GET('/upload-policy'));
  assert.ok(rcPolicy.maxBytes > 0);
  const change = unwrap(
    await client.rationCard.POST('/change-requests', {
      body: {
        kind: 'add-newborn',
        answers: {
          newborn: { name: 'حسين علي', birthDate: '2026-10-01', sex: 'male', relation: 'son' },
        },
      },
    }),
  );
  assert.ok(
    unwrap(await client.rationCard.GET('/change-requests')).items.some((r) => r.id === change.id),
  );
  const saved = unwrap(
    await client.rationCard.PUT('/change-requests/{requestId}', {
      params: { path: { requestId: change.id } },
      body: { version: change.version, answers: { ...change.answers, note: 'مولود جديد' } },
    }),
  );
  assert.equal(saved.version, change.version + 1);
  const extra = unwrap(
    await client.rationCard.POST('/change-requests/{requestId}/documents', {
      params: { path: { requestId: change.id } },
      body: documentForm('other', SAMPLE_FILES.pdf, 'extra.pdf', 'application/pdf') as never,
    }),
  );
  const removed = await client.rationCard.DELETE(
    '/change-requests/{requestId}/documents/{documentId}',
    {
      params: { path: { requestId: change.id, documentId: extra.id } },
    },
  );
  assert.equal(removed.response.status, 204);
  unwrap(
    await client.rationCard.POST('/change-requests/{requestId}/documents', {
      params: { path: { requestId: change.id } },
      body: documentForm(
        'birth-certificate',
        SAMPLE_FILES.pdf,
        'birth.pdf',
        'application/pdf',
      ) as never,
    }),
  );
  const rcReceipt = unwrap(
    await client.rationCard.POST('/change-requests/{requestId}/submit', {
      params: { path: { requestId: change.id } },
      body: { version: saved.version },
    }),
  );
  assert.match(rcReceipt.referenceNumber, /^RC-2026-/);
  assert.equal(
    unwrap(
      await client.rationCard.GET('/change-requests/{requestId}', {
        params: { path: { requestId: change.id } },
      }),
    ).status,
    'submitted',
  );
  const rcStatus = unwrap(
    await client.rationCard.GET('/change-request-status/{referenceNumber}', {
      params: { path: { referenceNumber: rcReceipt.referenceNumber } },
    }),
  );
  assert.equal(rcStatus.status, 'submitted');

  // ---- social protection ----
  const profile = unwrap(await client.socialProtection.GET('/profile'));
  assert.ok(profile.household.members.length >= 1);
  assert.ok(unwrap(await client.socialProtection.GET('/payment-schedule')).payments.length > 0);
  assert.ok(
    unwrap(await client.socialProtection.GET('/upload-policy')).allowedContentTypes.includes(
      'application/pdf',
    ),
  );
  const update = unwrap(
    await client.socialProtection.POST('/update-requests', {
      body: { kind: 'beneficiary-update' },
    }),
  );
  assert.ok(
    unwrap(await client.socialProtection.GET('/update-requests')).items.some(
      (r) => r.id === update.id,
    ),
  );
  assert.equal(
    unwrap(
      await client.socialProtection.GET('/update-requests/{requestId}', {
        params: { path: { requestId: update.id } },
      }),
    ).version,
    1,
  );
  const updated = unwrap(
    await client.socialProtection.PUT('/update-requests/{requestId}', {
      params: { path: { requestId: update.id } },
      body: { version: 1, answers: update.answers },
    }),
  );
  const spDoc = unwrap(
    await client.socialProtection.POST('/update-requests/{requestId}/documents', {
      params: { path: { requestId: update.id } },
      body: documentForm('national-card', SAMPLE_FILES.jpeg, 'card.jpg', 'image/jpeg') as never,
    }),
  );
  const spExtra = unwrap(
    await client.socialProtection.POST('/update-requests/{requestId}/documents', {
      params: { path: { requestId: update.id } },
      body: documentForm('other', SAMPLE_FILES.pdf, 'other.pdf', 'application/pdf') as never,
    }),
  );
  assert.equal(
    (
      await client.socialProtection.DELETE('/update-requests/{requestId}/documents/{documentId}', {
        params: { path: { requestId: update.id, documentId: spExtra.id } },
      })
    ).response.status,
    204,
  );
  assert.ok(spDoc.id);
  const spReceipt = unwrap(
    await client.socialProtection.POST('/update-requests/{requestId}/submit', {
      params: { path: { requestId: update.id } },
      body: { version: updated.version },
    }),
  );
  assert.match(spReceipt.referenceNumber, /^MZL-2026-/);
  assert.equal(
    unwrap(
      await client.socialProtection.GET('/update-request-status/{referenceNumber}', {
        params: { path: { referenceNumber: spReceipt.referenceNumber } },
      }),
    ).status,
    'submitted',
  );

  // ---- payments ----
  const payables = unwrap(
    await client.payments.GET('/payables', { params: { query: { status: 'unpaid' } } }),
  ).items;
  const payable = payables.find((p) => p.payableTogether && p.amount <= 1_000_000);
  assert.ok(payable, 'an unpaid payable to pay');
  assert.equal(
    unwrap(
      await client.payments.GET('/payables/{payableId}', {
        params: { path: { payableId: payable.id } },
      }),
    ).id,
    payable.id,
  );
  const methods = unwrap(await client.payments.GET('/payment-methods')).items;
  // A payment in progress shows on its payable, and can be cancelled to start again.
  const abandoned = unwrap(
    await client.payments.POST('/payments', {
      body: { payableIds: [payable.id], method: 'zaincash', returnUrl: 'http://localhost:8080/' },
    }),
  );
  assert.equal(
    unwrap(
      await client.payments.GET('/payables/{payableId}', {
        params: { path: { payableId: payable.id } },
      }),
    ).pendingPayment?.id,
    abandoned.id,
  );
  const cancelled = unwrap(
    await client.payments.POST('/payments/{paymentId}/cancel', {
      params: { path: { paymentId: abandoned.id } },
    }),
  );
  assert.equal(cancelled.status, 'cancelled');
  assert.deepEqual(methods.map((m) => m.id).sort(), ['fib', 'qi-card', 'zaincash']);
  const payment = unwrap(
    await client.payments.POST('/payments', {
      body: {
        payableIds: [payable.id],
        method: 'qi-card',
        returnUrl: 'http://localhost:8080/pay/done',
      },
    }),
  );
  assert.equal(payment.status, 'awaiting-confirmation');
  assert.ok(payment.redirectUrl.startsWith(`${BASE}/gateway/qi-card/`));
  const body = JSON.stringify({
    paymentId: payment.id,
    gateway: 'qi-card',
    result: 'succeeded',
    gatewayReference: 'QI-778812',
    occurredAt: '2026-11-25T09:00:30Z',
  });
  const notified = await client.payments.POST('/payments/notifications', {
    body: JSON.parse(body),
    bodySerializer: () => body,
    params: { header: { 'X-Gateway-Signature': await signGatewayPayload(body) } },
  });
  assert.equal(notified.response.status, 204);
  const returned = await client.payments.GET('/payments/{paymentId}/return', {
    params: { path: { paymentId: payment.id }, query: { result: 'succeeded' } },
  });
  assert.equal(returned.response.status, 303);
  assert.equal(
    returned.response.headers.get('location'),
    `http://localhost:8080/pay/done?payment=${payment.id}`,
  );
  assert.equal(
    unwrap(
      await client.payments.GET('/payments/{paymentId}', {
        params: { path: { paymentId: payment.id } },
      }),
    ).status,
    'succeeded',
  );
  const receipt = unwrap(
    await client.payments.GET('/payments/{paymentId}/receipt', {
      params: { path: { paymentId: payment.id } },
    }),
  );
  assert.equal(receipt.total, payment.total);

  // ---- my requests: the payment just made is among them, found by its reference ----
  const mine = unwrap(
    await client.requests.GET('/requests', { params: { query: { service: 'payments' } } }),
  );
  assert.ok(mine.items.some((r) => r.referenceNumber === receipt.referenceNumber));
  const tracked = unwrap(
    await client.requests.GET('/requests/{referenceNumber}', {
      params: { path: { referenceNumber: receipt.referenceNumber } },
    }),
  );
  assert.equal(tracked.result, 'paid');

  // ---- remote learning: the student, this week, a material whose file matches its checksum ----
  await signIn(client, '199012345678'); // a student (the first citizen is not)
  const student = unwrap(await client.education.GET('/student'));
  assert.equal(student.enrolments.length, 3);
  const courses = unwrap(await client.education.GET('/courses'));
  const lectures = unwrap(await client.education.GET('/lectures'));
  assert.ok(lectures.items.some((l) => l.status === 'live' && l.joinUrl));
  const materials = unwrap(
    await client.education.GET('/courses/{courseId}/materials', {
      params: { path: { courseId: courses.items[0]!.id } },
    }),
  );
  const material = materials.items[0]!;
  const file = await client.education.GET('/materials/{materialId}/file', {
    params: { path: { materialId: material.id } },
    parseAs: 'arrayBuffer',
  });
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', file.data!));
  assert.equal(
    [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
    material.checksum.value,
  );
  unwrap(await client.education.GET('/attendance'));
  unwrap(await client.education.GET('/announcements'));

  // ---- sign out ----
  assert.equal((await client.identity.DELETE('/session')).response.status, 204);
  const after = await client.identity.GET('/me');
  assert.equal(after.response.status, 401);

  const missed = sandbox.operations
    .filter((op) => !sandbox.calls[op.operationId])
    .map((op) => op.operationId);
  assert.deepEqual(missed, [], 'every operation was exercised');
  assert.deepEqual(sandbox.violations, [], 'every response matched its contract');
});

test('bearer mode through the client: tokens in memory, refresh on expiry, errors typed', async () => {
  const sandbox = createSandbox({ clock: () => now, validateResponses: true });
  let now = new Date('2026-11-25T09:00:00Z');
  const expired: string[] = [];
  const client = createEServicesClient({
    baseUrl: BASE,
    fetch: createSandboxFetch(sandbox, { baseUrl: BASE }),
    auth: { mode: 'bearer', onSessionExpired: () => expired.push('expired') },
    retry: false,
  });
  await signIn(client, '199012345678', 'bearer');
  assert.equal(unwrap(await client.identity.GET('/me')).governorate, 'IQ-BG');
  now = new Date(now.getTime() + 6 * 60 * 1000); // past the access token's five minutes
  assert.equal(
    unwrap(await client.identity.GET('/me')).governorate,
    'IQ-BG',
    'refreshed once and retried',
  );
  now = new Date(now.getTime() + 60 * 60 * 1000); // past the session's idle end
  const gone = await client.identity.GET('/me');
  assert.equal(gone.response.status, 401);
  assert.deepEqual(expired, ['expired']);
  try {
    unwrap(gone);
    assert.fail('unwrap throws on an error result');
  } catch (error) {
    assert.ok(isEServicesError(error));
    assert.equal(error.status, 401);
    assert.match(error.requestId ?? '', /^[A-Za-z0-9._-]{8,}$/);
  }
  assert.deepEqual(sandbox.violations, []);
});
