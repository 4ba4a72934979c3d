import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/components/src/define/phone-input.js';
import { fieldMeta, type FieldArgs } from './form-control.js';

const meta = {
  title: 'Inputs/iq-phone-input',
  component: 'iq-phone-input',
  ...fieldMeta<FieldArgs>('iq-phone-input', {
    name: 'phone',
  }),
} satisfies Meta<FieldArgs>;

export default meta;
type Story = StoryObj<FieldArgs>;

export const Empty: Story = {};

export const WithCustomHint: Story = { args: { hint: 'We send the one-time code to this number' } };

/** A valid number: the operator appears after the field and is announced politely. */
export const FilledValid: Story = { args: { value: '0790 123 4567' } };

export const InternationalForm: Story = { args: { value: '+964 750 123 4567' } };

export const ArabicIndicDigits: Story = { args: { value: '٠٧٧٠ ١٢٣ ٤٥٦٧' } };

export const LatinDigitsInArabic: Story = { args: { numerals: 'latn' } };

export const Required: Story = { args: { required: true } };

export const ErrorRequired: Story = { args: { required: true, showError: true } };

export const ErrorTooShort: Story = { args: { value: '0770 123', showError: true } };

export const ErrorNotMobile: Story = { args: { value: '0170 123 4567', showError: true } };

export const ErrorLetters: Story = { args: { value: '0770 abc 4567', showError: true } };

export const ErrorHiddenDirectionCharacters: Story = {
  args: { value: '0770\u202e 123 4567', showError: true },
};

export const Disabled: Story = { args: { value: '0770 123 4567', disabled: true } };

export const CustomLabel: Story = { args: { label: 'Mobile number for updates' } };

/** Every operator the field names (prefixes are community data, kept in one place). */
export const Operators: Story = {
  render: () => html`
    ${[
      '0750 123 4567',
      '0770 123 4567',
      '0780 123 4567',
      '0790 123 4567',
      '0760 123 4567',
      '0740 123 4567',
    ].map((value) => html`<iq-phone-input .value=${value}></iq-phone-input>`)}
  `,
};
