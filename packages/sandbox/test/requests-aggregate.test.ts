// "My requests" (openapi/requests.yaml): the citizen's submitted requests of every service, in one
// list, moving through their states by the sandbox clock. Every answer is checked against the
// contract by the sandbox itself (`sandbox.violations`).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SAMPLE_FILES,
  assertNoViolations,
  documentForm,
  problemOf,
  signIn,
  signedInSandbox,
  type SignedIn,
  type TestSandbox,
} from './helpers.js';
import { createSandboxFetch } from '../src/index.js';
import { DECISION_AFTER_MS, REVIEW_STARTS_AFTER_MS, decide } from '../src/services/requests.js';

const API = '/requests/v1';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface Tracked {
  id: string;
  service: string;
  kind: string;
  referenceNumber: string;
  submittedAt: string;
  status: string;
  rejectionReason: string | null;
  informationNeeded: { code: string; step: string | null } | null;
  timeline: { status: string; at: string }[];
  result: string | null;
  nextAction: string;
}
interface Page {
  items: Tracked[];
  page: { nextCursor: string | null; limit: number };
  total: number;
}

async function json<T>(response: Response, status = 200): Promise<T> {
  assert.equal(response.status, status, await response.clone().text());
  return (await response.json()) as T;
}

const list = (me: SignedIn, query = '') => me.request(`${API}/requests${query}`).then(json<Page>);
const one = (me: SignedIn, reference: string) => me.request(`${API}/requests/${reference}`);

/** Moves the sandbox clock and signs in again (a session does not outlive days). */
async function later(env: TestSandbox, citizenId: string, to: number): Promise<SignedIn> {
  env.clock.set(new Date(to));
  return signIn(env, citizenId);
}

describe('my requests', () => {
  test('lists every service’s submitted requests, newest first, drafts left out', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const all = await list(me);
    assert.equal(all.total, all.items.length);
    assert.deepEqual(
      all.items.map((r) => r.service).sort(),
      ['payments', 'payments', 'ration-card'],
      'the family change and the paid fees',
    );
    const submitted = all.items.map((r) => r.submittedAt);
    assert.deepEqual(submitted, [...submitted].sort().reverse(), 'newest first');
    assert.ok(all.items.every((r) => r.status !== 'draft' && r.timeline.length >= 1));
    for (const r of all.items) {
      assert.equal(r.timeline.at(-1)?.status, r.status, 'the timeline ends where it stands');
      assert.match(r.referenceNumber, /^(MZL|RC|PAY)-[0-9]{4}-[0-9]{6}$/);
    }
    const payment = all.items.find((r) => r.service === 'payments');
    assert.equal(payment?.status, 'approved');
    assert.equal(payment?.result, 'paid');
    assert.equal(payment?.nextAction, 'keep-receipt');

    // cit_03 has only a draft: nothing to follow yet.
    const { env: other, me: drafter } = await signedInSandbox('cit_03');
    const theirs = await list(drafter);
    assert.ok(theirs.items.every((r) => r.service === 'payments'));
    assertNoViolations(env.sandbox);
    assertNoViolations(other.sandbox);
  });

  test('filters by service and by status, and pages with a cursor', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const payments = await list(me, '?service=payments');
    assert.ok(payments.total >= 2);
    assert.ok(payments.items.every((r) => r.service === 'payments'));
    const approved = await list(me, '?status=approved');
    assert.ok(approved.items.every((r) => r.status === 'approved'));
    const none = await list(me, '?service=social-protection');
    assert.deepEqual([none.items, none.total, none.page.nextCursor], [[], 0, null]);

    const whole = await list(me);
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page: Page = await list(
        me,
        `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.equal(page.page.limit, 1);
      assert.equal(page.total, whole.total, 'the count is of every page');
      seen.push(...page.items.map((r) => r.referenceNumber));
      cursor = page.page.nextCursor;
      pages++;
    }
    assert.equal(pages, whole.total);
    assert.deepEqual(
      seen,
      whole.items.map((r) => r.referenceNumber),
      'the pages, in order, are the list',
    );

    const forged = await me.request(`${API}/requests?cursor=bm90LWEtY3Vyc29y`);
    assert.equal(forged.status, 422);
    assert.equal((await problemOf(forged)).errors?.[0]?.pointer, '/query/cursor');
    const badFilter = await me.request(`${API}/requests?status=draft`);
    assert.equal(badFilter.status, 422, 'drafts are not followed here');
    assertNoViolations(env.sandbox);
  });

  test('finds one request by its reference number; another citizen’s is as unknown as a wrong one', async () => {
    const { env, me } = await signedInSandbox('cit_13');
    const found = await json<Tracked>(await one(me, 'MZL-2026-091301'));
    assert.equal(found.service, 'social-protection');
    assert.equal(found.kind, 'beneficiary-update');
    assert.equal(found.status, 'needs-information');
    assert.deepEqual(found.informationNeeded, { code: 'medical-report', step: 'documents' });
    assert.equal(found.nextAction, 'provide-information');
    assert.deepEqual(
      found.timeline.map((t) => t.status),
      ['submitted', 'under-review', 'needs-information'],
    );

    const unknown = await one(me, 'MZL-2026-999999');
    assert.equal(unknown.status, 404);
    assert.equal((await problemOf(unknown)).code, 'not-found');
    const others = await one(me, 'RC-2026-700412'); // cit_01's
    assert.equal(others.status, 404);
    assert.equal((await problemOf(others)).code, 'not-found');
    const malformed = await one(me, 'mzl-2026-091301');
    assert.equal(malformed.status, 422);
    assert.equal((await problemOf(malformed)).errors?.[0]?.pointer, '/path/referenceNumber');
    assertNoViolations(env.sandbox);
  });

  test('needs a session', async () => {
    const { env } = await signedInSandbox('cit_01');
    // A fetch with a jar of its own: no session cookie.
    const anonymous = await createSandboxFetch(env.sandbox)('/requests/v1/requests');
    assert.equal(anonymous.status, 401);
    assert.equal((await problemOf(anonymous)).code, 'auth.required');
    assertNoViolations(env.sandbox);
  });

  test('a request moves from submitted to review to a decision as the clock advances', async () => {
    const { env, me: first23 } = await signedInSandbox('cit_23');
    let me = first23;
    const reference = 'MZL-2026-092301';
    const first = await json<Tracked>(await one(me, reference));
    assert.equal(first.status, 'submitted');
    assert.equal(first.nextAction, 'wait');

    const reviewAt = Date.parse(first.submittedAt) + REVIEW_STARTS_AFTER_MS;
    me = await later(env, 'cit_23', reviewAt - HOUR);
    assert.equal((await json<Tracked>(await one(me, reference))).status, 'submitted');
    me = await later(env, 'cit_23', reviewAt + HOUR);
    const review = await json<Tracked>(await one(me, reference));
    assert.equal(review.status, 'under-review');
    assert.equal(
      review.timeline.at(-1)?.at,
      new Date(Date.parse(first.submittedAt) + REVIEW_STARTS_AFTER_MS).toISOString(),
      'the change is dated when it happened, not when it was read',
    );

    me = await later(env, 'cit_23', reviewAt + DECISION_AFTER_MS);
    const decided = await json<Tracked>(await one(me, reference));
    assert.equal(decided.status, decide(reference));
    assert.deepEqual(
      decided.timeline.map((t) => t.status),
      ['submitted', 'under-review', decide(reference)],
    );
    // Whatever the decision, it says what came of it and what to do.
    if (decided.status === 'approved') assert.equal(decided.result, 'data-updated');
    if (decided.status === 'rejected') assert.ok(decided.rejectionReason);
    if (decided.status === 'needs-information') assert.ok(decided.informationNeeded);

    // The service's own status look-up says the same.
    const own = await json<{ status: string }>(
      await me.request(`/social-protection/v1/update-request-status/${reference}`),
    );
    assert.equal(own.status, decided.status);

    // A decision never changes again.
    me = await later(env, 'cit_23', reviewAt + 365 * DAY);
    assert.equal((await json<Tracked>(await one(me, reference))).status, decided.status);
    assertNoViolations(env.sandbox);
  });

  test('what the citizen submits during the session is listed at once, and moves too', async () => {
    const { env, me: signedIn } = await signedInSandbox('cit_09');
    let me = signedIn;
    const before = await list(me, '?service=ration-card');
    assert.equal(before.total, 0, 'the seeded draft is not a request yet');
    const drafts = await json<{ items: { id: string; status: string; version: number }[] }>(
      await me.request('/ration-card/v1/change-requests'),
    );
    const draft = drafts.items.find((d) => d.status === 'draft');
    assert.ok(draft);
    await json(
      await me.request(`/ration-card/v1/change-requests/${draft.id}/documents`, {
        method: 'POST',
        body: documentForm('death-certificate', SAMPLE_FILES.pdf, 'وفاة.pdf', 'application/pdf'),
      }),
      201,
    );
    const receipt = await json<{ referenceNumber: string }>(
      await me.request(`/ration-card/v1/change-requests/${draft.id}/submit`, {
        method: 'POST',
        json: { version: draft.version },
        headers: { 'Idempotency-Key': 'idem-my-requests-0001' },
      }),
    );
    const after = await list(me, '?service=ration-card');
    assert.equal(after.total, 1);
    const [mine] = after.items;
    assert.equal(mine?.referenceNumber, receipt.referenceNumber);
    assert.equal(mine?.kind, 'remove-deceased-member');
    assert.equal(mine?.status, 'submitted');
    assert.equal(after.items[0]?.id, draft.id);
    const newest = await list(me, '?limit=1');
    assert.equal(newest.items[0]?.referenceNumber, receipt.referenceNumber, 'newest first');

    me = await later(
      env,
      'cit_09',
      env.clock.now().getTime() + REVIEW_STARTS_AFTER_MS + DECISION_AFTER_MS,
    );
    const moved = await json<Tracked>(await one(me, receipt.referenceNumber));
    assert.equal(moved.status, decide(receipt.referenceNumber));
    const filtered = await list(me, `?status=${moved.status}&service=ration-card`);
    assert.deepEqual(
      filtered.items.map((r) => r.referenceNumber),
      [receipt.referenceNumber],
    );
    assertNoViolations(env.sandbox);
  });

  test('a rejection names its reason and what to do; approvals what came of them', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    // The seeded family change under review since September is decided by the test clock.
    const seeded = await json<Tracked>(await one(me, 'RC-2026-700412'));
    assert.equal(seeded.status, decide('RC-2026-700412'));
    assert.equal(seeded.status, 'rejected');
    assert.equal(seeded.rejectionReason, 'data-mismatch');
    assert.equal(seeded.nextAction, 'visit-office');
    assert.equal(seeded.result, null);
    assert.equal(seeded.informationNeeded, null);

    const { env: env20, me: cit20 } = await signedInSandbox('cit_20');
    const approved = await json<Tracked>(await one(cit20, 'RC-2025-700873'));
    assert.equal(approved.status, 'approved');
    assert.equal(approved.result, 'agent-changed');
    assert.equal(approved.nextAction, 'none');
    assertNoViolations(env.sandbox);
    assertNoViolations(env20.sandbox);
  });
});
