import { defineElement } from '../core/define.js';
import { IqOtpInput } from '../otp-input/otp-input.js';

defineElement('iq-otp-input', IqOtpInput);
