import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/phone-input.js';
import type { IqPhoneInput } from '../phone-input/phone-input.js';
import { errorOf, innerInput } from '../test/conformance.js';
import { setPageLanguage, until } from '../test/helpers.js';

// A page's own stylesheet, styling the field from outside its shadow root by its custom states.
const PAGE_STYLES = `
  iq-phone-input { outline: 2px solid rgb(0, 0, 0); }
  iq-phone-input:state(required) { outline-style: dashed; }
  iq-phone-input:state(invalid) { outline-width: 4px; }
  iq-phone-input:state(user-invalid) { outline-color: rgb(200, 0, 0); }
`;

const RED = 'rgb(200, 0, 0)';
const BLACK = 'rgb(0, 0, 0)';

/** The outline the page's styles give the field: style (required), width (invalid), colour. */
function outline(el: Element) {
  const style = getComputedStyle(el);
  return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
}

async function page(required = true) {
  const root = await fixture<HTMLDivElement>(html`
    <div>
      <style>
        ${PAGE_STYLES}
      </style>
      <form>
        <label for="phone">Your mobile</label>
        <iq-phone-input id="phone" name="phone" ?required=${required}></iq-phone-input>
        <button>Send</button>
      </form>
      <button id="elsewhere">Elsewhere</button>
    </div>
  `);
  const form = root.querySelector('form')!;
  const el = root.querySelector<IqPhoneInput>('iq-phone-input')!;
  const submits: SubmitEvent[] = [];
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submits.push(e as SubmitEvent);
  });
  await el.updateComplete;
  return { root, form, el, submits, send: root.querySelector<HTMLButtonElement>('form button')! };
}

describe('form control custom states (:state())', () => {
  before(() => setPageLanguage('en'));
  after(() => setPageLanguage('ar'));

  it('required and invalid from the start; user-invalid only once the citizen has left the field', async () => {
    const { root, el } = await page();
    expect(outline(el)).to.deep.equal({ style: 'dashed', width: '4px', color: BLACK });

    innerInput(el).focus();
    await sendKeys({ type: '0770 12' });
    await el.updateComplete;
    expect(outline(el).color, 'typing: not yet user-invalid').to.equal(BLACK);
    expect(outline(el).width, 'still invalid').to.equal('4px');

    root.querySelector<HTMLButtonElement>('#elsewhere')!.focus(); // blur
    await el.updateComplete;
    expect(outline(el).color, 'left the field: user-invalid').to.equal(RED);
    expect(errorOf(el)?.textContent).to.contain('11 digits');

    innerInput(el).focus();
    await sendKeys({ type: '3 4567' });
    await el.updateComplete;
    expect(innerInput(el).value).to.equal('0770 123 4567');
    expect(outline(el), 'valid: neither invalid nor user-invalid').to.deep.equal({
      style: 'dashed',
      width: '2px',
      color: BLACK,
    });
  });

  it('an optional empty field is neither required nor invalid', async () => {
    const { el } = await page(false);
    expect(outline(el)).to.deep.equal({ style: 'solid', width: '2px', color: BLACK });
  });

  it('a blocked submit makes the field user-invalid without leaving it', async () => {
    const { el, send, submits } = await page();
    send.click();
    await el.updateComplete;
    expect(submits.length).to.equal(0);
    expect(outline(el).color).to.equal(RED);
    expect(errorOf(el)?.textContent).to.contain('Enter your mobile number');
  });

  it('setCustomValidity blocks the submit with the message, until cleared', async () => {
    const { el, form, send, submits } = await page();
    innerInput(el).focus();
    await sendKeys({ type: '0770 123 4567' });
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);

    el.setCustomValidity('This number is already registered');
    expect(form.checkValidity(), 'at once').to.equal(false);
    expect(el.validationMessage).to.equal('This number is already registered');
    expect(el.validity.customError).to.equal(true);
    send.click();
    await until(() => !!errorOf(el), 'the error shows');
    expect(submits.length, 'not submitted').to.equal(0);
    expect(errorOf(el)!.textContent).to.contain('This number is already registered');
    expect(innerInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(outline(el).color).to.equal(RED);

    el.setCustomValidity('');
    await el.updateComplete;
    expect(errorOf(el)).to.equal(null);
    expect(outline(el).color).to.equal(BLACK);
    send.click();
    expect(submits.length, 'submitted once valid').to.equal(1);
    expect(new FormData(form).get('phone')).to.equal('+9647701234567');
  });

  it('labels: the page’s <label for> of the field', async () => {
    const { el } = await page();
    expect([...el.labels].map((l) => l.textContent)).to.deep.equal(['Your mobile']);
  });
});
