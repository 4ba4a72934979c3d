import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Payment } from '@iq-eservices/api';
import { returnedId, type GatewayWindow } from './gateway.js';

/** Longest wait between two checks of a payment awaiting the gateway, in milliseconds. */
const POLL_MAX_MS = 15000;

/**
 * Watches a payment while it awaits the gateway, and asks the service (never the gateway's page)
 * when there may be news: polls, every `pollMs()` at first and less often later (until the
 * payment has expired); when the gateway's window closes; when the returning popup posts its
 * message (from this origin, for this payment only). Owns the window and the `message` listener;
 * all of it stops when the element leaves the page and starts again when it comes back while a
 * payment awaits.
 */
export class GatewayWatch implements ReactiveController {
  /** The gateway's window, while it is open. */
  #popup: GatewayWindow | null = null;
  #timer?: ReturnType<typeof setTimeout>;
  #closed?: ReturnType<typeof setInterval>;
  /** Each start or stop: a poll answered after a stop schedules nothing. */
  #run = 0;
  readonly #awaiting: () => Payment | null;
  readonly #check: (quiet: boolean) => Promise<void>;
  readonly #pollMs: () => number;

  /**
   * @param awaiting - The payment awaiting the gateway on screen, or null.
   * @param check - Asks the service; `quiet` for a poll (no failure shown).
   * @param pollMs - The first wait between two polls.
   */
  constructor(
    host: ReactiveControllerHost,
    awaiting: () => Payment | null,
    check: (quiet: boolean) => Promise<void>,
    pollMs: () => number,
  ) {
    this.#awaiting = awaiting;
    this.#check = check;
    this.#pollMs = pollMs;
    host.addController(this);
  }

  readonly #message = (event: MessageEvent): void => {
    const id = returnedId(event);
    if (id && id === this.#awaiting()?.id) void this.#check(false);
  };

  /** Starts watching (again), in `popup` when given, else in the window already watched. */
  watch(popup = this.#popup): void {
    this.stop();
    this.#popup = popup;
    this.#poll(this.#run, 0);
    if (popup)
      this.#closed = setInterval(() => {
        if (!popup.closed) return;
        clearInterval(this.#closed);
        this.#popup = null;
        void this.#check(false);
      }, 500);
  }

  /** Stops polling and watching the window. */
  stop(): void {
    this.#run++;
    clearTimeout(this.#timer);
    clearInterval(this.#closed);
  }

  /** Stops, and closes the gateway's window (the payment was cancelled). */
  close(): void {
    this.stop();
    this.#popup?.close();
    this.#popup = null;
  }

  #poll(run: number, count: number): void {
    const payment = this.#awaiting();
    if (!payment || run !== this.#run) return;
    const wait = Math.min(this.#pollMs() * 1.5 ** count, POLL_MAX_MS);
    // Checks back off, and stop once the payment has expired (one check after it).
    if (Date.now() - wait > Date.parse(payment.expiresAt)) return;
    this.#timer = setTimeout(
      () => void this.#check(true).then(() => this.#poll(run, count + 1)),
      wait,
    );
  }

  /** @internal */
  hostConnected(): void {
    window.addEventListener('message', this.#message);
    // Moved in the page while a payment awaits: keep checking.
    if (this.#awaiting()) this.watch();
  }

  /** @internal */
  hostDisconnected(): void {
    window.removeEventListener('message', this.#message);
    this.stop();
  }
}
