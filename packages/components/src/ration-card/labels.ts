import { msg, str } from '@lit/localize';

// The ration card's codes, each with its own catalogue message. Codes the library does not know
// yet (a contract that grew) fall back to what the server sent.
import type {
  BlockReason,
  ChangeKind,
  EntitlementStatus,
  RationItem,
  RequestStatus,
  UnblockAction,
} from '@iq-eservices/api';
import type { Labels } from '../core/labels.js';

// Each table `satisfies` the contract's enum (the client's generated types): a code added to or
// removed from a contract fails `npm run typecheck` until its message is added or removed here.

/** Why a card is blocked, by `reasonCode`. */
export const BLOCK_REASONS: Labels = {
  'not-updated': () =>
    msg('Your family data was not updated in the data-update campaign.', {
      id: 'ration-card.reason.not-updated',
    }),
  duplicate: () =>
    msg('A member of your family is also registered on another ration card.', {
      id: 'ration-card.reason.duplicate',
    }),
  'deceased-member-listed': () =>
    msg('A member of your family who has died is still listed on the card.', {
      id: 'ration-card.reason.deceased-member-listed',
    }),
  'data-mismatch': () =>
    msg('Your family data is incomplete or does not match the civil registry.', {
      id: 'ration-card.reason.data-mismatch',
    }),
  abroad: () =>
    msg('Your household is recorded as living outside Iraq.', {
      id: 'ration-card.reason.abroad',
    }),
} satisfies Record<BlockReason, () => string>;

/** What to do, by `action.code`. */
export const UNBLOCK_STEPS: Labels = {
  'update-data': () =>
    msg(
      'Update your family data in the Ministry of Trade app or at your supply centre. The card is reactivated after review.',
      { id: 'ration-card.action.update-data' },
    ),
  'remove-duplicate': () =>
    msg(
      "Visit your supply centre with each member's national card to remove the duplicate registration.",
      { id: 'ration-card.action.remove-duplicate' },
    ),
  'remove-deceased-member': () =>
    msg(
      'Ask to remove the member who has died, with the death certificate. The card is reactivated once the request is approved.',
      { id: 'ration-card.action.remove-deceased-member' },
    ),
  'correct-data': () =>
    msg(
      'Visit your supply centre with the national cards and the residence card to correct the data.',
      { id: 'ration-card.action.correct-data' },
    ),
  'confirm-residence': () =>
    msg(
      'If you live in Iraq, visit your supply centre with your residence card to confirm your residence.',
      { id: 'ration-card.action.confirm-residence' },
    ),
} satisfies Record<UnblockAction, () => string>;

/** The button that starts the action, by `action.code`. */
export const UNBLOCK_BUTTONS: Labels = {
  'update-data': () => msg('Update family data', { id: 'ration-card.button.update-data' }),
  'remove-duplicate': () =>
    msg('Remove the duplicate registration', { id: 'ration-card.button.remove-duplicate' }),
  'remove-deceased-member': () =>
    msg('Remove the member who has died', { id: 'ration-card.button.remove-deceased-member' }),
  'correct-data': () => msg('Correct the family data', { id: 'ration-card.button.correct-data' }),
  'confirm-residence': () =>
    msg('Confirm your residence', { id: 'ration-card.button.confirm-residence' }),
} satisfies Record<UnblockAction, () => string>;

/** The items of the basket. */
export const ITEMS: Labels = {
  flour: () => msg('Flour', { id: 'ration-card.item.flour' }),
  rice: () => msg('Rice', { id: 'ration-card.item.rice' }),
  sugar: () => msg('Sugar', { id: 'ration-card.item.sugar' }),
  'cooking-oil': () => msg('Cooking oil', { id: 'ration-card.item.cooking-oil' }),
  legumes: () => msg('Legumes', { id: 'ration-card.item.legumes' }),
  tea: () => msg('Tea', { id: 'ration-card.item.tea' }),
  'infant-milk': () => msg('Infant milk', { id: 'ration-card.item.infant-milk' }),
  soap: () => msg('Soap', { id: 'ration-card.item.soap' }),
  detergent: () => msg('Detergent', { id: 'ration-card.item.detergent' }),
} satisfies Record<RationItem, () => string>;

/** A quantity with its unit; `amount` is already formatted. */
export function quantityText(amount: string, unit: string): string {
  switch (unit) {
    case 'kg':
      return msg(str`${amount} kg`, { id: 'ration-card.unit.kg' });
    case 'g':
      return msg(str`${amount} g`, { id: 'ration-card.unit.g' });
    case 'l':
      return msg(str`${amount} l`, { id: 'ration-card.unit.l' });
    case 'piece':
      return msg(str`${amount} pcs`, { id: 'ration-card.unit.piece' });
    default:
      return amount;
  }
}

/**
 * The unit of an item in the distribution history, which carries none: the entitlement's unit
 * when it lists the item, otherwise this (the units of the basket's published decisions).
 */
export const DEFAULT_UNITS: Readonly<Record<string, string>> = {
  flour: 'kg',
  rice: 'kg',
  sugar: 'kg',
  'cooking-oil': 'l',
  legumes: 'kg',
  tea: 'g',
  'infant-milk': 'g',
  soap: 'piece',
  detergent: 'kg',
};

/** Where an item of this month's entitlement stands. */
export const ENTITLEMENT_STATUSES: Labels = {
  received: () => msg('Received', { id: 'ration-card.status.received' }),
  partial: () => msg('Partly received', { id: 'ration-card.status.partial' }),
  pending: () => msg('Not yet received', { id: 'ration-card.status.pending' }),
  'not-distributed': () =>
    msg('Not distributed this month', { id: 'ration-card.status.not-distributed' }),
} satisfies Record<EntitlementStatus, () => string>;

/** What a family change request asks for, by `kind`. */
export const REQUEST_KINDS: Labels = {
  'add-newborn': () => msg('Add a newborn', { id: 'ration-card.request-kind.add-newborn' }),
  'remove-deceased-member': () =>
    msg('Remove a member who has died', {
      id: 'ration-card.request-kind.remove-deceased-member',
    }),
  'change-address': () =>
    msg('Change of address', { id: 'ration-card.request-kind.change-address' }),
  'change-agent': () => msg('Change of agent', { id: 'ration-card.request-kind.change-agent' }),
} satisfies Record<ChangeKind, () => string>;

/** Where a change request stands (`common.yaml#/components/schemas/RequestStatus`). */
export const REQUEST_STATUSES: Labels = {
  draft: () => msg('Draft', { id: 'ration-card.request-status.draft' }),
  submitted: () => msg('Submitted', { id: 'ration-card.request-status.submitted' }),
  'under-review': () => msg('Under review', { id: 'ration-card.request-status.under-review' }),
  approved: () => msg('Approved', { id: 'ration-card.request-status.approved' }),
  rejected: () => msg('Rejected', { id: 'ration-card.request-status.rejected' }),
  'needs-information': () =>
    msg('More information needed', { id: 'ration-card.request-status.needs-information' }),
} satisfies Record<RequestStatus, () => string>;
