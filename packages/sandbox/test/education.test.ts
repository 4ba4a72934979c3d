// Remote learning (openapi/education.yaml): the student's profile, lectures around the clock's now,
// materials with checksums, and files served in ranges so that a cut download resumes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { educationControls } from '../src/index.js';
import { assertNoViolations, createTestSandbox, problemOf, signIn } from './helpers.js';

const hex = async (bytes: Uint8Array<ArrayBuffer>) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

interface Material {
  id: string;
  size: number;
  href: string;
  version: number;
  checksum: { value: string };
  title: string;
}

/** cit_01 signed in, and the Arabic grammar notes' listing. */
async function student() {
  const env = createTestSandbox();
  const me = await signIn(env, 'cit_01');
  const list = (await (await me.request('/education/v1/courses/crs_arabic/materials')).json()) as {
    items: Material[];
  };
  const material = list.items.find((m) => m.id === 'mat_arabic_grammar')!;
  return { env, me, material, controls: educationControls(env.sandbox) };
}

/** Reads a response's body until it ends or breaks; the bytes that arrived and whether it broke. */
async function readAll(response: Response): Promise<{ bytes: Uint8Array; broke: boolean }> {
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  let broke = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
  } catch {
    broke = true;
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) bytes.set(p, (at += p.length) - p.length);
  return { bytes, broke };
}

test('a student: profile, courses in the asked language, lectures around now, announcements', async () => {
  const env = createTestSandbox();
  const me = await signIn(env, 'cit_01');
  const profile = (await (await me.request('/education/v1/student')).json()) as {
    institution: { kind: string; ministry: string };
    enrolments: unknown[];
  };
  assert.equal(profile.institution.ministry, 'education');
  assert.equal(profile.enrolments.length, 3);
  const courses = (await (
    await me.request('/education/v1/courses', { headers: { 'Accept-Language': 'ckb' } })
  ).json()) as { items: { title: string }[] };
  assert.equal(courses.items[1]?.title, 'بیرکاری');
  const lectures = (await (await me.request('/education/v1/lectures')).json()) as {
    items: { status: string; joinUrl?: string; startsAt: string }[];
  };
  const live = lectures.items.filter((l) => l.status === 'live');
  assert.equal(live.length, 1, 'one lecture is live now');
  assert.match(live[0]!.joinUrl ?? '', /^https:\/\//);
  assert.ok(lectures.items.filter((l) => l.status !== 'live').every((l) => !l.joinUrl));
  const sorted = lectures.items.map((l) => l.startsAt);
  assert.deepEqual(sorted, [...sorted].sort());
  const week = (await (
    await me.request(
      `/education/v1/lectures?from=${new Date(env.clock.now().getTime() - 7 * 864e5).toISOString()}`,
    )
  ).json()) as { items: { kind: string; videos?: { size: number }[] }[] };
  assert.ok(week.items.some((l) => l.kind === 'recorded' && (l.videos?.length ?? 0) > 0));
  const announcements = (await (await me.request('/education/v1/announcements')).json()) as {
    items: unknown[];
  };
  assert.equal(announcements.items.length, 2);
  const attendance = await me.request('/education/v1/attendance');
  assert.equal(attendance.status, 200);
  // An hour later the live lecture has ended: statuses follow the clock.
  env.clock.advance(60 * 60 * 1000);
  const again = await signIn(env, 'cit_01');
  const later = (await (
    await again.request(
      `/education/v1/lectures?from=${new Date(env.clock.now().getTime() - 864e5).toISOString()}`,
    )
  ).json()) as { items: { id: string; status: string }[] };
  assert.equal(later.items.find((l) => l.id === 'lec_arabic_1')?.status, 'ended');
  assertNoViolations(env.sandbox);
});

test('a citizen who is not a student: 404 education.not-a-student, empty lists', async () => {
  const env = createTestSandbox();
  const me = await signIn(env, 'cit_02');
  const profile = await me.request('/education/v1/student');
  assert.equal(profile.status, 404);
  assert.equal((await problemOf(profile)).code, 'education.not-a-student');
  const courses = (await (await me.request('/education/v1/courses')).json()) as { total: number };
  assert.equal(courses.total, 0);
  const other = await me.request('/education/v1/courses/crs_arabic/materials');
  assert.equal(other.status, 404);
  assertNoViolations(env.sandbox);
});

test('materials: the listed checksum is the SHA-256 of the file; the size is its length', async () => {
  const { me, material } = await student();
  const response = await me.request(material.href);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('accept-ranges'), 'bytes');
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.equal(bytes.length, material.size);
  assert.equal(Number(response.headers.get('content-length')), material.size);
  assert.equal(await hex(bytes), material.checksum.value);
});

test('ranges: bytes=N-, N-M, -N, past the end (416), If-Range matching and not', async () => {
  const { env, me, material, controls } = await student();
  const whole = new Uint8Array(await (await me.request(material.href)).arrayBuffer());
  const etag = (await me.request(material.href, { method: 'HEAD' })).headers.get('etag')!;
  const from = await me.request(material.href, { headers: { Range: 'bytes=1000-' } });
  assert.equal(from.status, 206);
  assert.equal(
    from.headers.get('content-range'),
    `bytes 1000-${material.size - 1}/${material.size}`,
  );
  assert.deepEqual(new Uint8Array(await from.arrayBuffer()), whole.slice(1000));
  const middle = await me.request(material.href, { headers: { Range: 'bytes=10-19' } });
  assert.deepEqual(new Uint8Array(await middle.arrayBuffer()), whole.slice(10, 20));
  const last = await me.request(material.href, { headers: { Range: 'bytes=-5' } });
  assert.deepEqual(new Uint8Array(await last.arrayBuffer()), whole.slice(-5));
  const past = await me.request(material.href, { headers: { Range: `bytes=${material.size}-` } });
  assert.equal(past.status, 416);
  assert.equal(past.headers.get('content-range'), `bytes */${material.size}`);
  assert.equal((await problemOf(past)).code, 'range.not-satisfiable');
  const same = await me.request(material.href, {
    headers: { Range: 'bytes=100-', 'If-Range': etag },
  });
  assert.equal(same.status, 206);
  await same.arrayBuffer();
  controls.publishNewVersion(material.id);
  const changed = await me.request(material.href, {
    headers: { Range: 'bytes=100-', 'If-Range': etag },
  });
  assert.equal(changed.status, 200, 'a new version: the whole new file');
  assert.notEqual(changed.headers.get('etag'), etag);
  const fresh = new Uint8Array(await changed.arrayBuffer());
  const listed = (await (
    await me.request('/education/v1/courses/crs_arabic/materials')
  ).json()) as {
    items: Material[];
  };
  const now = listed.items.find((m) => m.id === material.id)!;
  assert.equal(now.version, 2);
  assert.equal(await hex(fresh), now.checksum.value);
  assertNoViolations(env.sandbox);
});

for (const fraction of [0.3, 0.6, 0.9]) {
  test(`a download cut at ${fraction * 100} % resumes with Range: the file is whole, nothing sent twice`, async () => {
    const { env, me, material, controls } = await student();
    controls.cutNextDownload(material.id, fraction);
    const first = await me.request(material.href);
    const etag = first.headers.get('etag')!;
    const part = await readAll(first);
    assert.equal(part.broke, true, 'the connection dropped');
    assert.equal(part.bytes.length, Math.floor(material.size * fraction));
    const rest = await me.request(material.href, {
      headers: { Range: `bytes=${part.bytes.length}-`, 'If-Range': etag },
    });
    assert.equal(rest.status, 206);
    const tail = new Uint8Array(await rest.arrayBuffer());
    const file = new Uint8Array(material.size);
    file.set(part.bytes);
    file.set(tail, part.bytes.length);
    assert.equal(await hex(file), material.checksum.value);
    assert.equal(controls.bytesServed(material.id), material.size);
    assertNoViolations(env.sandbox);
  });
}

test('a corrupted download no longer matches its checksum', async () => {
  const { me, material, controls } = await student();
  controls.corruptNextDownload(material.id);
  const bytes = new Uint8Array(await (await me.request(material.href)).arrayBuffer());
  assert.equal(bytes.length, material.size);
  assert.notEqual(await hex(bytes), material.checksum.value);
  const again = new Uint8Array(await (await me.request(material.href)).arrayBuffer());
  assert.equal(await hex(again), material.checksum.value, 'only the next download was corrupted');
});

test('three students: a college, a university and an evening secondary school', async () => {
  const env = createTestSandbox();
  const kinds: string[] = [];
  for (const id of ['cit_01', 'cit_23', 'cit_24']) {
    const me = await signIn(env, id);
    const profile = (await (await me.request('/education/v1/student')).json()) as {
      institution: { kind: string };
      stage: string;
    };
    kinds.push(`${profile.institution.kind} ${profile.stage}`);
  }
  assert.deepEqual(kinds, ['college year-2', 'university year-3', 'school grade-12']);
  assertNoViolations(env.sandbox);
});
