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
  type TestSandbox,
} from './helpers.js';

const API = '/social-protection/v1';

interface MemberAnswer {
  id?: string;
  name: string;
  relation: string;
  birthDate: string;
  sex: string;
  nationalId?: string;
}

interface Answers {
  residence?: { governorate: string; district: string; locality: string; nearestLandmark: string };
  contact?: { phone: string; alternatePhone?: string };
  household?: { members: MemberAnswer[] };
  income?: { employmentStatus: string; monthlyIncome: number; incomeSources: string[] };
  health?: { chronicIllness: boolean; disability: string; disabilityPercentage?: number };
  housing?: { type: string; monthlyRent?: number; rooms: number };
}

interface UpdateRequest {
  id: string;
  kind: string;
  status: string;
  version: number;
  answers: Answers;
  documents: {
    id: string;
    type: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
  }[];
  submittedAt: string | null;
  referenceNumber: string | null;
  resumeStep: string | null;
}

async function createDraft(me: SignedIn): Promise<UpdateRequest> {
  const res = await me.request(`${API}/update-requests`, {
    method: 'POST',
    json: { kind: 'beneficiary-update' },
  });
  assert.equal(res.status, 201);
  return (await res.json()) as UpdateRequest;
}

async function getDraft(me: SignedIn, id: string): Promise<UpdateRequest> {
  const res = await me.request(`${API}/update-requests/${id}`);
  assert.equal(res.status, 200);
  return (await res.json()) as UpdateRequest;
}

function save(me: SignedIn, id: string, version: number, answers: unknown): Promise<Response> {
  return me.request(`${API}/update-requests/${id}`, { method: 'PUT', json: { version, answers } });
}

function submit(me: SignedIn, id: string, version: number, key: string): Promise<Response> {
  return me.request(`${API}/update-requests/${id}/submit`, {
    method: 'POST',
    json: { version },
    headers: { 'Idempotency-Key': key },
  });
}

function uploadTo(me: SignedIn, id: string, form: FormData): Promise<Response> {
  return me.request(`${API}/update-requests/${id}/documents`, { method: 'POST', body: form });
}

/** The stored request, straight from the sandbox state. */
function stored(env: TestSandbox, id: string) {
  const draft = env.sandbox.state.socialProtection.drafts[id];
  assert.ok(draft, `request ${id} is stored`);
  return draft;
}

describe('social protection: beneficiary data', () => {
  test('a beneficiary reads their household with national and residence card numbers masked', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const res = await me.request(`${API}/profile`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const profile = JSON.parse(text) as {
      status: string;
      household: { members: { relation: string; name: string; maskedNationalId: string }[] };
      residence: { governorate: string; residenceCardNumber: string };
      contact: { phone: string };
    };
    assert.equal(profile.status, 'active');
    assert.equal(profile.household.members.length, 4);
    const head = profile.household.members.find((m) => m.relation === 'head');
    assert.equal(head?.name, 'علي حسين كاظم الموسوي');
    assert.equal(head?.maskedNationalId, '********5678');
    assert.match(profile.residence.residenceCardNumber, /^\*{6}[0-9]{4}$/);
    assert.equal(profile.residence.governorate, 'IQ-BG');
    assert.equal(profile.contact.phone, '+9647701234567');
    // No whole national number of any member leaves the sandbox.
    const record = env.sandbox.state.socialProtection.beneficiaries['cit_01'];
    assert.ok(record);
    for (const member of record.members) assert.ok(!text.includes(member.nationalId));
    assertNoViolations(env.sandbox);
  });

  test('a Kurdistan Region household reads in Sorani, signed in with a bearer token', async () => {
    const env = createTestSandbox();
    const me = await signIn(env, 'cit_03', 'bearer');
    const res = await me.request(`${API}/profile`);
    assert.equal(res.status, 200);
    const profile = (await res.json()) as {
      household: { members: unknown[] };
      residence: { governorate: string; district: string };
    };
    assert.equal(profile.household.members.length, 7);
    assert.equal(profile.residence.governorate, 'IQ-AR');
    assert.equal(profile.residence.district, 'قەزای هەولێر');
    assertNoViolations(env.sandbox);
  });

  test('a citizen who is not a beneficiary gets 404 and cannot start an update request', async () => {
    const { env, me } = await signedInSandbox('cit_14');
    const profile = await me.request(`${API}/profile`);
    assert.equal(profile.status, 404);
    assert.equal((await problemOf(profile)).code, 'not-found');
    const schedule = await me.request(`${API}/payment-schedule`);
    assert.equal(schedule.status, 404);
    assert.equal((await problemOf(schedule)).code, 'not-found');
    const before = Object.keys(env.sandbox.state.socialProtection.drafts).length;
    const created = await me.request(`${API}/update-requests`, {
      method: 'POST',
      json: { kind: 'beneficiary-update' },
    });
    assert.equal(created.status, 404);
    assert.equal((await problemOf(created)).code, 'not-found');
    assert.equal(Object.keys(env.sandbox.state.socialProtection.drafts).length, before);
    assertNoViolations(env.sandbox);
  });

  test('the allowance schedule lists paid, held and scheduled payments on Qi Card', async () => {
    const { env, me } = await signedInSandbox('cit_04');
    const res = await me.request(`${API}/payment-schedule`);
    assert.equal(res.status, 200);
    const schedule = (await res.json()) as {
      amountPerPayment: number;
      frequency: string;
      payments: {
        period: string;
        status: string;
        paidAt: string | null;
        amount: number;
        holdReason?: string;
        channel: string;
      }[];
    };
    assert.equal(schedule.frequency, 'bi-monthly');
    const periods = schedule.payments.map((p) => p.period);
    assert.deepEqual(periods, [...periods].sort(), 'oldest first');
    const held = schedule.payments.filter((p) => p.status === 'held');
    assert.ok(held.length > 0, 'a suspended household has held payments');
    for (const p of held) {
      assert.equal(p.holdReason, 'data-update-required');
      assert.equal(p.paidAt, null);
    }
    for (const p of schedule.payments) {
      assert.equal(p.amount, schedule.amountPerPayment);
      assert.equal(p.channel, 'qi-card');
      assert.equal(p.status === 'paid', p.paidAt !== null);
    }
    assert.ok(schedule.payments.some((p) => p.status === 'scheduled'));
    assertNoViolations(env.sandbox);
  });

  test('the upload policy states the document limits', async () => {
    const { env, me } = await signedInSandbox();
    const res = await me.request(`${API}/upload-policy`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      maxBytes: 5 * 1024 * 1024,
      allowedContentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      maxDocuments: 10,
    });
    assertNoViolations(env.sandbox);
  });
});

describe('social protection: update request lifecycle', () => {
  test('a new request starts as a draft prefilled from the data on file', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    assert.equal(draft.status, 'draft');
    assert.equal(draft.version, 1);
    assert.equal(draft.referenceNumber, null);
    assert.equal(draft.submittedAt, null);
    assert.deepEqual(draft.documents, []);
    const members = draft.answers.household?.members ?? [];
    assert.deepEqual(
      members.map((m) => m.id),
      ['mem_0101', 'mem_0102', 'mem_0103', 'mem_0104'],
    );
    assert.ok(
      members.every((m) => m.nationalId === undefined),
      'members on file carry no national number',
    );
    assert.deepEqual(draft.answers.housing, { type: 'rented', monthlyRent: 250000, rooms: 2 });
    assert.equal(draft.answers.residence?.nearestLandmark, 'قرب جامع الرحمن');

    const list = await me.request(`${API}/update-requests`);
    assert.equal(list.status, 200);
    const { items } = (await list.json()) as { items: UpdateRequest[] };
    assert.deepEqual(
      items.map((i) => i.id),
      [draft.id],
    );
    assertNoViolations(env.sandbox);
  });

  test('saving bumps the version; an outdated version gets 409 and overwrites nothing', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const answers: Answers = {
      ...draft.answers,
      contact: { phone: '+9647701234567', alternatePhone: '+9647801112233' },
    };
    const saved = await save(me, draft.id, 1, answers);
    assert.equal(saved.status, 200);
    const after = (await saved.json()) as UpdateRequest;
    assert.equal(after.version, 2);
    assert.equal(after.answers.contact?.alternatePhone, '+9647801112233');

    // Another device still holds version 1.
    const stale = await save(me, draft.id, 1, { contact: { phone: '+9647901234002' } });
    assert.equal(stale.status, 409);
    const problem = await problemOf(stale);
    assert.equal(problem.code, 'draft.version-conflict');
    assert.equal(problem.currentVersion, 2);
    const current = await getDraft(me, draft.id);
    assert.equal(current.version, 2);
    assert.deepEqual(current.answers, answers);
    assertNoViolations(env.sandbox);
  });

  test('a draft remembers the step the citizen was on, for another device or a new sign-in', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    assert.equal(draft.resumeStep, null);
    const at = (version: number, answers: unknown, resumeStep?: string) =>
      me.request(`${API}/update-requests/${draft.id}`, {
        method: 'PUT',
        json: resumeStep === undefined ? { version, answers } : { version, answers, resumeStep },
      });
    assert.equal((await at(1, draft.answers, 'household')).status, 200);
    assert.equal((await getDraft(me, draft.id)).resumeStep, 'household');
    // A save that does not say keeps the last place.
    assert.equal((await at(2, draft.answers)).status, 200);
    assert.equal((await getDraft(me, draft.id)).resumeStep, 'household');
    // An id that is not a step id is refused, and changes nothing.
    const bad = await at(3, draft.answers, '<script>');
    assert.equal(bad.status, 422);
    assert.equal((await problemOf(bad)).errors?.[0]?.pointer, '/body/resumeStep');
    const list = await me.request(`${API}/update-requests`);
    const items = ((await list.json()) as { items: UpdateRequest[] }).items;
    assert.equal(items.find((r) => r.id === draft.id)?.resumeStep, 'household');
    assert.equal(stored(env, draft.id).version, 3);
    assertNoViolations(env.sandbox);
  });

  test('a birth date in the future is refused with a pointer, judged by the date in Baghdad', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const members = draft.answers.household?.members ?? [];
    const newborn = (birthDate: string): Answers => ({
      household: {
        members: [
          ...members,
          {
            name: 'مريم علي حسين',
            relation: 'daughter',
            birthDate,
            sex: 'female',
            nationalId: '202611250001',
          },
        ],
      },
    });
    // The clock is 2026-11-25T09:00Z: the 26th is tomorrow.
    const future = await save(me, draft.id, 1, newborn('2026-11-26'));
    assert.equal(future.status, 422);
    const problem = await problemOf(future);
    assert.equal(problem.code, 'validation.failed');
    assert.deepEqual(
      problem.errors?.map((e) => [e.pointer, e.code]),
      [['/body/answers/household/members/4/birthDate', 'future-date']],
    );
    assert.equal(stored(env, draft.id).version, 1);
    assert.equal((stored(env, draft.id).answers as Answers).household?.members.length, 4);

    // At 22:00 UTC it is already the 26th in Baghdad (UTC+3): a child born that day is accepted.
    // (The session has idled out by then: sign in again.)
    env.clock.set(new Date('2026-11-25T22:00:00Z'));
    const later = await signIn(env, 'cit_01');
    const born = await save(later, draft.id, 1, newborn('2026-11-26'));
    assert.equal(born.status, 200);
    assert.equal(((await born.json()) as UpdateRequest).answers.household?.members.length, 5);

    // Creating with answers is checked the same way.
    const created = await later.request(`${API}/update-requests`, {
      method: 'POST',
      json: { kind: 'beneficiary-update', answers: newborn('2027-01-01') },
    });
    assert.equal(created.status, 422);
    assert.deepEqual(
      (await problemOf(created)).errors?.map((e) => e.pointer),
      ['/body/answers/household/members/4/birthDate'],
    );
    assert.equal(
      Object.values(env.sandbox.state.socialProtection.drafts).filter(
        (d) => d.citizenId === 'cit_01',
      ).length,
      1,
    );
    assertNoViolations(env.sandbox);
  });

  test('a member id that is not on file is refused', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const res = await save(me, draft.id, 1, {
      household: {
        members: [
          {
            id: 'mem_0501',
            name: 'حسن جبار عباس',
            relation: 'head',
            birthDate: '1980-01-01',
            sex: 'male',
          },
        ],
      },
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      (await problemOf(res)).errors?.map((e) => [e.pointer, e.code]),
      [['/body/answers/household/members/0/id', 'unknown-member']],
    );
    assert.equal(stored(env, draft.id).version, 1);
    assertNoViolations(env.sandbox);
  });

  test('documents are accepted by their content and refused when renamed or too large', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);

    const pdf = await uploadTo(
      me,
      draft.id,
      documentForm('national-card', SAMPLE_FILES.pdf, 'البطاقة الوطنية.pdf', 'application/pdf'),
    );
    assert.equal(pdf.status, 201);
    const pdfDoc = (await pdf.json()) as {
      id: string;
      contentType: string;
      sizeBytes: number;
      fileName: string;
    };
    assert.equal(pdfDoc.contentType, 'application/pdf');
    assert.equal(pdfDoc.sizeBytes, SAMPLE_FILES.pdf.length);
    assert.equal(pdfDoc.fileName, 'البطاقة الوطنية.pdf');

    const jpeg = await uploadTo(
      me,
      draft.id,
      documentForm('residence-card', SAMPLE_FILES.jpeg, 'residence.jpg', 'image/jpeg'),
    );
    assert.equal(jpeg.status, 201);
    assert.equal(((await jpeg.json()) as { contentType: string }).contentType, 'image/jpeg');

    // An executable renamed to .pdf and declared as a SAMPLE_FILES.pdf.
    const exe = await uploadTo(
      me,
      draft.id,
      documentForm('national-card', SAMPLE_FILES.exe, 'card.pdf', 'application/pdf'),
    );
    assert.equal(exe.status, 422);
    assert.equal((await problemOf(exe)).code, 'document.type-not-allowed');

    // A real SAMPLE_FILES.pdf one byte over the limit.
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(SAMPLE_FILES.pdf);
    const tooLarge = await uploadTo(
      me,
      draft.id,
      documentForm('income-proof', big, 'big.pdf', 'application/pdf'),
    );
    assert.equal(tooLarge.status, 422);
    assert.equal((await problemOf(tooLarge)).code, 'document.too-large');

    const current = await getDraft(me, draft.id);
    assert.deepEqual(
      current.documents.map((d) => d.type),
      ['national-card', 'residence-card'],
    );
    assert.equal(stored(env, draft.id).documents.length, 2);

    const removed = await me.request(`${API}/update-requests/${draft.id}/documents/${pdfDoc.id}`, {
      method: 'DELETE',
    });
    assert.equal(removed.status, 204);
    assert.deepEqual(
      (await getDraft(me, draft.id)).documents.map((d) => d.type),
      ['residence-card'],
    );
    const again = await me.request(`${API}/update-requests/${draft.id}/documents/${pdfDoc.id}`, {
      method: 'DELETE',
    });
    assert.equal(again.status, 404);
    assertNoViolations(env.sandbox);
  });

  test('a draft holds at most ten documents', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    for (let i = 0; i < 10; i++) {
      const res = await uploadTo(
        me,
        draft.id,
        documentForm('other', SAMPLE_FILES.pdf, `page-${i}.pdf`, 'application/pdf'),
      );
      assert.equal(res.status, 201);
    }
    const eleventh = await uploadTo(
      me,
      draft.id,
      documentForm('other', SAMPLE_FILES.pdf, 'page-10.pdf', 'application/pdf'),
    );
    assert.equal(eleventh.status, 409);
    assert.equal((await problemOf(eleventh)).code, 'document.limit-reached');
    assert.equal(stored(env, draft.id).documents.length, 10);
    assertNoViolations(env.sandbox);
  });

  test('an incomplete draft cannot be submitted: each gap is pointed at', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const members = draft.answers.household?.members ?? [];
    const saved = await save(me, draft.id, 1, {
      ...draft.answers,
      household: {
        members: [
          ...members,
          { name: 'مريم علي حسين', relation: 'daughter', birthDate: '2026-10-30', sex: 'female' },
        ],
      },
      housing: { type: 'rented', rooms: 2 },
      health: { chronicIllness: false, disability: 'physical' },
      contact: undefined,
    });
    assert.equal(saved.status, 200);

    const res = await submit(me, draft.id, 2, 'idem_incomplete_0001');
    assert.equal(res.status, 422);
    const problem = await problemOf(res);
    assert.equal(problem.code, 'validation.failed');
    const pointers = problem.errors?.map((e) => `${e.pointer} ${e.code}`) ?? [];
    for (const expected of [
      '/answers/contact required',
      '/answers/household/members/4/nationalId required',
      '/answers/housing/monthlyRent required',
      '/answers/health/disabilityPercentage required',
      '/documents document-required',
    ]) {
      assert.ok(pointers.includes(expected), `${expected} in ${pointers.join(', ')}`);
    }
    // The national card, the new member's birth certificate and the medical report are missing.
    assert.equal(pointers.filter((p) => p === '/documents document-required').length, 3);
    const record = stored(env, draft.id);
    assert.equal(record.status, 'draft');
    assert.equal(record.referenceNumber, null);
    assertNoViolations(env.sandbox);
  });

  test('a household needs exactly one head', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const members = (draft.answers.household?.members ?? []).filter((m) => m.relation !== 'head');
    const saved = await save(me, draft.id, 1, { ...draft.answers, household: { members } });
    assert.equal(saved.status, 200);
    assert.equal(
      (
        await uploadTo(
          me,
          draft.id,
          documentForm('national-card', SAMPLE_FILES.pdf, 'card.pdf', 'application/pdf'),
        )
      ).status,
      201,
    );
    const res = await submit(me, draft.id, 2, 'idem_one_head_00001');
    assert.equal(res.status, 422);
    assert.deepEqual(
      (await problemOf(res)).errors?.map((e) => [e.pointer, e.code]),
      [['/answers/household/members', 'one-head']],
    );
    assertNoViolations(env.sandbox);
  });

  test('submitting gives a reference once; a retry replays it, another body with the key is refused', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const members = draft.answers.household?.members ?? [];
    const answers: Answers = {
      ...draft.answers,
      household: {
        members: [
          ...members,
          {
            name: 'مريم علي حسين',
            relation: 'daughter',
            birthDate: '2026-10-30',
            sex: 'female',
            nationalId: '202610301234',
          },
        ],
      },
    };
    assert.equal((await save(me, draft.id, 1, answers)).status, 200);
    assert.equal(
      (
        await uploadTo(
          me,
          draft.id,
          documentForm('national-card', SAMPLE_FILES.pdf, 'card.pdf', 'application/pdf'),
        )
      ).status,
      201,
    );
    assert.equal(
      (
        await uploadTo(
          me,
          draft.id,
          documentForm('birth-certificate', SAMPLE_FILES.jpeg, 'birth.jpg', 'image/jpeg'),
        )
      ).status,
      201,
    );

    const key = 'idem_submit_mzl_000001';
    const first = await submit(me, draft.id, 2, key);
    assert.equal(first.status, 200);
    const receipt = (await first.json()) as {
      requestId: string;
      referenceNumber: string;
      status: string;
    };
    assert.equal(receipt.requestId, draft.id);
    assert.equal(receipt.status, 'submitted');
    assert.match(receipt.referenceNumber, /^MZL-2026-[0-9]{6}$/);

    const retry = await submit(me, draft.id, 2, key);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(await retry.json(), receipt);

    const reused = await submit(me, draft.id, 1, key);
    assert.equal(reused.status, 409);
    assert.equal((await problemOf(reused)).code, 'idempotency.key-reused');

    const submitted = Object.values(env.sandbox.state.socialProtection.drafts).filter(
      (d) => d.citizenId === 'cit_01' && d.status === 'submitted',
    );
    assert.equal(submitted.length, 1);
    assert.equal(submitted[0]?.referenceNumber, receipt.referenceNumber);

    // A fresh key cannot submit it a second time either.
    const second = await submit(me, draft.id, 2, 'idem_submit_mzl_000002');
    assert.equal(second.status, 409);
    assert.equal((await problemOf(second)).code, 'draft.not-editable');

    const status = await me.request(`${API}/update-request-status/${receipt.referenceNumber}`);
    assert.equal(status.status, 200);
    const view = (await status.json()) as {
      requestId: string;
      kind: string;
      status: string;
      history: { status: string }[];
    };
    assert.equal(view.requestId, draft.id);
    assert.equal(view.kind, 'beneficiary-update');
    assert.equal(view.status, 'submitted');
    assert.equal(view.history.at(-1)?.status, 'submitted');

    // Submitted means frozen: no save, no upload, no removal.
    const edit = await save(me, draft.id, 2, answers);
    assert.equal(edit.status, 409);
    assert.equal((await problemOf(edit)).code, 'draft.not-editable');
    const late = await uploadTo(
      me,
      draft.id,
      documentForm('other', SAMPLE_FILES.pdf, 'late.pdf', 'application/pdf'),
    );
    assert.equal(late.status, 409);
    assert.equal((await problemOf(late)).code, 'draft.not-editable');
    const docId = stored(env, draft.id).documents[0]?.id ?? '';
    const remove = await me.request(`${API}/update-requests/${draft.id}/documents/${docId}`, {
      method: 'DELETE',
    });
    assert.equal(remove.status, 409);
    assert.equal(stored(env, draft.id).documents.length, 2);
    assert.equal(stored(env, draft.id).version, 2);
    assertNoViolations(env.sandbox);
  });

  test('a move needs the new residence card before submission', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const moved = await save(me, draft.id, 1, {
      ...draft.answers,
      residence: {
        governorate: 'IQ-BG',
        district: 'قضاء الكرخ',
        locality: 'حي العامل، محلة 819',
        nearestLandmark: 'قرب ساحة العامل',
      },
    });
    assert.equal(moved.status, 200);
    assert.equal(
      (
        await uploadTo(
          me,
          draft.id,
          documentForm('national-card', SAMPLE_FILES.pdf, 'card.pdf', 'application/pdf'),
        )
      ).status,
      201,
    );
    const refused = await submit(me, draft.id, 2, 'idem_move_000000001');
    assert.equal(refused.status, 422);
    assert.deepEqual(
      (await problemOf(refused)).errors?.map((e) => [e.pointer, e.code]),
      [['/documents', 'document-required']],
    );
    assert.equal(
      (
        await uploadTo(
          me,
          draft.id,
          documentForm('residence-card', SAMPLE_FILES.jpeg, 'residence.jpg', 'image/jpeg'),
        )
      ).status,
      201,
    );
    const accepted = await submit(me, draft.id, 2, 'idem_move_000000002');
    assert.equal(accepted.status, 200);
    assert.equal(stored(env, draft.id).status, 'submitted');
    assertNoViolations(env.sandbox);
  });

  test('seeded requests: a draft to continue, statuses to follow, other citizens\u2019 hidden', async () => {
    const env = createTestSandbox();
    const zainab = await signIn(env, 'cit_02');
    const list = (await (await zainab.request(`${API}/update-requests`)).json()) as {
      items: UpdateRequest[];
    };
    assert.equal(list.items.length, 1);
    const seeded = list.items[0];
    assert.ok(seeded);
    assert.equal(seeded.status, 'draft');
    assert.equal((await save(zainab, seeded.id, seeded.version, seeded.answers)).status, 200);

    const hassan = await signIn(env, 'cit_05');
    const status = await hassan.request(`${API}/update-request-status/MZL-2026-090501`);
    assert.equal(status.status, 200);
    const view = (await status.json()) as {
      status: string;
      history: { status: string; note?: string }[];
    };
    assert.equal(view.status, 'under-review');
    assert.deepEqual(
      view.history.map((h) => h.status),
      ['draft', 'submitted', 'under-review'],
    );

    // Another citizen sees neither the reference nor the draft.
    const ali = await signIn(env, 'cit_01');
    const foreign = await ali.request(`${API}/update-request-status/MZL-2026-090501`);
    assert.equal(foreign.status, 404);
    assert.equal((await problemOf(foreign)).code, 'not-found');
    const foreignDraft = await ali.request(`${API}/update-requests/${seeded.id}`);
    assert.equal(foreignDraft.status, 404);
    const foreignSave = await save(ali, seeded.id, seeded.version + 1, {});
    assert.equal(foreignSave.status, 404);
    assert.equal(stored(env, seeded.id).version, seeded.version + 1);
    assertNoViolations(env.sandbox);
  });
});

describe('social protection: hostile input', () => {
  test('bidi overrides, markup in names, oversized text and unknown fields are refused; nothing is stored', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const residence = draft.answers.residence;
    assert.ok(residence);
    const members = draft.answers.household?.members ?? [];
    const snapshot = JSON.stringify(stored(env, draft.id));

    const cases: [string, unknown, string, string][] = [
      [
        'bidi override in free text',
        { residence: { ...residence, nearestLandmark: 'قرب \u202Eالجامع' } },
        '/body/answers/residence/nearestLandmark',
        'bidi',
      ],
      [
        'isolate in a name',
        { household: { members: [{ ...members[0], name: 'علي\u2066 حسين' }] } },
        '/body/answers/household/members/0/name',
        'bidi',
      ],
      [
        'markup in a name',
        { household: { members: [{ ...members[0], name: '<script>alert(1)</script>' }] } },
        '/body/answers/household/members/0/name',
        'pattern',
      ],
      [
        'NUL in free text',
        { residence: { ...residence, nearestLandmark: 'قرب\u0000الجامع' } },
        '/body/answers/residence/nearestLandmark',
        'pattern',
      ],
      [
        'lone high surrogate in free text',
        { residence: { ...residence, nearestLandmark: 'قرب \ud800الجامع' } },
        '/body/answers/residence/nearestLandmark',
        'pattern',
      ],
      [
        'lone low surrogate alone in free text',
        { residence: { ...residence, district: '\udc00' } },
        '/body/answers/residence/district',
        'pattern',
      ],
      [
        'reversed surrogate pair in a name',
        { household: { members: [{ ...members[0], name: 'علي \udc00\ud800' }] } },
        '/body/answers/household/members/0/name',
        'pattern',
      ],
      [
        '10 000 characters',
        { residence: { ...residence, locality: 'ح'.repeat(10_000) } },
        '/body/answers/residence/locality',
        'maxLength',
      ],
      [
        'unknown section',
        { bankAccount: 'IQ98' },
        '/body/answers/bankAccount',
        'additionalProperties',
      ],
      [
        'unknown nested field',
        { housing: { type: 'owned', rooms: 2, floor: 3 } },
        '/body/answers/housing/floor',
        'additionalProperties',
      ],
    ];
    for (const [name, answers, pointer, code] of cases) {
      const res = await save(me, draft.id, 1, answers);
      assert.equal(res.status, 422, name);
      const problem = await problemOf(res);
      assert.equal(problem.code, 'validation.failed', name);
      assert.ok(
        problem.errors?.some((e) => e.pointer === pointer && e.code === code),
        `${name}: ${JSON.stringify(problem.errors)}`,
      );
    }
    const extra = await me.request(`${API}/update-requests/${draft.id}`, {
      method: 'PUT',
      json: { version: 1, answers: {}, status: 'approved' },
    });
    assert.equal(extra.status, 422);
    assert.ok((await problemOf(extra)).errors?.some((e) => e.pointer === '/body/status'));
    assert.equal(JSON.stringify(stored(env, draft.id)), snapshot, 'nothing stored');
    assertNoViolations(env.sandbox);
  });

  test('a character outside the BMP (a surrogate pair) is well-formed text and accepted', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const landmark = 'قرب مطعم 🌯 الحي';
    const res = await save(me, draft.id, 1, {
      residence: { ...draft.answers.residence, nearestLandmark: landmark },
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal((await getDraft(me, draft.id)).answers.residence?.nearestLandmark, landmark);
    assertNoViolations(env.sandbox);
  });

  test('markup in free text is kept as plain text, never interpreted', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const landmark = '<script>alert("x")</script> قرب جامع الرحمن';
    const res = await save(me, draft.id, 1, {
      residence: { ...draft.answers.residence, nearestLandmark: landmark },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal((await getDraft(me, draft.id)).answers.residence?.nearestLandmark, landmark);
    assertNoViolations(env.sandbox);
  });

  test('a multipart upload with an unknown document type is refused', async () => {
    const { env, me } = await signedInSandbox('cit_01');
    const draft = await createDraft(me);
    const res = await uploadTo(
      me,
      draft.id,
      documentForm('passport', SAMPLE_FILES.pdf, 'p.pdf', 'application/pdf'),
    );
    assert.equal(res.status, 422);
    assert.equal((await problemOf(res)).code, 'validation.failed');
    assert.equal(stored(env, draft.id).documents.length, 0);
    assertNoViolations(env.sandbox);
  });
});

describe('social protection: access', () => {
  test('not signed in gets 401; a cookie session without the CSRF header gets 403', async () => {
    const env = createTestSandbox();
    for (const [path, method] of [
      [`${API}/profile`, 'GET'],
      [`${API}/payment-schedule`, 'GET'],
      [`${API}/update-requests`, 'GET'],
      [`${API}/upload-policy`, 'GET'],
    ] as const) {
      const res = await env.request(path, { method });
      assert.equal(res.status, 401, path);
      assert.equal((await problemOf(res)).code, 'auth.required');
    }
    const anonymous = await env.request(`${API}/update-requests`, {
      method: 'POST',
      json: { kind: 'beneficiary-update' },
    });
    assert.equal(anonymous.status, 401);

    await signIn(env, 'cit_01');
    const before = Object.keys(env.sandbox.state.socialProtection.drafts).length;
    const noCsrf = await env.request(`${API}/update-requests`, {
      method: 'POST',
      json: { kind: 'beneficiary-update' },
    });
    assert.equal(noCsrf.status, 403);
    assert.equal((await problemOf(noCsrf)).code, 'auth.csrf-invalid');
    assert.equal(Object.keys(env.sandbox.state.socialProtection.drafts).length, before);
    assertNoViolations(env.sandbox);
  });

  test('field errors follow Accept-Language', async () => {
    const { env, me } = await signedInSandbox('cit_03');
    const draft = await createDraft(me);
    const res = await me.request(`${API}/update-requests/${draft.id}/submit`, {
      method: 'POST',
      json: { version: 1 },
      headers: { 'Idempotency-Key': 'idem_sorani_0000001', 'Accept-Language': 'ckb' },
    });
    assert.equal(res.status, 422);
    assert.equal(res.headers.get('content-language'), 'ckb');
    const problem = await problemOf(res);
    assert.equal(problem.title, 'هەندێک لە زانیارییەکان هەڵەن');
    assert.deepEqual(problem.errors, [
      {
        pointer: '/documents',
        code: 'document-required',
        detail: 'وێنەیەکی کارتی نیشتمانیی یەکگرتوو هاوپێچ بکە',
      },
    ]);
    assertNoViolations(env.sandbox);
  });
});
