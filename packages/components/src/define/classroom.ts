import { defineElement } from '../core/define.js';
import { IqClassroom } from '../classroom/classroom.js';

defineElement('iq-classroom', IqClassroom);

// Re-exported as a type so that importing this module also brings the tag's types
// (`HTMLElementTagNameMap`) to TypeScript users.
export type { IqClassroom } from '../classroom/classroom.js';
