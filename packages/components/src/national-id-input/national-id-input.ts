import { msg, str } from '@lit/localize';
import { IqFormControl } from '../core/form-control.js';
import {
  NATIONAL_ID_LENGTH,
  parseNationalId,
  type InputProblem,
  type Parsed,
} from '../core/normalize.js';
import { useMessages } from '../core/localization.js';
import { messages } from '../generated/messages/national-id-input.js';

/**
 * A field for the unified national card number (البطاقة الوطنية الموحدة): 12 digits, typed in any
 * digit script with or without spaces and dashes, submitted as ASCII digits.
 *
 * @summary National card number field.
 * @fires {Event} change - When the citizen commits a change (native semantics).
 * @fires {InputEvent} input - While the citizen types (native, from the inner input).
 * @csspart label - The field's label.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @cssprop [--iq-field-width=16em] - Largest width of the input (default `16em`).
 */
export class IqNationalIdInput extends IqFormControl {
  static {
    // This element's translations load with the page's language (core/localization.ts).
    useMessages(messages);
  }

  protected parse(text: string): Parsed {
    return parseNationalId(text);
  }

  protected defaultLabel(): string {
    return msg('National card number', { id: 'national-id.label' });
  }

  protected defaultHint(): string {
    return msg(
      str`The ${this.format.number(NATIONAL_ID_LENGTH)} digits on your unified national card`,
      {
        id: 'national-id.hint',
      },
    );
  }

  protected problemMessage(problem: InputProblem): string {
    switch (problem) {
      case 'required':
        return msg('Enter your national card number', { id: 'national-id.required' });
      case 'bidi':
        return msg('Remove the hidden direction characters from the number', { id: 'field.bidi' });
      case 'characters':
        return msg('Use digits only', { id: 'national-id.characters' });
      default:
        return msg(
          str`The national card number has ${this.format.number(NATIONAL_ID_LENGTH)} digits`,
          {
            id: 'national-id.length',
          },
        );
    }
  }

  protected override inputAttributes() {
    return { autocomplete: 'off', inputmode: 'numeric', maxlength: 32 };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-national-id-input': IqNationalIdInput;
  }
}
