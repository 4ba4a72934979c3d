import { defineElement } from '../core/define.js';
import { IqMyRequests } from '../my-requests/my-requests.js';

defineElement('iq-my-requests', IqMyRequests);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqMyRequests } from '../my-requests/my-requests.js';
