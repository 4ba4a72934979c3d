import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { unwrap, type EServicesClient } from '@iq-eservices/api';
import { FLOWS } from '@iq-eservices/components';
import type { Sandbox } from '@iq-eservices/sandbox';
import '@iq-eservices/components/update-wizard.js';
import { signedInSandbox } from './sandbox.js';

// Each story starts from a fresh sandbox, signed in as a sandbox citizen (README, "Sandbox
// identities"). A story that opens on a given step writes the wizard's own local copy first, as
// the wizard would have left it in this tab.

const SP_KEY = 'iq-update-wizard:social-protection';

interface Args {
  flow: 'social-protection' | 'ration-card-family';
  kind?: string;
}

interface Loaded {
  client: EServicesClient;
}

/**
 * A sandbox with a citizen signed in (or nobody), and nothing of the SDK left in this tab by another
 * story: no draft, and no record of whose data the tab held (`iq-citizen`), or a story signed in as
 * another citizen would see the next story's copy as someone else's and clear it.
 */
function signedIn(nationalId: string | null, setup?: (sandbox: Sandbox) => void) {
  for (const key of Object.keys(sessionStorage))
    if (key.startsWith('iq-')) sessionStorage.removeItem(key);
  return signedInSandbox(nationalId, setup);
}

/** Signed in as Ali Hussein (a beneficiary), the social-protection wizard open on `step`. */
async function atStep(step: string, setup?: (sandbox: Sandbox) => void) {
  const s = await signedIn('199012345678');
  const flow = await FLOWS['social-protection']!();
  const record = unwrap(await s.client.socialProtection.GET('/profile'));
  sessionStorage.setItem(
    SP_KEY,
    JSON.stringify({ step, answers: flow.initialAnswers({ record }) }),
  );
  setup?.(s.sandbox);
  return s;
}

/** A PDF for the sandbox. */
const pdf = (name: string) => new File(['%PDF-1.7\n%%EOF\n'], name, { type: 'application/pdf' });

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Update requests/iq-update-wizard',
  component: 'iq-update-wizard',
  args: { flow: 'social-protection' },
  loaders: [async () => ({ wizard: await signedIn('199012345678') })],
  render: (args, { loaded }) => html`
    <iq-update-wizard
      flow=${args.flow}
      kind=${args.kind ?? ''}
      .client=${(loaded['wizard'] as Loaded).client}
    ></iq-update-wizard>
  `,
  parameters: {
    docs: {
      description: {
        component:
          'Runs against the sandbox inside the page. Answers are kept in this tab (sessionStorage) and saved as a draft on the sandbox at every Continue; try the stories with faults to see what a weak network does.',
      },
    },
  },
};
export default meta;

/** Social protection, step 1: the identity from the session, with "this is not me". */
export const Identity: Story = {};

/** Step 2: residence (governorate, district, locality, landmark) and mobile numbers. */
export const Residence: Story = { loaders: [async () => ({ wizard: await atStep('residence') })] };

/** Step 3: household members (add, change, remove). */
export const Household: Story = { loaders: [async () => ({ wizard: await atStep('household') })] };

/** Step 4: income and work. */
export const Income: Story = { loaders: [async () => ({ wizard: await atStep('income') })] };

/** Step 5: health, disability and housing. */
export const HealthAndHousing: Story = {
  loaders: [async () => ({ wizard: await atStep('health') })],
};

/** Step 6: supporting documents (type and size checked before upload). */
export const Documents: Story = { loaders: [async () => ({ wizard: await atStep('documents') })] };

/** Step 7: check your answers; changed answers say what they were. */
export const CheckAnswers: Story = { loaders: [async () => ({ wizard: await atStep('check') })] };

/** Saves fail (503): the answers stay on this device and the citizen goes on; Continue to see it. */
export const SavedOnThisDevice: Story = {
  loaders: [
    async () => ({
      wizard: await atStep('residence', (s) =>
        s.faults.set({
          faults: [{ kind: 503, operations: ['createUpdateRequest', 'saveUpdateRequest'] }],
        }),
      ),
    }),
  ],
};

/** A slow connection (1.5 s per request). */
export const SlowNetwork: Story = {
  loaders: [
    async () => ({
      wizard: await atStep('residence', (s) => s.faults.set({ latencyMs: 1500 })),
    }),
  ],
};

/** The draft was changed on another device: the citizen chooses which answers to keep. */
export const Conflict: Story = {
  loaders: [
    async () => {
      const s = await signedIn('199012345678');
      const flow = await FLOWS['social-protection']!();
      const record = unwrap(await s.client.socialProtection.GET('/profile'));
      const draft = unwrap(
        await s.client.socialProtection.POST('/update-requests', {
          body: { kind: 'beneficiary-update' },
        }),
      );
      const answers = {
        ...flow.initialAnswers({ record }),
        landmark: 'قرب جامع الرحمن، الباب الثاني',
      };
      sessionStorage.setItem(
        SP_KEY,
        JSON.stringify({
          step: 'household',
          answers,
          requestId: draft.id,
          version: 1,
          dirty: true,
        }),
      );
      unwrap(
        await s.client.socialProtection.PUT('/update-requests/{requestId}', {
          params: { path: { requestId: draft.id } },
          body: {
            version: 1,
            answers: {
              ...draft.answers,
              residence: { ...draft.answers.residence!, nearestLandmark: 'مقابل مدرسة الجميلة' },
            },
          },
        }),
      );
      return { wizard: s };
    },
  ],
};

/** Submitted: the reference number and what happens next; "Check the status" looks it up. */
export const Confirmation: Story = {
  loaders: [
    async () => {
      const s = await signedIn('199012345678');
      const flow = await FLOWS['social-protection']!();
      const draft = unwrap(
        await s.client.socialProtection.POST('/update-requests', {
          body: { kind: 'beneficiary-update' },
        }),
      );
      const form = new FormData();
      form.append('type', 'national-card');
      form.append('file', pdf('البطاقة الوطنية.pdf'));
      await s.client.socialProtection.POST('/update-requests/{requestId}/documents', {
        params: { path: { requestId: draft.id } },
        body: { type: 'national-card', file: '' },
        bodySerializer: () => form,
      });
      // A submission in flight when the page was reloaded: the wizard sends it again, once.
      sessionStorage.setItem(
        SP_KEY,
        JSON.stringify({
          step: 'check',
          answers: flow.fromBody(draft.answers, draft.kind, { record: undefined }),
          requestId: draft.id,
          version: draft.version,
          submitKey: 'idem_story0000000000000000000000001',
          submitVersion: draft.version,
          submitting: true,
        }),
      );
      return { wizard: s };
    },
  ],
};

/** Not signed in: the server answers 401 and the wizard asks to sign in. */
export const SignedOut: Story = {
  loaders: [async () => ({ wizard: await signedIn(null) })],
};

/** The service is down (503) at the start. */
export const ServiceDown: Story = {
  loaders: [
    async () => ({
      wizard: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 503, operations: ['getBeneficiaryProfile'] }] }),
      ),
    }),
  ],
};

/** Ration card: which change? */
export const RationCardWhichChange: Story = { args: { flow: 'ration-card-family' } };

/** Ration card: add a newborn (`kind="add-newborn"`). */
export const RationCardNewborn: Story = {
  args: { flow: 'ration-card-family', kind: 'add-newborn' },
};

/** Ration card: remove a member who has died — Abbas Fadhil's card is blocked for this. */
export const RationCardDeceasedMember: Story = {
  args: { flow: 'ration-card-family', kind: 'remove-deceased-member' },
  loaders: [async () => ({ wizard: await signedIn('197306060606') })],
};

/** Ration card: a new address. */
export const RationCardAddress: Story = {
  args: { flow: 'ration-card-family', kind: 'change-address' },
};

/** Ration card: another food or flour agent. */
export const RationCardAgent: Story = {
  args: { flow: 'ration-card-family', kind: 'change-agent' },
};
