import { css, type PropertyDeclarations } from 'lit';
import { msg, str } from '@lit/localize';
import { IqFormControl } from '../core/form-control.js';
import { IqEvent } from '../core/events.js';
import { pluralize } from '../core/format.js';
import { parseCode, toAsciiDigits, type InputProblem, type Parsed } from '../core/normalize.js';
import { useMessages } from '../core/localization.js';
import { messages } from '../generated/messages/otp-input.js';

/** The code length when none (or a nonsensical one) is given: the sandbox's and the contract's. */
export const DEFAULT_CODE_LENGTH = 6;

/**
 * The code in a pasted text: the one run of `length` digits (any script; single spaces, dashes or
 * dots allowed between them), e.g. `123456` in "Your code is ١٢٣ ٤٥٦. It expires in 5 minutes".
 * Undefined when there is no such run or more than one (then the text is pasted as it is, and
 * the field explains what is wrong).
 */
export function extractCode(text: string, length: number): string | undefined {
  const runs = toAsciiDigits(text).match(/[0-9](?:[ \u00a0.\-‐‑‒–—]?[0-9])*/gu) ?? [];
  const codes = runs.map((run) => run.replace(/[^0-9]/g, '')).filter((d) => d.length === length);
  return codes.length === 1 ? codes[0] : undefined;
}

/**
 * Fired when a complete, valid code has been typed or pasted. Hosts may move focus to their
 * submit button; the field never submits by itself.
 */
export class IqOtpCompleteEvent extends IqEvent {
  static readonly eventName = 'iq-otp-complete';
  /** The code, in ASCII digits. */
  readonly code: string;

  constructor(code: string) {
    super(IqOtpCompleteEvent.eventName);
    this.code = code;
  }
}

/**
 * A field for a one-time code sent by text message: one native input (easier with screen
 * readers, autofill and paste than one box per digit), `autocomplete="one-time-code"`. Codes
 * typed or pasted in any digit script, with spaces or dashes or inside the message's text, are
 * submitted as `length` ASCII digits.
 *
 * @summary One-time code field.
 * @fires {IqOtpCompleteEvent} iq-otp-complete - A complete, valid code was typed or pasted; `code`.
 * @fires {Event} change - When the citizen commits a change (native semantics).
 * @fires {InputEvent} input - While the citizen types or pastes (native, from the inner input).
 * @csspart label - The field's label.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message.
 * @csspart input - The native input.
 * @cssprop [--iq-field-width=10em] - Largest width of the input (default `10em`).
 */
export class IqOtpInput extends IqFormControl {
  static {
    // This element's translations load with the page's language (core/localization.ts).
    useMessages(messages);
  }

  static override styles = [
    ...IqFormControl.styles,
    css`
      input {
        max-inline-size: var(--iq-field-width, 10em);
        letter-spacing: 0.25em;
      }
    `,
  ];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    length: { type: Number, reflect: true },
  };

  /** How many digits the code has (the challenge's `codeLength`). */
  length = DEFAULT_CODE_LENGTH;

  /** The last code announced with `iq-otp-complete`, so one code is announced once. */
  private completedCode?: string;

  /** The code length in force: {@link length} when it is a sensible whole number. */
  get codeLength(): number {
    const length = this.length;
    return Number.isInteger(length) && length > 0 && length <= 16 ? length : DEFAULT_CODE_LENGTH;
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.addEventListener('paste', (event) => this.onPaste(event as ClipboardEvent));
    // Runs after the base class has taken the new value from the inner input.
    root.addEventListener('input', () => this.announceCompleteCode());
    return root;
  }

  protected parse(text: string): Parsed {
    return parseCode(text, this.codeLength);
  }

  protected defaultLabel(): string {
    return msg('Code from the text message', { id: 'otp.label' });
  }

  protected defaultHint(): string {
    const count = this.format.number(this.codeLength);
    return pluralize(this.format, this.codeLength, {
      zero: () =>
        msg(str`The ${count} digits in the text message we sent you`, { id: 'otp.hint.zero' }),
      // Arabic says one and two without a numeral: these forms have no placeholder.
      one: () => msg('The 1 digit in the text message we sent you', { id: 'otp.hint.one' }),
      two: () => msg('The 2 digits in the text message we sent you', { id: 'otp.hint.two' }),
      few: () =>
        msg(str`The ${count} digits in the text message we sent you`, { id: 'otp.hint.few' }),
      many: () =>
        msg(str`The ${count} digits in the text message we sent you`, { id: 'otp.hint.many' }),
      other: () =>
        msg(str`The ${count} digits in the text message we sent you`, { id: 'otp.hint.other' }),
    });
  }

  protected problemMessage(problem: InputProblem): string {
    switch (problem) {
      case 'required':
        return msg('Enter the code from the text message', { id: 'otp.required' });
      case 'bidi':
        return msg('Remove the hidden direction characters from the number', { id: 'field.bidi' });
      case 'characters':
        return msg('Use digits only', { id: 'otp.characters' });
      default: {
        const count = this.format.number(this.codeLength);
        return pluralize(this.format, this.codeLength, {
          zero: () => msg(str`The code has ${count} digits`, { id: 'otp.length.zero' }),
          one: () => msg('The code has 1 digit', { id: 'otp.length.one' }),
          two: () => msg('The code has 2 digits', { id: 'otp.length.two' }),
          few: () => msg(str`The code has ${count} digits`, { id: 'otp.length.few' }),
          many: () => msg(str`The code has ${count} digits`, { id: 'otp.length.many' }),
          other: () => msg(str`The code has ${count} digits`, { id: 'otp.length.other' }),
        });
      }
    }
  }

  protected override inputAttributes() {
    return { autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 32 };
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this.completedCode = undefined;
  }

  /** A pasted message or code becomes the code alone, in ASCII digits, replacing the field. */
  private onPaste(event: ClipboardEvent): void {
    const input = event.composedPath()[0];
    if (!(input instanceof HTMLInputElement)) return;
    const code = extractCode(event.clipboardData?.getData('text/plain') ?? '', this.codeLength);
    if (code === undefined) return; // The browser pastes the text; the field says what is wrong.
    event.preventDefault();
    input.value = code;
    input.dispatchEvent(
      new InputEvent('input', {
        bubbles: true,
        composed: true,
        inputType: 'insertFromPaste',
        data: code,
      }),
    );
  }

  private announceCompleteCode(): void {
    const parsed = parseCode(this.value, this.codeLength);
    if (!parsed.ok) {
      this.completedCode = undefined;
      return;
    }
    if (parsed.value === this.completedCode) return;
    this.completedCode = parsed.value;
    this.dispatchEvent(new IqOtpCompleteEvent(parsed.value));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-otp-input': IqOtpInput;
  }
  interface GlobalEventHandlersEventMap {
    'iq-otp-complete': IqOtpCompleteEvent;
  }
}
