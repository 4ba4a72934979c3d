import { msg } from '@lit/localize';
import type {
  InformationCode,
  NextAction,
  RejectionReason,
  RequestKind,
  RequestResult,
  RequestService,
  TrackedStatus,
} from '@iq-eservices/api';
import type { Labels } from '../core/labels.js';

// The requests contract's codes, each with its own catalogue message. Each table `satisfies` the
// contract's enum: a code added to or removed from `openapi/requests.yaml` fails the typecheck
// until its message is added or removed here. A code the library does not know yet is shown as
// the server sent it.

/** The services, by `service`. */
export const SERVICES: Labels = {
  'social-protection': () =>
    msg('Social protection (Mazalati)', { id: 'my-requests.service.social-protection' }),
  'ration-card': () => msg('Ration card', { id: 'my-requests.service.ration-card' }),
  payments: () => msg('Payments', { id: 'my-requests.service.payments' }),
} satisfies Record<RequestService, () => string>;

/** What a request asks for, by `kind`. */
export const KINDS: Labels = {
  'beneficiary-update': () =>
    msg('Update of your household data', { id: 'my-requests.kind.beneficiary-update' }),
  'add-newborn': () => msg('Add a newborn', { id: 'my-requests.kind.add-newborn' }),
  'remove-deceased-member': () =>
    msg('Remove a deceased member', { id: 'my-requests.kind.remove-deceased-member' }),
  'change-address': () => msg('Change of address', { id: 'my-requests.kind.change-address' }),
  'change-agent': () => msg('Change of agent', { id: 'my-requests.kind.change-agent' }),
  payment: () => msg('Payment of fees and bills', { id: 'my-requests.kind.payment' }),
} satisfies Record<RequestKind, () => string>;

/** Where a request stands, by `status`. */
export const STATUSES: Labels = {
  submitted: () => msg('Received', { id: 'my-requests.status.submitted' }),
  'under-review': () => msg('Under review', { id: 'my-requests.status.under-review' }),
  approved: () => msg('Approved', { id: 'my-requests.status.approved' }),
  rejected: () => msg('Rejected', { id: 'my-requests.status.rejected' }),
  'needs-information': () =>
    msg('More information needed', { id: 'my-requests.status.needs-information' }),
} satisfies Record<TrackedStatus, () => string>;

/** Why a request was rejected, by `rejectionReason`. */
export const REJECTIONS: Labels = {
  'not-eligible': () =>
    msg('Your household does not meet the conditions for this request.', {
      id: 'my-requests.rejection.not-eligible',
    }),
  'documents-unreadable': () =>
    msg('A supporting document could not be read.', {
      id: 'my-requests.rejection.documents-unreadable',
    }),
  'data-mismatch': () =>
    msg('The data in the request does not match the civil registry.', {
      id: 'my-requests.rejection.data-mismatch',
    }),
  'duplicate-request': () =>
    msg('The same request was already made.', { id: 'my-requests.rejection.duplicate-request' }),
  'payment-declined': () =>
    msg('The payment was declined.', { id: 'my-requests.rejection.payment-declined' }),
} satisfies Record<RejectionReason, () => string>;

/** What a request waits for, by `informationNeeded.code`. */
export const INFORMATION: Labels = {
  'medical-report': () =>
    msg('A medical committee report', { id: 'my-requests.information.medical-report' }),
  'income-proof': () => msg('Proof of income', { id: 'my-requests.information.income-proof' }),
  'residence-card': () =>
    msg('Your residence card', { id: 'my-requests.information.residence-card' }),
  'birth-certificate': () =>
    msg('The birth certificate', { id: 'my-requests.information.birth-certificate' }),
  'death-certificate': () =>
    msg('The death certificate', { id: 'my-requests.information.death-certificate' }),
  'national-card': () => msg('Your national card', { id: 'my-requests.information.national-card' }),
} satisfies Record<InformationCode, () => string>;

/** What came of an approved request, by `result`. */
export const RESULTS: Labels = {
  'data-updated': () =>
    msg('Your household data was updated.', { id: 'my-requests.result.data-updated' }),
  'member-added': () =>
    msg('The member was added to the card.', { id: 'my-requests.result.member-added' }),
  'member-removed': () =>
    msg('The member was removed from the card.', { id: 'my-requests.result.member-removed' }),
  'address-changed': () =>
    msg('Your address was changed.', { id: 'my-requests.result.address-changed' }),
  'agent-changed': () => msg('Your agent was changed.', { id: 'my-requests.result.agent-changed' }),
  paid: () => msg('Paid.', { id: 'my-requests.result.paid' }),
} satisfies Record<RequestResult, () => string>;

/** What to do next, by `nextAction`. */
export const NEXT_ACTIONS: Labels = {
  wait: () =>
    msg('Nothing for now: the ministry is working on it.', { id: 'my-requests.next.wait' }),
  'provide-information': () =>
    msg('Send what is needed so that the review can go on.', {
      id: 'my-requests.next.provide-information',
    }),
  'submit-again': () =>
    msg('Correct what is named above and make a new request.', {
      id: 'my-requests.next.submit-again',
    }),
  'visit-office': () =>
    msg('Visit your office with your national card: only an office can resolve this.', {
      id: 'my-requests.next.visit-office',
    }),
  'keep-receipt': () =>
    msg('Keep the reference number as proof of payment.', { id: 'my-requests.next.keep-receipt' }),
  none: () => msg('Nothing: this request is complete.', { id: 'my-requests.next.none' }),
} satisfies Record<NextAction, () => string>;
