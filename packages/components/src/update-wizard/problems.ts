import { msg, str } from '@lit/localize';
import { ltr, type Formatter } from '../core/format.js';
import type { Problem } from './engine.js';

/**
 * A date as it is typed: year-month-day, in Latin digits like every typed example, isolated left
 * to right so that a right-to-left sentence cannot show it as `05-10-2019`.
 */
export const DATE_EXAMPLE = '2019-10-05';

/** The message of each problem with an answer (the engine's and the upload list's). */
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
