import {
  html,
  isServer,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { msg, str } from '@lit/localize';
import {
  unwrap,
  type ChangeRequest,
  type DistributionMonth,
  type MonthlyEntitlement,
  type RationCard,
} from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { Announcer } from '../core/announcer.js';
import { FocusController } from '../core/focus.js';
import type { Problem } from '../core/problem.js';
import { renderProblem } from '../core/problem-view.js';
import { RequestController } from '../core/request.js';
import { stripBidiControls } from '../core/normalize.js';
import { isolate, pluralize } from '../core/format.js';
import { governorateName } from '../core/governorates.js';
import { IqRationCardLoadedEvent, IqRequestChangeEvent, type RationCardData } from './events.js';
import { RELATIONS } from '../core/labels.js';
import { messages } from '../generated/messages/ration-card.js';
import { HistoryPager, HISTORY_PAGE } from './history.js';
import {
  BLOCK_REASONS,
  DEFAULT_UNITS,
  ENTITLEMENT_STATUSES,
  ITEMS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  UNBLOCK_BUTTONS,
  UNBLOCK_STEPS,
  quantityText,
} from './labels.js';
import { rationCardStyles } from './ration-card.styles.js';

type Agent = RationCard['foodAgent'];
type Member = RationCard['members'][number];
type BlockedStatus = Extract<RationCard['status'], { state: 'blocked' }>;

/** Statuses of a change request still in progress (shown however old). */
const OPEN_STATUSES: ReadonlySet<string> = new Set([
  'draft',
  'submitted',
  'under-review',
  'needs-information',
]);
/** Decided requests (approved, rejected) shown after the open ones, newest first. */
const RECENT_DECIDED = 3;

// Bidirectional controls in server text could reorder what surrounds them; names and addresses
// are isolated with <bdi> and cleaned of them.
const clean = stripBidiControls;

/** A phone number safe to put in a `tel:` link (digits and a leading +), or null. */
function telHref(phone: string | undefined): string | null {
  return phone && /^\+?[0-9]{6,15}$/.test(phone) ? `tel:${phone}` : null;
}

/**
 * The household's ration card (البطاقة التموينية, Ministry of Trade, `openapi/ration-card.yaml`):
 * the card's status first — when blocked, why and what to do, with a button the host routes —
 * then the card (number, head of household, governorate, supply centre, food and flour agents),
 * its members, this month's entitlement, the family's open and recent change requests and the
 * distribution history month by month.
 *
 * It fetches through the configured client, or shows the `data` property and fetches nothing.
 * Kept `hidden` (e.g. until the citizen signs in), it fetches nothing until it is shown.
 * Failed loads keep what was shown, marked as possibly out of date, with a retry; a failure of
 * the change requests alone keeps the card and shows a retry in that section. Printed, it is a
 * one-page card: status, details, members and this month's entitlement. Nothing the server
 * sends is rendered as markup.
 *
 * @summary The household's ration card: status, members, monthly entitlement and history.
 *
 * @fires {IqRationCardLoadedEvent} iq-ration-card-loaded - The card was fetched and shown; `data`.
 * @fires {IqRequestChangeEvent} iq-request-change - The citizen chose the action that unblocks the card; `reasonCode`, `requestKind`, `actionCode`.
 * @fires {IqAuthRequiredEvent} iq-auth-required - The server answered 401: the citizen must sign in.
 * @fires {IqErrorEvent} iq-error - A request failed: `code`, `status`, `requestId` (no personal data).
 *
 * @csspart heading - The element's heading.
 * @csspart status - The card's status (active, or blocked with the reason).
 * @csspart request-change - The button that starts what unblocks a blocked card.
 * @csspart problem - The error, offline or signed-out message with its retry.
 * @csspart details - The card's details (number, head, governorate, centre, agents).
 * @csspart members - The list of household members.
 * @csspart entitlement - This month's entitlement.
 * @csspart requests - The family's change requests section.
 * @csspart request - One change request (kind, status, reference number, date sent).
 * @csspart requests-problem - The change requests' error with its retry.
 * @csspart history - The distribution history.
 * @csspart show-older - The "show older months" button.
 * @csspart reveal - The control that shows or hides a member's full national number (`allow-reveal`).
 *
 * @cssprop [--iq-ration-card-max-width=48rem] - Largest width of the element (default `48rem`).
 */
export class IqRationCard extends IqElement {
  static override messages = messages;

  static override styles = [...IqElement.styles, rationCardStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    data: { attribute: false },
    allowReveal: { type: Boolean, attribute: 'allow-reveal' },
    revealed: { state: true },
    card: { state: true },
    entitlement: { state: true },
    months: { state: true },
    problem: { state: true },
    historyProblem: { state: true },
    stale: { state: true },
    hasMore: { state: true },
    requests: { state: true },
    requestsProblem: { state: true },
    // Observed so that a card kept hidden (e.g. until the citizen signs in) does not fetch yet.
    hidden: { type: Boolean, reflect: true },
  };

  /**
   * What to show instead of fetching: `{ card, entitlement?, distributions?, changeRequests? }`
   * (the contract's `RationCard`, `MonthlyEntitlement`, `DistributionMonth[]` and
   * `ChangeRequest[]`, newest first). While set, nothing is fetched. A card rendered on the server
   * with `data` (`@iq-eservices/components/ssr`) is given the same `data` in the browser before it
   * first renders: it then hydrates what the server showed and fetches nothing.
   */
  data?: RationCardData;

  /**
   * Offer a "Show" control beside each member's masked national number, which asks the service
   * for the full number (`revealMemberNationalId`) and shows it until the citizen hides it again.
   * Off by default: the host decides whether its page may show full numbers.
   */
  allowReveal = false;

  /**
   * The native `hidden`, observed: a card the host keeps hidden (e.g. until the citizen signs in)
   * fetches nothing until it is shown.
   */
  declare hidden: boolean;

  /** Full national numbers the citizen asked to see, by member id; forgotten on hide and reload. */
  private revealed: Readonly<Record<string, string>> = {};

  private card: RationCard | null = null;
  private entitlement: MonthlyEntitlement | null = null;
  private months: readonly DistributionMonth[] = [];
  private problem: Problem | null = null;
  private historyProblem: Problem | null = null;
  private stale = false;
  private hasMore = false;
  /** The household's change requests, newest first; null while not known. */
  private requests: readonly ChangeRequest[] | null = null;
  private requestsProblem: Problem | null = null;

  private pager: HistoryPager | null = null;
  private started = false;

  // One controller per kind of call: the card, the change requests, older months, a full number.
  readonly #card = new RequestController(this, () => this.api);
  readonly #requests = new RequestController(this, () => this.api);
  readonly #history = new RequestController(this, () => this.api);
  readonly #reveal = new RequestController(this, () => this.api);
  readonly #focus = new FocusController(this);
  readonly #announcer = new Announcer(this);

  /** Fetches the card, this month's entitlement and the last 12 months again (not with `data`). */
  async refresh(): Promise<void> {
    if (this.data || this.#card.pending) return;
    this.#announcer.announce(msg('Loading the ration card…', { id: 'ration-card.loading' }));
    // Rendered on the server, it fetches nothing there: it renders loading, as its first render in
    // the browser does, and fetches once hydrated.
    if (isServer) return;
    // The change requests load alongside; the card does not wait for them.
    await Promise.all([this.load(), this.loadRequests()]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after leaving it mid-load (the load was aborted): load again.
    if (this.started && !this.data && !this.card && !this.problem) void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data) {
      this.card = this.data.card;
      this.entitlement = this.data.entitlement ?? null;
      this.months = this.data.distributions ?? [];
      this.hasMore = false;
      this.problem = null;
      this.stale = false;
      this.pager = null;
      this.requests = this.data.changeRequests ?? null;
      this.requestsProblem = null;
    }
    // A card the host keeps `hidden` fetches nothing until it is shown: no call (and no 401)
    // before the citizen has signed in.
    if (!this.started && !this.data && !this.hidden) {
      this.started = true;
      void this.refresh();
    }
  }

  // ---------------------------------------------------------------- fetching

  private async load(): Promise<void> {
    this.revealed = {};
    let pager: HistoryPager | undefined;
    const outcome = await this.#card.run((client, signal) => {
      pager = new HistoryPager(client);
      return Promise.all([
        client.rationCard.GET('/card', { signal }).then(unwrap),
        client.rationCard.GET('/card/entitlements', { signal }).then((result) => {
          // No basket announced for this month is an answer, not a failure.
          if (result.response.status === 404) return null;
          return unwrap(result);
        }),
        pager.take(HISTORY_PAGE, signal),
      ]);
    });
    if (!outcome) return;
    if (outcome.problem) return this.fail(outcome.problem);
    const [card, entitlement, months] = outcome.value;
    this.card = card;
    this.entitlement = entitlement;
    this.months = months;
    this.pager = pager ?? null;
    this.hasMore = !!pager?.hasMore;
    this.problem = null;
    this.historyProblem = null;
    this.stale = false;
    this.#announcer.announce(msg('Ration card loaded.', { id: 'ration-card.loaded' }));
    this.dispatchEvent(new IqRationCardLoadedEvent({ card, entitlement, distributions: months }));
  }

  /**
   * Fetches the household's change requests. A failure stays in the requests section (the card
   * is shown regardless); `retrying` moves focus to the section's outcome.
   */
  private async loadRequests(retrying = false): Promise<void> {
    if (!this.api || this.#requests.pending) return;
    this.requestsProblem = null;
    const outcome = await this.#requests.run((client, signal) =>
      client.rationCard.GET('/change-requests', { signal }).then(unwrap),
    );
    if (!outcome) return;
    if (outcome.problem) {
      this.requestsProblem = outcome.problem;
      if (retrying) this.#focus.to('#requests-problem');
      return;
    }
    this.requests = outcome.value.items;
    if (retrying) {
      this.#announcer.announce(
        msg('Change requests loaded.', { id: 'ration-card.requests.loaded' }),
      );
      this.#focus.to('#requests-heading');
    }
  }

  private async showOlder(): Promise<void> {
    const pager = this.pager;
    if (!pager || this.#card.pending || this.#history.pending) return;
    this.historyProblem = null;
    const outcome = await this.#history.run((_client, signal) => pager.take(HISTORY_PAGE, signal));
    if (!outcome) return;
    if (outcome.problem) {
      if (outcome.problem.kind === 'auth') this.fail(outcome.problem);
      else {
        this.historyProblem = outcome.problem;
        this.#focus.to('#history-problem');
      }
      return;
    }
    const seen = new Set(this.months.map((m) => m.month));
    const fresh = outcome.value.filter((m) => !seen.has(m.month));
    const first = fresh[0];
    this.months = [...this.months, ...fresh];
    this.hasMore = pager.hasMore;
    const count = this.format.number(fresh.length);
    this.#announcer.announce(
      pluralize(this.format, fresh.length, {
        zero: () => msg('No older months.', { id: 'ration-card.older-loaded.zero' }),
        one: () => msg('One older month shown.', { id: 'ration-card.older-loaded.one' }),
        two: () => msg('Two older months shown.', { id: 'ration-card.older-loaded.two' }),
        few: () => msg(str`${count} older months shown.`, { id: 'ration-card.older-loaded.few' }),
        many: () => msg(str`${count} older months shown.`, { id: 'ration-card.older-loaded.many' }),
        other: () =>
          msg(str`${count} older months shown.`, { id: 'ration-card.older-loaded.other' }),
      }),
    );
    if (first) this.#focus.to(`#month-${first.month}`);
  }

  /** Shows a problem, keeping whatever was shown (marked possibly out of date). */
  private fail(problem: Problem): void {
    this.problem = problem;
    this.stale = this.card !== null;
    this.#announcer.clear();
    this.#focus.to('#problem');
  }

  private requestChange(status: BlockedStatus): void {
    this.dispatchEvent(
      new IqRequestChangeEvent(status.reasonCode, status.action.requestKind, status.action.code),
    );
  }

  // ---------------------------------------------------------------- helpers for the templates

  private quantity(amount: number, unit: string): string {
    return quantityText(this.format.number(amount, { maximumFractionDigits: 3 }), unit);
  }

  private itemName(code: string, fallback?: string): string {
    return ITEMS[code]?.() ?? clean(fallback ?? code);
  }

  private memberCount(count: number): string {
    const n = this.format.number(count);
    return pluralize(this.format, count, {
      zero: () => msg('No members', { id: 'ration-card.members-count.zero' }),
      one: () => msg('One member', { id: 'ration-card.members-count.one' }),
      two: () => msg('Two members', { id: 'ration-card.members-count.two' }),
      few: () => msg(str`${n} members`, { id: 'ration-card.members-count.few' }),
      many: () => msg(str`${n} members`, { id: 'ration-card.members-count.many' }),
      other: () => msg(str`${n} members`, { id: 'ration-card.members-count.other' }),
    });
  }

  // ---------------------------------------------------------------- templates

  private renderProblem(problem: Problem, id: string, retry: () => void): TemplateResult {
    return renderProblem(problem, {
      id,
      retry,
      text:
        problem.kind === 'not-found'
          ? msg('No ration card is registered for you.', { id: 'ration-card.problem.not-found' })
          : problem.kind === 'auth'
            ? msg('Sign in to see your ration card.', { id: 'ration-card.problem.auth' })
            : undefined,
      detail:
        id === 'problem' && this.stale
          ? msg('What is shown below may be out of date.', { id: 'ration-card.stale' })
          : undefined,
    });
  }

  private renderStatus(card: RationCard): TemplateResult {
    const status = card.status;
    if (status.state === 'active') {
      return html`<p class="status active" part="status">
        ${msg('Active: your household receives its monthly basket.', {
          id: 'ration-card.active',
        })}
      </p>`;
    }
    const reason = BLOCK_REASONS[status.reasonCode]?.() ?? clean(status.reasonText);
    const step = UNBLOCK_STEPS[status.action.code]?.() ?? clean(status.actionText);
    const button =
      UNBLOCK_BUTTONS[status.action.code]?.() ??
      msg('Start the request', { id: 'ration-card.button.other' });
    const since = this.format.date(status.blockedSince);
    return html`
      <div class="status blocked" part="status">
        <h3>${msg('Your card is blocked', { id: 'ration-card.blocked.heading' })}</h3>
        <p class="reason">${reason}</p>
        <p class="muted">
          ${msg(str`Blocked since ${since}.`, { id: 'ration-card.blocked.since' })}
        </p>
        <h4>${msg('What to do', { id: 'ration-card.blocked.what-to-do' })}</h4>
        <p>${step}</p>
        <button
          type="button"
          part="request-change"
          class="request-change"
          @click=${() => this.requestChange(status)}
        >
          ${button}
        </button>
      </div>
    `;
  }

  private renderAgent(label: string, agent: Agent): TemplateResult {
    const href = telHref(agent.phone);
    return html`
      <div class="field">
        <dt>${label}</dt>
        <dd>
          <bdi>${clean(agent.name)}</bdi><br />
          <span class="muted">${clean(agent.address)}</span>
          ${
            href && agent.phone
              ? html`<br /><a href=${href}
                    ><span class="visually-hidden">${msg('Call', { id: 'ration-card.call' })}</span>
                    <bdi dir="ltr">${this.format.digits(agent.phone)}</bdi></a
                  >`
              : nothing
          }
        </dd>
      </div>
    `;
  }

  private renderDetails(card: RationCard): TemplateResult {
    return html`
      <dl class="details" part="details">
        <div class="field">
          <dt>${msg('Card number', { id: 'ration-card.card-number' })}</dt>
          <dd><bdi dir="ltr" class="number">${this.format.digits(card.cardNumber)}</bdi></dd>
        </div>
        <div class="field">
          <dt>${msg('Head of household', { id: 'ration-card.head' })}</dt>
          <dd><bdi>${clean(card.headOfHousehold.name)}</bdi></dd>
        </div>
        <div class="field">
          <dt>${msg('Governorate', { id: 'ration-card.governorate' })}</dt>
          <dd>${governorateName(card.governorate)}</dd>
        </div>
        <div class="field">
          <dt>${msg('Supply centre', { id: 'ration-card.supply-centre' })}</dt>
          <dd>
            <bdi>${clean(card.supplyCentre.name)}</bdi><br />
            <span class="muted">${clean(card.supplyCentre.address)}</span>
          </dd>
        </div>
        ${this.renderAgent(msg('Food agent', { id: 'ration-card.food-agent' }), card.foodAgent)}
        ${this.renderAgent(msg('Flour agent', { id: 'ration-card.flour-agent' }), card.flourAgent)}
      </dl>
    `;
  }

  private renderMember(member: Member): TemplateResult {
    const relation = RELATIONS[member.relation]?.() ?? member.relation;
    return html`
      <li class="member">
        <bdi class="name">${clean(member.name)}</bdi>
        <span>${relation}</span>
        <span class="muted"
          >${msg(str`Born ${this.format.date(member.birthDate)}`, {
            id: 'ration-card.member.born',
          })}</span
        >
        <span class="muted"
          >${msg('National number', { id: 'ration-card.member.national-id' })}
          <bdi dir="ltr" class="national-id"
            >${this.format.digits(this.revealed[member.id] ?? member.maskedNationalId)}</bdi
          ></span
        >
        ${this.allowReveal && !this.data ? this.renderReveal(member) : nothing}
      </li>
    `;
  }

  private renderReveal(member: Member): TemplateResult {
    const shown = member.id in this.revealed;
    // The name inside the sentence is isolated: a Latin one cannot reorder the words around it.
    const name = isolate(clean(member.name));
    return html`<button
      type="button"
      class="link reveal"
      part="reveal"
      aria-pressed=${shown ? 'true' : 'false'}
      @click=${() => void this.toggleReveal(member.id)}
    >
      ${
        shown
          ? msg(str`Hide the national number of ${name}`, { id: 'ration-card.member.hide' })
          : msg(str`Show the national number of ${name}`, { id: 'ration-card.member.show' })
      }
    </button>`;
  }

  private async toggleReveal(memberId: string): Promise<void> {
    if (memberId in this.revealed) {
      const { [memberId]: _hidden, ...rest } = this.revealed;
      this.revealed = rest;
      return;
    }
    // On failure the masked number stays; the host hears why (no personal data in the event).
    const outcome = await this.#reveal.run((client, signal) =>
      client.rationCard
        .GET('/card/members/{memberId}/national-id', { params: { path: { memberId } }, signal })
        .then(unwrap),
    );
    if (outcome?.value) this.revealed = { ...this.revealed, [memberId]: outcome.value.nationalId };
  }

  private renderMembers(card: RationCard): TemplateResult {
    return html`
      <section part="members" aria-labelledby="members-heading">
        <h3 id="members-heading">
          ${msg('Members', { id: 'ration-card.members' })}
          <span class="count">(${this.memberCount(card.members.length)})</span>
        </h3>
        <ul class="members">
          ${card.members.map((m) => this.renderMember(m))}
        </ul>
      </section>
    `;
  }

  private renderEntitlement(): TemplateResult {
    const entitlement = this.entitlement;
    return html`
      <section part="entitlement" aria-labelledby="entitlement-heading">
        <h3 id="entitlement-heading">
          ${
            entitlement
              ? msg(str`Entitlement for ${this.format.month(entitlement.month)}`, {
                  id: 'ration-card.entitlement.heading',
                })
              : msg("This month's entitlement", { id: 'ration-card.entitlement.heading-plain' })
          }
        </h3>
        ${
          entitlement
            ? html`<ul class="entitlement">
                ${entitlement.items.map((item) => {
                  const perPerson = this.quantity(item.quantityPerPerson, item.unit);
                  const members = this.format.number(entitlement.memberCount);
                  const total = this.quantity(item.total, item.unit);
                  const received =
                    item.status === 'partial' && item.receivedQuantity !== undefined
                      ? this.quantity(item.receivedQuantity, item.unit)
                      : null;
                  return html`<li class="line" data-item=${item.item}>
                    <span class="item">${this.itemName(item.item, item.name)}</span>
                    <span class="calc"
                      >${msg(str`${perPerson} per person × ${members} = ${total}`, {
                        id: 'ration-card.entitlement.calc',
                      })}</span
                    >
                    <span class="badge ${item.status}"
                      >${ENTITLEMENT_STATUSES[item.status]?.() ?? item.status}${
                        received
                          ? html` (${msg(str`${received} received`, {
                              id: 'ration-card.entitlement.received',
                            })})`
                          : nothing
                      }</span
                    >
                  </li>`;
                })}
              </ul>`
            : html`<p class="muted">
                ${msg('No basket has been announced for this month yet.', {
                  id: 'ration-card.entitlement.none',
                })}
              </p>`
        }
      </section>
    `;
  }

  private unitOf(item: string): string {
    return this.entitlement?.items.find((i) => i.item === item)?.unit ?? DEFAULT_UNITS[item] ?? '';
  }

  private renderMonth(month: DistributionMonth): TemplateResult {
    return html`
      <li class="month">
        <h4 id="month-${month.month}" tabindex="-1">${this.format.month(month.month)}</h4>
        <ul>
          ${month.items.map((line) => {
            const amount = this.quantity(line.quantity, this.unitOf(line.item));
            return html`<li class="line">
              <span class="item">${this.itemName(line.item)}</span>
              <span>${amount}</span>
              <span class="badge ${line.status}"
                >${ENTITLEMENT_STATUSES[line.status]?.() ?? line.status}</span
              >
              ${
                line.receivedAt
                  ? html`<span class="muted">${this.format.date(line.receivedAt)}</span>`
                  : nothing
              }
              ${
                line.agent
                  ? html`<span class="muted"><bdi>${clean(line.agent.name)}</bdi></span>`
                  : nothing
              }
            </li>`;
          })}
        </ul>
      </li>
    `;
  }

  private renderHistory(): TemplateResult {
    const busy = this.#history.pending;
    return html`
      <section part="history" aria-labelledby="history-heading">
        <h3 id="history-heading">
          ${msg('Distribution history', { id: 'ration-card.history.heading' })}
        </h3>
        ${
          this.months.length
            ? html`<ol class="history">
                ${this.months.map((m) => this.renderMonth(m))}
              </ol>`
            : html`<p class="muted empty">
                ${msg('No distributions are recorded for this card yet.', {
                  id: 'ration-card.history.empty',
                })}
              </p>`
        }
        ${
          this.historyProblem
            ? this.renderProblem(this.historyProblem, 'history-problem', () => {
                void this.showOlder();
              })
            : nothing
        }
        ${
          this.hasMore && !this.historyProblem
            ? html`<button
                type="button"
                class="secondary"
                part="show-older"
                aria-disabled=${busy ? 'true' : 'false'}
                @click=${() => void this.showOlder()}
              >
                ${
                  busy
                    ? msg('Loading older months…', { id: 'ration-card.history.loading' })
                    : msg('Show older months', { id: 'ration-card.history.older' })
                }
              </button>`
            : nothing
        }
      </section>
    `;
  }

  private renderRequest(request: ChangeRequest): TemplateResult {
    const kind = REQUEST_KINDS[request.kind]?.() ?? request.kind;
    const status = REQUEST_STATUSES[request.status]?.() ?? request.status;
    const sent = request.submittedAt ? this.format.date(request.submittedAt) : null;
    return html`
      <li class="request" part="request" data-status=${request.status} data-kind=${request.kind}>
        <span class="kind">${kind}</span>
        <span class="badge ${request.status}">${status}</span>
        ${
          request.referenceNumber
            ? html`<span
                >${msg('Reference number', { id: 'ration-card.requests.reference' })}
                <bdi dir="ltr" class="reference">${clean(request.referenceNumber)}</bdi></span
              >`
            : nothing
        }
        <span class="muted sent"
          >${
            sent && request.status !== 'draft'
              ? msg(str`Sent on ${sent}`, { id: 'ration-card.requests.sent' })
              : msg('Not sent yet', { id: 'ration-card.requests.not-sent' })
          }</span
        >
      </li>
    `;
  }

  /** The open requests, then the most recent decided ones, in the server's order. */
  private shownRequests(requests: readonly ChangeRequest[]): ChangeRequest[] {
    let decided = 0;
    return requests.filter((r) => OPEN_STATUSES.has(r.status) || decided++ < RECENT_DECIDED);
  }

  private renderRequests(): TemplateResult | typeof nothing {
    const requests = this.requests;
    if (!requests && !this.requestsProblem && !this.#requests.pending) return nothing;
    const shown = requests ? this.shownRequests(requests) : [];
    return html`
      <section part="requests" class="requests" aria-labelledby="requests-heading">
        <h3 id="requests-heading" tabindex="-1">
          ${msg('Family change requests', { id: 'ration-card.requests.heading' })}
        </h3>
        ${
          this.requestsProblem
            ? renderProblem(this.requestsProblem, {
                id: 'requests-problem',
                part: 'requests-problem',
                classes: 'small',
                text: msg('Your change requests could not be loaded.', {
                  id: 'ration-card.requests.problem',
                }),
                retry: () => void this.loadRequests(true),
              })
            : !requests
              ? html`<p class="muted">
                  ${msg('Loading change requests…', { id: 'ration-card.requests.loading' })}
                </p>`
              : shown.length
                ? html`<ul class="request-list">
                    ${shown.map((r) => this.renderRequest(r))}
                  </ul>`
                : html`<p class="muted empty">
                    ${msg('You have no open or recent change requests.', {
                      id: 'ration-card.requests.empty',
                    })}
                  </p>`
        }
      </section>
    `;
  }

  private renderSkeleton(): TemplateResult {
    const block = html`<span class="bone" aria-hidden="true"></span>`;
    return html`
      <div class="status skeleton">${block}</div>
      <div class="details skeleton">${block}${block}${block}${block}</div>
      <div class="skeleton">${block}${block}${block}</div>
      <div class="skeleton">${block}${block}</div>
    `;
  }

  protected override render(): TemplateResult {
    const card = this.card;
    // (On the server: loading, when it will fetch in the browser.)
    const loading = !card && (isServer ? this.started : this.#card.pending);
    return html`
      <article class="root" aria-labelledby="heading" aria-busy=${loading ? 'true' : 'false'}>
        <h2 id="heading" part="heading">${msg('Ration card', { id: 'ration-card.heading' })}</h2>
        ${
          this.problem
            ? this.renderProblem(this.problem, 'problem', () => void this.refresh())
            : nothing
        }
        ${
          card
            ? html`<div class=${this.stale ? 'content stale' : 'content'}>
                ${this.renderStatus(card)} ${this.renderDetails(card)} ${this.renderMembers(card)}
                ${this.renderEntitlement()} ${this.renderRequests()} ${this.renderHistory()}
              </div>`
            : loading
              ? this.renderSkeleton()
              : nothing
        }
      </article>
      ${this.#announcer.render()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-ration-card': IqRationCard;
  }
}
