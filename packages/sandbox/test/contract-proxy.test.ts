// The client's real flows through a proxy that holds requests and responses to the contracts as
// written: what the contracts require (security, statuses, bodies) is what the client and the
// sandbox do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEServicesClient, unwrap } from '@iq-eservices/api';
import { startSandboxServer, type SandboxServer } from '../src/node.js';
import { SANDBOX_OTP } from '../src/index.js';
import { startContractProxy, type ContractProxy } from './contract-proxy.js';

let sandbox: SandboxServer;
let proxy: ContractProxy;

before(async () => {
  sandbox = await startSandboxServer({ port: 0 });
  proxy = await startContractProxy(sandbox.url);
});
after(async () => {
  await proxy.close();
  await sandbox.close();
});

/** A fetch with a cookie jar, as a browser keeps one (Node's fetch keeps none). */
function browserLikeFetch(): (request: Request) => Promise<Response> {
  const jar = new Map<string, string>();
  return async (request) => {
    const headers = new Headers(request.headers);
    if (jar.size) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(new Request(request, { headers }));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
      else jar.set(name, pair.slice(index + 1).trim());
    }
    return response;
  };
}

test('cookie mode through a contract-validating proxy: sign in, session, card, payables, payment, draft, sign out', async () => {
  const client = createEServicesClient({
    baseUrl: proxy.url,
    fetch: browserLikeFetch(),
    locale: 'ar',
    retry: false,
  });

  const { challengeId } = unwrap(
    await client.identity.POST('/sign-in', {
      body: { method: 'national-id', nationalId: '199012345678' },
    }),
  );
  unwrap(
    await client.identity.POST('/sign-in/{challengeId}/verify', {
      params: { path: { challengeId } },
      body: { code: SANDBOX_OTP },
    }),
  );
  assert.equal(client.session.isSignedIn(), true);

  const session = unwrap(await client.identity.GET('/session'));
  assert.ok(session.authenticated);
  assert.equal(session.mode, 'cookie');
  const card = unwrap(await client.rationCard.GET('/card'));
  assert.ok(card.members.length > 0);
  const payables = unwrap(await client.payments.GET('/payables', { params: { query: {} } }));
  const unpaid = payables.items.find((p) => p.status === 'unpaid');
  assert.ok(unpaid);
  const payment = unwrap(
    await client.payments.POST('/payments', {
      body: {
        payableIds: [unpaid.id],
        method: 'qi-card',
        returnUrl: 'http://localhost:5173/payments/done',
      },
    }),
  );
  assert.equal(payment.status, 'awaiting-confirmation');

  const draft = unwrap(
    await client.socialProtection.POST('/update-requests', {
      body: { kind: 'beneficiary-update' },
    }),
  );
  const saved = unwrap(
    await client.socialProtection.PUT('/update-requests/{requestId}', {
      params: { path: { requestId: draft.id } },
      body: { version: draft.version, answers: draft.answers, resumeStep: 'residence' },
    }),
  );
  assert.equal(saved.version, draft.version + 1);

  const out = await client.identity.DELETE('/session');
  assert.equal(out.response.status, 204);

  assert.deepEqual(proxy.violations, [], 'every request and response matches the contracts');
  assert.deepEqual(
    proxy.seen.map((line) => line.split(' ')[0]),
    [
      'startSignIn',
      'verifySignIn',
      'getSession',
      'getRationCard',
      'listPayables',
      'createPayment',
      'createUpdateRequest',
      'saveUpdateRequest',
      'signOut',
    ],
  );
});

test('the proxy refuses what the contracts refuse: a read without a session, a write without its CSRF token', async () => {
  const before = proxy.violations.length;
  const read = await fetch(`${proxy.url}/identity/v1/me`);
  assert.equal(read.status, 401);
  const write = await fetch(`${proxy.url}/identity/v1/session`, {
    method: 'DELETE',
    headers: { Cookie: 'iq_session=ses_anything' },
  });
  assert.equal(write.status, 401, 'a cookie without X-CSRF-Token satisfies no requirement');
  assert.deepEqual(proxy.violations.slice(before), [
    'getCurrentUser: the request satisfies none of its security requirements',
    'signOut: the request satisfies none of its security requirements',
  ]);
  proxy.violations.length = before;
});
