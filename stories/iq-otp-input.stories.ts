import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/components/src/define/otp-input.js';

interface Args {
  label?: string;
  hint?: string;
  value: string;
  name: string;
  length: number;
  required: boolean;
  disabled: boolean;
  numerals?: 'latn' | 'arab';
  /** Show the error at once, as after a submit attempt (stories only). */
  showError: boolean;
}

const meta = {
  title: 'Inputs/iq-otp-input',
  component: 'iq-otp-input',
  tags: ['autodocs'],
  args: {
    value: '',
    name: 'code',
    length: 6,
    required: false,
    disabled: false,
    showError: false,
  },
  argTypes: {
    label: { control: 'text', description: 'Visible label (a localized default when empty).' },
    hint: {
      control: 'text',
      description: 'Hint under the label (a localized default when empty).',
    },
    value: { control: 'text', description: 'The text as typed or pasted.' },
    name: { control: 'text' },
    length: { control: { type: 'number', min: 1, max: 10 }, description: 'Digits in the code.' },
    required: { control: 'boolean' },
    disabled: { control: 'boolean' },
    numerals: { control: 'inline-radio', options: [undefined, 'latn', 'arab'] },
    showError: { control: 'boolean' },
  },
  render: (args) => html`
    <iq-otp-input
      name=${args.name}
      length=${args.length}
      label=${ifDefined(args.label || undefined)}
      hint=${ifDefined(args.hint || undefined)}
      numerals=${ifDefined(args.numerals)}
      .value=${args.value}
      ?required=${args.required}
      ?disabled=${args.disabled}
    ></iq-otp-input>
  `,
  play: async ({ canvasElement, args }) => {
    const field = canvasElement.querySelector('iq-otp-input');
    if (!field || !args.showError) return;
    await field.updateComplete;
    field.reportValidity();
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** Paste a whole text message ("Your code is ١٢٣٤٥٦"): the field keeps the code alone. */
export const Empty: Story = {};

export const WithCustomHint: Story = { args: { hint: 'We sent it to 0770 123 4567' } };

export const FilledValid: Story = { args: { value: '123456' } };

export const FourDigits: Story = { args: { length: 4 } };

export const Required: Story = { args: { required: true } };

export const ErrorRequired: Story = { args: { required: true, showError: true } };

export const ErrorTooShort: Story = { args: { value: '1234', showError: true } };

export const ErrorLetters: Story = { args: { value: '12a456', showError: true } };

export const ErrorHiddenDirectionCharacters: Story = {
  args: { value: '123\u202e456', showError: true },
};

export const Disabled: Story = { args: { value: '123456', disabled: true } };

export const CustomLabel: Story = { args: { label: 'Code from your bank' } };

/** `iq-otp-complete` moves focus to the host's button; the field never submits by itself. */
export const FocusesSubmitWhenComplete: Story = {
  render: (args) => html`
    <form @submit=${(event: Event) => event.preventDefault()}>
      <iq-otp-input
        name="code"
        length=${args.length}
        @iq-otp-complete=${(event: Event) =>
          (event.currentTarget as Element).closest('form')?.querySelector('button')?.focus()}
      ></iq-otp-input>
      <button>Continue</button>
    </form>
  `,
};
