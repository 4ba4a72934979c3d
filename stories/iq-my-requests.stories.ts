import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EServicesClient, TrackedRequest } from '@iq-eservices/api';
import type { MyRequestsData } from '@iq-eservices/components';
import '@iq-eservices/components/my-requests.js';
import { citizenArgType, signedInSandbox as signedIn } from './sandbox.js';

interface Args {
  nationalId: string | null;
  mode: 'list' | 'lookup';
  pageSize: number;
}

type Story = StoryObj<Args>;

/**
 * The day the sandbox's seeded requests are written around: the sandbox moves requests by its
 * clock, so the stories show the same states whatever today is.
 */
const SEEDED_DAY = '2026-11-25T09:00:00Z';
const clock = () => new Date(SEEDED_DAY);

const meta: Meta<Args> = {
  title: 'My requests/iq-my-requests',
  component: 'iq-my-requests',
  args: { nationalId: '199012345678', mode: 'list', pageSize: 10 },
  argTypes: { ...citizenArgType, mode: { control: 'inline-radio', options: ['list', 'lookup'] } },
  loaders: [
    async ({ args }) => ({ requests: await signedIn(args.nationalId, undefined, { clock }) }),
  ],
  render: (args, { loaded }) => html`
    <iq-my-requests
      mode=${args.mode}
      page-size=${args.pageSize}
      .client=${(loaded['requests'] as { client: EServicesClient }).client}
    ></iq-my-requests>
  `,
  parameters: {
    docs: {
      description: {
        component:
          'Runs against the sandbox inside the page, signed in as the citizen of the story, on the sandbox clock of 25 November 2026 (see "Sandbox identities" in the README).',
      },
    },
  },
};
export default meta;

/** A ration card change rejected (why, and what to do) and two paid fees. */
export const List: Story = {};

/** One request per page: "show more" brings the next. */
export const Paged: Story = { args: { pageSize: 1 } };

/** A Mazalati update waiting for a medical report: the button the host routes to the wizard. */
export const NeedsInformation: Story = { args: { nationalId: '198610101010' } };

/** A Mazalati update under review. */
export const UnderReview: Story = { args: { nationalId: '198001010101' } };

/** Just received: the timeline shows the steps to come. */
export const Received: Story = { args: { nationalId: '199728293031' } };

/** An approved change of agent: what came of it. */
export const Approved: Story = { args: { nationalId: '199422232425' } };

/** A citizen who has sent nothing yet. */
export const Empty: Story = { args: { nationalId: '197703141592' } };

/** The look-up alone (`mode="lookup"`): type `MZL-2026-091301`, or `٢٠٢٦` digits. */
export const Lookup: Story = { args: { nationalId: '198610101010', mode: 'lookup' } };

/** Not signed in: the server answers 401. */
export const SignedOut: Story = { args: { nationalId: null } };

/** A slow network: the skeleton shows for three seconds. */
export const Loading: Story = {
  loaders: [
    async () => ({
      requests: await signedIn('199012345678', (s) => s.faults.set({ latencyMs: 3000 }), { clock }),
    }),
  ],
};

/** The network is down: the offline message with a retry (the retry then works). */
export const Offline: Story = {
  loaders: [
    async () => ({
      requests: await signedIn(
        '199012345678',
        (s) =>
          s.faults.set({ faults: [{ kind: 'drop', operations: ['listMyRequests'], count: 3 }] }),
        { clock },
      ),
    }),
  ],
};

/** The service fails (503): the error state with a retry. */
export const ServerError: Story = {
  loaders: [
    async () => ({
      requests: await signedIn(
        '199012345678',
        (s) => s.faults.set({ faults: [{ kind: 503, operations: ['listMyRequests'], count: 3 }] }),
        { clock },
      ),
    }),
  ],
};

const long: TrackedRequest = {
  id: 'upd_long0001',
  service: 'social-protection',
  kind: 'beneficiary-update',
  referenceNumber: 'MZL-2026-000123',
  submittedAt: '2026-10-01T08:00:00Z',
  updatedAt: '2026-10-20T08:00:00Z',
  status: 'rejected',
  rejectionReason: 'documents-unreadable',
  informationNeeded: null,
  timeline: [
    { status: 'submitted', at: '2026-10-01T08:00:00Z' },
    { status: 'under-review', at: '2026-10-04T08:00:00Z' },
    { status: 'rejected', at: '2026-10-20T08:00:00Z' },
  ],
  result: null,
  nextAction: 'submit-again',
};

/** Given through the `data` property (nothing is fetched): every decision and a code not known yet. */
export const FromData: Story = {
  loaders: [
    async () => {
      const data: MyRequestsData = {
        items: [
          long,
          {
            ...long,
            id: 'rcr_given01',
            service: 'ration-card',
            kind: 'add-newborn',
            referenceNumber: 'RC-2026-000045',
            status: 'approved',
            rejectionReason: null,
            result: 'member-added',
            nextAction: 'none',
            timeline: [...long.timeline.slice(0, 2), { status: 'approved', at: long.updatedAt }],
          },
        ],
      };
      return { data };
    },
  ],
  render: (_args, { loaded }) => html`
    <iq-my-requests .data=${loaded['data'] as MyRequestsData}></iq-my-requests>
  `,
};
