import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { RequestStatusView } from '@iq-eservices/api';
import type { Formatter } from '../core/format.js';
import type { WizardField } from './engine.js';
import { errorLine } from './fields.js';
import type { Labels } from '../core/labels.js';

// The pages a citizen sees only once the service has answered (a conflict, the confirmation, a
// status look-up).

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
