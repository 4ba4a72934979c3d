import { IqEvent } from '../core/events.js';

/** The wizard shows another step: its `step` id, its `index` (from 0) and the `count` of steps. */
export class IqStepChangeEvent extends IqEvent {
  static readonly eventName = 'iq-step-change';
  constructor(
    readonly step: string,
    readonly index: number,
    readonly count: number,
  ) {
    super(IqStepChangeEvent.eventName);
  }
}

/**
 * The draft was saved: on the `server` (`requestId`, `version`), or only on this device
 * (`local`, in this tab's `sessionStorage`) while the server cannot be reached; it is saved again
 * as soon as it can be.
 */
export class IqDraftSavedEvent extends IqEvent {
  static readonly eventName = 'iq-draft-saved';
  constructor(
    readonly requestId: string | undefined,
    readonly version: number | undefined,
    readonly where: 'server' | 'local',
  ) {
    super(IqDraftSavedEvent.eventName);
  }
}

/** The request was submitted (once): its `referenceNumber` and `requestId`. */
export class IqSubmittedEvent extends IqEvent {
  static readonly eventName = 'iq-submitted';
  constructor(
    readonly referenceNumber: string,
    readonly requestId: string,
  ) {
    super(IqSubmittedEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-step-change': IqStepChangeEvent;
    'iq-draft-saved': IqDraftSavedEvent;
    'iq-submitted': IqSubmittedEvent;
  }
}
