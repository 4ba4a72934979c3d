import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/otp-input.js';
import { extractCode, type IqOtpCompleteEvent, type IqOtpInput } from './otp-input.js';
import { setPageLanguage } from '../test/helpers.js';
import { errorOf, innerInput, paste, runFormControlConformance } from '../test/conformance.js';

const LENGTH = 'The code has 6 digits';
const CHARACTERS = 'Use digits only';
const BIDI = 'Remove the hidden direction characters from the number';

runFormControlConformance({
  tag: 'iq-otp-input',
  validText: '123 456',
  normalized: '123456',
  invalidText: '1234',
  invalidMessage: LENGTH,
  requiredMessage: { id: 'otp.required', en: 'Enter the code from the text message' },
  defaultLabel: 'Code from the text message',
  badInputMessages: [LENGTH, CHARACTERS, BIDI],
});

describe('extractCode', () => {
  it('finds the one code of the right length in a message, in any digit script', () => {
    expect(extractCode('Your code is ١٢٣٤٥٦', 6)).to.equal('123456');
    expect(extractCode('رمز التحقق: ۱۲۳-۴۵۶. صالح لمدة 5 دقائق', 6)).to.equal('123456');
    expect(extractCode(' 123 456 ', 6)).to.equal('123456');
    expect(extractCode('1234', 4)).to.equal('1234');
  });

  it('gives nothing when there is no such code or more than one', () => {
    expect(extractCode('12345', 6)).to.equal(undefined);
    expect(extractCode('1234567', 6)).to.equal(undefined);
    expect(extractCode('123456 or 654321', 6)).to.equal(undefined);
    expect(extractCode('123\u202e456', 6)).to.equal(undefined);
  });
});

describe('iq-otp-input', () => {
  afterEach(() => setPageLanguage('ar'));

  async function form(length?: number) {
    const root = await fixture<HTMLFormElement>(
      html`<form @submit=${(e: Event) => e.preventDefault()}>
        <iq-otp-input name="code" length=${length ?? 6}></iq-otp-input>
      </form>`,
    );
    const el = root.querySelector('iq-otp-input')!;
    await el.updateComplete;
    return { root, el, input: innerInput(el) };
  }

  it('is one native input for one-time codes with a numeric keyboard', async () => {
    const { el, input } = await form();
    expect(el.shadowRoot!.querySelectorAll('input').length).to.equal(1);
    expect(el.length).to.equal(6);
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.getAttribute('dir')).to.equal('ltr');
  });

  it('turns a pasted message into the code in ASCII digits and announces it once', async () => {
    const { root, el, input } = await form();
    const codes: string[] = [];
    el.addEventListener('iq-otp-complete', (e) => codes.push(e.code));
    let submitted = false;
    root.addEventListener('submit', () => (submitted = true));
    await paste(input, 'Your code is ١٢٣٤٥٦');
    await el.updateComplete;
    expect(input.value).to.equal('123456');
    expect(el.value).to.equal('123456');
    expect(new FormData(root).get('code')).to.equal('123456');
    await paste(input, '١٢٣٤٥٦');
    expect(codes).to.deep.equal(['123456']);
    expect(submitted, 'never submits by itself').to.equal(false);
  });

  it('pastes a code with dashes in Extended Arabic-Indic digits', async () => {
    const { root, el, input } = await form();
    await paste(input, '۱۲۳-۴۵۶');
    await el.updateComplete;
    expect(new FormData(root).get('code')).to.equal('123456');
  });

  it('fires iq-otp-complete, bubbling and composed, when the last digit is typed', async () => {
    const { root, el } = await form();
    const codes: string[] = [];
    root.addEventListener('iq-otp-complete', (e) => codes.push(e.code));
    el.focus();
    await sendKeys({ type: '١٢٣٤٥' });
    expect(codes, 'not before the code is complete').to.deep.equal([]);
    const heard = oneEvent(document, 'iq-otp-complete') as Promise<IqOtpCompleteEvent>;
    await sendKeys({ type: '٦' });
    const event = await heard;
    expect(event.code).to.equal('123456');
    expect(event.composed).to.equal(true);
    expect(codes).to.deep.equal(['123456']);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '7' });
    expect(codes).to.deep.equal(['123456', '123457']);
  });

  it('follows `length` (the challenge code length)', async () => {
    await setPageLanguage('en');
    const { root, el, input } = await form(4);
    expect(el.shadowRoot!.querySelector('[part="hint"]')!.textContent!.trim()).to.equal(
      'The 4 digits in the text message we sent you',
    );
    await paste(input, 'Code: 9876');
    await el.updateComplete;
    expect(new FormData(root).get('code')).to.equal('9876');
    el.value = '123456';
    el.reportValidity();
    await el.updateComplete;
    expect(errorOf(el)!.textContent).to.contain('The code has 4 digits');
  });

  it('chooses the plural form by the language rules', async () => {
    await setPageLanguage('en');
    const { el } = await form(1);
    el.value = '12';
    el.reportValidity();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="hint"]')!.textContent!.trim()).to.equal(
      'The 1 digit in the text message we sent you',
    );
    expect(errorOf(el)!.textContent).to.contain('The code has 1 digit');
    expect(errorOf(el)!.textContent).to.not.contain('digits');
  });

  it('writes the count in the page digits', async () => {
    await setPageLanguage('ar');
    const { el } = await form();
    expect(el.shadowRoot!.querySelector('[part="hint"]')!.textContent).to.contain('٦');
  });

  it('leaves an ambiguous paste as it is and explains the problem', async () => {
    await setPageLanguage('en');
    const codes: string[] = [];
    const { root, el, input } = await form();
    el.addEventListener('iq-otp-complete', (e) => codes.push(e.code));
    await paste(input, '123456 or 654321');
    input.blur();
    await el.updateComplete;
    expect(new FormData(root).get('code')).to.equal(null);
    expect(errorOf(el)!.textContent).to.contain(CHARACTERS);
    expect(codes).to.deep.equal([]);
  });

  it('forgets the announced code on form reset', async () => {
    const { root, el, input } = await form();
    const codes: string[] = [];
    el.addEventListener('iq-otp-complete', (e) => codes.push(e.code));
    await paste(input, '123456');
    root.reset();
    await el.updateComplete;
    expect((el as IqOtpInput).value).to.equal('');
    await paste(input, '123456');
    expect(codes).to.deep.equal(['123456', '123456']);
  });
});
