import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createSandbox, createSandboxFetch, type Sandbox } from '@iq-eservices/sandbox';
import { createEServicesClient, type EServicesClient } from '@iq-eservices/api';
import { getLocale, type IqLogin } from '@iq-eservices/components';
import '@iq-eservices/components/login.js';

const BASE_URL = 'http://sandbox.localhost';

/** A fresh in-page sandbox whose clock a story can move forward (to expire a code). */
interface LoginSandbox {
  sandbox: Sandbox;
  client: EServicesClient;
  later(seconds: number): void;
}

function loginSandbox(): LoginSandbox {
  let offset = 0;
  const sandbox = createSandbox({ clock: () => new Date(Date.now() + offset) });
  const client = createEServicesClient({
    baseUrl: BASE_URL,
    fetch: createSandboxFetch(sandbox, { baseUrl: BASE_URL }),
    locale: () => getLocale(),
  });
  return { sandbox, client, later: (seconds) => (offset += seconds * 1000) };
}

interface Args {
  method: 'national-id' | 'phone';
  mode: 'cookie' | 'bearer';
  warnBefore: number;
}

type Story = StoryObj<Args>;

// ---- driving the element as a citizen would (plain DOM, no test library needed)

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await wait(20);
}

function loginIn(canvasElement: HTMLElement): IqLogin {
  return canvasElement.querySelector('iq-login')!;
}

function part(login: IqLogin, selector: string): HTMLElement | null {
  return login.shadowRoot!.querySelector<HTMLElement>(selector);
}

async function fill(login: IqLogin, fieldId: 'id-field' | 'code-field', value: string) {
  await until(() => !!part(login, `#${fieldId}`));
  const input = part(login, `#${fieldId}`)!.shadowRoot!.querySelector('input')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await login.updateComplete;
}

async function press(login: IqLogin, selector: string) {
  await until(() => !!part(login, selector));
  part(login, selector)!.click();
  await wait(50);
  await login.updateComplete;
}

async function sendCode(login: IqLogin, value = '199012345678') {
  await fill(login, 'id-field', value);
  await press(login, '[part="submit"]');
  await until(() => !!part(login, '#code-field'));
}

async function verify(login: IqLogin, code: string) {
  await fill(login, 'code-field', code);
  await press(login, '[part="submit"]');
}

const meta: Meta<Args> = {
  title: 'Identity/iq-login',
  component: 'iq-login',
  args: { method: 'national-id', mode: 'cookie', warnBefore: 120 },
  argTypes: {
    method: { control: 'inline-radio', options: ['national-id', 'phone'] },
    mode: { control: 'inline-radio', options: ['cookie', 'bearer'] },
    warnBefore: { control: { type: 'number', min: 5 } },
  },
  loaders: [async () => ({ login: loginSandbox() })],
  render: (args, { loaded }) => html`
    <iq-login
      method=${args.method}
      mode=${args.mode}
      warn-before=${args.warnBefore}
      .client=${(loaded['login'] as LoginSandbox).client}
    ></iq-login>
  `,
  parameters: {
    docs: {
      description: {
        component:
          'Runs against the sandbox inside the page. Sandbox identities: national number `199012345678` or mobile `0770 123 4567`; the code is always `123456`.',
      },
    },
  },
};
export default meta;

/** The first step, with the national card number. */
export const Start: Story = {};

/** The first step with the mobile number chosen. */
export const Phone: Story = { args: { method: 'phone' } };

/** The number was accepted: where the code went, the code field, the resend countdown. */
export const CodeSent: Story = {
  play: async ({ canvasElement }) => sendCode(loginIn(canvasElement)),
};

/** A wrong code: attempts left, in the summary and beside the field. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const login = loginIn(canvasElement);
    await sendCode(login);
    await verify(login, '000000');
  },
};

/** The code expired (the sandbox clock moves 5 minutes on): a new code is offered. */
export const Expired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const login = loginIn(canvasElement);
    await sendCode(login);
    (loaded['login'] as LoginSandbox).later(301);
    await verify(login, '123456');
  },
};

/** Three wrong codes: sign-in is locked until a time. */
export const Locked: Story = {
  play: async ({ canvasElement, loaded }) => {
    const login = loginIn(canvasElement);
    const { sandbox } = loaded['login'] as LoginSandbox;
    await sendCode(login);
    for (const calls of [1, 2, 3]) {
      await verify(login, '000000');
      await until(() => sandbox.calls['verifySignIn'] === calls);
    }
  },
};

/** Five starts in fifteen minutes: the wait counts down. */
export const RateLimited: Story = {
  play: async ({ canvasElement, loaded }) => {
    const login = loginIn(canvasElement);
    const { sandbox } = loaded['login'] as LoginSandbox;
    const citizen = sandbox.citizens.find((c) => c.nationalId === '199012345678')!;
    const now = Date.now();
    sandbox.state.identity.signInStarts[citizen.id] = [5, 4, 3, 2, 1].map((m) =>
      new Date(now - m * 60_000).toISOString(),
    );
    await fill(login, 'id-field', '199012345678');
    await press(login, '[part="submit"]');
  },
};

/** The connection drops on "Send code": the message and a retry that keeps the number. */
export const NetworkError: Story = {
  play: async ({ canvasElement, loaded }) => {
    const login = loginIn(canvasElement);
    const { sandbox } = loaded['login'] as LoginSandbox;
    sandbox.faults.set({ faults: [{ kind: 'drop', operations: ['startSignIn'] }] });
    await fill(login, 'id-field', '199012345678');
    await press(login, '[part="submit"]');
    // "Try again" works once the network is back.
    sandbox.faults.clear();
  },
};

/** Signed in: the compact state with the name in the page's script and "Sign out". */
export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    const login = loginIn(canvasElement);
    await sendCode(login);
    await verify(login, '123456');
  },
};

/** The session-timeout warning (opens at once: `warn-before` is the whole session). */
export const TimeoutWarning: Story = {
  args: { warnBefore: 900 },
  play: async ({ canvasElement }) => {
    const login = loginIn(canvasElement);
    await sendCode(login);
    await verify(login, '123456');
  },
};
