import type {
  ChangeRequest,
  DistributionMonth,
  MonthlyEntitlement,
  RationCard,
} from '@iq-eservices/api';
import { IqEvent } from '../core/events.js';

/** Why a card is blocked (`ration-card.yaml#/components/schemas/BlockReason`). */
export type BlockReasonCode = Extract<RationCard['status'], { state: 'blocked' }>['reasonCode'];

/** The change request kind that starts an unblocking action online, or null for a visit. */
export type RequestKind = Extract<
  RationCard['status'],
  { state: 'blocked' }
>['action']['requestKind'];

/**
 * What a card shows: the card, and optionally this month's entitlement, past distributions and
 * the household's change requests (newest first; without it the requests section is not shown).
 */
export interface RationCardData {
  card: RationCard;
  entitlement?: MonthlyEntitlement | null;
  distributions?: readonly DistributionMonth[];
  changeRequests?: readonly ChangeRequest[];
}

/**
 * The citizen asked to do what unblocks the card. `requestKind` is the contract's change request
 * kind (`remove-deceased-member`…) or null when the action needs a visit to the supply centre;
 * the host routes it (to a wizard, or to the centre's details).
 */
export class IqRequestChangeEvent extends IqEvent {
  static readonly eventName = 'iq-request-change';
  constructor(
    readonly reasonCode: BlockReasonCode,
    readonly requestKind: RequestKind,
    readonly actionCode: string,
  ) {
    super(IqRequestChangeEvent.eventName);
  }
}

/** The card was fetched and shown (after the first load or a refresh). */
export class IqRationCardLoadedEvent extends IqEvent {
  static readonly eventName = 'iq-ration-card-loaded';
  constructor(readonly data: RationCardData) {
    super(IqRationCardLoadedEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-request-change': IqRequestChangeEvent;
    'iq-ration-card-loaded': IqRationCardLoadedEvent;
  }
}
