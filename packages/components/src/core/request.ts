import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isEServicesError, type EServicesClient } from '@iq-eservices/api';
import { IqAuthRequiredEvent, IqErrorEvent } from './events.js';
import { NOT_CONFIGURED, toProblem, type Problem } from './problem.js';
import { devWarn } from '#dev';

/** The element a {@link RequestController} serves. */
export type RequestHost = ReactiveControllerHost & HTMLElement;

/** How a call ended: its value, or the {@link Problem} to show. */
export type Outcome<T> =
  { value: T; problem?: undefined } | { problem: Problem; value?: undefined };

/** Options of a {@link RequestController}. */
export interface RequestOptions {
  /**
   * Fire `iq-auth-required` when the service answers 401 (default true). `<iq-login>`'s own
   * session check turns it off: there a 401 means "signed out", not "sign in again".
   */
  authRequired?: boolean;
  /**
   * Abort the call in flight when the element leaves the page (default true). A call whose
   * outcome must be known (a payment being created) keeps going.
   */
  abortOnDisconnect?: boolean;
}

/**
 * One kind of call an element makes (the card, its history, a payment): runs it through the
 * client in force with an `AbortSignal`, aborts it when the element leaves the page or the call
 * runs again, numbers the runs so that a stale answer never overwrites a newer one, and turns
 * every failure into one {@link Problem} — firing `iq-error` (and `iq-auth-required` on 401) for
 * the host. An element has one controller per kind of call that may run alongside the others.
 *
 * @example
 * readonly #card = new RequestController(this, () => this.api);
 * async load() {
 *   const outcome = await this.#card.run((client, signal) =>
 *     client.rationCard.GET('/card', { signal }).then(unwrap),
 *   );
 *   if (!outcome) return; // superseded or aborted
 *   if (outcome.problem) this.problem = outcome.problem;
 *   else this.card = outcome.value;
 * }
 */
export class RequestController implements ReactiveController {
  /** Whether a call is in flight. */
  pending = false;
  #runs = 0;
  #abort: AbortController | undefined;

  constructor(
    private readonly host: RequestHost,
    private readonly client: () => EServicesClient | undefined,
    private readonly options: RequestOptions = {},
  ) {
    host.addController(this);
  }

  /**
   * Runs `task`, aborting the previous run of this controller if it is still in flight.
   * Resolves to the outcome, or `undefined` when this run was superseded or aborted (its answer,
   * if any, is dropped). Errors other than the client's (bugs) are thrown.
   */
  async run<T>(
    task: (client: EServicesClient, signal: AbortSignal) => Promise<T>,
  ): Promise<Outcome<T> | undefined> {
    this.abort();
    const run = ++this.#runs;
    const client = this.client();
    if (!client) {
      devWarn(this.host, 'no client; set its `client` property or call configure({ client }).');
      return { problem: NOT_CONFIGURED };
    }
    const abort = (this.#abort = new AbortController());
    this.#set(true);
    try {
      const value = await task(client, abort.signal);
      return run === this.#runs && !abort.signal.aborted ? { value } : undefined;
    } catch (error) {
      if (run !== this.#runs || abort.signal.aborted) return undefined;
      if (!isEServicesError(error)) throw error;
      const problem = toProblem(error, client.session?.cookieBlocked?.() ?? false);
      if (problem.kind === 'cookie-blocked')
        devWarn(
          this.host,
          `signed in, but the service answers 401: its session cookie (SameSite=Strict) is not sent, because the page (${location.origin}) and the client's baseUrl are different sites to the browser (localhost and 127.0.0.1 are two sites). Call the service by the page's host name (e.g. http://localhost:4010 from http://localhost:5173), serve both from one site, or use auth: { mode: 'bearer' }.`,
        );
      this.host.dispatchEvent(IqErrorEvent.from(error));
      if (problem.kind === 'auth' && this.options.authRequired !== false)
        this.host.dispatchEvent(new IqAuthRequiredEvent());
      return { problem };
    } finally {
      if (run === this.#runs) {
        this.#abort = undefined;
        this.#set(false);
      }
    }
  }

  /** Aborts the call in flight, if any: its `run()` resolves to `undefined`. */
  abort(): void {
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.#runs++;
    this.#set(false);
  }

  /** @internal */
  hostDisconnected(): void {
    if (this.options.abortOnDisconnect !== false) this.abort();
  }

  #set(pending: boolean): void {
    if (this.pending === pending) return;
    this.pending = pending;
    this.host.requestUpdate();
  }
}
