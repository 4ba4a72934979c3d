import type { EServicesClient, SupportingDocument } from '@iq-eservices/api';
import { hasBidiControls, parseMobile, parseNationalId, toAsciiDigits } from '../core/normalize.js';

/**
 * The step machine of `<iq-update-wizard>`: steps and fields as data, their validation, and the
 * step list a flow's answers select. It knows nothing of Lit or of the server: a flow
 * (`flows/*.ts`) describes its questions and how the answers map to its contract's body.
 */

/** The answers as the wizard holds them: one value per field id (text, a code, a list). */
export type Answers = Record<string, unknown>;

/** What kind of control a field is. */
export type FieldKind =
  | 'text'
  | 'name'
  | 'select'
  | 'radio'
  | 'date'
  | 'amount'
  | 'integer'
  | 'phone'
  | 'national-id'
  | 'checkboxes'
  | 'members';

/** One choice of a `select`, `radio` or `checkboxes` field. */
export interface FieldOption {
  value: string;
  label: string;
}

/** What a flow's functions may read besides the answers: the current record from the server. */
export interface FlowContext {
  /** The current record (`BeneficiaryProfile`, `RationCard`), when known. */
  record: unknown;
  /** The answers so far (choices that depend on an earlier answer). */
  answers?: Answers;
  /** Reference lists the flow asked for, by name (the ration card's agents: `food`, `flour`). */
  lists?: Readonly<Record<string, readonly FieldOption[]>>;
}

/** One question. */
export interface WizardField {
  /** Key of the answer in {@link Answers}, and the control's id. */
  id: string;
  kind: FieldKind;
  label: () => string;
  hint?: () => string;
  /** The choices of a `select`, `radio` or `checkboxes` field. */
  options?: (context: FlowContext) => FieldOption[];
  /** Must be answered (default true; checkboxes may stay empty). */
  required?: boolean;
  /** Longest text accepted (from the contract's `maxLength`). */
  maxLength?: number;
  /** Bounds of `amount` and `integer` fields. */
  min?: number;
  max?: number;
  /** A date that cannot be after today (birth, death). */
  past?: boolean;
  /** A pattern the (trimmed) text must match, from the contract. */
  pattern?: RegExp;
  /** Asked only when this holds. */
  when?: (answers: Answers) => boolean;
  /** Shown but disabled until this holds (the district until a governorate is chosen). */
  enabledWhen?: (answers: Answers) => boolean;
  /** The questions about each item of a `members` list (name, relation…). */
  itemFields?: WizardField[];
}

/** One page of questions. */
export interface WizardStep {
  /** Stable id, used in events and in the history state. */
  id: string;
  title: () => string;
  /** Text under the heading (guidance). */
  lead?: () => string;
  fields: WizardField[];
  /** `documents` renders the upload list; `identity` the read-only identity. */
  kind?: 'questions' | 'documents' | 'identity';
  /** Asked only when this holds. */
  when?: (answers: Answers) => boolean;
}

/** Why an answer is not accepted. */
export type Problem =
  | 'required'
  | 'too-long'
  | 'too-short'
  | 'bidi'
  | 'characters'
  | 'date'
  | 'future'
  | 'number'
  | 'range'
  | 'phone'
  | 'national-id'
  | 'format'
  | 'one-head';

// C0 controls, DEL and lone surrogates (ill-formed UTF-16; with the u flag a surrogate pair is one
// character and does not match \p{Cs}): the contract's PlainText rejects them (tab and newlines
// are not typed here).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f\p{Cs}]/u;

/** Today's date in Baghdad (UTC+3 all year), as the services count it. */
export function iraqToday(now = new Date()): string {
  return new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}

/** A calendar date from typed text (any digit script, `/` or `-`), or null when impossible. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(toAsciiDigits(text.trim()));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** A whole number from typed text (any digit script, group separators), or null. */
export function parseWhole(text: string): number | null {
  const digits = toAsciiDigits(String(text).trim()).replace(/[\s,.\u066b\u066c\u060c]/gu, '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : null;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim());

/** Checks one answer; returns the problem, or null when it is acceptable. */
export function checkField(
  field: WizardField,
  value: unknown,
  today = iraqToday(),
): Problem | null {
  if (field.kind === 'checkboxes') return null;
  if (field.kind === 'members') {
    const members = (value as { relation?: string }[] | undefined) ?? [];
    if (!members.length) return 'required';
    return members.filter((m) => m.relation === 'head').length === 1 ? null : 'one-head';
  }
  if (isEmpty(value)) return field.required === false ? null : 'required';
  const text = String(value);
  if (hasBidiControls(text)) return 'bidi';
  switch (field.kind) {
    case 'date': {
      const date = parseDate(text);
      if (!date) return 'date';
      return field.past && date > today ? 'future' : null;
    }
    case 'amount':
    case 'integer': {
      const n = parseWhole(text);
      if (n === null) return 'number';
      return n < (field.min ?? 0) || n > (field.max ?? 1e12) ? 'range' : null;
    }
    case 'phone':
      return parseMobile(text).ok ? null : 'phone';
    case 'national-id':
      return parseNationalId(text).ok ? null : 'national-id';
    default:
      if (CONTROLS.test(text) || (field.kind === 'name' && /[<>]/.test(text))) return 'characters';
      if (text.length > (field.maxLength ?? 500)) return 'too-long';
      if (field.kind === 'name' && text.trim().length < 2) return 'too-short';
      if (field.pattern && !field.pattern.test(text.trim())) return 'format';
      return null;
  }
}

/**
 * The problems of a set of questions (a step, or one item of a list such as a household member),
 * by field id, in the order they are asked.
 */
export function itemProblems(
  fields: readonly WizardField[],
  item: Answers,
  today = iraqToday(),
): Map<string, Problem> {
  const problems = new Map<string, Problem>();
  for (const field of fields) {
    if (field.when && !field.when(item)) continue;
    const problem = checkField(field, item[field.id], today);
    if (problem) problems.set(field.id, problem);
  }
  return problems;
}

/** The fields of a step asked with these answers. */
export function askedFields(step: WizardStep, answers: Answers): WizardField[] {
  return step.fields.filter((f) => !f.when || f.when(answers));
}

/** Every problem of a step's answers, by field id, in the order the fields are asked. */
export function checkStep(
  step: WizardStep,
  answers: Answers,
  today = iraqToday(),
): Map<string, Problem> {
  return itemProblems(step.fields, answers, today);
}

/** The steps these answers select (a step's `when`). */
export function activeSteps(steps: readonly WizardStep[], answers: Answers): WizardStep[] {
  return steps.filter((s) => !s.when || s.when(answers));
}

/** A field's answer as the contract wants it (trimmed text, ASCII dates and numbers). */
export function normalizedAnswer(field: WizardField, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  switch (field.kind) {
    case 'date':
      return parseDate(String(value)) ?? undefined;
    case 'amount':
    case 'integer':
      return parseWhole(String(value)) ?? undefined;
    case 'phone': {
      const parsed = parseMobile(String(value));
      return parsed.ok ? parsed.value : undefined;
    }
    case 'national-id': {
      const parsed = parseNationalId(String(value));
      return parsed.ok ? parsed.value : undefined;
    }
    case 'text':
    case 'name':
    case 'select':
    case 'radio':
      return String(value).trim();
    default:
      return value;
  }
}

/** Same answers (JSON-equal, key order ignored). */
export function sameAnswers(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

/**
 * A flow: the questions of one service's update request and how they map to its contract.
 * A new flow is a new `flows/<name>.ts` exporting one of these (see docs/update-wizard.md).
 */
export interface WizardFlow {
  /** The `flow` attribute value. */
  id: string;
  /** The wizard's title. */
  title: () => string;
  /** The question steps, in order (the wizard adds check answers, confirmation and status). */
  steps: WizardStep[];
  /** The answers to start from, from the current record. */
  initialAnswers(context: FlowContext): Answers;
  /** The contract's `answers` body from the wizard's answers (only valid answers are sent). */
  toBody(answers: Answers): Record<string, unknown>;
  /** The wizard's answers from a server draft's `answers` (and its `kind`). */
  fromBody(body: Record<string, unknown>, kind: string | undefined, context: FlowContext): Answers;
  /** The field a server pointer (`/body/answers/…` or `/answers/…`) names, if any. */
  fieldOf(pointer: string): string | undefined;
  /** The document types the citizen may attach, given the answers. */
  documentTypes(answers: Answers): string[];
  /**
   * The documents these answers need before submission: one entry per need, each listing the
   * types that satisfy it.
   */
  requiredDocuments(answers: Answers, context: FlowContext): string[][];
  /** The request kind to create drafts with. */
  kind(answers: Answers): string | undefined;
  /**
   * Answers assumed when counting steps before the citizen has given them (a flow whose steps
   * depend on a first choice still shows "Step 1 of 4", not "of 2").
   */
  countWith?: Answers;
  /**
   * Reference lists the flow's choices read from the service once the wizard starts (the ration
   * card's agents), by name; given to the fields' `options` as `context.lists`.
   */
  lists?(client: EServicesClient): Promise<Record<string, FieldOption[]>>;
  /** The back end of this flow (drafts, documents, submission, status). */
  service: 'socialProtection' | 'rationCard';
}

/** Needs (each a list of accepted types) that no attached document meets. */
export function missingDocuments(
  needs: string[][],
  documents: readonly SupportingDocument[],
): string[][] {
  return needs.filter((types) => !documents.some((d) => types.includes(d.type)));
}
