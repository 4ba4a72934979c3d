import {
  css,
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { IqElement } from './base.js';
import type { InputProblem, Parsed } from './normalize.js';

/** The longest text a field keeps: far above any valid value, so a paste never freezes a phone. */
export const MAX_FIELD_LENGTH = 64;

/**
 * The base of the library's form controls: form-associated through `ElementInternals`, with a
 * visible label and hint, our own validation messages in the page's language (never the
 * browser's), an error tied to the field, reset and restore, `disabled`, and focus delegated to
 * the inner input. Like native controls it has `setCustomValidity()`, `labels` and custom states
 * a page can style from outside:
 *
 * ```css
 * iq-phone-input:state(user-invalid) { outline: 3px solid #b10e1e; }
 * ```
 *
 * @cssstate required - The field must be filled in.
 * @cssstate invalid - The value is not acceptable (or `setCustomValidity()` gave a message), whether or not the error shows yet.
 * @cssstate user-invalid - Invalid, and the citizen has left the field or tried to submit: the error shows.
 *
 * @csspart label - The field's label.
 * @csspart hint - The hint under the label.
 * @csspart error - The error message (present only when there is one).
 * @csspart input - The native input.
 */
export abstract class IqFormControl extends IqElement {
  /** Tells the browser this element takes part in forms. */
  static formAssociated = true;

  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  static override styles = [
    ...IqElement.styles,
    css`
      :host {
        display: block;
        margin-block: calc(var(--_sp) * 0.75);
      }
      label {
        display: block;
        font-weight: 700;
      }
      .hint {
        display: block;
        color: var(--_m);
      }
      .error {
        display: block;
        color: var(--_e);
        font-weight: 700;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_sp) * 0.5);
        margin-block-start: calc(var(--_sp) * 0.25);
      }
      input {
        font: inherit;
        font-size: 1.125em;
        box-sizing: border-box;
        inline-size: 100%;
        max-inline-size: var(--iq-field-width, 16em);
        min-block-size: 2.75rem;
        padding: 0.375rem 0.5rem;
        border: 2px solid var(--_b);
        border-radius: var(--_r);
        background: var(--_s);
        color: inherit;
        letter-spacing: 0.05em;
      }
      input[aria-invalid='true'] {
        border-color: var(--_e);
        border-width: 3px;
      }
      input:disabled {
        background: var(--_d);
        cursor: not-allowed;
      }
    `,
  ];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    value: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    label: {},
    hint: {},
    externalError: { attribute: false },
    touched: { state: true },
    formDisabled: { state: true },
  };

  /** Name under which the value is submitted with the form. */
  name = '';

  /** The text in the field, as typed. The submitted value is its normalized form ({@link normalizedValue}). */
  value = '';

  /** Whether the field must be filled in. */
  required = false;

  /** Whether the field is disabled (also set by a disabled `<fieldset>`). */
  disabled = false;

  /** The visible label; a localized default when not set. */
  label?: string;

  /** The hint under the label; a localized default when not set. */
  hint?: string;

  /**
   * A problem the host found with the value (e.g. the service does not know this number), shown
   * as the field's error and tied to its input. Cleared when the citizen edits the value. It does
   * not change the field's validity: the value is well formed, the answer was no.
   */
  externalError = '';

  /** True once the citizen has left the field or tried to submit: errors show from then on. */
  protected touched = false;

  /**
   * The disabled state the browser computes (own `disabled` or a disabled ancestor `<fieldset>`).
   * Kept apart from `disabled` so that re-enabling the fieldset does not leave the host's own
   * attribute behind.
   */
  private formDisabled = false;

  /** Set while {@link checkValidity} runs, so its `invalid` event shows nothing. */
  private quietCheck = false;

  /** The message of {@link setCustomValidity} ('' when none). */
  private customError = '';

  /** The native input, once rendered. */
  protected get input(): HTMLInputElement | undefined {
    return this.renderRoot?.querySelector('input') ?? undefined;
  }

  /** The value the field had when it was first connected, for form reset. */
  private initialValue: string | null = null;

  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    // The browser fires `invalid` on a blocked submit: show our message beside the field.
    this.addEventListener('invalid', (event) => {
      event.preventDefault();
      if (!this.quietCheck) this.touched = true;
    });
  }

  /** Parses the typed text into the normalized value (or why it is not acceptable). */
  protected abstract parse(text: string): Parsed;

  /** The label when the host gives none. */
  protected abstract defaultLabel(): string;

  /** The hint when the host gives none. */
  protected abstract defaultHint(): string;

  /** The message for a problem, in the current language. */
  protected abstract problemMessage(problem: InputProblem): string;

  /** Attributes of the native input (`autocomplete`, `inputmode`, `maxlength`…). */
  protected inputAttributes(): { autocomplete: string; inputmode: string; maxlength?: number } {
    return { autocomplete: 'off', inputmode: 'numeric' };
  }

  /** Extra content after the input (e.g. the phone operator). */
  protected renderAfterInput(): TemplateResult | typeof nothing {
    return nothing;
  }

  private get parsed(): Parsed {
    if (!this.value.trim() && !this.required) return { ok: true, value: '' };
    return this.parse(this.value);
  }

  /** The normalized value submitted with the form ('' when empty or invalid). */
  get normalizedValue(): string {
    const parsed = this.parsed;
    return parsed.ok ? parsed.value : '';
  }

  /** The message explaining why the value is invalid ('' when valid). */
  get validationMessage(): string {
    const parsed = this.parsed;
    return parsed.ok ? this.customError : this.problemMessage(parsed.problem);
  }

  /**
   * Marks the value invalid with the host's own `message` (e.g. "This number is already
   * registered"), as a native input's `setCustomValidity()` does: a form will not submit and the
   * message shows as the field's error once the citizen has left the field or tried to submit.
   * The field's own problems (a malformed value) come first. `''` makes it valid again.
   */
  setCustomValidity(message: string): void {
    this.customError = message;
    // At once, as natively: a submit right after this call is blocked.
    this.sync();
    this.requestUpdate();
  }

  /** The `<label>` elements associated with the control (`<label for>` or wrapping it). */
  get labels(): NodeList {
    return this.internals.labels;
  }

  /** The validity state, as native controls expose it. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** Whether the control takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Checks validity without showing anything. */
  checkValidity(): boolean {
    this.quietCheck = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.quietCheck = false;
    }
  }

  /** Checks validity and shows the error beside the field when invalid. */
  reportValidity(): boolean {
    this.touched = true;
    return this.internals.checkValidity();
  }

  /** Moves focus into the field. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override connectedCallback(): void {
    this.initialValue ??= this.value;
    // Rendered on the server, the field can be typed in before the scripts arrive: what the
    // citizen typed becomes the value, so that hydration keeps it instead of setting the input
    // back to the server's.
    if (!this.hasUpdated) this.value = this.shadowRoot?.querySelector('input')?.value || this.value;
    super.connectedCallback();
  }

  /** @internal Form reset: back to the first value, errors hidden. */
  formResetCallback(): void {
    this.value = this.initialValue ?? '';
    this.touched = false;
  }

  /** @internal Back/forward cache and autofill restore the typed text. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** @internal A disabled ancestor `<fieldset>` disables the control. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value.length > MAX_FIELD_LENGTH) {
      this.value = this.value.slice(0, MAX_FIELD_LENGTH);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.sync();
  }

  /** The form value, validity and custom states, from the value and what the citizen did. */
  private sync(): void {
    const { internals, parsed } = this;
    const message = this.validationMessage;
    internals.setFormValue(parsed.ok && parsed.value ? parsed.value : null, this.value);
    internals.setValidity(
      message
        ? !parsed.ok && parsed.problem === 'required'
          ? { valueMissing: true }
          : { customError: true }
        : {},
      message,
      this.input,
    );
    const { states } = internals;
    states.clear();
    if (this.required) states.add('required');
    if (message) states.add('invalid');
    if (message && this.touched) states.add('user-invalid');
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.externalError = '';
    // Once an error shows, it updates as the citizen types, so a fixed value clears it at once.
  }

  private onChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: false }));
  }

  protected override render(): TemplateResult {
    const error = (this.touched ? this.validationMessage : '') || this.externalError;
    const { autocomplete, inputmode, maxlength } = this.inputAttributes();
    return html`
      <label part="label" for="input">${this.label ?? this.defaultLabel()}</label>
      <span part="hint" class="hint" id="hint">${this.hint ?? this.defaultHint()}</span>
      ${error ? html`<span part="error" class="error" id="error"><span class="visually-hidden">${msg('Error:', { id: 'field.error-prefix' })}</span> ${error}</span>` : nothing}
      <div class="row">
        <input
          part="input"
          id="input"
          dir="ltr"
          .value=${live(this.value)}
          ?disabled=${this.disabled || this.formDisabled}
          ?required=${this.required}
          autocomplete=${autocomplete}
          inputmode=${inputmode}
          maxlength=${ifDefined(maxlength ?? MAX_FIELD_LENGTH)}
          spellcheck="false"
          aria-describedby=${error ? 'hint error' : 'hint'}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${this.onInput}
          @change=${this.onChange}
          @blur=${() => (this.touched = this.touched || this.value !== '')}
        />
        ${this.renderAfterInput()}
      </div>
    `;
  }
}
