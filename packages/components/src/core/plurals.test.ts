// Arabic does not write a numeral before one or two of something: "محاولة واحدة", "محاولتان",
// never "٢ محاولتان". Checked in the elements that count (the catalogue itself is checked by
// packages/components/test/xliff.test.ts).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/login.js';
import '../define/otp-input.js';
import '../define/ration-card.js';
import type { IqLogin } from '../login/login.js';
import type { IqOtpInput } from '../otp-input/otp-input.js';
import type { IqRationCard } from '../ration-card/ration-card.js';
import { setPageLanguage, signIn, until, useSandbox } from '../test/helpers.js';

describe('Arabic counts of one and two', function () {
  this.timeout(60000);

  beforeEach(() => setPageLanguage('ar'));

  it('sign-in: two attempts left, one attempt left, a new code in one minute', async () => {
    useSandbox();
    const el = await fixture<IqLogin>(html`<iq-login></iq-login>`);
    const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
    const input = (id: string) => $(id)!.shadowRoot!.querySelector<HTMLInputElement>('input')!;
    input('#id-field').focus();
    await sendKeys({ type: '199012345678' });
    await sendKeys({ press: 'Enter' });
    await until(() => !!$('#code-field'), 'the code step');
    await el.updateComplete;
    expect($('[part="resend"]')!.textContent).to.contain('بعد دقيقة واحدة.');
    const summary = () => $('[part="error-summary"]')?.textContent ?? '';
    for (const [code, expected] of [
      ['000000', 'الرمز غير صحيح. تبقّت لديك محاولتان.'],
      ['111111', 'الرمز غير صحيح. تبقّت لديك محاولة واحدة.'],
    ] as const) {
      await el.updateComplete;
      input('#code-field').focus();
      input('#code-field').select();
      await sendKeys({ type: code });
      await sendKeys({ press: 'Enter' });
      await until(() => summary().includes(expected), expected);
      expect(summary()).to.not.match(/[٠-٩0-9] محاول/);
    }
  });

  it('the code field: a code of one digit, of two digits', async () => {
    for (const [length, hint, error] of [
      [1, 'الرقم الوحيد في الرسالة', 'يتكون الرمز من رقم واحد'],
      [2, 'الرقمان في الرسالة', 'يتكون الرمز من رقمين'],
    ] as const) {
      const el = await fixture<IqOtpInput>(html`<iq-otp-input length=${length}></iq-otp-input>`);
      const shown = () => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
      expect(shown()).to.contain(hint);
      el.value = '123';
      el.reportValidity();
      await el.updateComplete;
      expect(shown()).to.contain(error);
      expect(shown()).to.not.match(/[٠-٩]/);
    }
  });

  it('the ration card: one member, two members', async () => {
    for (const [citizen, count] of [
      ['cit_14', 'فرد واحد'],
      ['cit_08', 'فردان'],
    ] as const) {
      const s = useSandbox();
      await signIn(s, citizen);
      const el = await fixture<IqRationCard>(html`<iq-ration-card></iq-ration-card>`);
      await until(() => !!el.shadowRoot!.querySelector('#members-heading'), 'members');
      expect(el.shadowRoot!.querySelector('#members-heading .count')!.textContent).to.equal(
        `(${count})`,
      );
    }
  });
});
