import { defineElement } from '../core/define.js';
import { IqNationalIdInput } from '../national-id-input/national-id-input.js';

defineElement('iq-national-id-input', IqNationalIdInput);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqNationalIdInput } from '../national-id-input/national-id-input.js';
