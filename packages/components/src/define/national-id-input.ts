import { defineElement } from '../core/define.js';
import { IqNationalIdInput } from '../national-id-input/national-id-input.js';

defineElement('iq-national-id-input', IqNationalIdInput);
