import type { DraftRecord, RequestStatus } from '../drafts.js';
import type { SandboxState } from '../state.js';
import type { OperationContext, ServiceModule } from '../types.js';
import { pageOf } from './paging.js';

/**
 * "My requests" (`openapi/requests.yaml`): the citizen's submitted requests of every service in
 * one list — Mazalati beneficiary updates and ration card family changes (the services' drafts,
 * from submission on) and succeeded payments (their receipts' reference numbers) — seeded ones
 * and those submitted during the session alike.
 *
 * Requests move by the sandbox clock, deterministically, whenever this service reads them: a
 * submitted request is taken under review {@link REVIEW_STARTS_AFTER_MS} after submission, and
 * decided {@link DECISION_AFTER_MS} after that. The decision follows from the reference number
 * ({@link decide}), so that the same request ends the same way on every run. The change is written
 * to the service's own record (its status and history), so that the service answers the same.
 */

/** From submission to review (the sandbox's pace; tests move the clock past it). */
export const REVIEW_STARTS_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
/** From the start of the review to the decision. */
export const DECISION_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

type Service = 'social-protection' | 'ration-card' | 'payments';
type Tracked = Exclude<RequestStatus, 'draft'>;
type Decision = 'approved' | 'rejected' | 'needs-information';

/** The contract's `TrackedRequest`. */
export interface TrackedRequest {
  id: string;
  service: Service;
  kind: string;
  referenceNumber: string;
  submittedAt: string;
  updatedAt: string;
  status: Tracked;
  rejectionReason: string | null;
  informationNeeded: { code: string; step: string | null } | null;
  timeline: { status: Tracked; at: string }[];
  result: string | null;
  nextAction: string;
}

/** What a request in `needs-information` waits for, by kind: candidates and the form step. */
const NEEDS: Record<string, { codes: string[]; step: string }> = {
  'beneficiary-update': {
    codes: ['income-proof', 'residence-card', 'medical-report'],
    step: 'documents',
  },
  'add-newborn': { codes: ['birth-certificate'], step: 'documents' },
  'remove-deceased-member': { codes: ['death-certificate'], step: 'documents' },
  'change-address': { codes: ['residence-card'], step: 'documents' },
  'change-agent': { codes: ['national-card'], step: 'documents' },
};

/** Why a request is rejected, and what the citizen does then. */
const REJECTIONS: { reason: string; next: string }[] = [
  { reason: 'documents-unreadable', next: 'submit-again' },
  { reason: 'data-mismatch', next: 'visit-office' },
  { reason: 'not-eligible', next: 'visit-office' },
  { reason: 'duplicate-request', next: 'none' },
];

/** What an approved request did, by kind. */
const RESULTS: Record<string, string> = {
  'beneficiary-update': 'data-updated',
  'add-newborn': 'member-added',
  'remove-deceased-member': 'member-removed',
  'change-address': 'address-changed',
  'change-agent': 'agent-changed',
  payment: 'paid',
};

/** A small, stable number from a reference number (the same on every run). */
function hash(text: string): number {
  let h = 7;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) % 1_000_003;
  return h;
}

/** How a request is decided: half approved, a quarter rejected, a quarter needing information. */
export function decide(referenceNumber: string): Decision {
  const n = hash(referenceNumber) % 4;
  return n < 2 ? 'approved' : n === 2 ? 'rejected' : 'needs-information';
}

/** Moves one submitted draft through review and decision, as far as the clock says. */
function advance(draft: DraftRecord, now: number): void {
  if (!draft.submittedAt || !draft.referenceNumber) return;
  const move = (status: RequestStatus, at: number) => {
    const iso = new Date(at).toISOString();
    draft.status = status;
    draft.updatedAt = iso;
    draft.history.push({ status, at: iso });
  };
  if (draft.status === 'submitted') {
    const at = Date.parse(draft.submittedAt) + REVIEW_STARTS_AFTER_MS;
    if (at > now) return;
    move('under-review', at);
  }
  if (draft.status === 'under-review') {
    const since = [...draft.history].reverse().find((h) => h.status === 'under-review')?.at;
    const at = Date.parse(since ?? draft.updatedAt) + DECISION_AFTER_MS;
    if (at > now) return;
    move(decide(draft.referenceNumber), at);
  }
}

/** The submitted drafts of both services' records, for one citizen, moved to the clock. */
function fromDrafts(
  drafts: Record<string, DraftRecord>,
  service: Service,
  citizenId: string,
  now: number,
): TrackedRequest[] {
  return Object.values(drafts)
    .filter((d) => d.citizenId === citizenId && d.status !== 'draft' && d.referenceNumber)
    .map((draft) => {
      advance(draft, now);
      const status = draft.status as Tracked;
      const reference = draft.referenceNumber ?? '';
      const timeline = draft.history
        .filter((h): h is { status: Tracked; at: string } => h.status !== 'draft')
        .map(({ status: s, at }) => ({ status: s, at }));
      const rejection = REJECTIONS[hash(`${reference}:reason`) % REJECTIONS.length];
      const needs = NEEDS[draft.kind];
      const code = needs?.codes[hash(reference) % needs.codes.length];
      return {
        id: draft.id,
        service,
        kind: draft.kind,
        referenceNumber: reference,
        submittedAt: draft.submittedAt ?? draft.updatedAt,
        updatedAt: timeline.at(-1)?.at ?? draft.updatedAt,
        status,
        rejectionReason: status === 'rejected' ? (rejection?.reason ?? 'not-eligible') : null,
        informationNeeded:
          status === 'needs-information' && code ? { code, step: needs?.step ?? null } : null,
        timeline,
        result: status === 'approved' ? (RESULTS[draft.kind] ?? null) : null,
        nextAction:
          status === 'approved'
            ? 'none'
            : status === 'rejected'
              ? (rejection?.next ?? 'visit-office')
              : status === 'needs-information'
                ? 'provide-information'
                : 'wait',
      };
    });
}

/** Succeeded payments: submitted when created, approved (paid) when the gateway confirmed. */
function fromPayments(state: SandboxState, citizenId: string): TrackedRequest[] {
  return (state.payments.payments[citizenId] ?? [])
    .filter((p) => p.status === 'succeeded' && p.referenceNumber && p.decidedAt)
    .map((p) => ({
      id: p.id,
      service: 'payments' as const,
      kind: 'payment',
      referenceNumber: p.referenceNumber ?? '',
      submittedAt: p.createdAt,
      updatedAt: p.decidedAt ?? p.createdAt,
      status: 'approved' as const,
      rejectionReason: null,
      informationNeeded: null,
      timeline: [
        { status: 'submitted' as const, at: p.createdAt },
        { status: 'approved' as const, at: p.decidedAt ?? p.createdAt },
      ],
      result: 'paid',
      nextAction: 'keep-receipt',
    }));
}

/** Every request of the signed-in citizen, newest submission first, moved to the clock. */
export function requestsOf(ctx: OperationContext): TrackedRequest[] {
  const citizenId = ctx.citizen?.id ?? '';
  const now = ctx.now.getTime();
  const { state } = ctx;
  return [
    ...fromDrafts(state.socialProtection.drafts, 'social-protection', citizenId, now),
    ...fromDrafts(state.rationCard.drafts, 'ration-card', citizenId, now),
    ...fromPayments(state, citizenId),
  ].sort(
    (a, b) =>
      b.submittedAt.localeCompare(a.submittedAt) ||
      b.referenceNumber.localeCompare(a.referenceNumber),
  );
}

/** The aggregation of the citizen's requests across the services (`openapi/requests.yaml`). */
export const requestsService: ServiceModule = {
  name: 'requests',
  handlers: {
    listMyRequests: (ctx) => {
      const { service, status } = ctx.query as { service?: string; status?: string };
      return pageOf(
        ctx,
        requestsOf(ctx).filter(
          (r) => (!service || r.service === service) && (!status || r.status === status),
        ),
      );
    },
    getMyRequest: (ctx) => {
      // Only the citizen's own: another citizen's reference number is as unknown as a wrong one.
      const found = requestsOf(ctx).find((r) => r.referenceNumber === ctx.path['referenceNumber']);
      return found ? ctx.json(200, found) : ctx.problem(404, 'not-found');
    },
  },
};
