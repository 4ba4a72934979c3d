import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { unwrap, type TrackedRequest } from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { Announcer } from '../core/announcer.js';
import { FocusController } from '../core/focus.js';
import { ltr, pluralize } from '../core/format.js';
import { parseReference, stripBidiControls } from '../core/normalize.js';
import type { Problem } from '../core/problem.js';
import { problemStyles } from '../core/problem-styles.js';
import { renderProblem } from '../core/problem-view.js';
import { RequestController } from '../core/request.js';
import { messages } from '../generated/messages/my-requests.js';
import { IqRequestContinueEvent, type MyRequestsData } from './events.js';
import { STATUSES } from './labels.js';
import { myRequestsStyles } from './my-requests.styles.js';
import { filtersView, itemId, label, lookupView, requestView, skeletonView } from './views.js';

/** The example reference number of the look-up hint. */
const EXAMPLE = 'MZL-2026-000123';

/**
 * The citizen's requests across the services (`openapi/requests.yaml`): a Mazalati update, a
 * ration card family change, a payment — where each stands and what came of it, in one place.
 * Newest first, each with its reference number, service, status, a timeline of its status
 * changes, the result and what to do next; filters by service and status; "show more" pages on.
 * A look-up finds one request by its reference number (typed in any digit script); with
 * `mode="lookup"` the element is only that. A request waiting for information offers a button
 * that fires `iq-request-continue` for the host to open the form at the step that collects it.
 *
 * It fetches through the configured client, or shows the `data` property and fetches nothing.
 * Nothing the server sends is rendered as markup.
 *
 * @summary The citizen's requests across the services: status, timeline, result, next step.
 *
 * @fires {IqRequestContinueEvent} iq-request-continue - The citizen chose to send what a request waits for: `service`, `requestId`, `step`, `referenceNumber`.
 * @fires {IqAuthRequiredEvent} iq-auth-required - The server answered 401: the citizen must sign in.
 * @fires {IqErrorEvent} iq-error - A request failed: `code`, `status`, `requestId` (no personal data).
 *
 * @csspart heading - The element's heading (the look-up's in `lookup` mode).
 * @csspart count - How many requests there are.
 * @csspart filters - The service and status filters.
 * @csspart list - The list of requests.
 * @csspart request - One request.
 * @csspart reference - A request's reference number.
 * @csspart status - A request's status.
 * @csspart timeline - A request's status changes, oldest first, the current one marked.
 * @csspart result - What came of an approved request.
 * @csspart next - What to do next.
 * @csspart continue - The button that sends the citizen to give what a request waits for.
 * @csspart show-more - The "show more" button.
 * @csspart refresh - The button that checks for updates.
 * @csspart lookup - The reference number look-up form.
 * @csspart lookup-heading - The look-up's heading in `list` mode.
 * @csspart field-error - The look-up's error.
 * @csspart found - The request the look-up found.
 * @csspart problem - An error with its retry.
 *
 * @cssprop [--iq-my-requests-max-width=48rem] - Largest width of the element (default `48rem`).
 */
export class IqMyRequests extends IqElement {
  static override messages = messages;

  static override styles = [...IqElement.styles, problemStyles, myRequestsStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    data: { attribute: false },
    items: { state: true },
    total: { state: true },
    problem: { state: true },
    moreProblem: { state: true },
    service: { state: true },
    status: { state: true },
    typed: { state: true },
    lookupError: { state: true },
    found: { state: true },
    lookupProblem: { state: true },
  };

  /** `list` (default): the requests, their filters and the look-up; `lookup`: the look-up only. */
  mode: 'list' | 'lookup' = 'list';

  /** How many requests each "show more" brings (1 to 50; default 10). */
  pageSize = 10;

  /**
   * What to show instead of fetching: `{ items, total? }` (the contract's `TrackedRequest[]`,
   * newest first). While set, nothing is fetched; filters and the look-up work on these.
   */
  data?: MyRequestsData;

  /** The requests shown, newest first; null while not known. */
  private items: readonly TrackedRequest[] | null = null;
  private total: number | null = null;
  private problem: Problem | null = null;
  private moreProblem: Problem | null = null;
  /** The filters applied. */
  private service = '';
  private status = '';
  /** The look-up: what was typed (kept as typed), its error, and what was found. */
  private typed = '';
  private lookupError: string | null = null;
  private found: TrackedRequest | null = null;
  private lookupProblem: Problem | null = null;

  #cursor: string | null = null;
  #started = false;

  // One controller per kind of call: the list (first page), the next pages, a look-up.
  readonly #list = new RequestController(this, () => this.api);
  readonly #more = new RequestController(this, () => this.api);
  readonly #lookup = new RequestController(this, () => this.api);
  readonly #focus = new FocusController(this);
  readonly #announcer = new Announcer(this);

  /** Fetches the list again with the filters applied (not with `data`, nor in `lookup` mode). */
  async refresh(): Promise<void> {
    if (this.data || this.mode === 'lookup') return;
    await this.#load(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after leaving it mid-load (the load was aborted): load again.
    if (this.#started && !this.data && this.items === null && !this.problem) void this.refresh();
  }

  protected override willUpdate(): void {
    if (!this.#started && !this.data && this.mode !== 'lookup') {
      this.#started = true;
      void this.#load(false);
    }
  }

  // ---------------------------------------------------------------- fetching

  /** The given requests that pass the filters. */
  #given(): readonly TrackedRequest[] {
    return (this.data?.items ?? []).filter(
      (r) =>
        (!this.service || r.service === this.service) && (!this.status || r.status === this.status),
    );
  }

  async #load(again: boolean): Promise<void> {
    const before = new Map((this.items ?? []).map((r) => [r.referenceNumber, r.status]));
    this.problem = null;
    this.moreProblem = null;
    this.#more.abort();
    this.#announcer.announce(msg('Loading your requests…', { id: 'my-requests.loading' }));
    const outcome = await this.#list.run((client, signal) =>
      client.requests
        .GET('/requests', {
          params: { query: { ...this.#filters(), limit: this.#limit() } },
          signal,
        })
        .then(unwrap),
    );
    if (!outcome) return;
    if (outcome.problem) {
      this.problem = outcome.problem;
      this.#announcer.clear();
      this.#focus.to('#problem');
      return;
    }
    const page = outcome.value;
    this.items = page.items;
    this.total = page.total;
    this.#cursor = page.page.nextCursor;
    const changed = again
      ? page.items.filter(
          (r) => before.has(r.referenceNumber) && before.get(r.referenceNumber) !== r.status,
        )
      : [];
    this.#announcer.announce(
      changed.length ? this.#changedText(changed) : this.#countText(page.total),
    );
  }

  #limit(): number {
    return Math.min(50, Math.max(1, Math.round(this.pageSize) || 10));
  }

  #filters(): { service?: TrackedRequest['service']; status?: TrackedRequest['status'] } {
    return {
      ...(this.service ? { service: this.service as TrackedRequest['service'] } : {}),
      ...(this.status ? { status: this.status as TrackedRequest['status'] } : {}),
    };
  }

  async #showMore(): Promise<void> {
    const cursor = this.#cursor;
    if (!cursor || this.#more.pending || this.#list.pending) return;
    this.moreProblem = null;
    const outcome = await this.#more.run((client, signal) =>
      client.requests
        .GET('/requests', {
          params: { query: { ...this.#filters(), limit: this.#limit(), cursor } },
          signal,
        })
        .then(unwrap),
    );
    if (!outcome) return;
    if (outcome.problem) {
      this.moreProblem = outcome.problem;
      this.#focus.to('#more-problem');
      return;
    }
    const seen = new Set((this.items ?? []).map((r) => r.referenceNumber));
    const fresh = outcome.value.items.filter((r) => !seen.has(r.referenceNumber));
    this.items = [...(this.items ?? []), ...fresh];
    this.total = outcome.value.total;
    this.#cursor = outcome.value.page.nextCursor;
    const n = this.format.number(fresh.length);
    this.#announcer.announce(
      pluralize(this.format, fresh.length, {
        zero: () => msg('No more requests.', { id: 'my-requests.more.zero' }),
        one: () => msg('One more request shown.', { id: 'my-requests.more.one' }),
        two: () => msg('Two more requests shown.', { id: 'my-requests.more.two' }),
        few: () => msg(str`${n} more requests shown.`, { id: 'my-requests.more.few' }),
        many: () => msg(str`${n} more requests shown.`, { id: 'my-requests.more.many' }),
        other: () => msg(str`${n} more requests shown.`, { id: 'my-requests.more.other' }),
      }),
    );
    const first = fresh[0];
    if (first) this.#focus.to(`#${itemId('r', first)}-title`);
  }

  #applyFilters(service: string, status: string): void {
    if (this.#list.pending) return;
    this.service = service;
    this.status = status;
    if (this.data) {
      this.#announcer.announce(this.#countText(this.#given().length));
      return;
    }
    void this.#load(false);
  }

  async #find(): Promise<void> {
    if (this.#lookup.pending) return;
    const parsed = parseReference(this.typed);
    this.found = null;
    this.lookupProblem = null;
    if (!parsed.ok) {
      const example = ltr(EXAMPLE);
      this.lookupError =
        parsed.problem === 'required'
          ? msg('Enter the reference number.', { id: 'my-requests.lookup.required' })
          : msg(str`Enter the reference number as on your confirmation, for example ${example}.`, {
              id: 'my-requests.lookup.invalid',
            });
      this.#announcer.announce(this.lookupError);
      this.#focus.to('#reference');
      return;
    }
    this.lookupError = null;
    const reference = parsed.value;
    if (this.data) {
      const found = this.data.items.find((r) => r.referenceNumber === reference);
      if (found) this.#show(found);
      else this.#notFound({ kind: 'not-found', code: 'not-found', status: 404, fieldErrors: [] });
      return;
    }
    const outcome = await this.#lookup.run((client, signal) =>
      client.requests
        .GET('/requests/{referenceNumber}', {
          params: { path: { referenceNumber: reference } },
          signal,
        })
        .then(unwrap),
    );
    if (!outcome) return;
    if (outcome.problem) this.#notFound(outcome.problem);
    else this.#show(outcome.value);
  }

  #show(request: TrackedRequest): void {
    this.found = request;
    const status = label(STATUSES, request.status);
    this.#announcer.announce(msg(str`Found: ${status}.`, { id: 'my-requests.lookup.found' }));
    this.#focus.to(`#${itemId('found', request)}-title`);
  }

  #notFound(problem: Problem): void {
    this.lookupProblem = problem;
    this.#announcer.clear();
    this.#focus.to('#lookup-problem');
  }

  #continue(request: TrackedRequest): void {
    const step = request.informationNeeded?.step;
    if (!step) return;
    this.dispatchEvent(
      new IqRequestContinueEvent(request.service, request.id, step, request.referenceNumber),
    );
  }

  // ---------------------------------------------------------------- texts

  #countText(count: number): string {
    const n = this.format.number(count);
    return pluralize(this.format, count, {
      zero: () => msg('No requests', { id: 'my-requests.count.zero' }),
      one: () => msg('One request', { id: 'my-requests.count.one' }),
      two: () => msg('Two requests', { id: 'my-requests.count.two' }),
      few: () => msg(str`${n} requests`, { id: 'my-requests.count.few' }),
      many: () => msg(str`${n} requests`, { id: 'my-requests.count.many' }),
      other: () => msg(str`${n} requests`, { id: 'my-requests.count.other' }),
    });
  }

  #changedText(changed: readonly TrackedRequest[]): string {
    const [only] = changed;
    if (changed.length === 1 && only) {
      // The reference is a left-to-right island inside the sentence.
      const reference = ltr(stripBidiControls(only.referenceNumber));
      const status = label(STATUSES, only.status);
      return msg(str`New status for ${reference}: ${status}.`, { id: 'my-requests.changed.one' });
    }
    const n = this.format.number(changed.length);
    return msg(str`${n} requests have a new status.`, { id: 'my-requests.changed.other' });
  }

  // ---------------------------------------------------------------- templates

  #viewContext(idPrefix: string) {
    return {
      format: this.format,
      idPrefix,
      continueRequest: (request: TrackedRequest) => this.#continue(request),
    };
  }

  #renderList(): TemplateResult {
    const items = this.data ? this.#given() : this.items;
    const total = this.data ? (items?.length ?? 0) : this.total;
    const loading = this.#list.pending && items === null;
    const filtered = Boolean(this.service || this.status);
    return html`<section
      class="list-section"
      aria-labelledby="heading"
      aria-busy=${this.#list.pending ? 'true' : 'false'}
    >
      <div class="bar">
        <h2 id="heading" part="heading" tabindex="-1">
          ${msg('My requests', { id: 'my-requests.heading' })}
        </h2>
        ${
          total !== null
            ? html`<p class="count" part="count">${this.#countText(total)}</p>`
            : nothing
        }
      </div>
      ${filtersView({
        service: this.service,
        status: this.status,
        busy: this.#list.pending,
        apply: (service, status) => this.#applyFilters(service, status),
      })}
      ${
        this.data
          ? nothing
          : html`<button
              type="button"
              class="link refresh"
              part="refresh"
              aria-disabled=${this.#list.pending ? 'true' : 'false'}
              @click=${() => void this.refresh()}
            >
              ${msg('Check for updates', { id: 'my-requests.refresh' })}
            </button>`
      }
      ${
        this.problem
          ? renderProblem(this.problem, {
              retry: () => void this.refresh(),
              text:
                this.problem.kind === 'auth'
                  ? msg('Sign in to see your requests.', { id: 'my-requests.problem.auth' })
                  : undefined,
            })
          : nothing
      }
      ${
        loading
          ? skeletonView()
          : items && items.length
            ? html`<ol class="list" part="list">
                ${items.map((r) => html`<li>${requestView(r, this.#viewContext('r'))}</li>`)}
              </ol>`
            : items
              ? html`<p class="empty muted">
                  ${
                    filtered
                      ? msg('No requests match these filters.', {
                          id: 'my-requests.empty.filtered',
                        })
                      : msg('You have not sent any request yet.', { id: 'my-requests.empty' })
                  }
                </p>`
              : nothing
      }
      ${
        this.moreProblem
          ? renderProblem(this.moreProblem, {
              id: 'more-problem',
              classes: 'small',
              retry: () => void this.#showMore(),
            })
          : nothing
      }
      ${
        !this.data && this.#cursor && !this.moreProblem && !this.problem
          ? html`<button
              type="button"
              class="secondary"
              part="show-more"
              aria-disabled=${this.#more.pending ? 'true' : 'false'}
              @click=${() => void this.#showMore()}
            >
              ${
                this.#more.pending
                  ? msg('Loading more requests…', { id: 'my-requests.more.loading' })
                  : msg('Show more requests', { id: 'my-requests.more.button' })
              }
            </button>`
          : nothing
      }
    </section>`;
  }

  #renderLookup(): TemplateResult {
    const only = this.mode === 'lookup';
    return html`<section class="lookup-section" aria-labelledby="lookup-heading">
      <h2 id="lookup-heading" part=${only ? 'heading' : 'lookup-heading'}>
        ${msg('Find a request', { id: 'my-requests.lookup.heading' })}
      </h2>
      ${lookupView({
        value: this.typed,
        error: this.lookupError,
        busy: this.#lookup.pending,
        example: EXAMPLE,
        input: (value) => (this.typed = value),
        find: () => void this.#find(),
      })}
      ${
        this.lookupProblem
          ? renderProblem(this.lookupProblem, {
              id: 'lookup-problem',
              classes: 'small',
              retry: () => void this.#find(),
              text:
                this.lookupProblem.kind === 'not-found'
                  ? msg('No request of yours has this reference number.', {
                      id: 'my-requests.lookup.not-found',
                    })
                  : undefined,
            })
          : nothing
      }
      ${
        this.found
          ? html`<div class="found" part="found">
              ${requestView(this.found, this.#viewContext('found'))}
            </div>`
          : nothing
      }
    </section>`;
  }

  protected override render(): TemplateResult {
    return html`<div class="root">
        ${this.mode === 'lookup' ? nothing : this.#renderList()} ${this.#renderLookup()}
      </div>
      ${this.#announcer.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-my-requests': IqMyRequests;
  }
}
