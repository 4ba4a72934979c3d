import { defineElement } from '../core/define.js';
import { IqPaymentForm } from '../payment-form/payment-form.js';
// The receipt phone field the form renders.
import './phone-input.js';

defineElement('iq-payment-form', IqPaymentForm);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqPaymentForm } from '../payment-form/payment-form.js';
