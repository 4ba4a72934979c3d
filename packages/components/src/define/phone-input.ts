import { defineElement } from '../core/define.js';
import { IqPhoneInput } from '../phone-input/phone-input.js';

defineElement('iq-phone-input', IqPhoneInput);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqPhoneInput } from '../phone-input/phone-input.js';
