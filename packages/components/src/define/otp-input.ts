import { defineElement } from '../core/define.js';
import { IqOtpInput } from '../otp-input/otp-input.js';

defineElement('iq-otp-input', IqOtpInput);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqOtpInput } from '../otp-input/otp-input.js';
