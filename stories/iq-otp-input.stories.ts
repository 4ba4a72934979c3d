import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/components/src/define/otp-input.js';
import { fieldMeta, renderField, type FieldArgs } from './form-control.js';

interface Args extends FieldArgs {
  /** Digits in the code. */
  length: number;
}

const meta = {
  title: 'Inputs/iq-otp-input',
  component: 'iq-otp-input',
  ...fieldMeta<Args>('iq-otp-input', {
    name: 'code',
    args: { length: 6 },
    argTypes: {
      length: { control: { type: 'number', min: 1, max: 10 } },
    },
    render: (args) => Object.assign(renderField('iq-otp-input', args), { length: args.length }),
  }),
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
