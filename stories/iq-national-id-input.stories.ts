import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/components/src/define/national-id-input.js';

interface Args {
  label?: string;
  hint?: string;
  value: string;
  name: string;
  required: boolean;
  disabled: boolean;
  numerals?: 'latn' | 'arab';
  /** Show the error at once, as after a submit attempt (stories only). */
  showError: boolean;
}

const meta = {
  title: 'Inputs/iq-national-id-input',
  component: 'iq-national-id-input',
  tags: ['autodocs'],
  args: { value: '', name: 'nationalId', required: false, disabled: false, showError: false },
  argTypes: {
    label: { control: 'text', description: 'Visible label (a localized default when empty).' },
    hint: {
      control: 'text',
      description: 'Hint under the label (a localized default when empty).',
    },
    value: { control: 'text', description: 'The text as typed; submitted as 12 ASCII digits.' },
    name: { control: 'text' },
    required: { control: 'boolean' },
    disabled: { control: 'boolean' },
    numerals: { control: 'inline-radio', options: [undefined, 'latn', 'arab'] },
    showError: { control: 'boolean' },
  },
  render: (args) => html`
    <iq-national-id-input
      name=${args.name}
      label=${ifDefined(args.label || undefined)}
      hint=${ifDefined(args.hint || undefined)}
      numerals=${ifDefined(args.numerals)}
      .value=${args.value}
      ?required=${args.required}
      ?disabled=${args.disabled}
    ></iq-national-id-input>
  `,
  play: async ({ canvasElement, args }) => {
    const field = canvasElement.querySelector('iq-national-id-input');
    if (!field || !args.showError) return;
    await field.updateComplete;
    field.reportValidity();
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const WithCustomHint: Story = {
  args: { hint: 'On the front of the card, under your photo' },
};

export const FilledValid: Story = { args: { value: '1990 1234 5678' } };

export const ArabicIndicDigits: Story = { args: { value: '١٩٩٠ ١٢٣٤ ٥٦٧٨' } };

export const Required: Story = { args: { required: true } };

export const ErrorRequired: Story = { args: { required: true, showError: true } };

export const ErrorWrongLength: Story = { args: { value: '12345', showError: true } };

export const ErrorLetters: Story = { args: { value: '1990 ABCD 5678', showError: true } };

export const ErrorHiddenDirectionCharacters: Story = {
  args: { value: '1990\u202e12345678', showError: true },
};

export const Disabled: Story = { args: { value: '1990 1234 5678', disabled: true } };

export const CustomLabel: Story = {
  args: { label: 'National card number of the head of household' },
};
