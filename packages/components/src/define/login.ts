import { defineElement } from '../core/define.js';
import { IqLogin } from '../login/login.js';
// The fields the login renders.
import './national-id-input.js';
import './phone-input.js';
import './otp-input.js';

defineElement('iq-login', IqLogin);
