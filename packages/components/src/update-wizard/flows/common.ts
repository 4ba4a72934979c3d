import { msg, str } from '@lit/localize';
import { ltr } from '../../core/format.js';
import { GOVERNORATES } from '../../core/governorates.js';
import {
  activeSteps,
  askedFields,
  checkField,
  normalizedAnswer,
  type Answers,
  type WizardField,
  type WizardStep,
} from '../engine.js';
import { optionsOf } from '../labels.js';
import { DATE_EXAMPLE } from '../fields.js';

// Pieces both flows use: address questions, and turning checked answers into a contract body and
// back through one table per flow (where each answer lives in the body) instead of hand-written
// copies for each direction.

/** The contract's answer for a field, or undefined when it is empty or not acceptable. */
export function accepted(field: WizardField, answers: Answers): unknown {
  return checkField(field, answers[field.id])
    ? undefined
    : normalizedAnswer(field, answers[field.id]);
}

/** An object without its undefined values, or undefined when a `required` key is missing. */
export function section(
  values: Record<string, unknown>,
  required: readonly string[] = [],
): Record<string, unknown> | undefined {
  if (required.some((k) => values[k] === undefined)) return undefined;
  const out = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? out : undefined;
}

/** Governorate, district (enabled once a governorate is chosen), locality and landmark. */
export function addressFields(maxLength: number, landmarkRequired: boolean): WizardField[] {
  const chosen = (a: Answers) => !!a['governorate'];
  return [
    {
      id: 'governorate',
      kind: 'select',
      label: () => msg('Governorate', { id: 'wizard.field.governorate' }),
      options: () => optionsOf(GOVERNORATES),
    },
    {
      id: 'district',
      kind: 'text',
      label: () => msg('District (qadha)', { id: 'wizard.field.district' }),
      hint: () => msg('Choose the governorate first.', { id: 'wizard.field.district.hint' }),
      maxLength,
      enabledWhen: chosen,
    },
    {
      id: 'locality',
      kind: 'text',
      label: () => msg('Neighbourhood, mahalla or village', { id: 'wizard.field.locality' }),
      maxLength,
    },
    {
      id: 'landmark',
      kind: 'text',
      label: () => msg('Nearest landmark', { id: 'wizard.field.landmark' }),
      hint: () =>
        msg('A mosque, school or shop people know, to find your home.', {
          id: 'wizard.field.landmark.hint',
        }),
      maxLength,
      required: landmarkRequired,
    },
  ];
}

/** A date field that cannot be after today. */
export function pastDate(id: string, label: () => string): WizardField {
  return {
    id,
    kind: 'date',
    label,
    hint: () => {
      const example = ltr(DATE_EXAMPLE);
      return msg(str`Year-month-day, for example ${example}.`, { id: 'wizard.field.date.hint' });
    },
    past: true,
  };
}

/**
 * Where each answer lives in a flow's `answers` body, by field id: `section/key`, or `key` at the
 * top of the body.
 */
export type BodyMap = Readonly<Record<string, string>>;

/** The wizard's answers from a body: numbers as typed digits, booleans as `yes`/`no`. */
export function readBody(body: Record<string, unknown>, map: BodyMap): Answers {
  const answers: Answers = {};
  for (const [id, path] of Object.entries(map)) {
    const [top = '', key] = path.split('/');
    const value = key ? (body[top] as Record<string, unknown> | undefined)?.[key] : body[top];
    if (value === undefined || value === '') continue;
    answers[id] =
      typeof value === 'number'
        ? String(value)
        : typeof value === 'boolean'
          ? value
            ? 'yes'
            : 'no'
          : Array.isArray(value)
            ? value.map((item: unknown) => (item && typeof item === 'object' ? { ...item } : item))
            : value;
  }
  return answers;
}

/**
 * The body of the accepted answers that the steps these answers select ask. A section
 * (`section/key`) is left out while an answer it requires is missing, unless `partial` (a draft
 * may then hold part of it). A yes/no radio is sent as a boolean, a checkbox list as a list.
 */
export function writeBody(
  steps: readonly WizardStep[],
  answers: Answers,
  map: BodyMap,
  partial = false,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const incomplete = new Set<string>();
  for (const field of activeSteps(steps, answers).flatMap((s) => askedFields(s, answers))) {
    const [top = '', key] = map[field.id]?.split('/') ?? [];
    if (!top) continue;
    let value = field.kind === 'checkboxes' ? (answers[field.id] ?? []) : accepted(field, answers);
    if (field.kind === 'radio' && (value === 'yes' || value === 'no')) value = value === 'yes';
    if (value === undefined) {
      if (key && !partial && field.required !== false && !field.when) incomplete.add(top);
    } else if (key) ((body[top] ??= {}) as Record<string, unknown>)[key] = value;
    else body[top] = value;
  }
  return Object.fromEntries(Object.entries(body).filter(([top]) => !incomplete.has(top)));
}

/** The field a server pointer names (`/documents…`: the documents step), by the body map. */
export function fieldAt(pointer: string, map: BodyMap): string | undefined {
  if (pointer.startsWith('/documents')) return 'documents';
  const [top = '', key] = answerPath(pointer).split('/');
  const at = (path: string) => Object.keys(map).find((id) => map[id] === path);
  return at(`${top}/${key}`) ?? (top ? at(top) : undefined);
}

/** The answers' part of a server pointer (`/body/answers/a/b` or `/answers/a/b` → `a/b`). */
export function answerPath(pointer: string): string {
  return pointer.replace(/^\/body/, '').replace(/^\/answers\/?/, '');
}
