import { defineElement } from '../core/define.js';
import { IqPhoneInput } from '../phone-input/phone-input.js';

defineElement('iq-phone-input', IqPhoneInput);
