import { defineElement } from '../core/define.js';
import { IqRationCard } from '../ration-card/ration-card.js';

defineElement('iq-ration-card', IqRationCard);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqRationCard } from '../ration-card/ration-card.js';
