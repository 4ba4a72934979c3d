import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Lecture, Material } from '@iq-eservices/api';
import type { Formatter } from '../core/format.js';
import type { DownloadState, SavedMaterial } from './download.js';

/** A download as shown: its state, or `failed` once it gave up (the connection did not come back). */
export type ShownDownload = DownloadState | { phase: 'failed' };

/** What the views of `<iq-classroom>` read and call. */
export interface ViewContext {
  format: Formatter;
  /** The time the countdown counts from (ms). */
  now: number;
  dataSaver: boolean;
  offline: boolean;
  saved: ReadonlyMap<string, SavedMaterial>;
  download(id: string): ShownDownload | undefined;
  join(lecture: Lecture): void;
  save(material: Material): void;
  cancel(material: Material): void;
  open(material: Material): void;
  remove(material: Material): void;
}

const KB = 1024;
const MB = KB * KB;

/** A size as a student reads it: "12.4 MB", "45 KB", in the locale's digits. */
export function sizeText(format: Formatter, bytes: number): string {
  if (bytes >= MB) {
    const n = format.number(bytes / MB, { maximumFractionDigits: 1 });
    return msg(str`${n} MB`, { id: 'classroom.size.mb' });
  }
  const n = format.number(Math.max(1, Math.round(bytes / KB)));
  return msg(str`${n} KB`, { id: 'classroom.size.kb' });
}

/** A day of the week by its number (0 Sunday … 6 Saturday). */
export function weekdayName(day: number): string {
  const names = [
    () => msg('Sunday', { id: 'classroom.day.0' }),
    () => msg('Monday', { id: 'classroom.day.1' }),
    () => msg('Tuesday', { id: 'classroom.day.2' }),
    () => msg('Wednesday', { id: 'classroom.day.3' }),
    () => msg('Thursday', { id: 'classroom.day.4' }),
    () => msg('Friday', { id: 'classroom.day.5' }),
    () => msg('Saturday', { id: 'classroom.day.6' }),
  ];
  return names[day]?.() ?? '';
}

/** "Starts in 1 h 55 min", "Starts in 5 min". */
function countdown(format: Formatter, ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const m = format.number(minutes % 60);
  if (minutes < 60) return msg(str`Starts in ${m} min`, { id: 'classroom.countdown.minutes' });
  const h = format.number(Math.floor(minutes / 60));
  return msg(str`Starts in ${h} h ${m} min`, { id: 'classroom.countdown.hours' });
}

/** One lecture: title, course, day and time; "Join" when live; the countdown when next. */
export function lectureView(
  lecture: Lecture,
  context: ViewContext,
  { live = false, next = false }: { live?: boolean; next?: boolean } = {},
): TemplateResult {
  const { format } = context;
  const when = `${format.date(lecture.startsAt)} · ${format.time(lecture.startsAt)}–${format.time(lecture.endsAt)}`;
  const video = lecture.videos?.length
    ? context.dataSaver
      ? lecture.videos[0]
      : (lecture.videos.find((v) => v.quality === '360p') ?? lecture.videos[0])
    : undefined;
  return html`<article class="lecture" part="lecture" data-status=${lecture.status}>
    <p class="lecture-title">
      ${
        live
          ? html`<span class="badge">${msg('Live now', { id: 'classroom.live' })}</span>`
          : nothing
      }
      <bdi>${lecture.title}</bdi>
    </p>
    <p class="muted">${when}</p>
    ${
      next && lecture.status === 'upcoming'
        ? html`<p class="countdown" part="countdown">
            ${countdown(format, Date.parse(lecture.startsAt) - context.now)}
          </p>`
        : nothing
    }
    ${
      lecture.status === 'live' && lecture.joinUrl
        ? html`<button type="button" part="join" @click=${() => context.join(lecture)}>
            ${msg('Join the lecture', { id: 'classroom.join' })}
            <span class="visually-hidden">${lecture.title}</span>
          </button>`
        : nothing
    }
    ${
      lecture.kind === 'recorded' && video
        ? html`<p>
            <a href=${video.href} target="_blank" rel="noopener noreferrer" class="link">
              ${msg('Watch the recording', { id: 'classroom.watch' })}
              <span class="visually-hidden">${lecture.title}</span>
            </a>
            <span class="muted">
              (<bdi dir="ltr">${video.quality}</bdi> · ${sizeText(format, video.size)})
            </span>
          </p>`
        : nothing
    }
  </article>`;
}

/** The words for a material's type. */
function typeText(type: Material['type']): string {
  switch (type) {
    case 'pdf':
      return msg('PDF document', { id: 'classroom.type.pdf' });
    case 'video':
      return msg('Video', { id: 'classroom.type.video' });
    case 'audio':
      return msg('Audio', { id: 'classroom.type.audio' });
    case 'slides':
      return msg('Slides', { id: 'classroom.type.slides' });
  }
}

/**
 * One material: title, type and size before anything is downloaded; then "Save for offline",
 * the download's progress with "Cancel", or, once saved, "Open" and "Remove".
 */
export function materialView(material: Material, context: ViewContext): TemplateResult {
  const { format } = context;
  const state = context.download(material.id);
  const saved = context.saved.get(material.id);
  const current = saved && saved.version === material.version;
  const titleId = `material-${material.id}`;
  let actions: TemplateResult;
  if (state?.phase === 'downloading' || state?.phase === 'interrupted') {
    const { received, total } = state;
    const percent = format.number(total ? Math.floor((received / total) * 100) : 0);
    const left = sizeText(format, Math.max(0, total - received));
    actions = html`<div class="download">
      <progress
        part="progress"
        max=${total}
        .value=${received}
        aria-labelledby=${titleId}
      ></progress>
      <p class="muted" aria-hidden="true">
        ${
          state.phase === 'interrupted'
            ? msg('Connection lost: going on when it is back…', {
                id: 'classroom.download.waiting',
              })
            : msg(str`${percent} % · ${left} left`, { id: 'classroom.download.status' })
        }
      </p>
      <button
        type="button"
        class="secondary"
        part="cancel"
        @click=${() => context.cancel(material)}
      >
        ${msg('Cancel', { id: 'classroom.cancel' })}
        <span class="visually-hidden">${material.title}</span>
      </button>
    </div>`;
  } else if (current) {
    actions = html`<div class="actions">
      <button
        type="button"
        id="open-${material.id}"
        part="open"
        @click=${() => context.open(material)}
      >
        ${msg('Open', { id: 'classroom.open' })}
        <span class="visually-hidden">${material.title}</span>
      </button>
      <button
        type="button"
        class="secondary"
        part="remove"
        @click=${() => context.remove(material)}
      >
        ${msg('Remove from this device', { id: 'classroom.remove' })}
        <span class="visually-hidden">${material.title}</span>
      </button>
    </div>`;
  } else {
    actions = html`<div class="actions">
      ${
        state?.phase === 'corrupt'
          ? html`<p class="error" role="alert">
              ${msg('The file arrived damaged and was not kept. Try again.', {
                id: 'classroom.download.corrupt',
              })}
            </p>`
          : state?.phase === 'failed'
            ? html`<p class="error" role="alert">
                ${msg('The download stopped: the connection did not come back. Try again.', {
                  id: 'classroom.download.stopped',
                })}
              </p>`
            : nothing
      }
      ${
        saved && !current
          ? html`<p class="muted">
              ${msg('A newer version was published.', { id: 'classroom.newer' })}
            </p>`
          : nothing
      }
      <button
        type="button"
        id="save-${material.id}"
        part="save"
        aria-disabled=${context.offline ? 'true' : 'false'}
        @click=${() => (context.offline ? undefined : context.save(material))}
      >
        ${msg('Save for offline', { id: 'classroom.save' })}
        <span class="visually-hidden">${material.title}</span>
      </button>
    </div>`;
  }
  return html`<article class="material" part="material" data-material=${material.id}>
    <p id=${titleId} class="material-title"><bdi>${material.title}</bdi></p>
    <p class="muted">
      ${typeText(material.type)} ·
      <span part="size">${sizeText(format, material.size)}</span>
    </p>
    ${actions}
  </article>`;
}
