// The conformance suite every form control of the library passes: label and hint, our own
// localized validation messages, form participation (value, reset, restore, disabled), focus,
// errors tied to the field, hostile input, accessibility in every language, RTL/LTR layout and
// keyboard use. Each element's test file calls `runFormControlConformance` once.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { templates as arTemplates } from '../generated/locales/ar.js';
import { templates as ckbTemplates } from '../generated/locales/ckb.js';
import type { Locale } from '../core/format.js';
import type { IqFormControl } from '../core/form-control.js';
import { LOCALES, expectAccessible, setPageLanguage } from './helpers.js';

/** What the suite needs to know about one form control. */
export interface FormControlConformanceOptions {
  /** The tag, already defined (import its `define/…` module first). */
  tag: string;
  /** Text a citizen types that is valid, e.g. `0770 123 4567`. */
  validText: string;
  /** What {@link validText} is submitted as, e.g. `+9647701234567`. */
  normalized: string;
  /** Text a citizen types that is not valid (and not empty). */
  invalidText: string;
  /** The English message for {@link invalidText}. */
  invalidMessage: string;
  /** The catalogue id and English text of the message for an empty required field. */
  requiredMessage: { id: string; en: string };
  /** The English default label. */
  defaultLabel: string;
  /** Every English message hostile or malformed input may get (characters, length, bidi…). */
  badInputMessages: readonly string[];
}

type Control = IqFormControl & HTMLElement;

const CATALOGUES: Record<Exclude<Locale, 'en'>, Record<string, unknown>> = {
  ar: arTemplates,
  ckb: ckbTemplates,
};

/** The text a plain catalogue message has in a locale (the English source until translated). */
export function catalogueText(locale: Locale, id: string, en: string): string {
  if (locale === 'en') return en;
  const translated = CATALOGUES[locale][id];
  return typeof translated === 'string' ? translated : en;
}

/** The inner native input of a control. */
export function innerInput(el: Element): HTMLInputElement {
  const input = el.shadowRoot?.querySelector('input');
  if (!input) throw new Error(`<${el.localName}> has no inner input`);
  return input;
}

/** The visible error of a control, or null. */
export function errorOf(el: Element): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>('[part="error"]') ?? null;
}

/**
 * Pastes `text` into an input as a citizen would: a trusted-like `paste` event with the clipboard
 * data and, unless a handler cancels it, what the browser then does (insert at the caret, line
 * breaks removed, within `maxlength`) and the `input` event.
 */
export async function paste(input: HTMLInputElement, text: string): Promise<void> {
  // A disabled or read-only field cannot receive a paste.
  if (input.disabled || input.readOnly) return;
  input.focus();
  const clipboardData = new DataTransfer();
  clipboardData.setData('text/plain', text);
  const event = new ClipboardEvent('paste', {
    clipboardData,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (input.dispatchEvent(event)) {
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const room =
      input.maxLength >= 0 ? input.maxLength - (input.value.length - (end - start)) : Infinity;
    const inserted = text.replace(/[\r\n]/g, '').slice(0, Math.max(0, room));
    input.value = input.value.slice(0, start) + inserted + input.value.slice(end);
    input.dispatchEvent(
      new InputEvent('input', {
        bubbles: true,
        composed: true,
        inputType: 'insertFromPaste',
        data: inserted,
      }),
    );
  }
  await aTimeout(0);
}

/** The message Chromium itself gives an empty required input (which we must never show). */
function browserRequiredMessage(): string {
  const input = document.createElement('input');
  input.required = true;
  return input.validationMessage;
}

/** Text of a node's contents as laid out (the line box, not the block). */
function textRect(node: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

/**
 * Registers the shared `describe` block of a form control. Call it from the element's test file
 * after importing its `define/…` module.
 */
export function runFormControlConformance(options: FormControlConformanceOptions): void {
  const { tag, validText, normalized, invalidText } = options;

  /** A form holding the control (optionally inside a fieldset), with attributes set safely. */
  async function mount(
    attributes: Record<string, string | true> = {},
    { fieldset = false }: { fieldset?: boolean } = {},
  ): Promise<{ form: HTMLFormElement; el: Control; input: HTMLInputElement }> {
    const form = await fixture<HTMLFormElement>(
      html`<form @submit=${(e: Event) => e.preventDefault()}>
        <button type="button">before</button>
        ${fieldset ? html`<fieldset></fieldset>` : ''}
        <button type="button">after</button>
      </form>`,
    );
    const el = document.createElement(tag) as Control;
    el.setAttribute('name', 'field');
    for (const [name, value] of Object.entries(attributes)) {
      el.setAttribute(name, value === true ? '' : value);
    }
    const parent = form.querySelector('fieldset');
    if (parent) parent.append(el);
    else form.querySelector('button')!.after(el);
    await el.updateComplete;
    return { form, el, input: innerInput(el) };
  }

  async function typeInto(el: Control, text: string): Promise<void> {
    el.focus();
    innerInput(el).select();
    await sendKeys({ type: text });
    await el.updateComplete;
  }

  describe(`<${tag}> form-control conformance`, () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await setPageLanguage('ar');
    });

    describe('label and hint', () => {
      it('shows a visible label tied to the input with `for`, and a hint in aria-describedby', async () => {
        await setPageLanguage('en');
        const { el, input } = await mount();
        const label = el.shadowRoot!.querySelector('label')!;
        const hint = el.shadowRoot!.querySelector<HTMLElement>('[part="hint"]')!;
        expect(label.textContent!.trim()).to.equal(options.defaultLabel);
        expect(label.htmlFor).to.equal(input.id);
        expect(input.labels?.[0] === label, 'input.labels').to.equal(true);
        expect(hint.textContent!.trim()).to.not.equal('');
        expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(hint.id);
        for (const part of [label, hint]) {
          const rect = part.getBoundingClientRect();
          expect(rect.width, `${part.localName} width`).to.be.greaterThan(10);
          expect(rect.height, `${part.localName} height`).to.be.greaterThan(10);
        }
      });

      it('uses the label and hint the host gives', async () => {
        const { el } = await mount({ label: 'Custom label', hint: 'Custom hint' });
        expect(el.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal('Custom label');
        expect(el.shadowRoot!.querySelector('[part="hint"]')!.textContent!.trim()).to.equal(
          'Custom hint',
        );
      });

      it('clicking the label moves focus into the input', async () => {
        const { el, input } = await mount();
        el.shadowRoot!.querySelector('label')!.click();
        expect(el.shadowRoot!.activeElement === input, 'focus in the input').to.equal(true);
      });
    });

    describe('required', () => {
      for (const locale of LOCALES) {
        it(`blocks the submit and shows our own message, not the browser's (${locale})`, async () => {
          await setPageLanguage(locale);
          const { form, el, input } = await mount({ required: true });
          const expected = catalogueText(
            locale,
            options.requiredMessage.id,
            options.requiredMessage.en,
          );
          expect(el.validity.valueMissing).to.equal(true);
          expect(errorOf(el) === null, 'no error before any attempt').to.equal(true);
          let submitted = false;
          form.addEventListener('submit', () => (submitted = true));
          form.requestSubmit();
          await el.updateComplete;
          expect(submitted).to.equal(false);
          const error = errorOf(el);
          expect(error !== null, 'error after a submit attempt').to.equal(true);
          expect(error!.textContent).to.contain(expected);
          expect(el.validationMessage).to.equal(expected);
          expect(el.validationMessage).to.not.equal(browserRequiredMessage());
          expect(input.getAttribute('aria-invalid')).to.equal('true');
          expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(error!.id);
        });
      }

      it('clears the error as the citizen fixes it, then submits', async () => {
        const { form, el, input } = await mount({ required: true });
        form.requestSubmit();
        await el.updateComplete;
        expect(errorOf(el) !== null, 'error shown').to.equal(true);
        await typeInto(el, validText);
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        expect(input.getAttribute('aria-invalid')).to.equal('false');
        let data: FormData | undefined;
        form.addEventListener('submit', () => (data = new FormData(form)));
        form.requestSubmit();
        expect(data?.get('field')).to.equal(normalized);
      });
    });

    describe('form value', () => {
      it('submits the normalized value of what was typed, and nothing when invalid', async () => {
        const { form, el } = await mount();
        await typeInto(el, validText);
        expect(new FormData(form).get('field')).to.equal(normalized);
        expect(el.checkValidity()).to.equal(true);
        await typeInto(el, invalidText);
        expect(new FormData(form).get('field')).to.equal(null);
        expect(el.validity.valid).to.equal(false);
        expect(el.checkValidity()).to.equal(false);
      });

      it('checkValidity() alone shows nothing (reportValidity() does)', async () => {
        const { el } = await mount({ value: invalidText });
        expect(el.checkValidity()).to.equal(false);
        await el.updateComplete;
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        expect(el.reportValidity()).to.equal(false);
        await el.updateComplete;
        expect(errorOf(el) !== null, 'error shown').to.equal(true);
      });

      it('form reset restores the initial value and hides the error', async () => {
        const { form, el, input } = await mount({ value: validText });
        await typeInto(el, invalidText);
        el.reportValidity();
        await el.updateComplete;
        expect(errorOf(el) !== null, 'error shown').to.equal(true);
        form.reset();
        await el.updateComplete;
        expect(el.value).to.equal(validText);
        expect(input.value).to.equal(validText);
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        expect(new FormData(form).get('field')).to.equal(normalized);
      });

      it('formStateRestoreCallback restores the typed text', async () => {
        const { form, el, input } = await mount();
        el.formStateRestoreCallback(validText);
        await el.updateComplete;
        expect(input.value).to.equal(validText);
        expect(new FormData(form).get('field')).to.equal(normalized);
      });
    });

    describe('disabled', () => {
      it('`disabled` makes it unfocusable and leaves it out of the form', async () => {
        const { form, el, input } = await mount({ disabled: true, value: validText });
        expect(input.disabled).to.equal(true);
        expect(el.matches(':disabled')).to.equal(true);
        el.focus();
        expect(document.activeElement !== el, 'not focused').to.equal(true);
        form.querySelector('button')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(document.activeElement!.textContent).to.equal('after');
        expect(new FormData(form).has('field')).to.equal(false);
      });

      it('a disabled <fieldset> disables it, and re-enabling the fieldset enables it', async () => {
        const { form, el, input } = await mount({ value: validText }, { fieldset: true });
        const fieldset = form.querySelector('fieldset')!;
        fieldset.disabled = true;
        await el.updateComplete;
        expect(input.disabled).to.equal(true);
        el.focus();
        expect(document.activeElement !== el, 'not focused').to.equal(true);
        expect(new FormData(form).has('field')).to.equal(false);
        fieldset.disabled = false;
        await el.updateComplete;
        expect(input.disabled).to.equal(false);
        expect(el.disabled).to.equal(false);
        expect(new FormData(form).get('field')).to.equal(normalized);
      });
    });

    describe('focus', () => {
      it('delegates focus to the inner input (el.focus() and Tab)', async () => {
        const { form, el, input } = await mount();
        expect(el.shadowRoot!.delegatesFocus).to.equal(true);
        el.focus();
        expect(document.activeElement === el, 'host is the active element').to.equal(true);
        expect(el.shadowRoot!.activeElement === input, 'focus in the input').to.equal(true);
        form.querySelector('button')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement === input, 'focus in the input').to.equal(true);
      });

      it('works with the keyboard only: type, Tab away, Shift+Tab back', async () => {
        await setPageLanguage('en');
        const { form, el, input } = await mount();
        form.querySelector('button')!.focus();
        await sendKeys({ press: 'Tab' });
        await sendKeys({ type: invalidText });
        await el.updateComplete;
        expect(errorOf(el) === null, 'no error while typing').to.equal(true);
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
        expect(document.activeElement!.textContent).to.equal('after');
        expect(errorOf(el)!.textContent).to.contain(options.invalidMessage);
        await sendKeys({ press: 'Shift+Tab' });
        expect(el.shadowRoot!.activeElement === input, 'focus in the input').to.equal(true);
        input.select();
        await sendKeys({ type: validText });
        await el.updateComplete;
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        expect(new FormData(form).get('field')).to.equal(normalized);
      });
    });

    describe('errors', () => {
      it('shows the error only after blur, ties it to the input, and clears it as the citizen fixes it', async () => {
        await setPageLanguage('en');
        const { el, input } = await mount();
        await typeInto(el, invalidText);
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        input.blur();
        await el.updateComplete;
        const error = errorOf(el)!;
        expect(error.textContent).to.contain(options.invalidMessage);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
        await typeInto(el, validText);
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        expect(input.getAttribute('aria-invalid')).to.equal('false');
        expect(input.getAttribute('aria-describedby')).to.not.contain(error.id);
      });

      it('shows the error after a submit attempt', async () => {
        const { form, el } = await mount({ value: invalidText });
        expect(errorOf(el) === null, 'no error shown').to.equal(true);
        form.requestSubmit();
        await el.updateComplete;
        expect(errorOf(el) !== null, 'error shown').to.equal(true);
      });
    });

    describe('hostile and malformed input', () => {
      const xss = '<img src=x onerror="window.__iqConformanceXss=true">';
      const middle = Math.ceil(validText.length / 2);
      const cases: [string, string][] = [
        ['markup', xss],
        ['a bidi override', `${validText.slice(0, middle)}\u202e${validText.slice(middle)}`],
        ['10 000 characters', '1'.repeat(10_000)],
        ['mixed digit scripts', '٠١٢0۳'],
        ['emoji', '📱😀'],
      ];
      const flags = window as unknown as Record<string, unknown>;

      for (const [name, text] of cases) {
        it(`${name}: a localized message, no form value, nothing thrown or run`, async () => {
          await setPageLanguage('en');
          const thrown: unknown[] = [];
          const onError = (event: ErrorEvent) => thrown.push(event.error);
          window.addEventListener('error', onError);
          try {
            const { form, el, input } = await mount();
            const started = performance.now();
            await paste(input, text);
            input.blur();
            await el.updateComplete;
            await aTimeout(50);
            expect(performance.now() - started, 'handled quickly').to.be.lessThan(1000);
            expect(new FormData(form).get('field')).to.equal(null);
            expect(el.checkValidity()).to.equal(false);
            const message = errorOf(el)?.textContent ?? '';
            expect(
              options.badInputMessages.some((m) => message.includes(m)),
              `our message, got "${message.trim()}"`,
            ).to.equal(true);
            expect(el.shadowRoot!.querySelector('img') === null, 'no <img> rendered').to.equal(
              true,
            );
            expect(flags.__iqConformanceXss).to.equal(undefined);
          } finally {
            window.removeEventListener('error', onError);
          }
          expect(thrown).to.deep.equal([]);
        });
      }

      it('renders markup in label, hint and value as text, never as elements', async () => {
        const { el, input } = await mount({ label: xss, hint: xss, value: xss });
        el.reportValidity();
        await el.updateComplete;
        await aTimeout(50);
        expect(el.shadowRoot!.querySelector('img') === null, 'no <img> rendered').to.equal(true);
        expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal(xss);
        expect(input.value).to.equal(xss);
        expect(flags.__iqConformanceXss).to.equal(undefined);
      });
    });

    describe('accessibility (axe, WCAG 2.2 AA)', () => {
      for (const locale of LOCALES) {
        it(`empty, filled, error and disabled states in ${locale}`, async () => {
          await setPageLanguage(locale);
          const empty = await mount();
          await expectAccessible(empty.form);
          const filled = await mount({ value: validText });
          await expectAccessible(filled.form);
          const invalid = await mount({ value: invalidText, required: true });
          invalid.el.reportValidity();
          await invalid.el.updateComplete;
          expect(errorOf(invalid.el) !== null, 'error shown').to.equal(true);
          await expectAccessible(invalid.form);
          const disabled = await mount({ value: validText, disabled: true });
          await expectAccessible(disabled.form);
        });
      }
    });

    describe('layout', () => {
      for (const locale of ['ar', 'en'] as const) {
        for (const width of [320, 1024]) {
          const rtl = locale !== 'en';
          it(`label, hint, error and input share the inline start (${rtl ? 'RTL' : 'LTR'}, ${width} px)`, async () => {
            await setViewport({ width, height: 800 });
            await setPageLanguage(locale);
            const { el, input } = await mount({ value: invalidText });
            el.reportValidity();
            await el.updateComplete;
            expect(input.getAttribute('dir')).to.equal('ltr');
            expect(getComputedStyle(el).direction).to.equal(rtl ? 'rtl' : 'ltr');
            const field = input.getBoundingClientRect();
            const edge = (r: DOMRect) => (rtl ? r.right : r.left);
            for (const part of ['label', 'hint', 'error']) {
              const node = el.shadowRoot!.querySelector(`[part="${part}"]`)!;
              const text = textRect(node);
              expect(Math.abs(edge(text) - edge(field)), `${part} inline start`).to.be.lessThan(2);
            }
            expect(field.left).to.be.at.least(0);
            expect(field.right).to.be.at.most(window.innerWidth);
            expect(field.height, '44 px target').to.be.at.least(44);
            expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
          });
        }
      }
    });
  });
}
