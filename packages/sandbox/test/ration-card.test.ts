import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  assertNoViolations,
  createTestSandbox,
  problemOf,
  signIn,
  documentForm,
  SAMPLE_FILES,
  signedInSandbox,
  type SignedIn,
} from './helpers.js';

const API = '/ration-card/v1';

interface Agent {
  id: string;
  name: string;
  address: string;
  phone?: string;
  location?: { latitude: number; longitude: number };
}

interface RationCard {
  cardNumber: string;
  status: {
    state: 'active' | 'blocked';
    reasonCode?: string;
    blockedSince?: string;
    action?: { code: string; requestKind: string | null };
    reasonText?: string;
    actionText?: string;
  };
  headOfHousehold: { name: string; maskedNationalId: string };
  governorate: string;
  foodAgent: Agent;
  flourAgent: Agent;
  members: {
    id: string;
    name: string;
    relation: string;
    birthDate: string;
    maskedNationalId: string;
    isHead?: boolean;
  }[];
}

interface Entitlement {
  month: string;
  memberCount: number;
  items: {
    item: string;
    name: string;
    quantityPerPerson: number;
    unit: string;
    total: number;
    status: string;
    receivedQuantity?: number;
  }[];
}

interface DistributionPage {
  items: {
    month: string;
    items: {
      item: string;
      status: string;
      quantity: number;
      receivedAt: string | null;
      agent: { id: string; name: string } | null;
    }[];
  }[];
  page: { nextCursor: string | null; limit: number };
}

interface ChangeRequest {
  id: string;
  kind: string;
  status: string;
  version: number;
  answers: Record<string, unknown>;
  documents: {
    id: string;
    type: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
  }[];
  submittedAt: string | null;
  referenceNumber: string | null;
}

/** The five reasons the ministry blocks cards for, and the household seeded with each. */
const BLOCKED: Record<string, { citizenId: string; action: string; requestKind: string | null }> = {
  'not-updated': { citizenId: 'cit_05', action: 'update-data', requestKind: null },
  duplicate: { citizenId: 'cit_12', action: 'remove-duplicate', requestKind: null },
  'deceased-member-listed': {
    citizenId: 'cit_09',
    action: 'remove-deceased-member',
    requestKind: 'remove-deceased-member',
  },
  'data-mismatch': { citizenId: 'cit_18', action: 'correct-data', requestKind: null },
  abroad: { citizenId: 'cit_16', action: 'confirm-residence', requestKind: null },
};

async function json<T>(response: Response, status: number): Promise<T> {
  assert.equal(response.status, status, await response.clone().text());
  return (await response.json()) as T;
}

async function card(me: SignedIn, lang = 'ar'): Promise<{ card: RationCard; response: Response }> {
  const response = await me.request(`${API}/card`, { headers: { 'Accept-Language': lang } });
  return { card: await json<RationCard>(response, 200), response };
}

describe('ration card', () => {
  test('an active household sees its card, members and two different agents', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const { card: c } = await card(me);
    assert.match(c.cardNumber, /^[0-9]{10}$/);
    assert.deepEqual(c.status, { state: 'active' });
    assert.equal(c.governorate, 'IQ-BG');
    assert.equal(c.headOfHousehold.name, 'علي حسين كاظم الموسوي');
    assert.equal(c.headOfHousehold.maskedNationalId, '********5678');
    assert.equal(
      c.members.length,
      env.sandbox.state.rationCard.households['cit_01']?.members.length,
    );
    const heads = c.members.filter((m) => m.isHead);
    assert.equal(heads.length, 1);
    assert.equal(heads[0]?.relation, 'head');
    assert.ok(
      c.members.every((m) => /^\*{8}[0-9]{4}$/.test(m.maskedNationalId)),
      'no member national number is shown in full',
    );
    assert.ok(
      !JSON.stringify(c).includes('199012345678'),
      'the head national number never appears unmasked',
    );
    assert.notEqual(c.foodAgent.id, c.flourAgent.id);
    assertNoViolations(env.sandbox);
  });

  test('the agents a household may change to: its governorate by default, or the one it moves to', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const { card: c } = await card(me);
    const list = async (query: string) => {
      const res = await me.request(`/ration-card/v1/agents?${query}`);
      return { status: res.status, body: (await res.json()) as { items: { id: string }[] } };
    };
    const food = await list('type=food');
    assert.equal(food.status, 200);
    const agents = env.sandbox.state.rationCard.agents;
    assert.ok(food.body.items.length >= 2);
    assert.ok(
      food.body.items.some((a) => a.id === c.foodAgent.id),
      'the current agent is listed',
    );
    assert.ok(
      food.body.items.every(
        (a) => agents[a.id]?.kind === 'food' && agents[a.id]?.governorate === 'IQ-BG',
      ),
    );
    const basra = await list('type=flour&governorate=IQ-BA');
    assert.ok(
      basra.body.items.length > 0 &&
        basra.body.items.every(
          (a) => agents[a.id]?.kind === 'flour' && agents[a.id]?.governorate === 'IQ-BA',
        ),
    );
    assert.equal((await list('type=water')).status, 422);
    assert.equal((await list('governorate=IQ-BG')).status, 422, 'the type is required');
    assertNoViolations(env.sandbox);
  });

  test('an agent without a registered phone has no phone field at all', async () => {
    const { env, me } = await signedInSandbox('cit_04');
    const { card: c } = await card(me);
    const seeded = env.sandbox.state.rationCard.agents[c.foodAgent.id];
    assert.equal(seeded?.phone, undefined, 'the seed has this agent without a phone');
    assert.equal('phone' in c.foodAgent, false);
    assertNoViolations(env.sandbox);
  });

  test('each block reason is seeded and says why and what to do', async () => {
    const env = createTestSandbox();
    const reasons = new Set<string>();
    for (const [reason, expected] of Object.entries(BLOCKED)) {
      const me = await signIn(env, expected.citizenId);
      const { card: c } = await card(me);
      assert.equal(c.status.state, 'blocked', expected.citizenId);
      assert.equal(c.status.reasonCode, reason);
      assert.match(c.status.blockedSince ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(c.status.action, {
        code: expected.action,
        requestKind: expected.requestKind,
      });
      assert.ok((c.status.reasonText ?? '').length > 10);
      assert.ok((c.status.actionText ?? '').length > 10);
      reasons.add(c.status.reasonCode ?? '');
    }
    assert.equal(reasons.size, 5);
    assertNoViolations(env.sandbox);
  });

  test('the reason and the action follow Accept-Language (ar, ckb, en)', async () => {
    const { env, me } = await signedInSandbox('cit_09');
    const texts: Record<string, string> = {};
    for (const lang of ['ar', 'ckb', 'en']) {
      const { card: c, response } = await card(me, lang);
      assert.equal(response.headers.get('content-language'), lang);
      texts[lang] = `${c.status.reasonText} ${c.status.actionText}`;
    }
    assert.match(texts['ar'] ?? '', /البطاقة موقوفة/);
    assert.match(texts['ckb'] ?? '', /[ەێۆڕڵ]/u, 'Sorani letters');
    assert.match(texts['en'] ?? '', /blocked/);
    assert.equal(new Set(Object.values(texts)).size, 3);
    // `ku` is how many apps label Sorani.
    const { card: ku } = await card(me, 'ku-IQ,en;q=0.5');
    assert.equal(`${ku.status.reasonText} ${ku.status.actionText}`, texts['ckb']);
    assertNoViolations(env.sandbox);
  });

  test('not signed in gets 401 and no data', async () => {
    const env = createTestSandbox();
    const res = await env.request(`${API}/card`);
    assert.equal(res.status, 401);
    assert.equal((await problemOf(res)).code, 'auth.required');
    const before = Object.keys(env.sandbox.state.rationCard.drafts).length;
    const create = await env.request(`${API}/change-requests`, {
      method: 'POST',
      json: { kind: 'add-newborn' },
    });
    assert.equal(create.status, 401);
    assert.equal(Object.keys(env.sandbox.state.rationCard.drafts).length, before);
    assertNoViolations(env.sandbox);
  });
});

describe('entitlements', () => {
  test('totals are the per-person quantity times the members, for the current month by default', async () => {
    for (const citizenId of ['cit_14', 'cit_15', 'cit_01']) {
      const { env, me } = await signedInSandbox(citizenId);
      const members = env.sandbox.state.rationCard.households[citizenId]?.members.length ?? 0;
      const e = await json<Entitlement>(await me.request(`${API}/card/entitlements`), 200);
      assert.equal(e.month, '2026-11', 'the month of the sandbox clock');
      assert.equal(e.memberCount, members);
      assert.ok(e.items.length >= 4);
      for (const item of e.items)
        assert.equal(item.total, item.quantityPerPerson * members, `${citizenId} ${item.item}`);
      assertNoViolations(env.sandbox);
    }
    const sizes = ['cit_14', 'cit_15'].map(
      (id) => createTestSandbox().sandbox.state.rationCard.households[id]?.members.length,
    );
    assert.deepEqual(sizes, [1, 12], 'the smallest and the largest seeded households');
  });

  test('quantities come from the data, not from the handler', async () => {
    const { env, me } = await signedInSandbox('cit_15');
    const basket = env.sandbox.state.rationCard.baskets['2026-11'];
    const flour = basket?.find((l) => l.item === 'flour');
    assert.ok(flour);
    flour.quantityPerPerson = 8;
    const e = await json<Entitlement>(
      await me.request(`${API}/card/entitlements?month=2026-11`),
      200,
    );
    const line = e.items.find((i) => i.item === 'flour');
    assert.equal(line?.quantityPerPerson, 8);
    assert.equal(line?.total, 96);
    assert.equal(line?.unit, 'kg');
    assertNoViolations(env.sandbox);
  });

  test('item names follow the language; received and partial items carry what was handed over', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const ar = await json<Entitlement>(
      await me.request(`${API}/card/entitlements?month=2025-03`, {
        headers: { 'Accept-Language': 'ar' },
      }),
      200,
    );
    const en = await json<Entitlement>(
      await me.request(`${API}/card/entitlements?month=2025-03`, {
        headers: { 'Accept-Language': 'en' },
      }),
      200,
    );
    assert.equal(ar.items.find((i) => i.item === 'flour')?.name, 'طحين');
    assert.equal(en.items.find((i) => i.item === 'flour')?.name, 'Flour');
    assert.ok(
      ar.items.some((i) => i.item === 'tea' && i.unit === 'g'),
      'Ramadan basket adds tea',
    );
    const record = env.sandbox.state.rationCard.households['cit_01']?.distributions.find(
      (d) => d.month === '2025-03',
    );
    for (const item of ar.items) {
      const given = record?.lines.find((l) => l.item === item.item);
      assert.equal(item.status, given?.status);
      if (item.status === 'received' || item.status === 'partial')
        assert.equal(item.receivedQuantity, given?.quantity);
    }
    assertNoViolations(env.sandbox);
  });

  test('a blocked card is not distributed; a month without a basket is 404; the clock moves the default month', async () => {
    const { env, me } = await signedInSandbox('cit_16');
    const e = await json<Entitlement>(await me.request(`${API}/card/entitlements`), 200);
    assert.ok(e.items.every((i) => i.status === 'not-distributed'));
    const none = await me.request(`${API}/card/entitlements?month=2031-01`);
    assert.equal(none.status, 404);
    assert.equal((await problemOf(none)).code, 'not-found');
    const bad = await me.request(`${API}/card/entitlements?month=2026-13`);
    assert.equal(bad.status, 422);
    assert.equal((await problemOf(bad)).errors?.[0]?.pointer, '/query/month');
    env.clock.set(new Date('2026-12-03T08:00:00Z'));
    // Days later the session has expired: sign in again.
    const again = await signIn(env, 'cit_16');
    const next = await json<Entitlement>(await again.request(`${API}/card/entitlements`), 200);
    assert.equal(next.month, '2026-12');
    assertNoViolations(env.sandbox);
  });
});

describe('distribution history', () => {
  test('pages walk every month once, newest first, and end with a null cursor', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const seeded =
      env.sandbox.state.rationCard.households['cit_01']?.distributions.map((d) => d.month) ?? [];
    assert.ok(seeded.length >= 24, 'at least 24 months of history');
    const months: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=5&cursor=${encodeURIComponent(cursor)}` : '?limit=5';
      const page: DistributionPage = await json<DistributionPage>(
        await me.request(`${API}/card/distributions${query}`),
        200,
      );
      assert.ok(page.items.length <= 5);
      assert.equal(page.page.limit, 5);
      months.push(...page.items.map((m) => m.month));
      cursor = page.page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 20);
    assert.equal(cursor, null);
    assert.equal(new Set(months).size, months.length, 'no month twice');
    assert.deepEqual(months, [...seeded].sort().reverse());
    assert.ok((months[0] ?? '') <= '2026-11', 'no month after the current one');
    assertNoViolations(env.sandbox);
  });

  test('the default page is 12 months; pending items have no date and no agent', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const page = await json<DistributionPage>(await me.request(`${API}/card/distributions`), 200);
    assert.equal(page.items.length, 12);
    assert.equal(page.page.limit, 12);
    assert.notEqual(page.page.nextCursor, null);
    const lines = page.items.flatMap((m) => m.items);
    for (const line of lines) {
      if (line.status === 'pending') assert.deepEqual([line.receivedAt, line.agent], [null, null]);
      else assert.ok(line.receivedAt && line.agent);
    }
    assertNoViolations(env.sandbox);
  });

  test('a household with no history gets an empty page', async () => {
    const { env, me } = await signedInSandbox('cit_22');
    const page = await json<DistributionPage>(await me.request(`${API}/card/distributions`), 200);
    assert.deepEqual(page, { items: [], page: { nextCursor: null, limit: 12 } });
    assertNoViolations(env.sandbox);
  });

  test('a cursor that was not given by the server is 422', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    for (const cursor of ['not-a-cursor', btoa('m:2026-13'), '%%%']) {
      const res = await me.request(
        `${API}/card/distributions?cursor=${encodeURIComponent(cursor)}`,
      );
      assert.equal(res.status, 422, cursor);
      const problem = await problemOf(res);
      assert.equal(problem.code, 'validation.failed');
      assert.equal(problem.errors?.[0]?.pointer, '/query/cursor');
    }
    assertNoViolations(env.sandbox);
  });
});

describe('family change requests', () => {
  async function create(me: SignedIn, body: unknown): Promise<ChangeRequest> {
    return json<ChangeRequest>(
      await me.request(`${API}/change-requests`, { method: 'POST', json: body }),
      201,
    );
  }

  test('the whole lifecycle: create, save, conflict, documents, submit once, follow by reference', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const drafts = () =>
      Object.values(env.sandbox.state.rationCard.drafts).filter((d) => d.citizenId === 'cit_01');
    const seededCount = drafts().length;

    const draft = await create(me, {
      kind: 'add-newborn',
      answers: { newborn: { name: 'ياسين علي حسين' } },
    });
    assert.equal(draft.status, 'draft');
    assert.equal(draft.version, 1);
    assert.equal(draft.referenceNumber, null);
    const list = await json<{ items: ChangeRequest[] }>(
      await me.request(`${API}/change-requests`),
      200,
    );
    assert.equal(list.items[0]?.id, draft.id, 'newest first');
    assert.equal(list.items.length, seededCount + 1);

    // Save names the version it edits.
    const answers = {
      newborn: { name: 'ياسين علي حسين', birthDate: '2026-11-20', sex: 'male', relation: 'son' },
    };
    const saved = await json<ChangeRequest>(
      await me.request(`${API}/change-requests/${draft.id}`, {
        method: 'PUT',
        json: { version: 1, answers },
      }),
      200,
    );
    assert.equal(saved.version, 2);
    assert.deepEqual(saved.answers, answers);

    // A save from an older copy (another device) is refused and changes nothing.
    const stale = await me.request(`${API}/change-requests/${draft.id}`, {
      method: 'PUT',
      json: { version: 1, answers: { note: 'من جهاز آخر' } },
    });
    assert.equal(stale.status, 409);
    const conflict = await problemOf(stale);
    assert.equal(conflict.code, 'draft.version-conflict');
    assert.equal(conflict.currentVersion, 2);
    assert.deepEqual(env.sandbox.state.rationCard.drafts[draft.id]?.answers, answers);

    // Submitting without the birth certificate names what is missing.
    const early = await me.request(`${API}/change-requests/${draft.id}/submit`, {
      method: 'POST',
      json: { version: 2 },
      headers: { 'Idempotency-Key': 'idem-newborn-early-0001' },
    });
    assert.equal(early.status, 422);
    assert.deepEqual(
      (await problemOf(early)).errors?.map((e) => e.pointer),
      ['/documents'],
    );
    assert.equal(env.sandbox.state.rationCard.drafts[draft.id]?.status, 'draft');

    // Documents are checked by their bytes, not their names.
    const png = await json<{ id: string; contentType: string; sizeBytes: number }>(
      await me.request(`${API}/change-requests/${draft.id}/documents`, {
        method: 'POST',
        body: documentForm('national-card', SAMPLE_FILES.png, 'البطاقة الوطنية.png', 'image/png'),
      }),
      201,
    );
    assert.equal(png.contentType, 'image/png');
    assert.equal(png.sizeBytes, SAMPLE_FILES.png.byteLength);
    const pdf = await json<{ id: string; contentType: string; fileName: string }>(
      await me.request(`${API}/change-requests/${draft.id}/documents`, {
        method: 'POST',
        body: documentForm(
          'birth-certificate',
          SAMPLE_FILES.pdf,
          'شهادة الميلاد.pdf',
          'application/pdf',
        ),
      }),
      201,
    );
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal(pdf.fileName, 'شهادة الميلاد.pdf');

    const renamed = await me.request(`${API}/change-requests/${draft.id}/documents`, {
      method: 'POST',
      body: documentForm('birth-certificate', SAMPLE_FILES.exe, 'شهادة.pdf', 'application/pdf'),
    });
    assert.equal(renamed.status, 422);
    assert.equal((await problemOf(renamed)).code, 'document.type-not-allowed');

    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(SAMPLE_FILES.png);
    const tooLarge = await me.request(`${API}/change-requests/${draft.id}/documents`, {
      method: 'POST',
      body: documentForm('birth-certificate', big, 'صورة كبيرة.png', 'image/png'),
    });
    assert.equal(tooLarge.status, 422);
    assert.equal((await problemOf(tooLarge)).code, 'document.too-large');
    assert.deepEqual(
      env.sandbox.state.rationCard.drafts[draft.id]?.documents.map((d) => d.id),
      [png.id, pdf.id],
      'rejected files are not stored',
    );

    // Removing a document.
    const removed = await me.request(`${API}/change-requests/${draft.id}/documents/${png.id}`, {
      method: 'DELETE',
    });
    assert.equal(removed.status, 204);
    assert.equal(env.sandbox.state.rationCard.drafts[draft.id]?.documents.length, 1);

    // Submit twice with one key: one submission, one reference number.
    const key = 'idem-newborn-submit-0001';
    const submit = (body: unknown, idempotencyKey = key) =>
      me.request(`${API}/change-requests/${draft.id}/submit`, {
        method: 'POST',
        json: body,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    const first = await json<{ requestId: string; referenceNumber: string; status: string }>(
      await submit({ version: 2 }),
      200,
    );
    assert.match(first.referenceNumber, /^RC-2026-[0-9]{6}$/);
    assert.equal(first.status, 'submitted');
    const replay = await submit({ version: 2 });
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(await json(replay, 200), first);
    const submitted = drafts().filter((d) => d.status === 'submitted' && d.id === draft.id);
    assert.equal(submitted.length, 1);
    assert.equal(drafts().filter((d) => d.referenceNumber === first.referenceNumber).length, 1);

    const reused = await submit({ version: 3 });
    assert.equal(reused.status, 409);
    assert.equal((await problemOf(reused)).code, 'idempotency.key-reused');

    // A submitted request is no longer editable.
    const late = await me.request(`${API}/change-requests/${draft.id}`, {
      method: 'PUT',
      json: { version: 2, answers },
    });
    assert.equal(late.status, 409);
    assert.equal((await problemOf(late)).code, 'draft.not-editable');

    const status = await json<{
      referenceNumber: string;
      requestId: string;
      kind: string;
      status: string;
      history: { status: string }[];
    }>(await me.request(`${API}/change-request-status/${first.referenceNumber}`), 200);
    assert.equal(status.requestId, draft.id);
    assert.equal(status.kind, 'add-newborn');
    assert.equal(status.status, 'submitted');
    assert.deepEqual(
      status.history.map((h) => h.status),
      ['draft', 'submitted'],
    );
    assertNoViolations(env.sandbox);
  });

  test('submitting an incomplete draft points at each missing answer', async () => {
    const { env, me } = await signedInSandbox('cit_10');
    const draft = await create(me, {
      kind: 'change-address',
      answers: { newAddress: { governorate: 'IQ-DA' } },
    });
    const res = await me.request(`${API}/change-requests/${draft.id}/submit`, {
      method: 'POST',
      json: { version: 1 },
      headers: { 'Idempotency-Key': 'idem-address-incomplete-01' },
    });
    assert.equal(res.status, 422);
    const pointers = (await problemOf(res)).errors?.map((e) => e.pointer).sort();
    assert.deepEqual(pointers, [
      '/answers/newAddress/district',
      '/answers/newAddress/locality',
      '/documents',
    ]);
    assert.equal(env.sandbox.state.rationCard.drafts[draft.id]?.status, 'draft');
    assertNoViolations(env.sandbox);
  });

  test('answers a schema cannot judge are checked: future dates, unknown members and agents', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const before = Object.keys(env.sandbox.state.rationCard.drafts).length;
    const future = await me.request(`${API}/change-requests`, {
      method: 'POST',
      json: { kind: 'add-newborn', answers: { newborn: { birthDate: '2026-12-30' } } },
    });
    assert.equal(future.status, 422);
    assert.deepEqual(
      (await problemOf(future)).errors?.map((e) => [e.pointer, e.code]),
      [['/body/answers/newborn/birthDate', 'future-date']],
    );

    const stranger = await me.request(`${API}/change-requests`, {
      method: 'POST',
      json: { kind: 'remove-deceased-member', answers: { deceasedMemberId: 'mem_09_6' } },
    });
    assert.equal(stranger.status, 422, 'a member of another household');
    assert.equal(
      (await problemOf(stranger)).errors?.[0]?.pointer,
      '/body/answers/deceasedMemberId',
    );

    const farAgent = await me.request(`${API}/change-requests`, {
      method: 'POST',
      json: { kind: 'change-agent', answers: { agentType: 'flour', newAgentId: 'agt_ba_w1' } },
    });
    assert.equal(farAgent.status, 422, 'an agent in another governorate');
    assert.equal((await problemOf(farAgent)).errors?.[0]?.pointer, '/body/answers/newAgentId');

    const unknownField = await me.request(`${API}/change-requests`, {
      method: 'POST',
      json: { kind: 'add-newborn', answers: { nickname: 'x' } },
    });
    assert.equal(unknownField.status, 422);
    assert.equal((await problemOf(unknownField)).errors?.[0]?.pointer, '/body/answers/nickname');
    assert.equal(Object.keys(env.sandbox.state.rationCard.drafts).length, before, 'nothing stored');
    assertNoViolations(env.sandbox);
  });

  test('the blocked household finishes its seeded draft to remove the deceased member', async () => {
    const { env, me } = await signedInSandbox('cit_09');
    const { card: c } = await card(me);
    assert.equal(c.status.action?.requestKind, 'remove-deceased-member');
    const list = await json<{ items: ChangeRequest[] }>(
      await me.request(`${API}/change-requests`),
      200,
    );
    const draft = list.items.find(
      (d) => d.kind === 'remove-deceased-member' && d.status === 'draft',
    );
    assert.ok(draft, 'seeded open draft');
    assert.ok(
      c.members.some((m) => m.id === draft.answers['deceasedMemberId'] && m.relation === 'father'),
    );
    await json(
      await me.request(`${API}/change-requests/${draft.id}/documents`, {
        method: 'POST',
        body: documentForm(
          'death-certificate',
          SAMPLE_FILES.pdf,
          'شهادة الوفاة.pdf',
          'application/pdf',
        ),
      }),
      201,
    );
    const receipt = await json<{ referenceNumber: string }>(
      await me.request(`${API}/change-requests/${draft.id}/submit`, {
        method: 'POST',
        json: { version: draft.version },
        headers: { 'Idempotency-Key': 'idem-deceased-submit-001' },
      }),
      200,
    );
    assert.match(receipt.referenceNumber, /^RC-/);
    assertNoViolations(env.sandbox);
  });

  test("a citizen cannot read another household's requests", async () => {
    const { env, me } = await signedInSandbox('cit_02');
    const own = await json<{ items: ChangeRequest[] }>(
      await me.request(`${API}/change-requests`),
      200,
    );
    assert.ok(
      own.items.every((d) => env.sandbox.state.rationCard.drafts[d.id]?.citizenId === 'cit_02'),
    );
    const other = await me.request(`${API}/change-requests/rcr_s0101`);
    assert.equal(other.status, 404);
    const otherStatus = await me.request(`${API}/change-request-status/RC-2026-700412`);
    assert.equal(otherStatus.status, 404);
    assertNoViolations(env.sandbox);
  });

  test('a seeded submitted request is followed by its reference number; the upload policy is published', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const status = await json<{ status: string; history: { status: string }[] }>(
      await me.request(`${API}/change-request-status/RC-2026-700412`),
      200,
    );
    assert.equal(status.status, 'under-review');
    assert.deepEqual(
      status.history.map((h) => h.status),
      ['draft', 'submitted', 'under-review'],
    );
    const policy = await json<{
      maxBytes: number;
      allowedContentTypes: string[];
      maxDocuments: number;
    }>(await me.request(`${API}/upload-policy`), 200);
    assert.equal(policy.maxBytes, 5 * 1024 * 1024);
    assert.deepEqual(policy.allowedContentTypes, ['application/pdf', 'image/jpeg', 'image/png']);
    assertNoViolations(env.sandbox);
  });
});
