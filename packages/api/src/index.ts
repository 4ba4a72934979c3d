/**
 * `@iq-eservices/api`: the typed client of Iraq's e-services (identity, ration card, social
 * protection, payments), generated from their OpenAPI contracts.
 *
 * @packageDocumentation
 * @module @iq-eservices/api
 */
import type * as IdentityTypes from './generated/identity.js';
import type * as RationCardTypes from './generated/ration-card.js';
import type * as SocialProtectionTypes from './generated/social-protection.js';
import type * as PaymentsTypes from './generated/payments.js';
import type * as RequestsTypes from './generated/requests.js';
import type * as EducationTypes from './generated/education.js';
export {
  createEServicesClient,
  type EServicesClient,
  type EServicesClientOptions,
  type WithOptionalIdempotencyKey,
} from './client.js';
export type {
  AttemptInfo,
  AttemptOutcome,
  AuthOptions,
  Locale,
  RetryOptions,
  SessionControls,
} from './pipeline.js';
export { isSameSite } from './pipeline.js';
export {
  EServicesError,
  isEServicesError,
  unwrap,
  type ApiResult,
  type DataOf,
  type EServicesErrorInit,
  type FieldError,
  type ProblemDetails,
} from './errors.js';
export { paginate, paginatePages, type ItemOf, type Page, type PageResult } from './paginate.js';

// Types generated from each contract (`paths`, `components`, `operations`), one namespace per service.
export type {
  IdentityTypes,
  RationCardTypes,
  SocialProtectionTypes,
  PaymentsTypes,
  RequestsTypes,
  EducationTypes,
};

/** An open session (`verifySignIn`, `refreshSession`); tokens only in bearer mode. */
export type Session = IdentityTypes.components['schemas']['Session'];
/** When the current session expires (`getSession`). */
export type SessionStatus = IdentityTypes.components['schemas']['SessionStatus'];
/** A pending sign-in waiting for its one-time code (`startSignIn`). */
export type Challenge = IdentityTypes.components['schemas']['Challenge'];
/** The signed-in citizen, identifiers masked (`getCurrentUser`). */
export type User = IdentityTypes.components['schemas']['User'];

/** A household's ration card, with its status (active or blocked, why and what to do). */
export type RationCard = RationCardTypes.components['schemas']['RationCard'];
/** What a household is entitled to in a month. */
export type MonthlyEntitlement = RationCardTypes.components['schemas']['MonthlyEntitlement'];
/** What was handed over to the household in one month. */
export type DistributionMonth = RationCardTypes.components['schemas']['DistributionMonth'];
/** A food or flour agent (`listRationAgents`, and the card's own agents). */
export type RationAgent = RationCardTypes.components['schemas']['Agent'];
/** A ration card change request, from draft to decision. */
export type ChangeRequest = RationCardTypes.components['schemas']['ChangeRequest'];
/** What a ration card change request asks for (`add-newborn`, `change-address`…). */
export type ChangeKind = RationCardTypes.components['schemas']['ChangeRequestKind'];
/** Why a ration card is blocked. */
export type BlockReason = RationCardTypes.components['schemas']['BlockReason'];
/** What unblocks a ration card, one per block reason. */
export type UnblockAction = RationCardTypes.components['schemas']['UnblockAction'];
/** A member's relation to the head of household (the ration card's codes). */
export type MemberRelation = RationCardTypes.components['schemas']['MemberRelation'];
/** An item of the ration basket (`flour`, `rice`…). */
export type RationItem = RationCardTypes.components['schemas']['RationItem'];
/** The unit of a ration quantity. */
export type QuantityUnit = RationCardTypes.components['schemas']['QuantityUnit'];
/** Where an item of a month's entitlement stands. */
export type EntitlementStatus = RationCardTypes.components['schemas']['EntitlementItem']['status'];

/** A beneficiary's record in the social protection network (Mazalati). */
export type BeneficiaryProfile = SocialProtectionTypes.components['schemas']['BeneficiaryProfile'];
/** A beneficiary's allowance payments. */
export type AllowanceSchedule = SocialProtectionTypes.components['schemas']['AllowanceSchedule'];
/** A Mazalati update request, from draft to decision. */
export type UpdateRequest = SocialProtectionTypes.components['schemas']['UpdateRequest'];

/** Something the citizen can pay (a fee or a bill). */
export type Payable = PaymentsTypes.components['schemas']['Payable'];
/** A payable's payment in progress: reopen it (`getPayment`) or cancel it (`cancelPayment`). */
export type PendingPayment = PaymentsTypes.components['schemas']['PendingPayment'];
/** A payment method with its limits and fee. */
export type PaymentMethod = PaymentsTypes.components['schemas']['PaymentMethod'];
/** A payment method's id (`qi-card`, `zaincash`, `fib`). */
export type PaymentMethodId = PaymentsTypes.components['schemas']['PaymentMethodId'];
/** What kind of method a payment method is (`card`, `wallet`, `bank-app`). */
export type PaymentMethodKind = PaymentMethod['kind'];
/** Why a payment method cannot be used now. */
export type UnavailableReason = NonNullable<PaymentMethod['unavailableReason']>;
/** Why a payment did not succeed. */
export type FailureReason = PaymentsTypes.components['schemas']['FailureReason'];
/** A payment through a redirect-based gateway. */
export type Payment = PaymentsTypes.components['schemas']['Payment'];
/** The receipt of a succeeded payment. */
export type Receipt = PaymentsTypes.components['schemas']['Receipt'];

/** Where a change or update request stands, from draft to decision (any service). */
export type RequestStatus = RationCardTypes.components['schemas']['RequestStatus'];
/** An ISO 3166-2:IQ governorate code. */
export type GovernorateCode = RationCardTypes.components['schemas']['GovernorateCode'];

/** What submitting a draft returns (any service). */
export type SubmissionReceipt = RationCardTypes.components['schemas']['SubmissionReceipt'];
/** The status of a submitted request, looked up by its reference number (any service). */
export type RequestStatusView = RationCardTypes.components['schemas']['RequestStatusView'];
/** A supporting document attached to a draft (any service). */
export type SupportingDocument = RationCardTypes.components['schemas']['SupportingDocument'];
/** Limits for supporting documents (any service). */
export type UploadPolicy = RationCardTypes.components['schemas']['UploadPolicy'];

/** One of the citizen's submitted requests, in any service, as it stands now (`getMyRequest`). */
export type TrackedRequest = RequestsTypes.components['schemas']['TrackedRequest'];
/** A page of the citizen's requests, with the count of all that match (`listMyRequests`). */
export type TrackedRequestPage = RequestsTypes.components['schemas']['RequestPage'];
/** The service a tracked request was made in (`social-protection`, `ration-card`, `payments`). */
export type RequestService = RequestsTypes.components['schemas']['RequestService'];
/** What a tracked request asks for (`beneficiary-update`, `add-newborn`…, `payment`). */
export type RequestKind = RequestsTypes.components['schemas']['RequestKind'];
/** Where a submitted request stands (`submitted` → `under-review` → a decision). */
export type TrackedStatus = RequestsTypes.components['schemas']['TrackedStatus'];
/** Why a request was rejected. */
export type RejectionReason = RequestsTypes.components['schemas']['RejectionReason'];
/** What a request in `needs-information` waits for. */
export type InformationCode = RequestsTypes.components['schemas']['InformationCode'];
/** What came of an approved request. */
export type RequestResult = RequestsTypes.components['schemas']['RequestResult'];
/** What the citizen should do next about a request. */
export type NextAction = RequestsTypes.components['schemas']['NextAction'];

type EducationSchemas = EducationTypes.components['schemas'];
/** The signed-in student: institution, stage, enrolments (`getStudentProfile`). */
export type StudentProfile = EducationSchemas['StudentProfile'];
/** A course with its weekly schedule in Baghdad time (`listCourses`). */
export type Course = EducationSchemas['Course'];
/** A lecture, live or recorded, with its status at the time of asking (`listLectures`). */
export type Lecture = EducationSchemas['Lecture'];
/** A study material with its size, version and SHA-256 checksum (`listMaterials`). */
export type Material = EducationSchemas['Material'];
/** An announcement to the student (`listAnnouncements`). */
export type Announcement = EducationSchemas['Announcement'];
/** One attendance record of an ended lecture (`listAttendance`). */
export type Attendance = EducationSchemas['Attendance'];
