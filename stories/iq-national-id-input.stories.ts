import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/components/src/define/national-id-input.js';
import { fieldMeta, type FieldArgs } from './form-control.js';

const meta = {
  title: 'Inputs/iq-national-id-input',
  component: 'iq-national-id-input',
  ...fieldMeta<FieldArgs>('iq-national-id-input', {
    name: 'nationalId',
  }),
} satisfies Meta<FieldArgs>;

export default meta;
type Story = StoryObj<FieldArgs>;

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
