import { defineElement } from '../core/define.js';
import { IqUpdateWizard } from '../update-wizard/update-wizard.js';
// The wizard asks phone numbers and national numbers with the library's own fields.
import './phone-input.js';
import './national-id-input.js';

defineElement('iq-update-wizard', IqUpdateWizard);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqUpdateWizard } from '../update-wizard/update-wizard.js';
