import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { BeneficiaryProfile, RequestStatusView, User } from '@iq-eservices/api';
import type { Formatter } from '../core/format.js';
import type { WizardField } from './engine.js';
import { errorLine } from './fields.js';
import { offlineNotice } from './session.js';
import type { Labels } from '../core/labels.js';

// The wizard's views that read no more than they are given: who is signed in, the session's
// notice, and the pages a citizen sees only once the service has answered (a conflict, the
// confirmation, a status look-up).

const REQUEST_STATUSES: Labels = {
  draft: () => msg('Not sent yet', { id: 'wizard.status.draft' }),
  submitted: () => msg('Received', { id: 'wizard.status.submitted' }),
  'under-review': () => msg('Under review', { id: 'wizard.status.under-review' }),
  approved: () => msg('Approved', { id: 'wizard.status.approved' }),
  rejected: () => msg('Rejected', { id: 'wizard.status.rejected' }),
  'needs-information': () =>
    msg('More information needed', { id: 'wizard.status.needs-information' }),
};

/** The choice between this device's answers and another device's. */
export function conflictView(p: {
  fields: WizardField[];
  here: (field: WizardField) => unknown;
  there: (field: WizardField) => unknown;
  keep: (which: 'local' | 'server') => void;
}): TemplateResult {
  return html`<div part="conflict">
    <h2 id="heading" part="heading" tabindex="-1">
      ${msg('Your answers were also changed on another device', { id: 'wizard.conflict.title' })}
    </h2>
    <p>
      ${msg('Choose which answers to keep. The other answers will be replaced.', {
        id: 'wizard.conflict.lead',
      })}
    </p>
    <table class="conflict">
      <thead>
        <tr>
          <th scope="col">${msg('Question', { id: 'wizard.conflict.question' })}</th>
          <th scope="col">${msg('On this device', { id: 'wizard.conflict.local' })}</th>
          <th scope="col">${msg('On the other device', { id: 'wizard.conflict.server' })}</th>
        </tr>
      </thead>
      <tbody>
        ${p.fields.map(
          (f) =>
            html`<tr>
              <th scope="row">${f.label()}</th>
              <td>${p.here(f)}</td>
              <td>${p.there(f)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <div class="actions">
      <button type="button" class="keep-local" @click=${() => p.keep('local')}>
        ${msg('Keep the answers on this device', { id: 'wizard.conflict.keep-local' })}
      </button>
      <button type="button" class="secondary keep-server" @click=${() => p.keep('server')}>
        ${msg('Use the answers from the other device', { id: 'wizard.conflict.keep-server' })}
      </button>
    </div>
  </div>`;
}

/**
 * The confirmation: the reference number (Latin digits, as it is typed on a phone) and what
 * happens next.
 */
export function doneView(reference: string, status: () => void): TemplateResult {
  return html`<div class="panel">
      <h2 id="heading" part="heading" tabindex="-1">
        ${msg('Your request was sent', { id: 'wizard.done.title' })}
      </h2>
      <p>
        ${msg('Your reference number', { id: 'wizard.done.reference' })}<br />
        <strong class="reference" part="reference"><bdi dir="ltr">${reference}</bdi></strong>
      </p>
    </div>
    <h3>${msg('What happens next', { id: 'wizard.done.next' })}</h3>
    <p>
      ${msg(
        'Keep the reference number. The ministry checks your request and may call you. You can follow its status here with the reference number.',
        { id: 'wizard.done.next.text' },
      )}
    </p>
    <button type="button" class="secondary" @click=${status}>
      ${msg('Check the status', { id: 'wizard.status.check' })}
    </button>`;
}

/** The status look-up by reference number (shown in Latin digits, as it is typed). */
export function statusView(p: {
  reference: string;
  result?: RequestStatusView;
  error: string;
  format: Formatter;
  input: (value: string) => void;
  check: () => void;
  back?: () => void;
}): TemplateResult {
  const { result, error, format } = p;
  const status = (code: string) => REQUEST_STATUSES[code]?.() ?? code;
  return html`<h2 id="heading" part="heading" tabindex="-1">
      ${msg('Check the status of a request', { id: 'wizard.status.title' })}
    </h2>
    <form
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        p.check();
      }}
    >
      <div class="field ${error ? 'invalid' : ''}" part="field">
        <label class="label" for="f-reference">
          ${msg('Reference number', { id: 'wizard.status.reference' })}
        </label>
        ${errorLine('f-reference', error)}
        <input
          id="f-reference"
          type="text"
          dir="ltr"
          autocomplete="off"
          spellcheck="false"
          .value=${p.reference}
          aria-describedby=${error ? 'f-reference-error' : nothing}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${(e: Event) => p.input((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        <button type="submit">${msg('Check', { id: 'wizard.status.submit' })}</button>
        ${
          p.back
            ? html`<button type="button" class="secondary" @click=${p.back}>
                ${msg('Back', { id: 'wizard.back' })}
              </button>`
            : nothing
        }
      </div>
    </form>
    ${
      result
        ? html`<section
            class="status"
            part="status"
            id="status-result"
            tabindex="-1"
            aria-labelledby="status-heading"
          >
            <h3 id="status-heading">
              <bdi dir="ltr" class="reference">${result.referenceNumber}</bdi>:
              ${status(result.status)}
            </h3>
            <ol>
              ${result.history.map(
                (h) =>
                  html`<li>
                    ${status(h.status)} — ${format.date(h.at)}
                    ${h.note ? html`<br /><bdi class="muted">${h.note}</bdi>` : nothing}
                  </li>`,
              )}
            </ol>
          </section>`
        : nothing
    }`;
}

/**
 * Who is signed in. The Latin name's brackets are inside its left-to-right island: a line break
 * never leaves a bracket, mirrored, on the other line. The file number is as it is typed.
 */
export function identityView(
  user: User | null,
  record: BeneficiaryProfile | undefined,
  format: Formatter,
): TemplateResult {
  return html`
    <dl class="identity">
      ${
        user
          ? html`<div>
                <dt>${msg('Name', { id: 'wizard.identity.name' })}</dt>
                <dd><bdi>${user.name.ar}</bdi> <bdi dir="ltr">(${user.name.latin})</bdi></dd>
              </div>
              <div>
                <dt>${msg('National card number', { id: 'national-id.label' })}</dt>
                <dd><bdi dir="ltr">${format.digits(user.maskedNationalId)}</bdi></dd>
              </div>`
          : nothing
      }
      ${
        record?.beneficiaryId
          ? html`<div>
              <dt>${msg('Social protection file number', { id: 'wizard.identity.file' })}</dt>
              <dd><bdi dir="ltr">${record.beneficiaryId}</bdi></dd>
            </div>`
          : nothing
      }
    </dl>
    <details class="not-me">
      <summary>${msg('This is not me', { id: 'wizard.identity.not-me' })}</summary>
      <p>
        ${msg(
          'Do not go on: sign out and sign in with your own national card. If your details are wrong, visit your social protection office.',
          { id: 'wizard.identity.not-me.text' },
        )}
      </p>
    </details>
  `;
}

/** The session's notice: signed out (an alert), or answers kept on this device. */
export function noticeView(session: {
  signedOut: boolean;
  savedLocally: boolean;
}): TemplateResult | typeof nothing {
  if (session.signedOut)
    return html`<div class="notice" part="notice" role="alert">
      ${msg('You are signed out. Your answers are kept on this device: sign in again to go on.', {
        id: 'wizard.signed-out',
      })}
    </div>`;
  if (session.savedLocally) return html`<p class="notice" part="notice">${offlineNotice()}</p>`;
  return nothing;
}

/**
 * The problems with the answers, at the top: each links to its control (`#f-<key>`, focused in
 * `root`); a problem with no control (key `''`) is a line of its own.
 */
export function summaryView(errors: ReadonlyMap<string, string>, root: ParentNode): TemplateResult {
  return html`<div
    class="summary"
    id="summary"
    part="error-summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="summary-heading"
  >
    <h3 id="summary-heading">${msg('There is a problem', { id: 'wizard.summary' })}</h3>
    <ul>
      ${[...errors].map(([id, text]) =>
        id
          ? html`<li>
              <a
                href="#f-${id}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  root.querySelector<HTMLElement>(`#f-${id}`)?.focus();
                }}
                >${text}</a
              >
            </li>`
          : html`<li>${text}</li>`,
      )}
    </ul>
  </div>`;
}
