// Shared fixtures of the payment form's tests (kept out of the package build with the tests).
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { EServicesClient } from '@iq-eservices/api';
import {
  actAtGateway,
  createSandboxFetch,
  type GatewayOutcome,
  type Sandbox,
} from '@iq-eservices/sandbox';
import { createEServicesClient } from '@iq-eservices/api';
import '../../define/payment-form.js';
import type { IqPaymentForm } from '../payment-form.js';
import type { GatewayNavigator, GatewayWindow } from '../gateway.js';
import { ATTEMPT_KEY, PENDING_KEY } from '../attempt.js';
import { signIn as signInAs, until, useSandbox } from '../../test/helpers.js';
import { getLocale } from '../../core/localization.js';

export const CODE = '123456';
/** cit_01's payables (see the sandbox's seed). */
export const PASSPORT = 'pbl_0101';
export const ELECTRICITY = 'pbl_0102';
export const WATER = 'pbl_0103';
/** 1 250 000 IQD, paid alone, above ZainCash's ceiling. */
export const NEW_PLATES = 'pbl_0105';
export const PAID = 'pbl_0106';

/** Signs a citizen in through a client (cookie session). */
export const signIn = (sandbox: Sandbox, client: EServicesClient, citizenId: string) =>
  signInAs({ sandbox, client }, citizenId);

/** A second client on the same sandbox (another browser), signed in as `citizenId`. */
export async function otherBrowser(sandbox: Sandbox, citizenId: string): Promise<EServicesClient> {
  const client = createEServicesClient({
    baseUrl: 'http://sandbox.localhost',
    fetch: createSandboxFetch(sandbox),
    locale: () => getLocale(),
  });
  await signIn(sandbox, client, citizenId);
  return client;
}

/**
 * The client of a page that is about to be reloaded, signed in as `citizenId`. `kill()` is the
 * reload: from then on no answer reaches the page's script (its requests may still reach the
 * sandbox, which then acts on them), as when the page that sent them is gone. `dieOnAnswer`
 * reloads the page at the very moment `createPayment`'s answer, or its failure, arrives; `hold`
 * keeps its requests on the way until `release()`.
 */
export async function pageClient(sandbox: Sandbox, citizenId = 'cit_01') {
  const base = createSandboxFetch(sandbox);
  const never = new Promise<never>(() => undefined);
  const page = {
    client: null as unknown as EServicesClient,
    /** createPayment requests that left the page. */
    creates: 0,
    dead: false,
    dieOnAnswer: false,
    /** While true, createPayment requests wait on the way (in flight) until `release()`. */
    hold: false,
    held: [] as (() => void)[],
    kill() {
      page.dead = true;
    },
    release() {
      for (const go of page.held.splice(0)) go();
    },
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (page.dead) return never;
    let request = new Request(input, init);
    const create = request.method === 'POST' && request.url.endsWith('/payments/v1/payments');
    if (create) page.creates += 1;
    if (create && page.hold) {
      await new Promise<void>((go) => page.held.push(go));
      // On the network, a request outlives the page (and its client's timeout) that sent it.
      request = new Request(request, { signal: null });
    }
    const settle = () => {
      if (create && page.dieOnAnswer) page.kill();
      return page.dead;
    };
    try {
      const response = await base(request);
      return settle() ? never : response;
    } catch (error) {
      if (settle()) return never;
      throw error;
    }
  };
  page.client = createEServicesClient({
    baseUrl: 'http://sandbox.localhost',
    fetch,
    locale: () => getLocale(),
    retry: { maxRetries: 1, baseDelayMs: 10, maxDelayMs: 20 },
    timeoutMs: 2000,
  });
  await signIn(sandbox, page.client, citizenId);
  return page;
}

/** A window the fake navigator "opened": records where it was sent. */
export interface FakeWindow extends GatewayWindow {
  urls: string[];
  closed: boolean;
}

/** Records every navigation instead of leaving the test page. */
export class FakeNavigator implements GatewayNavigator {
  /** When true, `open` returns null as a popup blocker does. */
  blocked = false;
  /** How many opens a blocker refused. */
  refused = 0;
  readonly windows: FakeWindow[] = [];
  readonly assigned: string[] = [];
  open(): GatewayWindow | null {
    if (this.blocked) {
      this.refused += 1;
      return null;
    }
    const urls: string[] = [];
    const win: FakeWindow = {
      urls,
      closed: false,
      location: { replace: (url: string) => void urls.push(url) },
      close() {
        this.closed = true;
      },
    };
    this.windows.push(win);
    return win;
  }
  assign(url: string): void {
    this.assigned.push(url);
  }
}

export interface Setup {
  sandbox: Sandbox;
  client: EServicesClient;
  nav: FakeNavigator;
  el: IqPaymentForm;
  events: Event[];
}

const EVENTS = [
  'iq-payment-started',
  'iq-payment-succeeded',
  'iq-payment-failed',
  'iq-payment-cancelled',
  'iq-error',
  'iq-auth-required',
];

/** A sandbox, `citizenId` signed in (or nobody), and a mounted form with a fake navigator. */
export async function setup(
  citizenId: string | null = 'cit_01',
  template: TemplateResult = html`<iq-payment-form></iq-payment-form>`,
  options: Parameters<typeof useSandbox>[0] = {},
  prepare?: (sandbox: Sandbox) => void,
): Promise<Setup> {
  sessionStorage.clear();
  const { sandbox, client } = useSandbox(options);
  if (citizenId) await signIn(sandbox, client, citizenId);
  prepare?.(sandbox);
  const nav = new FakeNavigator();
  const events: Event[] = [];
  const el = await mount(template, nav, events);
  return { sandbox, client, nav, el, events };
}

/** Mounts a form (e.g. after a "reload") with the navigator, recording its events. */
export async function mount(
  template: TemplateResult,
  nav: FakeNavigator,
  events: Event[] = [],
): Promise<IqPaymentForm> {
  const el = await fixture<IqPaymentForm>(template);
  el.gatewayNavigator = nav;
  for (const type of EVENTS) el.addEventListener(type, (e) => events.push(e));
  await settled(el);
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: IqPaymentForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: IqPaymentForm, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const text = (el: IqPaymentForm, selector: string) =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The view on screen (`data-view`). */
export const view = (el: IqPaymentForm) => $(el, 'section')?.dataset['view'] ?? '';

/** Waits until the loading or checking view is over. */
export async function settled(el: IqPaymentForm): Promise<void> {
  await until(
    () => !['loading', 'checking', ''].includes(view(el)) || !!$(el, '#problem'),
    'the form to settle',
  );
  await el.updateComplete;
}

/** Waits for a view. */
export async function reach(el: IqPaymentForm, name: string): Promise<void> {
  await until(() => view(el) === name, `view ${name} (now ${view(el)})`);
  await el.updateComplete;
}

/** Clicks the primary button of the view. */
export function submit(el: IqPaymentForm): void {
  $<HTMLButtonElement>(el, '[part="submit"]')!.click();
}

/** Clicks the secondary button of the view. */
export function secondary(el: IqPaymentForm): void {
  $<HTMLButtonElement>(el, '[part="actions"] .secondary')!.click();
}

/** Ticks the payables, continues, picks the method, continues: the review is on screen. */
export async function toReview(
  el: IqPaymentForm,
  ids: string[] = [PASSPORT],
  method = 'qi-card',
): Promise<void> {
  for (const id of ids) {
    const box = $<HTMLInputElement>(el, `input[type="checkbox"][value="${id}"]`);
    if (box && !box.checked) box.click();
  }
  await el.updateComplete;
  submit(el);
  await reach(el, 'method');
  $<HTMLInputElement>(el, `input[type="radio"][value="${method}"]`)!.click();
  await el.updateComplete;
  submit(el);
  await reach(el, 'review');
}

/** Payments created while the test ran (the seed's ids start with `pay_s`). */
export function createdPayments(sandbox: Sandbox, citizenId = 'cit_01') {
  return (sandbox.state.payments.payments[citizenId] ?? []).filter(
    (p) => !p.id.startsWith('pay_s'),
  );
}

/** Idempotency records the sandbox keeps for createPayment (one per key that succeeded). */
export function createKeys(sandbox: Sandbox): string[] {
  return Object.keys(sandbox.state.idempotency).filter((k) => k.startsWith('createPayment|'));
}

/** Acts at the sandbox's hosted page with `outcome`; returns the URL the browser comes back to. */
export function payAtGateway(
  sandbox: Sandbox,
  redirectUrl: string,
  outcome: string,
): Promise<string> {
  return actAtGateway(sandbox, redirectUrl, outcome as GatewayOutcome);
}

/** The only URL the current attempt was sent to (the window's first navigation). */
export function openedUrl(nav: FakeNavigator): string {
  const url = nav.windows.at(-1)?.urls.at(-1) ?? nav.assigned.at(-1);
  if (!url) throw new Error('nothing was opened');
  return url;
}

/** Tells the form the popup came back, as the returning page does. */
export function postReturn(paymentId: string, origin = window.location.origin): void {
  window.dispatchEvent(
    new MessageEvent('message', {
      origin,
      data: { type: 'iq-payment-return', payment: paymentId },
    }),
  );
}

/** What the page stores: every sessionStorage and localStorage entry. */
export function stored(): { session: Record<string, string>; local: number } {
  const session: Record<string, string> = {};
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i)!;
    session[key] = sessionStorage.getItem(key) ?? '';
  }
  return { session, local: localStorage.length };
}

export { ATTEMPT_KEY, PENDING_KEY };
