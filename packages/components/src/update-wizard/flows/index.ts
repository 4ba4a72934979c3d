// Both flows, with the labels and address questions they share.
export { socialProtectionFlow } from './social-protection.js';
export { rationCardFamilyFlow } from './ration-card-family.js';
