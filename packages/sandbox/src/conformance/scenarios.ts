// The flows the elements rely on, as stateful scenarios: each step's answer is held to the
// contracts (CheckContext) and to what the flow needs (the same payment for the same key…).
import { randomUUID } from 'node:crypto';
import type { Check, CheckContext } from './checks.js';
import { jsonOf, type Client } from './http.js';

/** Signs `client` in with the kit's identity (cookie mode); false when it could not. */
export async function signIn(context: CheckContext, client: Client): Promise<boolean> {
  const { nationalId, otp } = context.identity;
  const started = await client.send('POST', '/identity/v1/sign-in', {
    json: { method: 'national-id', nationalId },
  });
  if (!context.expectStatus(started, 201, 'startSignIn')) return false;
  const challenge = jsonOf<{ challengeId?: string }>(started)?.challengeId;
  if (!context.expect(!!challenge, 'startSignIn: no challengeId', started)) return false;
  const verified = await client.send('POST', `/identity/v1/sign-in/${challenge}/verify`, {
    json: { code: otp },
  });
  if (!context.expectStatus(verified, 200, "verifySignIn with the identity's code")) return false;
  context.expect(
    client.cookies.size > 0,
    'verifySignIn (cookie mode): no session cookie was set',
    verified,
  );
  context.expect(
    !!verified.responseHeaders.get('x-csrf-token'),
    'verifySignIn (cookie mode): no X-CSRF-Token header',
    verified,
  );
  return true;
}

const key = () => `conf-${randomUUID()}`;

export const scenarios: Check[] = [
  {
    suite: 'scenario',
    name: 'sign in with a one-time code, read who is signed in, sign out',
    async run(context) {
      const client = context.client();
      const before = await client.send('GET', '/identity/v1/me');
      context.expectStatus(before, 401, 'getCurrentUser before signing in');
      if (!(await signIn(context, client))) return;
      const me = await client.send('GET', '/identity/v1/me');
      context.expectStatus(me, 200, 'getCurrentUser after signing in');
      const session = await client.send('GET', '/identity/v1/session');
      context.expectStatus(session, 200, 'getSession');
      context.expect(
        jsonOf<{ authenticated?: boolean }>(session)?.authenticated === true,
        'getSession: a signed-in caller is not `authenticated: true`',
        session,
      );
      const out = await client.send('DELETE', '/identity/v1/session');
      context.expectStatus(out, 204, 'signOut');
      const after = await client.send('GET', '/identity/v1/me');
      context.expectStatus(after, 401, 'getCurrentUser after signing out');
    },
  },
  {
    suite: 'scenario',
    name: "read the ration card, this month's entitlement and the history",
    async run(context) {
      const client = context.signedIn();
      if (!client) return;
      const card = await client.send('GET', '/ration-card/v1/card');
      context.expectStatus(card, [200, 404], 'getRationCard');
      if (card.status !== 200) return;
      const entitlement = await client.send('GET', '/ration-card/v1/card/entitlements');
      context.expectStatus(entitlement, [200, 404], 'getMonthlyEntitlement');
      const history = await client.send('GET', '/ration-card/v1/card/distributions?limit=3');
      context.expectStatus(history, 200, 'listDistributions');
      const next = jsonOf<{ nextCursor?: string | null }>(history)?.nextCursor;
      if (next) {
        const older = await client.send(
          'GET',
          `/ration-card/v1/card/distributions?limit=3&cursor=${encodeURIComponent(next)}`,
        );
        context.expectStatus(older, 200, 'listDistributions with the cursor it returned');
      }
    },
  },
  {
    suite: 'scenario',
    name: 'create a payment with an idempotency key, send it again, read it: one payment',
    async run(context) {
      const client = context.signedIn();
      if (!client) return;
      const payables = await client.send('GET', '/payments/v1/payables?status=unpaid');
      if (!context.expectStatus(payables, 200, 'listPayables')) return;
      const bill = jsonOf<{ items?: { id: string; status: string }[] }>(payables)?.items?.find(
        (p) => p.status === 'unpaid',
      );
      if (!context.expect(!!bill, 'listPayables: the identity has no unpaid bill to pay', payables))
        return;
      const methods = await client.send('GET', '/payments/v1/payment-methods');
      if (!context.expectStatus(methods, 200, 'listPaymentMethods')) return;
      const method = jsonOf<{ items?: { id: string; available: boolean }[] }>(methods)?.items?.find(
        (m) => m.available,
      );
      if (!context.expect(!!method, 'listPaymentMethods: no method is available', methods)) return;
      const body = {
        payableIds: [bill!.id],
        method: method!.id,
        returnUrl: context.identity.returnUrl,
      };
      const k = key();
      const first = await client.send('POST', '/payments/v1/payments', {
        json: body,
        headers: { 'Idempotency-Key': k },
      });
      if (!context.expectStatus(first, 201, 'createPayment')) return;
      const again = await client.send('POST', '/payments/v1/payments', {
        json: body,
        headers: { 'Idempotency-Key': k },
      });
      context.expect(
        again.status === first.status,
        `createPayment sent again with its key: expected the first answer again (${first.status}), got ${again.status}`,
        again,
      );
      const id = jsonOf<{ id?: string }>(first)?.id;
      context.expect(
        jsonOf<{ id?: string }>(again)?.id === id,
        'createPayment sent again with its key created a second payment',
        again,
      );
      const read = await client.send('GET', `/payments/v1/payments/${id}`);
      context.expectStatus(read, 200, 'getPayment');
      context.expect(jsonOf<{ id?: string }>(read)?.id === id, 'getPayment: another payment', read);
      // Leave the bill payable again for the next run.
      const cancel = await client.send('POST', `/payments/v1/payments/${id}/cancel`);
      context.expectStatus(cancel, [200, 409], 'cancelPayment');
    },
  },
  {
    suite: 'scenario',
    name: 'save a draft with its version, save a stale version, submit twice with one key',
    async run(context) {
      const client = context.signedIn();
      if (!client) return;
      const api = '/social-protection/v1/update-requests';
      const created = await client.send('POST', api, { json: { kind: 'beneficiary-update' } });
      if (created.status === 404) return; // not a beneficiary: nothing to update (documented)
      if (!context.expectStatus(created, 201, 'createUpdateRequest')) return;
      const draft = jsonOf<{ id: string; version: number }>(created)!;
      const saved = await client.send('PUT', `${api}/${draft.id}`, {
        json: { version: draft.version, answers: {} },
      });
      if (!context.expectStatus(saved, 200, 'saveUpdateRequest with its version')) return;
      const version = jsonOf<{ version: number }>(saved)?.version;
      context.expect(
        version === draft.version + 1,
        `saveUpdateRequest: the version did not move on (${draft.version} → ${version})`,
        saved,
      );
      const stale = await client.send('PUT', `${api}/${draft.id}`, {
        json: { version: draft.version, answers: {} },
      });
      context.expectStatus(stale, 409, 'saveUpdateRequest with a stale version');
      const k = key();
      const first = await client.send('POST', `${api}/${draft.id}/submit`, {
        json: { version },
        headers: { 'Idempotency-Key': k },
      });
      const again = await client.send('POST', `${api}/${draft.id}/submit`, {
        json: { version },
        headers: { 'Idempotency-Key': k },
      });
      type Answer = { code?: string; referenceNumber?: string; id?: string };
      const a = jsonOf<Answer>(first);
      const b = jsonOf<Answer>(again);
      context.expect(
        again.status === first.status &&
          a?.code === b?.code &&
          a?.referenceNumber === b?.referenceNumber &&
          a?.id === b?.id,
        `submitUpdateRequest sent again with its key: expected the first answer again (${first.status} ${a?.code ?? a?.referenceNumber ?? ''}), got ${again.status} ${b?.code ?? b?.referenceNumber ?? ''}`,
        again,
      );
    },
  },
];
