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
