import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { TrackedRequest } from '@iq-eservices/api';
import { ltr, toDate, type Formatter } from '../core/format.js';
import type { Labels } from '../core/labels.js';
import { stripBidiControls } from '../core/normalize.js';
import {
  INFORMATION,
  KINDS,
  NEXT_ACTIONS,
  REJECTIONS,
  RESULTS,
  SERVICES,
  STATUSES,
} from './labels.js';

// The render functions of `<iq-my-requests>`: one request, its timeline, the filters and the
// look-up form. Server data is bound as text only, cleaned of bidirectional controls.

/** A code's message, or the code as the server sent it (a contract that grew). */
export const label = (labels: Labels, code: string): string =>
  labels[code]?.() ?? stripBidiControls(code);

/** The steps still to come after a status, for the timeline. */
const UPCOMING: Readonly<Record<string, readonly string[]>> = {
  submitted: ['under-review', 'decision'],
  'under-review': ['decision'],
};

/** A DOM id safe to build from a reference number (anything else is dropped). */
export const itemId = (prefix: string, request: TrackedRequest): string =>
  `${prefix}-${request.referenceNumber.replace(/[^A-Za-z0-9-]/g, '')}`;

/** A date as the citizen reads it; nothing for a value that is not a date. */
const day = (format: Formatter, value: string): string =>
  Number.isNaN(toDate(value).getTime()) ? '' : format.date(value);

/** The timeline: every status reached, the current one marked, then the steps to come. */
function timeline(request: TrackedRequest, format: Formatter): TemplateResult {
  const last = request.timeline.length - 1;
  const upcoming = UPCOMING[request.status] ?? [];
  return html`<ol class="timeline" part="timeline">
    ${request.timeline.map(
      (entry, i) =>
        html`<li class="done" aria-current=${i === last ? 'step' : nothing}>
          <span class="step-status">${label(STATUSES, entry.status)}</span>
          <span class="muted">${day(format, entry.at)}</span>
        </li>`,
    )}
    ${upcoming.map(
      (step) =>
        html`<li class="upcoming">
          <span class="step-status"
            >${
              step === 'decision'
                ? msg('Decision', { id: 'my-requests.timeline.decision' })
                : label(STATUSES, step)
            }</span
          >
          <span class="muted">${msg('Not yet', { id: 'my-requests.timeline.not-yet' })}</span>
        </li>`,
    )}
  </ol>`;
}

/** What the host gives a request's view: formatting and the "continue" action. */
export interface RequestViewContext {
  format: Formatter;
  /** The citizen chose to give what a `needs-information` request waits for. */
  continueRequest: (request: TrackedRequest) => void;
  /** Prefix of the DOM ids of the request's view (`r` in the list, `found` for the look-up). */
  idPrefix: string;
}

/** One request: what it is, its reference number, where it stands, what came of it, what next. */
export function requestView(request: TrackedRequest, ctx: RequestViewContext): TemplateResult {
  const { format } = ctx;
  const id = itemId(ctx.idPrefix, request);
  const needs = request.status === 'needs-information' ? request.informationNeeded : null;
  const kind = label(KINDS, request.kind);
  return html`<article
    class="request"
    part="request"
    aria-labelledby=${`${id}-title`}
    data-status=${request.status}
  >
    <h3 id=${`${id}-title`} tabindex="-1">${kind}</h3>
    <dl class="facts">
      <div>
        <dt>${msg('Reference number', { id: 'my-requests.reference' })}</dt>
        <dd>
          <bdi dir="ltr" class="reference" part="reference"
            >${stripBidiControls(request.referenceNumber)}</bdi
          >
        </dd>
      </div>
      <div>
        <dt>${msg('Service', { id: 'my-requests.service' })}</dt>
        <dd>${label(SERVICES, request.service)}</dd>
      </div>
      <div>
        <dt>${msg('Sent on', { id: 'my-requests.submitted-at' })}</dt>
        <dd>${day(format, request.submittedAt)}</dd>
      </div>
      <div>
        <dt>${msg('Status', { id: 'my-requests.status' })}</dt>
        <dd>
          <span class="badge ${request.status}" part="status"
            >${label(STATUSES, request.status)}</span
          >
        </dd>
      </div>
    </dl>
    ${timeline(request, format)}
    ${
      request.status === 'rejected' && request.rejectionReason
        ? html`<p class="reason">
            <strong>${msg('Why:', { id: 'my-requests.why' })}</strong>
            ${label(REJECTIONS, request.rejectionReason)}
          </p>`
        : nothing
    }
    ${
      needs
        ? html`<p class="needed">
            <strong>${msg('Needed:', { id: 'my-requests.needed' })}</strong>
            ${label(INFORMATION, needs.code)}
          </p>`
        : nothing
    }
    ${
      request.status === 'approved' && request.result
        ? html`<p class="result" part="result">
            <strong>${msg('Result:', { id: 'my-requests.result' })}</strong>
            ${label(RESULTS, request.result)}
          </p>`
        : nothing
    }
    <p class="next" part="next">
      <strong>${msg('What to do next:', { id: 'my-requests.next' })}</strong>
      ${label(NEXT_ACTIONS, request.nextAction)}
    </p>
    ${
      needs?.step && request.service !== 'payments'
        ? html`<button
            type="button"
            class="continue"
            part="continue"
            aria-describedby=${`${id}-title`}
            @click=${() => ctx.continueRequest(request)}
          >
            ${msg('Send the information', { id: 'my-requests.continue' })}
          </button>`
        : nothing
    }
  </article>`;
}

/** The filters: two native selects and a button that applies them. */
export function filtersView(p: {
  service: string;
  status: string;
  busy: boolean;
  apply: (service: string, status: string) => void;
}): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    p.apply(String(data.get('service') ?? ''), String(data.get('status') ?? ''));
  };
  const option = (value: string, text: string, selected: string) =>
    html`<option value=${value} ?selected=${value === selected}>${text}</option>`;
  return html`<form class="filters" part="filters" @submit=${submit}>
    <div class="filter">
      <label for="filter-service">${msg('Service', { id: 'my-requests.service' })}</label>
      <select id="filter-service" name="service">
        ${option('', msg('All services', { id: 'my-requests.filter.all-services' }), p.service)}
        ${Object.keys(SERVICES).map((code) => option(code, label(SERVICES, code), p.service))}
      </select>
    </div>
    <div class="filter">
      <label for="filter-status">${msg('Status', { id: 'my-requests.status' })}</label>
      <select id="filter-status" name="status">
        ${option('', msg('Any status', { id: 'my-requests.filter.any-status' }), p.status)}
        ${Object.keys(STATUSES).map((code) => option(code, label(STATUSES, code), p.status))}
      </select>
    </div>
    <button type="submit" class="secondary" aria-disabled=${p.busy ? 'true' : 'false'}>
      ${msg('Show', { id: 'my-requests.filter.apply' })}
    </button>
  </form>`;
}

/** The look-up form: the reference number as typed, its error, and the button. */
export function lookupView(p: {
  value: string;
  error: string | null;
  busy: boolean;
  example: string;
  input: (value: string) => void;
  find: () => void;
}): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    p.find();
  };
  const example = ltr(p.example);
  return html`<form class="lookup" part="lookup" novalidate @submit=${submit}>
    <div class="field ${p.error ? 'invalid' : ''}">
      <label for="reference">${msg('Reference number', { id: 'my-requests.reference' })}</label>
      <p id="reference-hint" class="muted">
        ${msg(str`As on your confirmation, for example ${example}.`, {
          id: 'my-requests.lookup.hint',
        })}
      </p>
      ${
        p.error
          ? html`<p id="reference-error" class="error" part="field-error">
              <span class="visually-hidden"
                >${msg('Error:', { id: 'my-requests.error-prefix' })}</span
              >
              ${p.error}
            </p>`
          : nothing
      }
      <input
        id="reference"
        name="reference"
        type="text"
        dir="ltr"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        .value=${p.value}
        aria-invalid=${p.error ? 'true' : 'false'}
        aria-describedby=${p.error ? 'reference-hint reference-error' : 'reference-hint'}
        @input=${(event: InputEvent) => p.input((event.target as HTMLInputElement).value)}
      />
    </div>
    <button type="submit" aria-disabled=${p.busy ? 'true' : 'false'}>
      ${msg('Find', { id: 'my-requests.lookup.find' })}
    </button>
  </form>`;
}

/** Grey blocks where the requests will be, while they load. */
export function skeletonView(): TemplateResult {
  const block = html`<span class="bone" aria-hidden="true"></span>`;
  return html`<div class="skeleton">${block}${block}${block}</div>
    <div class="skeleton">${block}${block}${block}</div>`;
}
