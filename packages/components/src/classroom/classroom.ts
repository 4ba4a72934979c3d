import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  unwrap,
  isEServicesError,
  type Announcement,
  type Course,
  type Lecture,
  type Material,
  type StudentProfile,
} from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { Announcer } from '../core/announcer.js';
import { FocusController } from '../core/focus.js';
import { IqErrorEvent } from '../core/events.js';
import type { Problem } from '../core/problem.js';
import { problemStyles } from '../core/problem-styles.js';
import { renderProblem } from '../core/problem-view.js';
import { RequestController } from '../core/request.js';
import { messages } from '../generated/messages/classroom.js';
import { classroomStyles } from './classroom.styles.js';
import { downloadMaterial, offlineStore, type SavedMaterial } from './download.js';
import {
  IqLectureJoinEvent,
  IqMaterialOpenEvent,
  IqMaterialSavedEvent,
  type ClassroomData,
} from './events.js';
import {
  lectureView,
  materialView,
  sizeText,
  weekdayName,
  type ShownDownload,
  type ViewContext,
} from './views.js';

const MINUTE = 60_000;

/**
 * Remote learning for a student of a university or a Ministry of Education school or college
 * (`openapi/education.yaml`): this week's lectures first — the one live now with "Join", the next
 * with a countdown, the rest of the week — then each course with its schedule and its study
 * materials, then announcements.
 *
 * Made for weak, metered connections: each material's size is shown before anything is
 * downloaded; "Save for offline" downloads it in a way that resumes after a dropped connection
 * (HTTP ranges: what arrived is never downloaded again), checks its SHA-256 and keeps it on the
 * device (Cache Storage), where it opens with no network. Storage used is shown and can be freed.
 * `data-saver` (on by default when the browser asks to save data) shows recordings in their
 * smallest quality.
 *
 * It fetches through the configured client, or shows the `data` property and fetches nothing.
 * Nothing the server sends is rendered as markup.
 *
 * @summary A student's lectures, courses and study materials, downloadable for offline use.
 *
 * @fires {IqLectureJoinEvent} iq-lecture-join - The student chose to join a live lecture: `lectureId`, `courseId`, `joinUrl`. Cancelable: the element opens `joinUrl` in a new tab unless prevented.
 * @fires {IqMaterialSavedEvent} iq-material-saved - A material was downloaded, checked and kept for offline use: `materialId`, `version`, `size`.
 * @fires {IqMaterialOpenEvent} iq-material-open - A saved material was opened from the device: `materialId`, `url` (an object URL), `mediaType`. Cancelable: the element opens it in a new tab unless prevented.
 * @fires {IqAuthRequiredEvent} iq-auth-required - The server answered 401: the student must sign in.
 * @fires {IqErrorEvent} iq-error - A request failed: `code`, `status`, `requestId` (no personal data).
 *
 * @csspart heading - The element's heading.
 * @csspart institution - Where the student studies, and the stage.
 * @csspart live - The lecture live now.
 * @csspart join - The button that joins a live lecture.
 * @csspart countdown - The time until the next lecture starts.
 * @csspart lectures - This week's lectures.
 * @csspart lecture - One lecture.
 * @csspart courses - The student's courses.
 * @csspart course - One course.
 * @csspart material - One study material.
 * @csspart size - A material's size.
 * @csspart save - The button that downloads a material for offline use.
 * @csspart progress - A download's progress.
 * @csspart cancel - The button that cancels a download.
 * @csspart open - The button that opens a saved material.
 * @csspart remove - The button that removes a saved material from the device.
 * @csspart storage - How much the saved materials take on the device, and "remove all".
 * @csspart announcements - The announcements.
 * @csspart offline - The notice shown with no network.
 * @csspart empty - A message shown when there is nothing to show.
 * @csspart problem - An error with its retry.
 *
 * @cssprop [--iq-classroom-max-width=52rem] - Largest width of the element (default `52rem`).
 */
export class IqClassroom extends IqElement {
  static override messages = messages;

  static override styles = [...IqElement.styles, problemStyles, classroomStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    dataSaver: { type: Boolean, attribute: 'data-saver', reflect: true },
    data: { attribute: false },
    profile: { state: true },
    notStudent: { state: true },
    courses: { state: true },
    lectures: { state: true },
    materials: { state: true },
    announcements: { state: true },
    problem: { state: true },
    saved: { state: true },
    offline: { state: true },
    now: { state: true },
  };

  /**
   * Data saver: recordings are offered in their smallest quality and nothing is fetched ahead.
   * On by default when the browser asks to save data (`navigator.connection.saveData`).
   */
  dataSaver =
    typeof navigator !== 'undefined' &&
    (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData ===
      true;

  /** What to show instead of fetching; materials given here still download through the client. */
  data?: ClassroomData;

  private profile: StudentProfile | null = null;
  private notStudent = false;
  private courses: readonly Course[] | null = null;
  private lectures: readonly Lecture[] | null = null;
  private materials: Readonly<Record<string, readonly Material[]>> = {};
  private announcements: readonly Announcement[] | null = null;
  private problem: Problem | null = null;
  private saved: ReadonlyMap<string, SavedMaterial> = new Map();
  private offline = typeof navigator !== 'undefined' && !navigator.onLine;
  private now = Date.now();

  readonly #load = new RequestController(this, () => this.api);
  readonly #focus = new FocusController(this);
  readonly #announcer = new Announcer(this);
  /** Downloads under way (or just ended), by material id. */
  readonly #downloads = new Map<
    string,
    { state: ShownDownload; abort: AbortController; step: number }
  >();
  readonly #urls: string[] = [];
  #started = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #online = (): void => {
    this.offline = !navigator.onLine;
    if (!this.offline && this.problem?.kind === 'offline') void this.refresh();
  };

  /** Fetches everything again (not with `data`). */
  async refresh(): Promise<void> {
    if (this.data) return;
    await this.#fetch();
  }

  /** The materials kept on this device for offline use. */
  async savedMaterials(): Promise<SavedMaterial[]> {
    return offlineStore.list();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#online);
    window.addEventListener('offline', this.#online);
    // The countdown moves each half minute (and is not announced at each step).
    this.#timer = setInterval(() => (this.now = Date.now()), MINUTE / 2);
    void this.#readSaved();
    if (this.#started && !this.data && this.profile === null && !this.problem && !this.notStudent)
      void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#online);
    window.removeEventListener('offline', this.#online);
    clearInterval(this.#timer);
    for (const { abort } of this.#downloads.values()) abort.abort();
    for (const url of this.#urls.splice(0)) URL.revokeObjectURL(url);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('data') && this.data) {
      this.profile = this.data.profile;
      this.courses = this.data.courses;
      this.lectures = this.data.lectures;
      this.materials = this.data.materials ?? {};
      this.announcements = this.data.announcements ?? [];
      this.notStudent = false;
      this.problem = null;
    }
    if (!this.#started && !this.data) {
      this.#started = true;
      void this.#fetch();
    }
  }

  // ---------------------------------------------------------------- fetching

  async #fetch(): Promise<void> {
    this.problem = null;
    this.#announcer.announce(msg('Loading your classroom…', { id: 'classroom.loading' }));
    const outcome = await this.#load.run(async (client, signal) => {
      const options = { signal };
      const profile = await client.education.GET('/student', options);
      if (profile.error?.code === 'education.not-a-student') return null;
      const [courses, lectures, announcements] = await Promise.all([
        client.education.GET('/courses', { ...options, params: { query: { limit: 50 } } }),
        client.education.GET('/lectures', { ...options, params: { query: { limit: 50 } } }),
        client.education.GET('/announcements', { ...options, params: { query: { limit: 20 } } }),
      ]);
      const list = unwrap(courses).items;
      const materials = await Promise.all(
        list.map((course) =>
          client.education
            .GET('/courses/{courseId}/materials', {
              ...options,
              params: { path: { courseId: course.id }, query: { limit: 50 } },
            })
            .then(unwrap),
        ),
      );
      return {
        profile: unwrap(profile),
        courses: list,
        lectures: unwrap(lectures).items,
        announcements: unwrap(announcements).items,
        materials: Object.fromEntries(list.map((c, i) => [c.id, materials[i]?.items ?? []])),
      };
    });
    if (!outcome) return;
    if (outcome.problem) {
      this.problem = outcome.problem;
      if (outcome.problem.kind === 'offline') this.offline = true;
      this.#announcer.clear();
      this.#focus.to('#problem');
      return;
    }
    const value = outcome.value;
    if (!value) {
      this.notStudent = true;
      this.#announcer.announce(
        msg('You are not registered as a student.', { id: 'classroom.not-student' }),
      );
      return;
    }
    this.notStudent = false;
    this.profile = value.profile;
    this.courses = value.courses;
    this.lectures = value.lectures;
    this.announcements = value.announcements;
    this.materials = value.materials;
    this.offline = false;
    this.#announcer.announce(msg('Your classroom is up to date.', { id: 'classroom.loaded' }));
  }

  async #readSaved(): Promise<void> {
    const saved = await offlineStore.list().catch(() => []);
    this.saved = new Map(saved.map((s) => [s.id, s]));
  }

  // ---------------------------------------------------------------- actions

  #join(lecture: Lecture): void {
    if (lecture.status !== 'live' || !lecture.joinUrl) return;
    const event = new IqLectureJoinEvent(lecture.id, lecture.courseId, lecture.joinUrl);
    if (this.dispatchEvent(event)) window.open(lecture.joinUrl, '_blank', 'noopener,noreferrer');
  }

  async #save(material: Material): Promise<void> {
    const client = this.api;
    if (!client || this.#downloads.get(material.id)?.state.phase === 'downloading') return;
    const abort = new AbortController();
    const entry: { state: ShownDownload; abort: AbortController; step: number } = {
      state: { phase: 'downloading', received: 0, total: material.size },
      abort,
      step: 0,
    };
    this.#downloads.set(material.id, entry);
    this.requestUpdate();
    const title = material.title;
    this.#announcer.announce(msg(str`Downloading ${title}…`, { id: 'classroom.download.started' }));
    try {
      const result = await downloadMaterial(client, material, {
        signal: abort.signal,
        onState: (state) => {
          entry.state = state;
          this.requestUpdate();
          // Announced at each quarter, not at each chunk.
          if (state.phase === 'downloading' && state.total > 0) {
            const step = Math.floor((state.received / state.total) * 4);
            if (step > entry.step && step < 4) {
              entry.step = step;
              const percent = this.format.number(step * 25);
              this.#announcer.announce(
                msg(str`${percent} % downloaded`, { id: 'classroom.download.progress' }),
              );
            }
          }
        },
      });
      if (result.phase === 'done') {
        await offlineStore.save(result.material, result.file);
        if (result.material !== material) this.#replace(result.material);
        await this.#readSaved();
        this.#downloads.delete(material.id);
        this.#announcer.announce(
          msg(str`${title} is saved on this device.`, { id: 'classroom.download.saved' }),
        );
        this.dispatchEvent(
          new IqMaterialSavedEvent(material.id, result.material.version, result.material.size),
        );
        this.#focus.to(`#open-${material.id}`);
      } else if (result.phase === 'corrupt') {
        this.#announcer.announce(
          msg('The file arrived damaged and was not kept. Try again.', {
            id: 'classroom.download.corrupt',
          }),
        );
        this.#focus.to(`#save-${material.id}`);
      } else if (result.phase === 'cancelled') {
        this.#downloads.delete(material.id);
        this.#announcer.announce(
          msg('Download cancelled.', { id: 'classroom.download.cancelled' }),
        );
        this.#focus.to(`#save-${material.id}`);
      }
    } catch (error) {
      if (!isEServicesError(error)) throw error;
      this.dispatchEvent(IqErrorEvent.from(error));
      entry.state = { phase: 'failed' };
      this.#announcer.announce(
        msg('The download stopped: the connection did not come back. Try again.', {
          id: 'classroom.download.stopped',
        }),
      );
      this.#focus.to(`#save-${material.id}`);
    }
    this.requestUpdate();
  }

  /** A material's newer record (a version published during its download), in its course's list. */
  #replace(material: Material): void {
    const list = this.materials[material.courseId];
    if (!list) return;
    this.materials = {
      ...this.materials,
      [material.courseId]: list.map((m) => (m.id === material.id ? material : m)),
    };
  }

  #cancel(material: Material): void {
    this.#downloads.get(material.id)?.abort.abort();
  }

  async #open(material: Material): Promise<void> {
    const blob = await offlineStore.open(material.id);
    if (!blob) return void (await this.#readSaved());
    const url = URL.createObjectURL(blob);
    this.#urls.push(url);
    const event = new IqMaterialOpenEvent(material.id, url, material.mediaType);
    if (this.dispatchEvent(event)) window.open(url, '_blank', 'noopener');
  }

  async #remove(material: Material): Promise<void> {
    await offlineStore.remove(material.id);
    await this.#readSaved();
    const title = material.title;
    this.#announcer.announce(
      msg(str`${title} was removed from this device.`, { id: 'classroom.removed' }),
    );
    this.#focus.to(`#save-${material.id}`);
  }

  async #removeAll(): Promise<void> {
    await offlineStore.clear();
    await this.#readSaved();
    this.#announcer.announce(
      msg('Every saved material was removed from this device.', { id: 'classroom.removed-all' }),
    );
    this.#focus.to('#heading');
  }

  // ---------------------------------------------------------------- templates

  #context(): ViewContext {
    return {
      format: this.format,
      now: this.now,
      dataSaver: this.dataSaver,
      offline: this.offline,
      saved: this.saved,
      download: (id) => this.#downloads.get(id)?.state,
      join: (lecture) => this.#join(lecture),
      save: (material) => void this.#save(material),
      cancel: (material) => this.#cancel(material),
      open: (material) => void this.#open(material),
      remove: (material) => void this.#remove(material),
    };
  }

  #renderWeek(lectures: readonly Lecture[], context: ViewContext): TemplateResult {
    const live = lectures.find((l) => l.status === 'live');
    const next = lectures.find((l) => l.status === 'upcoming');
    const rest = lectures.filter((l) => l !== live);
    return html`<section aria-labelledby="week-heading" class="week">
      <h3 id="week-heading">${msg('This week', { id: 'classroom.week' })}</h3>
      ${
        live
          ? html`<div class="live" part="live">${lectureView(live, context, { live: true })}</div>`
          : nothing
      }
      ${next && !live ? html`<p class="next">${lectureView(next, context, { next: true })}</p>` : nothing}
      ${
        rest.length
          ? html`<ol class="lectures" part="lectures">
              ${rest.map((l) => html`<li>${lectureView(l, context, { next: l === next })}</li>`)}
            </ol>`
          : html`<p class="empty muted" part="empty">
              ${msg('No lectures this week.', { id: 'classroom.week.empty' })}
            </p>`
      }
    </section>`;
  }

  #renderCourses(courses: readonly Course[], context: ViewContext): TemplateResult {
    return html`<section aria-labelledby="courses-heading">
      <h3 id="courses-heading">${msg('Courses and materials', { id: 'classroom.courses' })}</h3>
      <ul class="courses" part="courses">
        ${courses.map((course) => {
          const materials = this.materials[course.id] ?? [];
          const slots = course.schedule.map(
            (slot) =>
              `${weekdayName(slot.weekday)} ${this.format.digits(slot.start)}–${this.format.digits(slot.end)}`,
          );
          return html`<li class="course" part="course">
            <h4 id="course-${course.id}">${course.title}</h4>
            <p class="muted">
              <bdi>${course.teacher}</bdi> ·
              <bdi dir="ltr">${course.code}</bdi>
            </p>
            ${slots.length ? html`<p class="muted">${this.format.list(slots)}</p>` : nothing}
            ${
              materials.length
                ? html`<ul class="materials" aria-labelledby="course-${course.id}">
                    ${materials.map((m) => html`<li>${materialView(m, context)}</li>`)}
                  </ul>`
                : html`<p class="empty muted" part="empty">
                    ${msg('No materials yet.', { id: 'classroom.materials.empty' })}
                  </p>`
            }
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #renderStorage(): TemplateResult | typeof nothing {
    if (!this.saved.size) return nothing;
    const used = sizeText(
      this.format,
      [...this.saved.values()].reduce((sum, s) => sum + s.size, 0),
    );
    const count = this.format.number(this.saved.size);
    return html`<div class="storage" part="storage">
      <p>${msg(str`Saved on this device: ${count} · ${used}`, { id: 'classroom.storage' })}</p>
      <button type="button" class="secondary" @click=${() => void this.#removeAll()}>
        ${msg('Remove all saved materials', { id: 'classroom.remove-all' })}
      </button>
    </div>`;
  }

  #renderAnnouncements(items: readonly Announcement[]): TemplateResult | typeof nothing {
    if (!items.length) return nothing;
    return html`<section aria-labelledby="announcements-heading" part="announcements">
      <h3 id="announcements-heading">${msg('Announcements', { id: 'classroom.announcements' })}</h3>
      <ul class="announcements">
        ${items.map(
          (a) =>
            html`<li>
              <h4>${a.title}</h4>
              <p class="muted">${this.format.date(a.publishedAt)}</p>
              <p>${a.body}</p>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  /** With no network and nothing loaded: what is saved on the device. */
  #renderOfflineSaved(context: ViewContext): TemplateResult {
    const known = new Map(
      Object.values(this.materials)
        .flat()
        .map((m) => [m.id, m]),
    );
    const saved = [...this.saved.values()].map(
      (s) =>
        known.get(s.id) ??
        // Known only from the device: its id stands for its title.
        ({
          id: s.id,
          courseId: '',
          title: s.id,
          type: 'pdf',
          mediaType: s.mediaType as Material['mediaType'],
          size: s.size,
          checksum: { algorithm: 'sha-256', value: '' },
          version: s.version,
          publishedAt: '',
          href: '',
        } as Material),
    );
    return html`<section aria-labelledby="saved-heading">
      <h3 id="saved-heading">${msg('Saved on this device', { id: 'classroom.saved' })}</h3>
      ${
        saved.length
          ? html`<ul class="materials">
              ${saved.map((m) => html`<li>${materialView(m, context)}</li>`)}
            </ul>`
          : html`<p class="empty muted" part="empty">
              ${msg('Nothing is saved on this device yet.', { id: 'classroom.saved.empty' })}
            </p>`
      }
    </section>`;
  }

  protected override render(): TemplateResult {
    const context = this.#context();
    const loading = this.#load.pending && this.profile === null;
    return html`<div class="root" aria-busy=${loading ? 'true' : 'false'}>
        <h2 id="heading" part="heading" tabindex="-1">
          ${msg('Classroom', { id: 'classroom.heading' })}
        </h2>
        ${
          this.profile
            ? html`<p class="muted" part="institution">
                ${this.profile.institution.name} ·
                ${stageText(this.profile.stage, this.format.number.bind(this.format))}
              </p>`
            : nothing
        }
        ${
          this.offline
            ? html`<p class="offline" part="offline" role="status">
                ${msg('You are offline. Saved materials still open.', { id: 'classroom.offline' })}
              </p>`
            : nothing
        }
        ${
          this.problem
            ? renderProblem(this.problem, {
                retry: () => void this.refresh(),
                text:
                  this.problem.kind === 'auth'
                    ? msg('Sign in to see your classroom.', { id: 'classroom.problem.auth' })
                    : undefined,
              })
            : nothing
        }
        ${
          this.notStudent
            ? html`<p class="empty" part="empty">
                ${msg('You are not registered as a student.', { id: 'classroom.not-student' })}
              </p>`
            : nothing
        }
        ${loading ? html`<p class="muted">${msg('Loading your classroom…', { id: 'classroom.loading' })}</p>` : nothing}
        ${this.lectures ? this.#renderWeek(this.lectures, context) : nothing}
        ${this.courses ? this.#renderCourses(this.courses, context) : nothing}
        ${this.offline && !this.courses ? this.#renderOfflineSaved(context) : nothing}
        ${this.#renderStorage()}
        ${this.announcements ? this.#renderAnnouncements(this.announcements) : nothing}
      </div>
      ${this.#announcer.render()}`;
  }
}

/** "Year 2", "Grade 11" in the locale's digits. */
function stageText(stage: string, number: (n: number) => string): string {
  const [kind, n] = stage.split('-');
  const value = number(Number(n));
  return kind === 'grade'
    ? msg(str`Grade ${value}`, { id: 'classroom.stage.grade' })
    : msg(str`Year ${value}`, { id: 'classroom.stage.year' });
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-classroom': IqClassroom;
  }
}
