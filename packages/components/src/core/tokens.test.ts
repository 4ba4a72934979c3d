import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/login.js';
import type { IqLogin } from '../login/login.js';
import { until, useSandbox } from '../test/helpers.js';

/** A ministry's colours, set once on a wrapper as a host page does. */
const MINISTRY = {
  '--iq-color-primary': 'rgb(0, 90, 140)',
  '--iq-color-on-primary': 'rgb(250, 250, 240)',
  '--iq-color-text': 'rgb(20, 30, 40)',
  '--iq-color-border': 'rgb(60, 70, 80)',
  '--iq-color-focus': 'rgb(244, 119, 56)',
  '--iq-color-link': 'rgb(111, 44, 145)',
  '--iq-color-surface': 'rgb(255, 254, 250)',
  '--iq-radius': '4px',
};

/** What an element showed before the tokens were themeable: every default, unchanged. */
const DEFAULTS = {
  primary: 'rgb(0, 112, 60)',
  onPrimary: 'rgb(255, 255, 255)',
  text: 'rgb(11, 12, 12)',
  border: 'rgb(11, 12, 12)',
  focus: 'rgb(255, 221, 0)',
  link: 'rgb(29, 112, 184)',
  surface: 'rgb(255, 255, 255)',
  radius: '0px',
};

const THEMED = {
  primary: MINISTRY['--iq-color-primary'],
  onPrimary: MINISTRY['--iq-color-on-primary'],
  text: MINISTRY['--iq-color-text'],
  border: MINISTRY['--iq-color-border'],
  focus: MINISTRY['--iq-color-focus'],
  link: MINISTRY['--iq-color-link'],
  surface: MINISTRY['--iq-color-surface'],
  radius: MINISTRY['--iq-radius'],
};

/** `<iq-login>` inside a wrapper with `style`, on its code step (a link-styled button there). */
async function login(style: string): Promise<IqLogin> {
  useSandbox();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style=${style}><iq-login></iq-login></div>`,
  );
  const el = wrapper.querySelector<IqLogin>('iq-login')!;
  await until(() => !!el.shadowRoot?.querySelector('#id-field'), 'the start step');
  return el;
}

const idInput = (el: IqLogin) =>
  el.shadowRoot!.querySelector('#id-field')!.shadowRoot!.querySelector('input')!;

/** Checks the computed styles of the start and code steps against `colours`. */
async function expectStyles(el: IqLogin, colours: typeof DEFAULTS): Promise<void> {
  const root = el.shadowRoot!;
  const submit = root.querySelector<HTMLButtonElement>('[part="submit"]')!;
  let style = getComputedStyle(submit);
  expect(style.backgroundColor, 'primary button').to.equal(colours.primary);
  expect(style.color, 'text on the primary button').to.equal(colours.onPrimary);
  expect(style.borderTopLeftRadius, 'corners').to.equal(colours.radius);
  expect(getComputedStyle(el).color, 'text').to.equal(colours.text);

  // The field (another element's shadow root inside the login's): its border and, focused from
  // the keyboard, the focus ring.
  const input = idInput(el);
  style = getComputedStyle(input);
  expect(style.borderTopColor, 'field border').to.equal(colours.border);
  expect(style.backgroundColor, 'field background').to.equal(colours.surface);
  input.focus();
  await sendKeys({ type: '199012345678' });
  style = getComputedStyle(input);
  expect(style.outlineColor, 'focus outline').to.equal(colours.focus);
  expect(style.boxShadow, 'ring around the outline').to.contain(colours.text);

  await sendKeys({ press: 'Enter' });
  await until(() => !!root.querySelector('#code-field'), 'the code step');
  const link = root.querySelector<HTMLButtonElement>('button.link')!;
  expect(getComputedStyle(link).color, 'link-styled button').to.equal(colours.link);
  link.focus();
  await sendKeys({ press: 'Shift+Tab' });
  await sendKeys({ press: 'Tab' });
  await until(() => root.activeElement === link, 'the link has keyboard focus');
  style = getComputedStyle(link);
  expect(style.outlineColor, 'focus outline of a button').to.equal(colours.focus);
}

describe('design tokens', () => {
  it('with no theme, the GOV.UK-like defaults citizens have always seen', async () => {
    await expectStyles(await login(''), DEFAULTS);
  });

  it("a ministry's colours on a wrapper reach buttons, links, fields and the focus ring", async () => {
    const style = Object.entries(MINISTRY)
      .map(([name, value]) => `${name}: ${value}`)
      .join('; ');
    await expectStyles(await login(style), THEMED);
  });

  it('tokens derived from others follow them unless set: border from text, on-primary from surface', async () => {
    const el = await login('--iq-color-text: rgb(1, 2, 3); --iq-color-surface: rgb(4, 5, 6)');
    const submit = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!;
    expect(getComputedStyle(submit).color).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(idInput(el)).borderTopColor).to.equal('rgb(1, 2, 3)');
  });
});
