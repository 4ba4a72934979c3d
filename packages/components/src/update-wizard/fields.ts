import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { ltr, type Formatter } from '../core/format.js';
import type { FieldOption, Problem, WizardField } from './engine.js';

/** What a field renderer needs: the field, its value and error, and where a change goes. */
export interface FieldView {
  field: WizardField;
  /** DOM id of the control (the error summary links to it). */
  id: string;
  value: unknown;
  /** The error message shown beside the field ('' when none). */
  error: string;
  disabled?: boolean;
  options: FieldOption[];
  onChange: (value: unknown) => void;
}

/** The error line beside a control (`<id>-error`, for its `aria-describedby`). */
export const errorLine = (id: string, error: string) =>
  error
    ? html`<p class="error" id="${id}-error" part="field-error">
        <span class="visually-hidden">${msg('Error:', { id: 'field.error-prefix' })}</span>
        ${error}
      </p>`
    : nothing;

const hintLine = (id: string, hint: string | undefined) =>
  hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing;

const describedBy = (id: string, hint: unknown, error: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** Inputs typed in Latin order whatever the page's direction: dates, numbers, codes. */
const LTR_KINDS = new Set(['date', 'amount', 'integer']);

function renderChoices(v: FieldView, type: 'radio' | 'checkbox'): TemplateResult {
  const { field, id, error } = v;
  const hint = field.hint?.();
  const selected = type === 'checkbox' ? ((v.value as string[] | undefined) ?? []) : [v.value];
  const toggle = (value: string, on: boolean) =>
    v.onChange(
      type === 'radio' ? value : on ? [...selected, value] : selected.filter((s) => s !== value),
    );
  return html`<fieldset
    class="field ${error ? 'invalid' : ''}"
    part="field"
    aria-describedby=${ifDefined(describedBy(id, hint, error))}
  >
    <legend class="label">${field.label()}</legend>
    ${hintLine(id, hint)} ${errorLine(id, error)}
    <div class="choices">
      ${v.options.map(
        (o, i) =>
          html`<label class="choice">
            <input
              type=${type}
              id=${i ? `${id}-${i}` : id}
              name=${id}
              .value=${o.value}
              .checked=${live(selected.includes(o.value))}
              aria-invalid=${error ? 'true' : 'false'}
              @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)}
            />
            <bdi>${o.label}</bdi>
          </label>`,
      )}
    </div>
  </fieldset>`;
}

/** One question, as a labelled control with its hint and its error tied to it. */
export function renderField(v: FieldView): TemplateResult {
  const { field, id, error } = v;
  const value = typeof v.value === 'string' ? v.value : '';
  if (field.kind === 'radio') return renderChoices(v, 'radio');
  if (field.kind === 'checkboxes') return renderChoices(v, 'checkbox');
  if (field.kind === 'phone' || field.kind === 'national-id') {
    // The library's own fields: label, hint, LTR island and the error beside the input.
    const changed = (e: Event) => v.onChange((e.target as HTMLInputElement).value);
    return field.kind === 'phone'
      ? html`<iq-phone-input
          id=${id}
          class="field"
          .label=${field.label()}
          .value=${value}
          .externalError=${error}
          @input=${changed}
        ></iq-phone-input>`
      : html`<iq-national-id-input
          id=${id}
          class="field"
          .label=${field.label()}
          .value=${value}
          .externalError=${error}
          @input=${changed}
        ></iq-national-id-input>`;
  }
  const hint = field.hint?.();
  const shownHint = field.enabledWhen && !v.disabled ? undefined : hint;
  const common = {
    describedBy: describedBy(id, shownHint, error),
    invalid: error ? 'true' : 'false',
  };
  return html`<div class="field ${error ? 'invalid' : ''}" part="field">
    <label class="label" for=${id}>${field.label()}</label>
    ${hintLine(id, shownHint)} ${errorLine(id, error)}
    ${
      field.kind === 'select'
        ? html`<select
            id=${id}
            ?disabled=${v.disabled}
            aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${common.invalid}
            @change=${(e: Event) => v.onChange((e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!value}>${msg('Choose…', { id: 'wizard.choose' })}</option>
            ${v.options.map(
              (o) =>
                html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`,
            )}
          </select>`
        : html`<input
            id=${id}
            type="text"
            class=${field.kind}
            dir=${ifDefined(LTR_KINDS.has(field.kind) ? 'ltr' : undefined)}
            inputmode=${ifDefined(field.kind === 'amount' || field.kind === 'integer' ? 'numeric' : undefined)}
            autocomplete="off"
            spellcheck="false"
            .value=${live(value)}
            ?disabled=${v.disabled}
            aria-describedby=${ifDefined(common.describedBy)}
            aria-invalid=${common.invalid}
            @input=${(e: Event) => v.onChange((e.target as HTMLInputElement).value)}
          />`
    }
  </div>`;
}

/**
 * A date as it is typed: year-month-day, in Latin digits like every typed example, isolated left
 * to right so that a right-to-left sentence cannot show it as `05-10-2019`.
 */
export const DATE_EXAMPLE = '2019-10-05';

/** The message of each problem with an answer (the engine's, the server's and the upload list's). */
const PROBLEMS: Readonly<Record<string, (format?: Formatter) => string>> = {
  required: () => msg('Answer this question.', { id: 'wizard.error.required' }),
  'too-long': () => msg('This answer is too long. Shorten it.', { id: 'wizard.error.too-long' }),
  'too-short': () => msg('Enter the full name.', { id: 'wizard.error.too-short' }),
  bidi: () =>
    msg('Remove the invisible direction characters from this answer.', {
      id: 'wizard.error.bidi',
    }),
  characters: () =>
    msg('Remove the characters < and > and any control characters.', {
      id: 'wizard.error.characters',
    }),
  date: () => {
    const example = ltr(DATE_EXAMPLE);
    return msg(str`Enter a real date as year-month-day, for example ${example}.`, {
      id: 'wizard.error.date',
    });
  },
  future: () => msg('The date cannot be in the future.', { id: 'wizard.error.future' }),
  number: () => msg('Enter a whole number, digits only.', { id: 'wizard.error.number' }),
  range: () => msg('This number is outside the allowed range.', { id: 'wizard.error.range' }),
  phone: (format) => {
    // In the page's digits, as the phone field's own hint shows it.
    const example = ltr(format?.digits('0770 123 4567') ?? '0770 123 4567');
    return msg(str`Enter an Iraqi mobile number, for example ${example}.`, {
      id: 'wizard.error.phone',
    });
  },
  'national-id': () =>
    msg('Enter the 12 digits of the national card number.', {
      id: 'wizard.error.national-id',
    }),
  format: () => msg('This answer is not in the expected form.', { id: 'wizard.error.format' }),
  'one-head': () =>
    msg('The household needs exactly one head of household.', {
      id: 'wizard.error.one-head',
    }),
  'document-type': () =>
    msg('This file is not a PDF, JPEG or PNG. Choose another file.', {
      id: 'wizard.error.document-type',
    }),
  'document-size': () =>
    msg('This file is too large. Choose a smaller file.', {
      id: 'wizard.error.document-size',
    }),
  'document-needed': () =>
    msg('Attach the documents this request needs.', {
      id: 'wizard.error.document-needed',
    }),
};

/** The message for a problem with an answer (examples in `format`'s digits when given). */
export function problemText(problem: Problem | string, format?: Formatter): string {
  return (PROBLEMS[problem] ?? (() => msg('Check this answer.', { id: 'wizard.error.invalid' })))(
    format,
  );
}
