// What the classroom's test files share: a signed-in sandbox with its remote-learning controls,
// reading the element's shadow DOM, and the device's saved materials.
import { fixture, html } from '@open-wc/testing';
import { educationControls } from '@iq-eservices/sandbox';
import '../../define/classroom.js';
import type { IqClassroom } from '../classroom.js';
import { offlineStore, sha256 } from '../download.js';
import { signIn, until, useSandbox } from '../../test/helpers.js';

/** A fresh sandbox with `citizenId` signed in, and its remote-learning controls. */
export async function signedIn(citizenId: string | null = 'cit_01') {
  const s = useSandbox({ hangMs: 3000 });
  if (citizenId) await signIn(s, citizenId);
  return { ...s, controls: educationControls(s.sandbox) };
}

/** The first element matching `selector` in the element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: IqClassroom, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Every element matching `selector` in the element's shadow root. */
export const $$ = (el: IqClassroom, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** The text of `selector`, with runs of white space as one space. */
export const text = (el: IqClassroom, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A new `<iq-classroom>`, once it shows the courses (or a problem, or "not a student"). */
export async function render(): Promise<IqClassroom> {
  const el = await fixture<IqClassroom>(html`<iq-classroom></iq-classroom>`);
  await until(
    () => !!$(el, '[part="courses"]') || !!$(el, '#problem') || !!$(el, '[part="empty"]'),
    'the classroom',
  );
  await el.updateComplete;
  return el;
}

/** The material's card. */
export const material = (el: IqClassroom, id: string) =>
  $(el, `[data-material="${id}"]`) as HTMLElement;

/** The SHA-256 of what the device keeps of a material, or null. */
export async function savedHash(id: string): Promise<string | null> {
  const blob = await offlineStore.open(id);
  return blob ? sha256(new Uint8Array(await blob.arrayBuffer())) : null;
}

/** Forgets every saved material (Cache Storage), between tests. */
export const clearSaved = () => offlineStore.clear();
