import { css, html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { IqFormControl } from '../core/form-control.js';
import { ltr } from '../core/format.js';
import { mobileOperator, parseMobile, type InputProblem, type Parsed } from '../core/normalize.js';
import { useMessages } from '../core/localization.js';
import { messages } from '../generated/messages/phone-input.js';

/** The number shown in the hint and the length message, in the domestic form citizens know. */
const EXAMPLE_NUMBER = '0770 123 4567';

/** Digits of a domestic mobile number (`07XX XXX XXXX`). */
const DOMESTIC_LENGTH = 11;

/**
 * A field for an Iraqi mobile number. Accepts `07XX XXX XXXX`, `7XX…`, `+9647…` or `009647…`,
 * with spaces or dashes, in any digit script, and submits it in E.164 (`+9647XXXXXXXXX`). Once the
 * number is valid, the operator (Korek, Asiacell, Zain, IraqCell, Omnea) is shown after the field
 * and announced politely.
 *
 * @summary Iraqi mobile number field.
 * @fires {Event} change - When the citizen commits a change (native semantics).
 * @fires {InputEvent} input - While the citizen types (native, from the inner input).
 * @csspart label - The field's label.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @csspart operator - The operator of a valid number (a polite live region, empty otherwise).
 * @cssprop [--iq-field-width=16em] - Largest width of the input (default `16em`).
 */
export class IqPhoneInput extends IqFormControl {
  static {
    // This element's translations load with the page's language (core/localization.ts).
    useMessages(messages);
  }

  static override styles = [
    ...IqFormControl.styles,
    css`
      .operator {
        color: var(--_m);
      }
      /* Out of the flex flow while empty (no blank line), but still in the accessibility tree so
         that filling it is announced. */
      .operator:empty {
        position: absolute;
      }
    `,
  ];

  /** The operator of the typed number, when it is valid and its prefix is known. */
  get operator(): string | undefined {
    const parsed = parseMobile(this.value);
    return parsed.ok ? mobileOperator(parsed.value) : undefined;
  }

  protected parse(text: string): Parsed {
    return parseMobile(text);
  }

  protected defaultLabel(): string {
    return msg('Mobile number', { id: 'phone.label' });
  }

  protected defaultHint(): string {
    const example = ltr(this.format.digits(EXAMPLE_NUMBER));
    return msg(str`For example ${example}`, { id: 'phone.hint' });
  }

  protected problemMessage(problem: InputProblem): string {
    switch (problem) {
      case 'required':
        return msg('Enter your mobile number', { id: 'phone.required' });
      case 'bidi':
        return msg('Remove the hidden direction characters from the number', { id: 'field.bidi' });
      case 'characters':
        return msg('Use digits only, with spaces or dashes if you like', {
          id: 'phone.characters',
        });
      case 'prefix':
        return msg(
          str`Enter an Iraqi mobile number: it starts with ${ltr(this.format.digits('07'))}`,
          {
            id: 'phone.prefix',
          },
        );
      default: {
        const count = this.format.number(DOMESTIC_LENGTH);
        const example = ltr(this.format.digits(EXAMPLE_NUMBER));
        return msg(str`A mobile number has ${count} digits, like ${example}`, {
          id: 'phone.length',
        });
      }
    }
  }

  protected override inputAttributes() {
    return { autocomplete: 'tel-national', inputmode: 'tel', maxlength: 32 };
  }

  protected override renderAfterInput(): TemplateResult {
    const operator = this.operator;
    // The live region is always in the tree, so screen readers announce it when it fills.
    return html`<span part="operator" class="operator" role="status"
      >${
        operator ? msg(str`Network: ${`\u2068${operator}\u2069`}`, { id: 'phone.operator' }) : ''
      }</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-phone-input': IqPhoneInput;
  }
}
