import { STUDENTS, type SeedStudent } from '../data/education.js';
import type { SandboxState } from '../state.js';
import type { Lang, OperationContext, ServiceModule } from '../types.js';
import { pageOf } from './paging.js';

/**
 * Remote learning (`openapi/education.yaml`). Lectures are placed around the sandbox clock's now,
 * so that one is always live, one is later today and others are this week, whenever a test or a
 * demo looks. Material files are made from their id and version by a seeded generator (nothing
 * large is stored) and served with HTTP ranges (`206`, `416`, `If-Range`), so that a download cut
 * by a dropped connection resumes. Test controls ({@link educationControls}) count the bytes
 * served, cut or corrupt the next download of a material, and publish a new version.
 */

/** What the sandbox keeps of remote learning: versions, bytes served, the next downloads' faults. */
export interface EducationState {
  /** Each material's version, when it is not 1. */
  versions: Record<string, number>;
  /** Bytes of each material's file sent so far (every answer's body, whole or partial). */
  served: Record<string, number>;
  /** What the next downloads of a material suffer, in order: cut after a fraction, or one byte changed. */
  faults: { materialId: string; kind: 'cut' | 'corrupt'; fraction?: number }[];
  /**
   * The time the lectures are placed around (ms): set when remote learning is first asked for,
   * and again once it is a week old, so that lectures start, go live and end as the clock moves.
   */
  anchor?: number;
}

/** The seeded remote learning state. */
export const seedEducation = (): EducationState => ({ versions: {}, served: {}, faults: [] });

const education = (state: SandboxState): EducationState => (state.education ??= seedEducation());

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  video: 'video/mp4',
  audio: 'audio/mpeg',
  slides: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const studentOf = (ctx: OperationContext): SeedStudent | undefined =>
  STUDENTS.find((s) => s.citizenId === ctx.citizen?.id);

/** A small, stable number from a text (the same on every run). */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A material's bytes at a version: a file signature, then a seeded pseudo-random stream. */
export function materialBytes(
  materialId: string,
  version: number,
  size: number,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  let x = hash(`${materialId}@${version}`) || 1;
  for (let i = 0; i < size; i++) {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  const signature = new TextEncoder().encode(`%IQ-MATERIAL ${materialId} v${version}\n`);
  bytes.set(signature.subarray(0, size));
  return bytes;
}

const digests = new Map<string, Promise<string>>();

/** The SHA-256 of a material's bytes at a version, lowercase hex (computed once). */
function checksumOf(materialId: string, version: number, size: number): Promise<string> {
  const key = `${materialId}@${version}`;
  let digest = digests.get(key);
  if (!digest) {
    const bytes = materialBytes(materialId, version, size);
    digest = crypto.subtle
      .digest('SHA-256', bytes)
      .then((d) => [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    digests.set(key, digest);
  }
  return digest;
}

/** Where the lectures are placed: the anchor, renewed when it is a week old. */
function anchorOf(state: SandboxState, now: number): number {
  const learning = education(state);
  if (
    learning.anchor === undefined ||
    now - learning.anchor > 6 * DAY ||
    now < learning.anchor - DAY
  )
    learning.anchor = Math.floor(now / (5 * MINUTE)) * 5 * MINUTE;
  return learning.anchor;
}

/**
 * The lectures of a student around `base` (the anchor): one live at it, one two hours later, more
 * this week, recorded ones before; statuses at `now`.
 */
function lecturesOf(student: SeedStudent, base: number, now: number, lang: Lang) {
  const [a, b = a, c = a] = student.courses;
  const plan = [
    { course: a!, n: 1, start: base - 20 * MINUTE, minutes: 60, kind: 'live' as const },
    { course: b!, n: 2, start: base + 2 * 60 * MINUTE, minutes: 90, kind: 'live' as const },
    { course: c!, n: 3, start: base + DAY + 60 * MINUTE, minutes: 60, kind: 'live' as const },
    { course: a!, n: 4, start: base + 3 * DAY, minutes: 60, kind: 'live' as const },
    { course: b!, n: 5, start: base - DAY, minutes: 60, kind: 'live' as const },
    { course: b!, n: 6, start: base - 2 * DAY, minutes: 45, kind: 'recorded' as const },
    { course: a!, n: 7, start: base - 5 * DAY, minutes: 50, kind: 'recorded' as const },
  ];
  const words = { ar: 'المحاضرة', ckb: 'وانەی', en: 'Lecture' }[lang];
  return plan
    .map(({ course, n, start, minutes, kind }) => {
      const end = start + minutes * MINUTE;
      const status = now < start ? 'upcoming' : now < end ? 'live' : 'ended';
      const id = `lec_${course.id.slice(4)}_${n}`;
      return {
        id,
        courseId: course.id,
        title: `${course.title[lang]} — ${words} ${n}`,
        kind,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(end).toISOString(),
        status,
        ...(status === 'live' && kind === 'live'
          ? { joinUrl: `https://meet.example.edu.iq/join/${id}` }
          : {}),
        ...(kind === 'recorded'
          ? {
              durationSeconds: minutes * 60,
              videos: (
                [
                  ['240p', 160_000],
                  ['360p', 320_000],
                  ['720p', 1_100_000],
                ] as const
              ).map(([quality, perMinute]) => ({
                quality,
                size: perMinute * minutes,
                href: `https://media.example.edu.iq/recordings/${id}/${quality}.mp4`,
              })),
            }
          : {}),
      };
    })
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt));
}

/** A material as the contract gives it, at its current version. */
async function materialView(ctx: OperationContext, m: SeedStudent['materials'][number]) {
  const version = education(ctx.state).versions[m.id] ?? 1;
  return {
    id: m.id,
    courseId: m.courseId,
    title: m.title[ctx.lang],
    type: m.type,
    mediaType: MEDIA_TYPES[m.type],
    size: m.size,
    checksum: { algorithm: 'sha-256', value: await checksumOf(m.id, version, m.size) },
    version,
    publishedAt: new Date(
      ctx.now.getTime() - m.publishedDaysAgo * DAY - (version - 1) * 60 * MINUTE,
    ).toISOString(),
    href: `/education/v1/materials/${m.id}/file`,
  };
}

/** The one range of a `Range` header, resolved against `size`; null when there is none to honour. */
function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const last = Number(match[2]);
    if (last === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - last), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end };
}

/** Remote learning (`openapi/education.yaml`). */
export const educationService: ServiceModule = {
  name: 'education',
  handlers: {
    getStudentProfile: (ctx) => {
      const student = studentOf(ctx);
      if (!student || !ctx.citizen) return ctx.problem(404, 'education.not-a-student');
      return ctx.json(200, {
        id: student.id,
        name: ctx.lang === 'en' ? ctx.citizen.nameLatin : ctx.citizen.nameAr,
        institution: { ...student.institution, name: student.institution.name[ctx.lang] },
        stage: student.stage,
        enrolments: student.courses.map((c) => ({ courseId: c.id })),
      });
    },
    listCourses: (ctx) =>
      pageOf(
        ctx,
        (studentOf(ctx)?.courses ?? []).map((c) => ({
          id: c.id,
          code: c.code,
          title: c.title[ctx.lang],
          teacher: c.teacher[ctx.lang],
          schedule: c.schedule,
          timeZone: 'Asia/Baghdad',
        })),
      ),
    listLectures: (ctx) => {
      const now = ctx.now.getTime();
      const { from, to, courseId } = ctx.query as { from?: string; to?: string; courseId?: string };
      // By default from the start of today in Baghdad (UTC+3, no daylight saving), for a week.
      const BAGHDAD = 3 * 60 * MINUTE;
      const start = from ? Date.parse(from) : Math.floor((now + BAGHDAD) / DAY) * DAY - BAGHDAD;
      const end = to ? Date.parse(to) : start + 7 * DAY;
      if (end < start || end - start > 31 * DAY) {
        return ctx.problem(422, 'validation.failed', {
          errors: [{ pointer: '/query/to', code: 'range', detail: 'from ≤ to ≤ from + 31 days' }],
        });
      }
      const student = studentOf(ctx);
      const lectures = student ? lecturesOf(student, anchorOf(ctx.state, now), now, ctx.lang) : [];
      return pageOf(
        ctx,
        lectures.filter((l) => {
          const at = Date.parse(l.startsAt);
          return at >= start && at < end && (!courseId || l.courseId === courseId);
        }),
        20,
      );
    },
    listMaterials: async (ctx) => {
      const student = studentOf(ctx);
      const courseId = ctx.path['courseId'];
      if (!student?.courses.some((c) => c.id === courseId)) return ctx.problem(404, 'not-found');
      const materials = student.materials
        .filter((m) => m.courseId === courseId)
        .sort((a, b) => a.publishedDaysAgo - b.publishedDaysAgo);
      return pageOf(ctx, await Promise.all(materials.map((m) => materialView(ctx, m))));
    },
    downloadMaterial: async (ctx) => {
      const material = studentOf(ctx)?.materials.find((m) => m.id === ctx.path['materialId']);
      if (!material) return ctx.problem(404, 'not-found');
      const state = education(ctx.state);
      const version = state.versions[material.id] ?? 1;
      const size = material.size;
      const digest = await checksumOf(material.id, version, size);
      const etag = `"sha256-${digest.slice(0, 16)}-v${version}"`;
      const ifRange = ctx.headers.get('if-range');
      const range = ifRange && ifRange !== etag ? null : parseRange(ctx.headers.get('range'), size);
      if (range === 'unsatisfiable') {
        return ctx.problem(416, 'range.not-satisfiable', {
          headers: { 'Content-Range': `bytes */${size}` },
        });
      }
      const { start, end } = range ?? { start: 0, end: size - 1 };
      const bytes = materialBytes(material.id, version, size).slice(start, end + 1);
      const faultAt = state.faults.findIndex((f) => f.materialId === material.id);
      const fault = faultAt === -1 ? undefined : state.faults.splice(faultAt, 1)[0];
      if (fault?.kind === 'corrupt' && bytes.length > 0) {
        const at = bytes.length >> 1;
        bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      }
      // Where a cut falls: after this fraction of the whole file (counted from the first byte).
      const cutAt =
        fault?.kind === 'cut'
          ? Math.max(0, Math.floor(size * (fault.fraction ?? 0.5)) - start)
          : -1;
      const headers: Record<string, string> = {
        'Content-Type': 'application/octet-stream',
        'Accept-Ranges': 'bytes',
        ETag: etag,
        'Content-Length': String(bytes.length),
      };
      if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      const CHUNK = 64 * 1024;
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const limit = cutAt >= 0 ? Math.min(bytes.length, cutAt) : bytes.length;
          if (sent >= limit) {
            if (cutAt >= 0 && limit < bytes.length)
              controller.error(new TypeError('connection dropped by a sandbox fault'));
            else controller.close();
            return;
          }
          const chunk = bytes.subarray(sent, Math.min(limit, sent + CHUNK));
          sent += chunk.length;
          state.served[material.id] = (state.served[material.id] ?? 0) + chunk.length;
          controller.enqueue(chunk);
        },
      });
      return new Response(ctx.request.method === 'HEAD' ? null : body, {
        status: range ? 206 : 200,
        headers,
      });
    },
    listAttendance: (ctx) => {
      const student = studentOf(ctx);
      const courseId = ctx.query['courseId'] as string | undefined;
      const now = ctx.now.getTime();
      const ended = student
        ? lecturesOf(student, anchorOf(ctx.state, now), now, ctx.lang).filter(
            (l) =>
              l.status === 'ended' && l.kind === 'live' && (!courseId || l.courseId === courseId),
          )
        : [];
      return pageOf(
        ctx,
        ended.reverse().map((l) => ({
          lectureId: l.id,
          courseId: l.courseId,
          date: l.startsAt.slice(0, 10),
          status: (['present', 'present', 'excused', 'absent'] as const)[hash(l.id) % 4],
        })),
      );
    },
    listAnnouncements: (ctx) => {
      const now = ctx.now.getTime();
      return pageOf(
        ctx,
        (studentOf(ctx)?.announcements ?? []).map((a) => ({
          id: a.id,
          ...(a.courseId ? { courseId: a.courseId } : {}),
          title: a.title[ctx.lang],
          body: a.body[ctx.lang],
          publishedAt: new Date(now - a.daysAgo * DAY).toISOString(),
        })),
      );
    },
  },
};

/**
 * Test controls of remote learning, on a sandbox's live state: bytes served per material, and
 * what the next download of a material suffers.
 */
export function educationControls(sandbox: { readonly state: SandboxState }) {
  const state = () => education(sandbox.state);
  return {
    /** Bytes of `materialId`'s file sent so far, every answer counted. */
    bytesServed: (materialId: string): number => state().served[materialId] ?? 0,
    /** Forgets the counts. */
    resetCounters: (): void => void (state().served = {}),
    /** The next download of `materialId` drops its connection after `fraction` of the file. */
    cutNextDownload: (materialId: string, fraction: number): void =>
      void state().faults.push({ materialId, kind: 'cut', fraction }),
    /** The next download of `materialId` has one byte changed (its checksum no longer matches). */
    corruptNextDownload: (materialId: string): void =>
      void state().faults.push({ materialId, kind: 'corrupt' }),
    /** Publishes a new version of `materialId`: other bytes, checksum and `ETag`. */
    publishNewVersion: (materialId: string): number =>
      (state().versions[materialId] = (state().versions[materialId] ?? 1) + 1),
  };
}
