import type { RequestService, TrackedRequest } from '@iq-eservices/api';
import { IqEvent } from '../core/events.js';

/**
 * What `<iq-my-requests>` shows instead of fetching: the citizen's requests (the contract's
 * `TrackedRequest[]`, newest first) and, when known, how many there are in all.
 */
export interface MyRequestsData {
  items: readonly TrackedRequest[];
  total?: number;
}

/**
 * The citizen chose to give what a request in `needs-information` waits for. The host routes it
 * to the form that collects it: `<iq-update-wizard>` (flow `social-protection` for
 * `social-protection`, `ration-card-family` for `ration-card`) at `step`, the form's own step id.
 */
export class IqRequestContinueEvent extends IqEvent {
  static readonly eventName = 'iq-request-continue';
  constructor(
    readonly service: RequestService,
    readonly requestId: string,
    readonly step: string,
    readonly referenceNumber: string,
  ) {
    super(IqRequestContinueEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-request-continue': IqRequestContinueEvent;
  }
}
