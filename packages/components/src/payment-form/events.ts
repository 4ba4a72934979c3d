import type { FailureReason, PaymentMethodId, Receipt } from '@iq-eservices/api';
import { IqEvent } from '../core/events.js';

// The contract's types (`payments.yaml`), as the client generates them: never copied here.
export type { FailureReason, PaymentMethodId };

/**
 * The payment was created and the citizen is on their way to the gateway's page. `total` is the
 * server's (amount and fee), never one the page computed.
 */
export class IqPaymentStartedEvent extends IqEvent {
  static readonly eventName = 'iq-payment-started';
  constructor(
    readonly paymentId: string,
    readonly method: PaymentMethodId,
    readonly total: number,
  ) {
    super(IqPaymentStartedEvent.eventName);
  }
}

/** The service says the payment succeeded (read with `getPayment`); `receipt` is its receipt. */
export class IqPaymentSucceededEvent extends IqEvent {
  static readonly eventName = 'iq-payment-succeeded';
  constructor(readonly receipt: Receipt) {
    super(IqPaymentSucceededEvent.eventName);
  }
}

/** The service says the payment failed or expired; `reason` is the contract's `FailureReason`. */
export class IqPaymentFailedEvent extends IqEvent {
  static readonly eventName = 'iq-payment-failed';
  constructor(
    readonly reason: FailureReason,
    readonly paymentId: string,
  ) {
    super(IqPaymentFailedEvent.eventName);
  }
}

/**
 * The payment was cancelled: by the citizen at the gateway's page, or with **Cancel and start
 * again** in the form (`cancelPayment`). The service records it as `cancelled`; nothing was charged.
 */
export class IqPaymentCancelledEvent extends IqEvent {
  static readonly eventName = 'iq-payment-cancelled';
  constructor(readonly paymentId: string) {
    super(IqPaymentCancelledEvent.eventName);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iq-payment-started': IqPaymentStartedEvent;
    'iq-payment-succeeded': IqPaymentSucceededEvent;
    'iq-payment-failed': IqPaymentFailedEvent;
    'iq-payment-cancelled': IqPaymentCancelledEvent;
  }
}
