import type { User } from '@iq-eservices/api';
import { IqEvent } from '../core/events.js';

/**
 * A citizen signed in; `user` is who (identifiers masked, as the server sends them). `restored` is
 * true when no code was typed: a session that was still alive was picked up on connection (a
 * reload, a return from a payment gateway).
 */
export class IqLoginEvent extends IqEvent {
  static readonly eventName = 'iq-login';
  constructor(
    readonly user: User,
    readonly restored = false,
  ) {
    super(IqLoginEvent.eventName);
  }
}

/** Why a session ended: the citizen signed out, or it timed out. */
export type LogoutReason = 'user' | 'expired';

/** The session ended (`reason`: `user` or `expired`). */
export class IqLogoutEvent extends IqEvent {
  static readonly eventName = 'iq-logout';
  constructor(readonly reason: LogoutReason) {
    super(IqLogoutEvent.eventName);
  }
}

/** The session-timeout warning opened: `secondsLeft` until the session ends. */
export class IqSessionWarningEvent extends IqEvent {
  static readonly eventName = 'iq-session-warning';
  constructor(readonly secondsLeft: number) {
    super(IqSessionWarningEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-login': IqLoginEvent;
    'iq-logout': IqLogoutEvent;
    'iq-session-warning': IqSessionWarningEvent;
  }
}
