/**
 * Base of the library's custom events: named `iq-*`, bubbling and composed so that a host page
 * hears them through shadow roots. Each event is a typed subclass listed in
 * `GlobalEventHandlersEventMap`.
 */
export class IqEvent extends Event {
  constructor(type: string, init: EventInit = {}) {
    super(type, { bubbles: true, composed: true, ...init });
  }
}

/**
 * A request failed, for the host's telemetry: the stable problem `code` (`otp.invalid`,
 * `network.timeout`…), the HTTP `status` (0 without a response) and the `requestId` to quote to
 * the ministry. It carries no personal data.
 */
export class IqErrorEvent extends IqEvent {
  static readonly eventName = 'iq-error';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly requestId: string | undefined,
  ) {
    super(IqErrorEvent.eventName);
  }

  /** The event for a failed request, from the client's typed error. */
  static from(error: { code: string; status: number; requestId?: string }): IqErrorEvent {
    return new IqErrorEvent(error.code, error.status, error.requestId);
  }
}

/**
 * The server answered 401: the citizen must sign in (again) before the element can go on. The
 * host shows its sign-in (`<iq-login>`); what the element holds is kept.
 */
export class IqAuthRequiredEvent extends IqEvent {
  static readonly eventName = 'iq-auth-required';
  constructor() {
    super(IqAuthRequiredEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-error': IqErrorEvent;
    'iq-auth-required': IqAuthRequiredEvent;
  }
}
