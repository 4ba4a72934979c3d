import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { unwrap, type EServicesClient } from '@iq-eservices/api';
import type { Sandbox } from '@iq-eservices/sandbox';
import '@iq-eservices/components/ration-card.js';
import { sandboxClient } from './sandbox.js';

/** A sandbox with a citizen signed in (or nobody, for the signed-out story). */
async function signedIn(
  nationalId: string | null,
  setup?: (sandbox: Sandbox) => void,
): Promise<{ sandbox: Sandbox; client: EServicesClient }> {
  const s = sandboxClient();
  if (nationalId) {
    const challenge = unwrap(
      await s.client.identity.POST('/sign-in', { body: { method: 'national-id', nationalId } }),
    );
    unwrap(
      await s.client.identity.POST('/sign-in/{challengeId}/verify', {
        params: { path: { challengeId: challenge.challengeId } },
        body: { code: '123456', mode: 'cookie' },
      }),
    );
  }
  setup?.(s.sandbox);
  return s;
}

interface Args {
  nationalId: string | null;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Ration card/iq-ration-card',
  component: 'iq-ration-card',
  args: { nationalId: '199012345678' },
  loaders: [async ({ args }) => ({ card: await signedIn(args.nationalId) })],
  render: (_args, { loaded }) => html`
    <iq-ration-card
      .client=${(loaded['card'] as { client: EServicesClient }).client}
    ></iq-ration-card>
  `,
  parameters: {
    docs: {
      description: {
        component:
          'Runs against the sandbox inside the page, signed in as the citizen of the story (see "Sandbox identities" in the README).',
      },
    },
  },
};
export default meta;

/** An active card: status, details, five members, this month's entitlement and history. */
export const Active: Story = {};

/** Blocked because the family data was not updated. */
export const BlockedNotUpdated: Story = { args: { nationalId: '198001010101' } };

/** Blocked: a member is on another card too. */
export const BlockedDuplicate: Story = { args: { nationalId: '197909090909' } };

/** Blocked: a deceased member is still listed (the action starts a change request online). */
export const BlockedDeceasedMember: Story = { args: { nationalId: '197306060606' } };

/** Blocked: incomplete or mismatched data. */
export const BlockedDataMismatch: Story = { args: { nationalId: '198218192021' } };

/** Blocked: the household is recorded as living abroad. */
export const BlockedAbroad: Story = { args: { nationalId: '198914151617' } };

/** A household of one. */
export const OneMember: Story = { args: { nationalId: '199311111111' } };

/** A household of twelve. */
export const TwelveMembers: Story = { args: { nationalId: '197212131415' } };

/** No distribution recorded yet. */
export const NoHistory: Story = { args: { nationalId: '197026272829' } };

/** Not signed in: the server answers 401. */
export const SignedOut: Story = { args: { nationalId: null } };

/** A slow network: the skeleton shows for three seconds. */
export const Loading: Story = {
  loaders: [
    async () => ({
      card: await signedIn('199012345678', (s) => s.faults.set({ latencyMs: 3000 })),
    }),
  ],
};

/** The service fails (503): the error state with a retry. */
export const ServerError: Story = {
  loaders: [
    async () => ({
      card: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 503, operations: ['getRationCard'], count: 2 }] }),
      ),
    }),
  ],
};
