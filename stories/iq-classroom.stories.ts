import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { EServicesClient } from '@iq-eservices/api';
import { educationControls } from '@iq-eservices/sandbox';
import '@iq-eservices/components/classroom.js';
import { citizenArgType, signedInSandbox as signedIn } from './sandbox.js';

interface Args {
  nationalId: string | null;
  dataSaver: boolean;
}

type Story = StoryObj<Args>;

const meta: Meta<Args> = {
  title: 'Remote learning/iq-classroom',
  component: 'iq-classroom',
  args: { nationalId: '199012345678', dataSaver: false },
  argTypes: { ...citizenArgType },
  loaders: [async ({ args }) => ({ classroom: await signedIn(args.nationalId) })],
  render: (args, { loaded }) => html`
    <iq-classroom
      ?data-saver=${args.dataSaver}
      .client=${(loaded['classroom'] as { client: EServicesClient }).client}
    ></iq-classroom>
  `,
  parameters: {
    docs: {
      description: {
        component:
          'Runs against the sandbox inside the page, signed in as the student of the story. Lectures are placed around the time the story opens: one is live, the next starts in two hours. "Save for offline" keeps a material in this browser\'s Cache Storage.',
      },
    },
  },
};
export default meta;

/** A student of the Open Educational College: the live lecture, the week, three courses. */
export const Student: Story = {};

/** A student of the University of Sulaimani (try it in Kurdish). */
export const UniversityStudent: Story = { args: { nationalId: '199728293031' } };

/** Data saver: recordings in their smallest quality. */
export const DataSaver: Story = { args: { dataSaver: true } };

/** A download whose connection drops at 60 %: it goes on from there (watch the progress). */
export const DownloadResumes: Story = {
  loaders: [
    async () => ({
      classroom: await signedIn('199012345678', (s) => {
        s.faults.set({ latencyMs: 300 });
        educationControls(s).cutNextDownload('mat_arabic_audio', 0.6);
      }),
    }),
  ],
};

/** A file that arrives damaged: its checksum does not match, nothing is kept. */
export const DamagedDownload: Story = {
  loaders: [
    async () => ({
      classroom: await signedIn('199012345678', (s) =>
        educationControls(s).corruptNextDownload('mat_math_exercises'),
      ),
    }),
  ],
};

/** A citizen who is not a student. */
export const NotAStudent: Story = { args: { nationalId: '198507654321' } };

/** The network is down: the offline notice, the problem with a retry, and what is saved. */
export const Offline: Story = {
  loaders: [
    async () => ({
      classroom: await signedIn('199012345678', (s) =>
        s.faults.set({ faults: [{ kind: 'drop' }] }),
      ),
    }),
  ],
};

/** Not signed in: the server answers 401. */
export const SignedOut: Story = { args: { nationalId: null } };
