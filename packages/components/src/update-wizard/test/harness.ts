// Helpers of the wizard's tests: a signed-in sandbox, a wizard on it, and the moves a citizen makes.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EServicesClient } from '@iq-eservices/api';
import type { Sandbox } from '@iq-eservices/sandbox';
import '../../define/update-wizard.js';
import type { IqUpdateWizard } from '../update-wizard.js';
import { signIn, until, useSandbox } from '../../test/helpers.js';

export { signIn };

export interface Setup {
  sandbox: Sandbox;
  client: EServicesClient;
}

/** A fresh sandbox with `citizenId` signed in, and nothing kept from an earlier test. */
export async function signedIn(citizenId = 'cit_01'): Promise<Setup> {
  sessionStorage.clear();
  const setup = useSandbox();
  await signIn(setup, citizenId);
  return setup;
}

export const $ = <T extends Element = HTMLElement>(el: IqUpdateWizard, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: IqUpdateWizard, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (el: IqUpdateWizard, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Text as typed: Latin digits, without the marks that keep number groups in order. */
export const latin = (value: string) =>
  value
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .trim();

/** The SDK's keys in this tab's `sessionStorage` (every one starts with `iq-`). */
export const iqKeys = () => Object.keys(sessionStorage).filter((key) => key.startsWith('iq-'));

/** The step or view the wizard shows. */
export const stepOf = (el: IqUpdateWizard) => $(el, '.root')?.dataset['step'] ?? '';
export const viewOf = (el: IqUpdateWizard) => $(el, '.root')?.dataset['view'] ?? '';

/** Waits until the wizard shows `step` (and its heading has focus). */
export async function atStep(el: IqUpdateWizard, step: string): Promise<void> {
  await until(
    () => viewOf(el) !== 'loading' && stepOf(el) === step,
    `step ${step} (at ${stepOf(el)})`,
  );
  await el.updateComplete;
}

/** A wizard on the page. */
export async function mount(flow = 'social-protection', kind?: string): Promise<IqUpdateWizard> {
  const el = await fixture<IqUpdateWizard>(
    html`<iq-update-wizard flow=${flow} kind=${kind ?? ''}></iq-update-wizard>`,
  );
  if (!kind) el.removeAttribute('kind');
  await until(() => viewOf(el) !== 'loading' && viewOf(el) !== '', 'wizard loaded');
  await el.updateComplete;
  return el;
}

/** A reload: the element goes, a new one comes on the same sandbox and the same tab. */
export async function reload(el: IqUpdateWizard): Promise<IqUpdateWizard> {
  const flow = el.flow;
  const kind = el.kind;
  el.remove();
  return mount(flow, kind);
}

/** Sets a field's value as a paste does (value, then the input event). */
export async function fill(el: IqUpdateWizard, id: string, value: string): Promise<void> {
  const control = $<HTMLElement>(el, `#f-${id}`)!;
  const input =
    (control.shadowRoot?.querySelector('input') as HTMLInputElement | null) ??
    (control as HTMLInputElement);
  if (input instanceof HTMLSelectElement) {
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  } else {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await el.updateComplete;
}

/** Checks the radio button or checkbox of `value` in field `id`. */
export async function choose(el: IqUpdateWizard, id: string, value: string): Promise<void> {
  const box = $$<HTMLInputElement>(el, `input[name="f-${id}"]`).find((i) => i.value === value)!;
  box.click();
  await el.updateComplete;
}

/** The field's current value as the control shows it. */
export function valueOf(el: IqUpdateWizard, id: string): string {
  const control = $<HTMLElement>(el, `#f-${id}`);
  if (!control) return '';
  if (
    control instanceof HTMLInputElement &&
    (control.type === 'radio' || control.type === 'checkbox')
  )
    return $$<HTMLInputElement>(el, `input[name="f-${id}"]`)
      .filter((i) => i.checked)
      .map((i) => i.value)
      .join(',');
  return (control as HTMLInputElement).value;
}

/** Presses Continue (a click; the keyboard tests press Enter). */
export async function next(el: IqUpdateWizard): Promise<void> {
  $<HTMLButtonElement>(el, '[part="continue"]')!.click();
  await el.updateComplete;
}

/** The element focused inside the wizard (through the inner shadow roots). */
export function focused(el: IqUpdateWizard): Element | null {
  let active = el.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until the focused element matches (a user tabbing to it), or fails. */
export async function tabTo(el: IqUpdateWizard, matches: (e: Element) => boolean, what: string) {
  for (let i = 0; i < 60; i++) {
    const active = focused(el);
    if (active && matches(active)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`could not tab to ${what}`);
}

/** A small valid PDF. */
export const pdf = (name = 'البطاقة الوطنية.pdf') =>
  new File(['%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'], name, { type: 'application/pdf' });

/** Attaches a file as the citizen would after choosing it in the file picker. */
export async function attach(el: IqUpdateWizard, type: string, file: File): Promise<void> {
  await until(() => !!$(el, '[data-checked]'), 'the upload list');
  await fill(el, 'document-type', type);
  const input = $<HTMLInputElement>(el, '#f-documents')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  const picker = () => $(el, '[data-checked]')!;
  const before = Number(picker().dataset['checked']);
  $<HTMLButtonElement>(el, 'button.upload')!.click();
  await until(() => Number(picker().dataset['checked']) > before, 'upload settled');
  await el.updateComplete;
}

/** The last request of the citizen as the sandbox stores it. */
export function storedRequests(sandbox: Sandbox, flow: 'social-protection' | 'ration-card-family') {
  const drafts =
    flow === 'social-protection'
      ? sandbox.state.socialProtection.drafts
      : sandbox.state.rationCard.drafts;
  return Object.values(drafts);
}

/** What the social-protection flow submits, as far as {@link CHANGES} read it. */
export type Body = {
  residence: { nearestLandmark: string };
  household: { members: { name: string; nationalId?: string }[] };
  income: { monthlyIncome: number };
  housing: { rooms: number };
};

/** One change per question step of the social-protection flow, and where it lands in the request. */
export const CHANGES: {
  step: string;
  make: (el: IqUpdateWizard) => Promise<void>;
  shown: (el: IqUpdateWizard) => string;
  expected: string;
  sent: (body: Body) => string;
}[] = [
  {
    step: 'residence',
    make: (el) => fill(el, 'landmark', 'قرب سوق الخضار'),
    shown: (el) => valueOf(el, 'landmark'),
    expected: 'قرب سوق الخضار',
    sent: (b) => b.residence.nearestLandmark,
  },
  {
    step: 'household',
    make: async (el) => {
      $$<HTMLButtonElement>(el, '.member button.link')[2]!.click(); // "Change" of the second member
      await el.updateComplete;
      await fill(el, 'm-name', 'سجى عبد الكريم حمزة علي');
      [...$$<HTMLButtonElement>(el, '.member-form button')][0]!.click();
      await el.updateComplete;
    },
    shown: (el) => $$(el, '.member .name')[1]?.textContent ?? '',
    expected: 'سجى عبد الكريم حمزة علي',
    sent: (b) => b.household.members[1]!.name,
  },
  {
    step: 'income',
    make: (el) => fill(el, 'monthlyIncome', '310000'),
    shown: (el) => valueOf(el, 'monthlyIncome'),
    expected: '310000',
    sent: (b) => String(b.income.monthlyIncome),
  },
  {
    step: 'health',
    make: (el) => fill(el, 'rooms', '4'),
    shown: (el) => valueOf(el, 'rooms'),
    expected: '4',
    sent: (b) => String(b.housing.rooms),
  },
];

/** Walks from where the wizard is to `step` with Continue. */
export async function reach(el: IqUpdateWizard, step: string) {
  const order = ['identity', 'residence', 'household', 'income', 'health', 'documents', 'check'];
  await atStep(
    el,
    order.find(
      (s) => s === (el.shadowRoot!.querySelector<HTMLElement>('.root')!.dataset['step'] ?? ''),
    )!,
  );
  while (($(el, '.root')!.dataset['step'] ?? '') !== step) {
    const at = $(el, '.root')!.dataset['step']!;
    await next(el);
    await atStep(el, order[order.indexOf(at) + 1]!);
  }
}

/** From wherever the wizard is, on to submission; returns the submitted answers. */
export async function finish(el: IqUpdateWizard, setup: Setup): Promise<Body> {
  if ($(el, '.root')!.dataset['step'] !== 'check') {
    await reach(el, 'documents');
    if (!$$(el, '.document').length) await attach(el, 'national-card', pdf());
    await next(el);
    await atStep(el, 'check');
  }
  $<HTMLButtonElement>(el, '[part="submit"]')!.click();
  await until(() => viewOf(el) === 'done', `confirmation (${text(el, '[part="error-summary"]')})`);
  const submitted = storedRequests(setup.sandbox, 'social-protection').filter(
    (d) => d.citizenId === 'cit_01' && d.status === 'submitted',
  );
  expect(submitted.length, 'one submitted request').to.equal(1);
  return submitted[0]!.answers as Body;
}
