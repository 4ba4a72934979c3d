import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { unwrap, type EServicesClient } from '@iq-eservices/api';
import type { RationCardData } from '@iq-eservices/components';
import '@iq-eservices/components/ration-card.js';
import { citizenArgType, signedInSandbox as signedIn } from './sandbox.js';

interface Args {
  nationalId: string | null;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Ration card/iq-ration-card',
  component: 'iq-ration-card',
  args: { nationalId: '199012345678' },
  argTypes: { ...citizenArgType },
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

/**
 * An active card: status, details, five members, this month's entitlement, a newborn's addition
 * under review (reference `RC-2026-700412`) and history.
 */
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
        s.faults.set({ faults: [{ kind: 503, operations: ['getRationCard'], count: 3 }] }),
      ),
    }),
  ],
};

/** The network is down: the offline message with a retry (the client's three attempts fail; the retry button then works). */
export const Offline: Story = {
  loaders: [
    async () => ({
      card: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 'drop', operations: ['getRationCard'], count: 3 }] }),
      ),
    }),
  ],
};

/** An approved change of agent among the family's change requests. */
export const WithRequests: Story = { args: { nationalId: '199422232425' } };

/** A draft change of address, not sent yet. */
export const WithDraftRequest: Story = { args: { nationalId: '197703141592' } };

/** The change requests fail (503) while the card loads: the section's own error and retry. */
export const RequestsError: Story = {
  loaders: [
    async () => ({
      card: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 503, operations: ['listChangeRequests'], count: 3 }] }),
      ),
    }),
  ],
};

const LONG_NAME = 'عبد الرحمن عبد الستار عبد الجبار عبد الكريم عبد الرزاق الحسيني البغدادي الكاظمي';

/** Long names and addresses, given through the `data` property (nothing is fetched). */
export const LongNames: Story = {
  loaders: [
    async () => {
      const { client } = await signedIn('199012345678');
      const card = unwrap(await client.rationCard.GET('/card'));
      const entitlement = unwrap(await client.rationCard.GET('/card/entitlements'));
      const { items } = unwrap(await client.rationCard.GET('/change-requests'));
      const data: RationCardData = {
        card: {
          ...card,
          headOfHousehold: { ...card.headOfHousehold, name: LONG_NAME },
          supplyCentre: {
            ...card.supplyCentre,
            name: `${card.supplyCentre.name} — مركز تموين الكاظمية الشمالي والمناطق المحيطة به`,
            address: `${card.supplyCentre.address}، قرب جامع الإمام الأعظم، خلف سوق الخضار المركزي`,
          },
          foodAgent: { ...card.foodAgent, name: `${card.foodAgent.name} ${LONG_NAME}` },
          members: card.members.map((m) => ({ ...m, name: `${m.name} ${LONG_NAME}` })),
        },
        entitlement,
        distributions: [],
        changeRequests: items,
      };
      return { data };
    },
  ],
  render: (_args, { loaded }) => html`
    <iq-ration-card .data=${loaded['data'] as RationCardData}></iq-ration-card>
  `,
};
