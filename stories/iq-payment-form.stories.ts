import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EServicesClient } from '@iq-eservices/api';
import { actAtGateway, type GatewayOutcome, type Sandbox } from '@iq-eservices/sandbox';
import type { GatewayNavigator, IqPaymentForm } from '@iq-eservices/components';
import '@iq-eservices/components/payment-form.js';
import { citizenArgType, signedInSandbox as signedIn } from './sandbox.js';

/**
 * The in-page sandbox's gateway pages have no real address, so stories record the navigation
 * instead of opening a window; `blocked` plays a popup blocker.
 */
function storyNavigator(blocked = false): GatewayNavigator & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    open: () =>
      blocked
        ? null
        : { closed: false, location: { replace: (url) => void urls.push(url) }, close() {} },
    assign: (url) => urls.push(url),
  };
}

// ---- driving the element as a citizen would (plain DOM)

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await wait(20);
}

function formIn(canvas: HTMLElement): IqPaymentForm {
  return canvas.querySelector('iq-payment-form')!;
}

const viewOf = (form: IqPaymentForm) =>
  form.shadowRoot?.querySelector('section')?.dataset['view'] ?? '';

async function click(form: IqPaymentForm, selector: string, view?: string): Promise<void> {
  await until(() => !!form.shadowRoot?.querySelector(selector));
  form.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  await form.updateComplete;
  if (view) await until(() => viewOf(form) === view);
}

/** Ticks the bills, picks the method and opens the review. */
async function toReview(form: IqPaymentForm, ids: string[], method = 'qi-card'): Promise<void> {
  await until(() => viewOf(form) === 'select');
  for (const id of ids) await click(form, `input[value="${id}"]`);
  await click(form, '[part="submit"]', 'method');
  await click(form, `input[value="${method}"]`);
  await click(form, '[part="submit"]', 'review');
}

/** Confirms, then acts at the sandbox's hosted page with `outcome` and comes back. */
async function payWith(
  form: IqPaymentForm,
  sandbox: Sandbox,
  nav: { urls: string[] },
  outcome: GatewayOutcome,
): Promise<void> {
  await toReview(form, ['pbl_0101']);
  await click(form, '[part="submit"]', 'awaiting');
  const url = new URL(nav.urls[0]!);
  await actAtGateway(sandbox, url.href, outcome);
  // What the returning popup does; the form then asks the service for the outcome.
  const id = url.pathname.split('/').at(-1);
  window.postMessage({ type: 'iq-payment-return', payment: id }, window.location.origin);
}

interface Args {
  nationalId: string | null;
  gatewayMode: 'popup' | 'redirect';
}

interface Loaded {
  form: { sandbox: Sandbox; client: EServicesClient };
  nav: GatewayNavigator & { urls: string[] };
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Payments/iq-payment-form',
  component: 'iq-payment-form',
  args: { nationalId: '199012345678', gatewayMode: 'popup' },
  argTypes: { ...citizenArgType },
  loaders: [
    async ({ args }) => {
      sessionStorage.removeItem('iq-payment-form:pending');
      sessionStorage.removeItem('iq-payment-form:attempt');
      return { form: await signedIn(args.nationalId), nav: storyNavigator() };
    },
  ],
  render: (args, { loaded }) => {
    const { form, nav } = loaded as Loaded;
    return html`<iq-payment-form
      gateway-mode=${args.gatewayMode}
      .client=${form.client}
      .gatewayNavigator=${nav}
    ></iq-payment-form>`;
  },
  parameters: {
    docs: {
      description: {
        component:
          'Runs against the sandbox inside the page, signed in as the citizen of the story (see "Sandbox identities" in the README). The gateway pages are driven by the stories themselves: no window opens.',
      },
    },
  },
};
export default meta;

/** The citizen's unpaid fees and bills: overdue ones first, a running total. */
export const Items: Story = {};

/** One bill given by `item-id`: the electricity bill. */
export const SingleItem: Story = {
  render: (_args, { loaded }) => {
    const { form, nav } = loaded as Loaded;
    return html`<iq-payment-form
      item-id="pbl_0102"
      .client=${form.client}
      .gatewayNavigator=${nav}
    ></iq-payment-form>`;
  },
};

/** An `item-id` that is not the citizen's. */
export const BillNotFound: Story = {
  render: (_args, { loaded }) => {
    const { form } = loaded as Loaded;
    return html`<iq-payment-form item-id="pbl_9999" .client=${form.client}></iq-payment-form>`;
  },
};

/**
 * How to pay for the 1 250 000 IQD registration: ZainCash cannot take it (limits shown) and FIB
 * is under maintenance.
 */
export const MethodUnavailable: Story = {
  loaders: [
    async () => ({
      form: await signedIn('199012345678', (sandbox) => {
        const fib = sandbox.state.payments.methods.find((m) => m.id === 'fib')!;
        fib.available = false;
        fib.unavailableReason = 'maintenance';
      }),
      nav: storyNavigator(),
    }),
  ],
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await until(() => viewOf(form) === 'select');
    await click(form, 'input[value="pbl_0105"]');
    await click(form, '[part="submit"]', 'method');
  },
};

/** The review before confirming. */
export const Review: Story = {
  play: async ({ canvasElement }) => toReview(formIn(canvasElement), ['pbl_0101', 'pbl_0102']),
};

/** The browser blocked the payment window: open it again, or continue in this window. */
export const PopupBlocked: Story = {
  loaders: [async () => ({ form: await signedIn('199012345678'), nav: storyNavigator(true) })],
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await toReview(form, ['pbl_0101']);
    await click(form, '[part="submit"]', 'popup-blocked');
  },
};

/** Waiting for the citizen to finish on the gateway's page. */
export const AwaitingTheGateway: Story = {
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await toReview(form, ['pbl_0101']);
    await click(form, '[part="submit"]', 'awaiting');
  },
};

/**
 * The passport fee is being paid in another tab or on another device: its payment page can be
 * reopened here, or the payment cancelled to start again.
 */
export const PaymentInProgress: Story = {
  loaders: [
    async () => {
      const form = await signedIn('199012345678');
      await form.client.payments.POST('/payments', {
        body: { payableIds: ['pbl_0101'], method: 'zaincash', returnUrl: window.location.href },
      });
      return { form, nav: storyNavigator() };
    },
  ],
};

/** Approved at the gateway: the receipt, to print or save. */
export const Receipt: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { form, nav } = loaded as Loaded;
    await payWith(formIn(canvasElement), form.sandbox, nav, 'approve');
  },
};

function failure(outcome: GatewayOutcome): Story {
  return {
    play: async ({ canvasElement, loaded }) => {
      const { form, nav } = loaded as Loaded;
      await payWith(formIn(canvasElement), form.sandbox, nav, outcome);
    },
  };
}

/** The bank declined the card. */
export const FailureDeclined = failure('decline');
/** Not enough money. */
export const FailureInsufficientFunds = failure('insufficient-funds');
/** The card has expired. */
export const FailureExpiredCard = failure('expired-card');
/** 3-D Secure failed. */
export const Failure3dsFailed = failure('3ds-failed');
/** The citizen cancelled at the gateway. */
export const FailureCancelled = failure('cancel');
/** Not completed in time. */
export const FailureTimedOut = failure('timeout');

/** A slow network: the skeleton shows for three seconds. */
export const Loading: Story = {
  loaders: [
    async () => ({
      form: await signedIn('199012345678', (s) => s.faults.set({ latencyMs: 3000 })),
      nav: storyNavigator(),
    }),
  ],
};

/** The service fails (503): the error with a retry. */
export const ServerError: Story = {
  loaders: [
    async () => ({
      form: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 503, operations: ['listPayables'], count: 3 }] }),
      ),
      nav: storyNavigator(),
    }),
  ],
};

/** The network is down: the offline message with a retry (that then works). */
export const Offline: Story = {
  loaders: [
    async () => ({
      form: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 'drop', operations: ['listPayables'], count: 3 }] }),
      ),
      nav: storyNavigator(),
    }),
  ],
};

/** Not signed in: the service answers 401. */
export const SignedOut: Story = { args: { nationalId: null } };
