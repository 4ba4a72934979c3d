/**
 * `@iq-eservices/components`: Lit web components for Iraq's e-services, right-to-left first, in
 * Arabic, Kurdish (Sorani) and English. Importing this module defines no tag: import
 * `@iq-eservices/components/<element>.js` for that (e.g. `@iq-eservices/components/login.js`).
 *
 * @packageDocumentation
 * @module @iq-eservices/components
 */
export { configure, getConfig, type IqConfig } from './core/config.js';
export {
  getLocale,
  setLocale,
  followDocumentLanguage,
  localeFromTag,
  LOCALES,
  DEFAULT_LOCALE,
} from './core/localization.js';
export {
  formatter,
  intlTag,
  pluralize,
  TIME_ZONE,
  type Formatter,
  type Locale,
  type Numerals,
} from './core/format.js';
export {
  toAsciiDigits,
  normalizeNumeric,
  hasBidiControls,
  parseNationalId,
  parseMobile,
  parseCode,
  mobileOperator,
  MOBILE_OPERATORS,
  NATIONAL_ID_LENGTH,
  type Parsed,
  type InputProblem,
} from './core/normalize.js';
export { defineElement } from './core/define.js';
export { IqElement } from './core/base.js';
export { IqFormControl } from './core/form-control.js';
export { IqEvent, IqErrorEvent, IqAuthRequiredEvent } from './core/events.js';
export { IqNationalIdInput } from './national-id-input/national-id-input.js';
export { IqPhoneInput } from './phone-input/phone-input.js';
export { IqOtpInput, IqOtpCompleteEvent } from './otp-input/otp-input.js';
export { IqLogin, type LoginMethod, type LoginMode } from './login/login.js';
export {
  IqLoginEvent,
  IqLogoutEvent,
  IqSessionWarningEvent,
  type LogoutReason,
} from './login/events.js';
export { IqRationCard } from './ration-card/ration-card.js';
export {
  IqRequestChangeEvent,
  IqRationCardLoadedEvent,
  type RationCardData,
  type BlockReasonCode,
  type RequestKind,
} from './ration-card/events.js';
export { IqUpdateWizard, FLOWS, type ChangeKind } from './update-wizard/update-wizard.js';
export { IqStepChangeEvent, IqDraftSavedEvent, IqSubmittedEvent } from './update-wizard/events.js';
export type {
  WizardFlow,
  WizardStep,
  WizardField,
  FieldKind,
  FieldOption,
  FlowContext,
  Answers,
} from './update-wizard/engine.js';
export { IqPaymentForm, methodFee, type GatewayMode } from './payment-form/payment-form.js';
export {
  IqPaymentStartedEvent,
  IqPaymentSucceededEvent,
  IqPaymentFailedEvent,
  IqPaymentCancelledEvent,
  type FailureReason,
  type PaymentMethodId,
} from './payment-form/events.js';
export {
  browserNavigator,
  GATEWAY_WINDOW_NAME,
  type GatewayNavigator,
  type GatewayWindow,
} from './payment-form/gateway.js';
export { GOVERNORATES, governorateName } from './core/governorates.js';
export { IqClassroom } from './classroom/classroom.js';
export {
  IqLectureJoinEvent,
  IqMaterialSavedEvent,
  IqMaterialOpenEvent,
  type ClassroomData,
} from './classroom/events.js';
export {
  downloadMaterial,
  offlineStore,
  type DownloadState,
  type SavedMaterial,
} from './classroom/download.js';
export { IqMyRequests } from './my-requests/my-requests.js';
export { IqRequestContinueEvent, type MyRequestsData } from './my-requests/events.js';
export { parseReference, REFERENCE_PREFIXES } from './core/normalize.js';
