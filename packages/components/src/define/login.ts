import { defineElement } from '../core/define.js';
import { IqLogin } from '../login/login.js';
// The fields the login renders.
import './national-id-input.js';
import './phone-input.js';
import './otp-input.js';

defineElement('iq-login', IqLogin);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqLogin } from '../login/login.js';
