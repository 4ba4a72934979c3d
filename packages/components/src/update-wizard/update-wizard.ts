import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { msg, str } from '@lit/localize';
import {
  isEServicesError,
  unwrap,
  type BeneficiaryProfile,
  type ChangeKind,
  type EServicesError,
  type FieldError,
  type RationCard,
  type RequestStatusView,
  type SupportingDocument,
  type User,
} from '@iq-eservices/api';
import { IqElement } from '../core/base.js';
import { devWarn } from '#dev';
import { IqAuthRequiredEvent, IqErrorEvent } from '../core/events.js';
import { claimLocalData, forgetCount, localCitizen } from '../core/local-data.js';
import { ltr, pluralize } from '../core/format.js';
import { toAsciiDigits } from '../core/normalize.js';
import { useMessages } from '../core/localization.js';
import { messages } from '../generated/messages/update-wizard.js';
import type { IqLoginEvent, IqLogoutEvent } from '../login/events.js';
import { DocumentList } from './documents.js';
import { DraftStore, type ServerDraft } from './draft-store.js';
import {
  activeSteps,
  askedFields,
  checkStep,
  itemProblems,
  missingDocuments,
  normalizedAnswer,
  parseDate,
  parseWhole,
  sameAnswers,
  type Answers,
  type FieldOption,
  type FlowContext,
  type WizardField,
  type WizardFlow,
  type WizardStep,
} from './engine.js';
import { IqDraftSavedEvent, IqStepChangeEvent, IqSubmittedEvent } from './events.js';
import { errorLine, renderField } from './fields.js';
import { rationCardFamilyFlow, socialProtectionFlow } from './flows/index.js';
import type { MemberForm } from './flows/social-protection.js';
import { problemText } from './problems.js';
import { updateWizardStyles } from './update-wizard.styles.js';
import { conflictView, doneView, statusView } from './views.js';

/**
 * The flows the wizard knows, by the `flow` attribute, as loaders (hosts and stories await them).
 * Both ship in the element's one file: chunks loaded on demand cost a page more bytes than the
 * questions they defer (docs/update-wizard.md, "Size").
 */
export const FLOWS: Readonly<Record<string, () => Promise<WizardFlow>>> = {
  'social-protection': async () => socialProtectionFlow,
  'ration-card-family': async () => rationCardFamilyFlow,
};

/** A ration card change the host may fix (`kind`): then the wizard does not ask for it. */
export type { ChangeKind };

/** The check-answers page's step id. */
const CHECK = 'check';

/** The notice shown, and announced, while answers wait on this device for the connection. */
const offlineNotice = () =>
  msg(
    'No connection to the service: your answers are kept on this device and sent later. You can go on.',
    { id: 'wizard.offline' },
  );

/** Server field-error codes, as the wizard's own problems (other codes are the same on both). */
const SERVER_CODES: Record<string, string> = {
  'future-date': 'future',
  maxLength: 'too-long',
  minLength: 'too-short',
  pattern: 'format',
  'document-required': 'document-needed',
};

type View =
  'loading' | 'step' | 'check' | 'conflict' | 'done' | 'status' | 'problem' | 'signed-out';

/** What the history entries of the wizard hold: the step id only, never an answer. */
interface HistoryState {
  iqWizard?: string;
  step?: string;
}

/**
 * A step-by-step update of a citizen's data with a ministry: Mazalati's beneficiary update
 * (`flow="social-protection"`) or a ration card family change (`flow="ration-card-family"`). One
 * question group per page, a check-answers page, submission once, a confirmation with the
 * reference number, and a status look-up.
 *
 * Nothing typed is lost: every Continue saves the draft on the server with its version, and the
 * answers are kept in this tab's `sessionStorage` meanwhile; when the server cannot be reached
 * (network, timeout, 5xx, session expired) the citizen goes on and the draft is sent again later
 * (`online`, the next step, a timer, `iq-login`). After a reload or a new sign-in the wizard
 * resumes where the citizen was; a draft changed on another device asks which answers to keep.
 * Submission carries one idempotency key, reused by every retry and after a reload: one request,
 * one reference number.
 *
 * @summary Step-by-step data update with save-and-resume, check answers and exactly-once submission.
 *
 * @fires {IqStepChangeEvent} iq-step-change - Another step is shown: `step`, `index`, `count`.
 * @fires {IqDraftSavedEvent} iq-draft-saved - The draft was saved: `requestId`, `version`, `where` (`server` or `local`).
 * @fires {IqSubmittedEvent} iq-submitted - The request was submitted: `referenceNumber`, `requestId`.
 * @fires {IqAuthRequiredEvent} iq-auth-required - The server answered 401; the answers are kept until `iq-login`.
 * @fires {IqErrorEvent} iq-error - A request failed: `code`, `status`, `requestId` (no personal data).
 *
 * @csspart title - The service's title above the heading.
 * @csspart progress - "Step 3 of 7".
 * @csspart heading - The heading of the current page (receives focus on each step).
 * @csspart error-summary - The list of problems at the top (receives focus after a failed Continue).
 * @csspart field - One question.
 * @csspart field-error - The error beside a question.
 * @csspart continue - The Continue button.
 * @csspart back - The Back button.
 * @csspart members - The household members list.
 * @csspart documents - The attached documents.
 * @csspart answers - The check-answers list.
 * @csspart change - A "Change" button of check answers.
 * @csspart submit - The submit button.
 * @csspart notice - The signed-out or saved-on-this-device notice.
 * @csspart conflict - The choice between this device's answers and another device's.
 * @csspart reference - The reference number on the confirmation.
 * @csspart status - The status look-up result.
 *
 * @cssprop [--iq-update-wizard-max-width=40rem] - Largest width of the element (default `40rem`).
 */
export class IqUpdateWizard extends IqElement {
  static {
    // This element's translations load with the page's language (core/localization.ts).
    useMessages(messages);
  }

  static override styles = [...IqElement.styles, updateWizardStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    flow: { reflect: true },
    record: { attribute: false },
    steps: { attribute: false },
    kind: { reflect: true },
    view: { state: true },
    step: { state: true },
    answers: { state: true },
    errors: { state: true },
    announcement: { state: true },
    signedOut: { state: true },
    savedLocally: { state: true },
    busy: { state: true },
    conflict: { state: true },
    receipt: { state: true },
    user: { state: true },
    fetched: { state: true },
    lists: { state: true },
    member: { state: true },
    lookup: { state: true },
    documents: { state: true },
  };

  /** @internal How long before a draft kept on this device is sent again (tests shorten it). */
  static retryDelayMs = 15_000;

  /** Which update: `social-protection` (Mazalati) or `ration-card-family`. */
  flow: 'social-protection' | 'ration-card-family' | string = 'social-protection';

  /**
   * The current record (`BeneficiaryProfile` for social protection, `RationCard` for the ration
   * card), when the host has it: then it is not fetched.
   */
  record?: BeneficiaryProfile | RationCard;

  /**
   * The question steps to ask instead of the flow's own (`WizardStep[]`, see `engine.ts` and
   * docs/update-wizard.md): each step's fields are answers under their `id`; the flow still maps
   * them to its contract and runs drafts, documents and submission.
   */
  steps?: WizardStep[];

  /** The ration card change to make; without it the first step asks which. */
  kind?: ChangeKind;

  private view: View = 'loading';
  private step = '';
  private answers: Answers = {};
  /** Problems shown, by DOM id suffix of the control (`f-<key>`), with their message. */
  private errors: ReadonlyMap<string, string> = new Map();
  private announcement = '';
  private signedOut = false;
  private savedLocally = false;
  private busy = false;
  private conflict: ServerDraft | null = null;
  private receipt: { referenceNumber: string; requestId: string } | null = null;
  private user: User | null = null;
  private fetched: BeneficiaryProfile | RationCard | null = null;
  /** The flow's reference lists (`WizardFlow.lists`), once read. */
  private lists: Record<string, FieldOption[]> | null = null;
  #listsLoading?: Promise<void>;
  /** The household member being added (index -1) or changed. */
  private member: { index: number; value: Answers } | null = null;
  private lookup: { reference: string; result?: RequestStatusView } = {
    reference: '',
  };

  #store!: DraftStore;
  #flow?: WizardFlow;
  /** The documents attached to the draft. */
  private documents: SupportingDocument[] = [];
  /** The upload list of the documents step. */
  readonly #docs = new DocumentList(
    {
      documents: () => this.documents,
      setDocuments: (list) => (this.documents = list),
      requestUpdate: () => this.requestUpdate(),
      announce: (text) => this.#announce(text),
      reject: (text) => {
        // A refused file: announced (again if it is the same error), in the summary that takes
        // the focus and links to the picker, and no longer "Saved" in the live region.
        if (!text) return this.#clearError('documents');
        this.#announce(text);
        this.#showError(text, 'documents');
      },
      reportError: (error) => this.#report(error),
      ensureDraft: async () => {
        if (this.#store.local.requestId && !this.#store.local.dirty) return true;
        await this.#save();
        return !!this.#store.local.requestId;
      },
    },
    () => this.#store,
  );
  #started = false;
  #restartOnLogin = false;
  /** The opaque id of the citizen whose answers the element holds (null: not known yet). */
  #citizen: string | null = null;
  /** {@link forgetCount} when the element last started: it changes when the tab's data was forgotten. */
  #forgotten = 0;
  #pendingFocus: string | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Forgets this tab's copy and starts again (an open server draft is resumed). */
  reset(): void {
    this.#store?.clear(this.#firstStep());
    void this.#start();
  }

  // ---------------------------------------------------------------- wiring

  readonly #onPopState = (event: PopStateEvent) => {
    const target = (event.state as HistoryState | null)?.step;
    if ((event.state as HistoryState | null)?.iqWizard !== this.flow || !target) return;
    if ((this.view === 'step' || this.view === 'check') && this.#stepIds().includes(target))
      this.#goTo(target, false);
  };
  readonly #onOnline = () => void this.#flush();
  readonly #onLogin = (event: IqLoginEvent) => {
    // Another citizen: nothing of the previous one may show, not even what the element holds.
    if (this.#citizen && this.#citizen !== event.user.id) this.#forget();
    this.#citizen = event.user.id;
    this.signedOut = false;
    if (this.#restartOnLogin || this.view === 'signed-out') void this.#start();
    else this.#resume();
  };
  /** `iq-logout` (any reason) or a 401 anywhere on the page: the session is over. */
  readonly #onLogout = (event: Event) => {
    this.signedOut = true;
    // Signing out on a shared phone must leave nothing behind, in the tab or in the element.
    // After a timeout the answers stay in memory for the same citizen (the tab's copy is gone).
    if ((event as IqLogoutEvent).reason === 'user') this.#forget();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('online', this.#onOnline);
    document.addEventListener('iq-login', this.#onLogin);
    document.addEventListener('iq-logout', this.#onLogout);
    document.addEventListener('iq-auth-required', this.#onLogout);
    if (!this.#started) return;
    // Moved in the page: it goes on with what it holds — unless, while it was away, the citizen
    // signed out or another one signed in (it heard nothing then; the tab's data tells).
    const owner = localCitizen();
    if (forgetCount() !== this.#forgotten || (owner && owner !== this.#citizen)) {
      this.#forget();
      void this.#start();
    } else {
      this.#store?.close(false);
      // Its citizen is no longer signed in: the session ended meanwhile.
      if (this.#citizen) this.signedOut = !owner;
      this.#resume();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('online', this.#onOnline);
    document.removeEventListener('iq-login', this.#onLogin);
    document.removeEventListener('iq-logout', this.#onLogout);
    document.removeEventListener('iq-auth-required', this.#onLogout);
    clearTimeout(this.#retryTimer);
    this.#store?.close();
  }

  /** Drops the citizen's answers: the tab's copy and everything the element holds. */
  #forget(): void {
    this.#store?.clear(this.#firstStep());
    this.answers = {};
    this.member = this.receipt = this.conflict = this.user = this.fetched = null;
    this.errors = new Map();
    this.documents = [];
    this.lookup = { reference: '' };
    this.#docs.uploads = [];
    this.#docs.error = '';
    this.#citizen = null;
    this.savedLocally = false;
    clearTimeout(this.#retryTimer);
    this.#restartOnLogin = true;
    this.view = 'signed-out';
  }

  /** Signed in (again) as the same citizen: the answers go back to the tab's copy, and out. */
  #resume(): void {
    if (Object.keys(this.#store?.local.answers ?? {}).length) this.#store.update({});
    void this.#flush();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.#started || (changed.has('flow') && changed.get('flow') !== undefined)) {
      this.#started = true;
      void this.#start();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A member half typed is part of the answers: kept in the tab's copy like them.
    if ((changed as Map<string, unknown>).has('member') && this.view === 'step')
      this.#store?.update({ member: this.member });
    if (!this.#pendingFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#pendingFocus);
    this.#pendingFocus = null;
    target?.focus();
  }

  // ---------------------------------------------------------------- the flow

  get #def(): WizardFlow {
    const flow = this.#flow as WizardFlow;
    return this.steps
      ? { ...flow, steps: [...this.steps, ...flow.steps.filter((s) => s.kind === 'documents')] }
      : flow;
  }

  get #context(): FlowContext {
    return {
      record: this.record ?? this.fetched ?? undefined,
      answers: this.answers,
      lists: this.lists ?? {},
    };
  }

  /** The question steps these answers ask (the `kind` step only when the host did not fix it). */
  #stepList(answers = this.answers): WizardStep[] {
    return activeSteps(this.#def.steps, answers).filter((s) => !(this.kind && s.id === 'kind'));
  }

  #stepIds(): string[] {
    return [...this.#stepList().map((s) => s.id), CHECK];
  }

  #firstStep(): string {
    return this.#stepList(this.kind ? { kind: this.kind } : {})[0]?.id ?? CHECK;
  }

  get #currentStep(): WizardStep | undefined {
    return this.#stepList().find((s) => s.id === this.step);
  }

  /** The first step with something missing, for a draft resumed from the server. */
  #firstIncomplete(): string {
    for (const step of this.#stepList()) {
      if (step.kind === 'identity') continue;
      if (checkStep(step, this.answers).size) return step.id;
      if (step.kind === 'documents' && missingDocuments(this.#needs(), this.documents).length)
        return step.id;
    }
    return CHECK;
  }

  #needs(): string[][] {
    return this.#def.requiredDocuments(this.answers, this.#context);
  }

  // ---------------------------------------------------------------- start and resume

  async #start(): Promise<void> {
    this.view = 'loading';
    if (!FLOWS[this.flow]) devWarn(this, `unknown flow "${this.flow}"; using social-protection.`);
    const load = FLOWS[this.flow] ?? FLOWS['social-protection'];
    this.#flow = await (load as () => Promise<WizardFlow>)();
    const flow = this.#def;
    clearTimeout(this.#retryTimer);
    // Nothing is written to the tab while the session is over.
    this.#store = new DraftStore(
      flow,
      () => this.api,
      this.#firstStep(),
      () => !this.signedOut,
    );
    this.receipt = this.conflict = this.member = null;
    this.lists = null;
    this.errors = new Map();
    this.#restartOnLogin = false;
    this.documents = [];
    this.#citizen = localCitizen();
    this.#forgotten = forgetCount();
    let local = this.#store.stored ? this.#store.local : null;
    let answers: Answers | null = local?.answers ?? null;
    let step = local?.step ?? null;
    try {
      const citizen = await this.#loadRecord();
      // The tab's copy is another citizen's than the one signed in: not theirs to see.
      if (claimLocalData(citizen)) {
        this.#store.clear(this.#firstStep());
        local = answers = step = null;
      }
      this.#citizen = citizen;
      this.#forgotten = forgetCount();
      // The service answered: the session is alive, whatever was heard before.
      this.signedOut = false;
      if (local?.requestId) {
        const server = await this.#store.fetch(local.requestId);
        if (local.submitKey && (local.submitting || server.status !== 'draft')) {
          // A submission was sent and its answer lost (reload during submit): the same key
          // again gives the same receipt, never a second request.
          this.answers = local.answers;
          this.step = CHECK;
          this.view = 'check';
          await this.#submit();
          return;
        }
        if (server.status !== 'draft') {
          this.#store.clear(this.#firstStep());
          answers = step = null;
        } else {
          this.documents = server.documents;
          if (server.version > (local.version ?? 0)) {
            if (sameAnswers(server.answers, flow.toBody(local.answers)))
              this.#store.update({ version: server.version });
            else this.conflict = server;
          }
        }
      }
      if (!answers) {
        const draft = await this.#store.latestDraft(this.kind);
        if (draft) {
          answers = flow.fromBody(draft.answers, draft.kind, this.#context);
          // Where the citizen was when it was last saved, here or on another device.
          step = draft.resumeStep ?? null;
          this.documents = draft.documents;
          this.#store.update({
            requestId: draft.id,
            version: draft.version,
            kind: draft.kind,
            answers,
            dirty: false,
          });
        }
      }
    } catch (error) {
      if (!isEServicesError(error)) {
        console.error(error);
        this.view = 'problem';
        return;
      }
      this.#report(error);
      if (error.status === 401) {
        this.#needSignIn();
        if (!answers) {
          this.#restartOnLogin = true;
          this.view = 'signed-out';
          return;
        }
      } else if (!answers && !this.#context.record) {
        this.#show('problem');
        return;
      }
    }
    answers ??= flow.initialAnswers(this.#context);
    if (this.kind) answers = { ...answers, kind: this.kind };
    this.answers = answers;
    this.#store.update({ answers });
    if (this.conflict) {
      this.step = step ?? this.#firstStep();
      this.#show('conflict');
      return;
    }
    const resumed = step && this.#stepIds().includes(step) ? step : null;
    const target =
      resumed ?? (this.#store.local.requestId ? this.#firstIncomplete() : this.#firstStep());
    history.replaceState(this.#historyState(target), '');
    this.#goTo(target, false);
    if (local?.member && target === step) this.member = local.member;
    if (this.#store.local.dirty && this.#store.local.requestId) void this.#flush();
  }

  /** Reads the record and who is signed in; returns the citizen's opaque id. */
  async #loadRecord(): Promise<string> {
    const client = this.api;
    if (!client) throw new Error('<iq-update-wizard>: no client; call configure({ client }).');
    const [record, user] = await Promise.all([
      this.record
        ? Promise.resolve(null)
        : this.#def.service === 'socialProtection'
          ? client.socialProtection.GET('/profile').then(unwrap)
          : client.rationCard.GET('/card').then(unwrap),
      client.identity.GET('/me').then(unwrap),
    ]);
    this.fetched = record;
    this.user = user;
    void this.#loadLists();
    return user.id;
  }

  /**
   * Reads the flow's reference lists. Not blocking: a failure is reported, and the lists are read
   * again when the citizen reaches a step (a choice then fills in).
   */
  #loadLists(): Promise<void> {
    const client = this.api;
    const flow = this.#flow;
    if (!client || !flow?.lists || this.lists) return Promise.resolve();
    // Asked for at start and on each step: one read at a time, kept only for the flow it is for.
    return (this.#listsLoading ??= flow
      .lists(client)
      .then((lists) => void (this.#flow === flow && (this.lists = lists)))
      .catch((error: unknown) => {
        if (!isEServicesError(error)) throw error;
        this.#report(error);
      })
      .finally(() => (this.#listsLoading = undefined)));
  }

  // ---------------------------------------------------------------- navigation

  #goTo(id: string, push = true): void {
    const ids = this.#stepIds();
    this.step = id;
    this.view = id === CHECK ? 'check' : 'step';
    this.errors = new Map();
    this.member = null;
    this.#store.update({ step: id });
    void this.#loadLists();
    if (push) history.pushState(this.#historyState(id), '');
    this.#pendingFocus = '#heading';
    if (this.#currentStep?.kind === 'documents') void this.#docs.loadPolicy();
    this.#emit(new IqStepChangeEvent(id, ids.indexOf(id), this.#total()));
  }

  /** The host's own history state (a router's keys) plus the step id: never an answer. */
  #historyState(step: string): HistoryState {
    const host: unknown = history.state;
    return { ...(host && typeof host === 'object' ? host : {}), iqWizard: this.flow, step };
  }

  #back(): void {
    const ids = this.#stepIds();
    const previous = ids[ids.indexOf(this.step) - 1];
    if (previous) this.#goTo(previous);
  }

  async #next(): Promise<void> {
    const step = this.#currentStep;
    if (this.busy || !step) return;
    const problems = new Map<string, string>();
    for (const [id, problem] of checkStep(step, this.answers))
      problems.set(id, problemText(problem, this.format));
    if (step.kind === 'documents' && missingDocuments(this.#needs(), this.documents).length)
      problems.set('documents', problemText('document-needed'));
    if (problems.size) {
      this.#showErrors(problems);
      return;
    }
    const ids = this.#stepIds();
    const target = this.#store.local.returnTo || ids[ids.indexOf(step.id) + 1] || CHECK;
    this.busy = true;
    const outcome = await this.#save(target);
    this.busy = false;
    if (!outcome) return;
    this.#store.update({ returnTo: undefined });
    this.#goTo(target);
  }

  #change(stepId: string): void {
    this.#store.update({ returnTo: CHECK });
    this.#goTo(stepId);
  }

  // ---------------------------------------------------------------- answers

  #setAnswer(id: string, value: unknown): void {
    this.answers = { ...this.answers, [id]: value };
    // Written at once: a reload a second later still has it.
    this.#store.update({ answers: this.answers, dirty: true });
    this.#clearError(id);
  }

  #clearError(key: string): void {
    if (!this.errors.has(key)) return;
    const errors = new Map(this.errors);
    errors.delete(key);
    this.errors = errors;
  }

  #showErrors(problems: ReadonlyMap<string, string>): void {
    this.errors = problems;
    this.#pendingFocus = '#summary';
  }

  /** One problem: beside the control `f-<key>`, or only in the summary (key ''). */
  #showError(text: string, key = ''): void {
    this.#showErrors(new Map([[key, text]]));
  }

  /** Another page: its heading takes the focus. */
  #show(view: View): void {
    this.view = view;
    this.#pendingFocus = '#heading';
  }

  /** The draft was changed on another device: the citizen chooses which answers to keep. */
  #showConflict(server: ServerDraft): void {
    this.conflict = server;
    this.#show('conflict');
  }

  /** Server field errors back on their fields, on the step that asks them. */
  #showServerErrors(errors: readonly FieldError[]): void {
    const problems = new Map<string, string>();
    for (const e of errors) {
      const id = this.#def.fieldOf(e.pointer) ?? '';
      if (!problems.has(id))
        problems.set(id, problemText(SERVER_CODES[e.code] ?? e.code, this.format));
    }
    const first = [...problems.keys()].find(Boolean);
    const owner = this.#stepList().find((s) =>
      first === 'documents' ? s.kind === 'documents' : s.fields.some((f) => f.id === first),
    );
    if (owner && owner.id !== this.step) {
      this.#store.update({ returnTo: this.view === 'check' ? CHECK : undefined });
      this.#goTo(owner.id);
    }
    const shown = new Map(
      [...problems].filter(
        ([id]) => !owner || id === 'documents' || owner.fields.some((f) => f.id === id),
      ),
    );
    this.#showErrors(shown);
  }

  // ---------------------------------------------------------------- saving

  /**
   * Saves the draft (with where the citizen goes next, when moving on); false when the citizen
   * must stay (a conflict, answers refused).
   */
  async #save(resumeStep?: string): Promise<boolean> {
    const outcome = await this.#store.save(resumeStep);
    switch (outcome.kind) {
      case 'saved':
        this.signedOut = false;
        this.savedLocally = false;
        this.#announce(msg('Saved.', { id: 'wizard.saved' }));
        this.#emit(
          new IqDraftSavedEvent(this.#store.local.requestId, this.#store.local.version, 'server'),
        );
        return true;
      case 'conflict':
        this.#showConflict(outcome.server);
        return false;
      case 'invalid':
        this.#report(outcome.error);
        this.#showServerErrors(outcome.errors);
        return false;
      case 'auth':
        this.#report(outcome.error);
        this.#needSignIn();
        break;
      default:
        if (outcome.error) this.#report(outcome.error);
    }
    this.#keptLocally();
    return true;
  }

  #keptLocally(): void {
    this.savedLocally = true;
    // The notice that now shows, announced.
    this.#announce(offlineNotice());
    this.#emit(
      new IqDraftSavedEvent(this.#store.local.requestId, this.#store.local.version, 'local'),
    );
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(
      () => void this.#flush(),
      (this.constructor as typeof IqUpdateWizard).retryDelayMs,
    );
  }

  /** Sends a locally kept draft again. */
  async #flush(): Promise<void> {
    if (!this.#store?.local.dirty || this.signedOut || this.view === 'done') return;
    await this.#save();
  }

  #needSignIn(): void {
    if (!this.signedOut) this.#emit(new IqAuthRequiredEvent());
    this.signedOut = true;
  }

  async #resolve(keep: 'local' | 'server'): Promise<void> {
    const server = this.conflict;
    if (!server) return;
    this.conflict = null;
    const answers =
      keep === 'local'
        ? this.answers
        : this.#def.fromBody(server.answers, server.kind, this.#context);
    this.answers = answers;
    this.documents = server.documents;
    // The choice is saved over the server's version, so both devices see it.
    this.#store.update({ answers, version: server.version, requestId: server.id, dirty: true });
    if (await this.#save()) this.#goTo(this.#store.local.step || this.#firstStep(), false);
  }

  // ---------------------------------------------------------------- submission

  async #submit(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = new Map();
    this.#announce(msg('Sending your request…', { id: 'wizard.sending' }));
    try {
      if (!this.#store.local.submitting) {
        if (!(await this.#save())) return;
        if (this.#store.local.dirty || !this.#store.local.requestId) {
          return this.#showError(
            msg(
              'Your answers are kept on this device but could not be sent. Check your connection and try again.',
              { id: 'wizard.submit.not-saved' },
            ),
          );
        }
      }
      const receipt = await this.#store.submit();
      this.#done(receipt.referenceNumber, receipt.requestId);
    } catch (error) {
      if (!isEServicesError(error)) throw error;
      this.#report(error);
      if (error.status === 401) this.#needSignIn();
      if (error.status === 422 && error.fieldErrors?.length) {
        this.#showServerErrors(error.fieldErrors);
        return;
      }
      if (error.code === 'draft.version-conflict' || error.code === 'draft.not-editable') {
        // Changed or sent from another device meanwhile: show its state rather than retry.
        const server = await this.#store.fetch(this.#store.local.requestId ?? '').catch(() => null);
        if (server?.referenceNumber) return this.#done(server.referenceNumber, server.id);
        if (server) return this.#showConflict(server);
      }
      this.#showError(
        error.status === 401
          ? msg('Sign in again to send your request. Your answers are kept.', {
              id: 'wizard.submit.signed-out',
            })
          : msg(
              'We could not confirm that your request was received. Try again: it will not be sent twice.',
              { id: 'wizard.submit.failed' },
            ),
      );
    } finally {
      this.busy = false;
    }
  }

  /** Submitted: the local copy goes, the confirmation shows. */
  #done(referenceNumber: string, requestId: string): void {
    this.#store.clear(this.#firstStep());
    clearTimeout(this.#retryTimer);
    this.receipt = { referenceNumber, requestId };
    this.lookup = { reference: referenceNumber };
    this.#show('done');
    this.announcement = '';
    this.#emit(new IqSubmittedEvent(referenceNumber, requestId));
  }

  async #checkStatus(): Promise<void> {
    const reference = toAsciiDigits(this.lookup.reference.trim()).toUpperCase();
    if (!/^[A-Z]{2,4}-[0-9]{4}-[0-9]{6}$/.test(reference)) {
      const example = ltr('MZL-2026-000123');
      return this.#showError(
        msg(
          str`Enter the reference number as it is on your confirmation, for example ${example}.`,
          { id: 'wizard.status.invalid' },
        ),
        'reference',
      );
    }
    this.errors = new Map();
    try {
      const result = await this.#store.status(reference);
      this.lookup = { reference, result };
      this.#pendingFocus = '#status-result';
    } catch (error) {
      if (!isEServicesError(error)) throw error;
      this.#report(error);
      if (error.status === 401) this.#needSignIn();
      this.#showError(
        error.status === 404
          ? msg('No request of yours has this reference number.', {
              id: 'wizard.status.not-found',
            })
          : msg('The status could not be checked. Try again.', { id: 'wizard.status.failed' }),
        'reference',
      );
    }
  }

  // ---------------------------------------------------------------- household members

  #editMember(index: number): void {
    const members = (this.answers['members'] as MemberForm[] | undefined) ?? [];
    this.member = {
      index,
      value: index < 0 ? {} : { ...(members[index] as unknown as Answers) },
    };
    this.errors = new Map();
    this.#pendingFocus = '#member-heading';
  }

  #saveMember(): void {
    const editing = this.member;
    if (!editing) return;
    const problems = itemProblems(this.#itemFields(), editing.value);
    if (problems.size) {
      this.#showErrors(
        new Map([...problems].map(([id, p]) => [`m-${id}`, problemText(p, this.format)])),
      );
      return;
    }
    const members = [...((this.answers['members'] as MemberForm[] | undefined) ?? [])];
    const value = editing.value as unknown as MemberForm;
    if (editing.index < 0) members.push(value);
    else members[editing.index] = value;
    this.#setAnswer('members', members);
    this.member = null;
    this.errors = new Map();
    const name = value.name;
    this.#announce(msg(str`${name} saved in the list.`, { id: 'wizard.member.saved' }));
    this.#pendingFocus = '#f-members';
  }

  #removeMember(index: number): void {
    const members = [...((this.answers['members'] as MemberForm[] | undefined) ?? [])];
    const name = members.splice(index, 1)[0]?.name ?? '';
    this.#setAnswer('members', members);
    this.#announce(msg(str`${name} removed from the list.`, { id: 'wizard.member.removed' }));
    this.#pendingFocus = '#f-members';
  }

  // ---------------------------------------------------------------- helpers

  // Events go through here: the manifest takes them from the JSDoc `@fires`, not from call sites.
  #emit(event: Event): void {
    this.dispatchEvent(event);
  }

  #announce(text: string): void {
    // A repeated message must be announced again: clear it, then set it a moment later.
    this.announcement = '';
    setTimeout(() => (this.announcement = text), 50);
  }

  #report(error: EServicesError): void {
    this.#emit(IqErrorEvent.from(error));
  }

  /** An answer as the check-answers page and the conflict choice read it. */
  #display(field: WizardField, value: unknown): TemplateResult | string {
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length))
      return msg('Not answered', { id: 'wizard.not-answered' });
    const label = (v: string) =>
      field.options?.(this.#context).find((o) => o.value === v)?.label ?? v;
    const text = String(value);
    switch (field.kind) {
      case 'select':
      case 'radio':
        return html`<bdi>${label(text)}</bdi>`;
      case 'checkboxes':
        return this.format.list((value as string[]).map(label));
      case 'members':
        return this.format.list((value as MemberForm[]).map((m) => m.name));
      case 'date': {
        const date = parseDate(text);
        return date ? this.format.date(date) : html`<bdi>${text}</bdi>`;
      }
      case 'amount':
      case 'integer': {
        const n = parseWhole(text);
        if (n === null) return html`<bdi>${text}</bdi>`;
        return field.kind === 'amount' ? this.format.iqd(n) : this.format.number(n);
      }
      case 'phone':
      case 'national-id':
        return html`<bdi dir="ltr"
          >${this.format.digits(String(normalizedAnswer(field, value) ?? text))}</bdi
        >`;
      default:
        return html`<bdi>${text}</bdi>`;
    }
  }

  #comparable(field: WizardField, value: unknown): unknown {
    return field.kind === 'members' || field.kind === 'checkboxes'
      ? value
      : normalizedAnswer(field, value);
  }

  // ---------------------------------------------------------------- templates

  #renderSummary(): TemplateResult | typeof nothing {
    if (!this.errors.size) return nothing;
    return html`<div
      class="summary"
      id="summary"
      part="error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="summary-heading"
    >
      <h3 id="summary-heading">${msg('There is a problem', { id: 'wizard.summary' })}</h3>
      <ul>
        ${[...this.errors].map(([id, text]) =>
          id
            ? html`<li>
                <a
                  href="#f-${id}"
                  @click=${(e: Event) => {
                    e.preventDefault();
                    this.renderRoot.querySelector<HTMLElement>(`#f-${id}`)?.focus();
                  }}
                  >${text}</a
                >
              </li>`
            : html`<li>${text}</li>`,
        )}
      </ul>
    </div>`;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    if (this.signedOut)
      return html`<div class="notice" part="notice" role="alert">
        ${msg('You are signed out. Your answers are kept on this device: sign in again to go on.', {
          id: 'wizard.signed-out',
        })}
      </div>`;
    if (this.savedLocally) return html`<p class="notice" part="notice">${offlineNotice()}</p>`;
    return nothing;
  }

  /** How many steps the citizen will see, check answers included. */
  #total(): number {
    return this.#stepList({ ...this.#def.countWith, ...this.answers }).length + 1;
  }

  #renderProgress(): TemplateResult {
    const n = this.format.number(this.#stepIds().indexOf(this.step) + 1);
    const count = this.format.number(this.#total());
    return html`<p class="progress" part="progress">
      ${msg(str`Step ${n} of ${count}`, { id: 'wizard.progress' })}
    </p>`;
  }

  #fieldView(field: WizardField, answers: Answers, key: string, onChange: (v: unknown) => void) {
    return renderField({
      field,
      id: `f-${key}`,
      value: answers[field.id],
      error: this.errors.get(key) ?? '',
      disabled: field.enabledWhen ? !field.enabledWhen(answers) : false,
      options: field.options?.(this.#context) ?? [],
      onChange,
    });
  }

  /**
   * Who is signed in. The Latin name's brackets are inside its left-to-right island: a line break
   * never leaves a bracket, mirrored, on the other line. The file number is as it is typed.
   */
  #renderIdentity(): TemplateResult {
    const user = this.user;
    const record = this.#context.record as BeneficiaryProfile | undefined;
    return html`
      <dl class="identity">
        ${
          user
            ? html`<div>
                  <dt>${msg('Name', { id: 'wizard.identity.name' })}</dt>
                  <dd><bdi>${user.name.ar}</bdi> <bdi dir="ltr">(${user.name.latin})</bdi></dd>
                </div>
                <div>
                  <dt>${msg('National card number', { id: 'national-id.label' })}</dt>
                  <dd><bdi dir="ltr">${this.format.digits(user.maskedNationalId)}</bdi></dd>
                </div>`
            : nothing
        }
        ${
          record?.beneficiaryId
            ? html`<div>
                <dt>${msg('Social protection file number', { id: 'wizard.identity.file' })}</dt>
                <dd><bdi dir="ltr">${record.beneficiaryId}</bdi></dd>
              </div>`
            : nothing
        }
      </dl>
      <details class="not-me">
        <summary>${msg('This is not me', { id: 'wizard.identity.not-me' })}</summary>
        <p>
          ${msg(
            'Do not go on: sign out and sign in with your own national card. If your details are wrong, visit your social protection office.',
            { id: 'wizard.identity.not-me.text' },
          )}
        </p>
      </details>
    `;
  }

  #memberLine(m: MemberForm): string {
    const relation =
      this.#itemFields()
        .find((f) => f.id === 'relation')
        ?.options?.(this.#context)
        .find((o) => o.value === m.relation)?.label ?? m.relation;
    const birth = parseDate(m.birthDate);
    if (!birth) return relation;
    const date = this.format.date(birth);
    return msg(str`${relation}, born ${date}`, { id: 'wizard.member.line' });
  }

  #renderMembers(): TemplateResult {
    const editing = this.member;
    if (editing) {
      const value = editing.value;
      return html`<fieldset class="member-form">
        <legend>
          <h3 id="member-heading" tabindex="-1">
            ${
              editing.index < 0
                ? msg('Add a member', { id: 'wizard.member.add' })
                : msg('Change this member', { id: 'wizard.member.change' })
            }
          </h3>
        </legend>
        ${this.#itemFields()
          .filter((f) => !f.when || f.when(value))
          .map((f) =>
            this.#fieldView(f, value, `m-${f.id}`, (v) => {
              const current = this.member ?? editing;
              this.member = { ...current, value: { ...current.value, [f.id]: v } };
              this.#clearError(`m-${f.id}`);
            }),
          )}
        <div class="actions">
          <button type="submit">${msg('Save this member', { id: 'wizard.member.save' })}</button>
          <button
            type="button"
            class="secondary"
            @click=${() => {
              this.member = null;
              this.errors = new Map();
              this.#pendingFocus = '#f-members';
            }}
          >
            ${msg('Cancel', { id: 'wizard.cancel' })}
          </button>
        </div>
      </fieldset>`;
    }
    const members = (this.answers['members'] as MemberForm[] | undefined) ?? [];
    const count = members.length;
    const n = this.format.number(count);
    const error = this.errors.get('members');
    return html`
      <h3 id="f-members" tabindex="-1" class="label">
        ${pluralize(this.format, count, {
          zero: () => msg('No members in the list', { id: 'wizard.members.count.zero' }),
          one: () => msg('One member in the list', { id: 'wizard.members.count.one' }),
          two: () => msg('Two members in the list', { id: 'wizard.members.count.two' }),
          few: () => msg(str`${n} members in the list`, { id: 'wizard.members.count.few' }),
          many: () => msg(str`${n} members in the list`, { id: 'wizard.members.count.many' }),
          other: () => msg(str`${n} members in the list`, { id: 'wizard.members.count.other' }),
        })}
      </h3>
      ${errorLine('f-members', error ?? '')}
      <ul class="members" part="members">
        ${members.map(
          (m, i) =>
            html`<li class="member">
              <span
                ><bdi class="name">${m.name}</bdi><br /><span class="muted"
                  >${this.#memberLine(m)}</span
                ></span
              >
              <span class="row">
                <button type="button" class="link" @click=${() => this.#editMember(i)}>
                  ${msg('Change', { id: 'wizard.change' })}<span class="visually-hidden">
                    <bdi>${m.name}</bdi></span
                  >
                </button>
                <button type="button" class="link" @click=${() => this.#removeMember(i)}>
                  ${msg('Remove', { id: 'wizard.remove' })}<span class="visually-hidden">
                    <bdi>${m.name}</bdi></span
                  >
                </button>
              </span>
            </li>`,
        )}
      </ul>
      <button type="button" class="secondary add-member" @click=${() => this.#editMember(-1)}>
        ${msg('Add a member', { id: 'wizard.member.add' })}
      </button>
    `;
  }

  #renderStep(step: WizardStep): TemplateResult {
    const first = this.#stepIds()[0] === step.id;
    return html`
      ${this.#renderProgress()}
      <h2 id="heading" part="heading" tabindex="-1">${step.title()}</h2>
      ${step.lead ? html`<p class="lead">${step.lead()}</p>` : nothing}
      <form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          if (this.member) this.#saveMember();
          else void this.#next();
        }}
      >
        ${
          step.kind === 'identity'
            ? this.#renderIdentity()
            : step.kind === 'documents'
              ? this.#docs.render(this.#def.documentTypes(this.answers), this.format, this.#needs())
              : askedFields(step, this.answers).map((f) =>
                  f.kind === 'members'
                    ? this.#renderMembers()
                    : this.#fieldView(f, this.answers, f.id, (v) => this.#setAnswer(f.id, v)),
                )
        }
        ${
          this.member
            ? nothing
            : html`<div class="actions">
                <button type="submit" part="continue" aria-disabled=${this.busy ? 'true' : 'false'}>
                  ${msg('Continue', { id: 'wizard.continue' })}
                </button>
                ${
                  first
                    ? nothing
                    : html`<button
                        type="button"
                        class="secondary"
                        part="back"
                        @click=${() => this.#back()}
                      >
                        ${msg('Back', { id: 'wizard.back' })}
                      </button>`
                }
              </div>`
        }
      </form>
      ${
        first
          ? html`<p>
              <button type="button" class="link" @click=${() => this.#openStatus()}>
                ${msg('Already sent a request? Check its status', { id: 'wizard.status.open' })}
              </button>
            </p>`
          : nothing
      }
    `;
  }

  #openStatus(): void {
    this.#show('status');
    this.errors = new Map();
  }

  #renderCheck(): TemplateResult {
    const baseline = this.#def.initialAnswers(this.#context);
    const steps = this.#stepList().filter((s) => s.kind !== 'identity');
    return html`
      ${this.#renderProgress()}
      <h2 id="heading" part="heading" tabindex="-1">
        ${msg('Check your answers before sending', { id: 'wizard.check.title' })}
      </h2>
      <div part="answers">
        ${steps.map(
          (step) =>
            html`<section class="answers" aria-labelledby="check-${step.id}">
              <h3 id="check-${step.id}">${step.title()}</h3>
              <dl>
                ${
                  step.kind === 'documents'
                    ? html`<div class="answer">
                        <dt>${step.title()}</dt>
                        <dd>
                          ${
                            this.documents.length
                              ? this.format.list(this.documents.map((d) => d.fileName))
                              : msg('Not answered', { id: 'wizard.not-answered' })
                          }
                        </dd>
                        <dd>${this.#renderChange(step)}</dd>
                      </div>`
                    : askedFields(step, this.answers).map((f) => {
                        const was = baseline[f.id];
                        const changed =
                          was !== undefined &&
                          !sameAnswers(
                            this.#comparable(f, was),
                            this.#comparable(f, this.answers[f.id]),
                          );
                        return html`<div class="answer ${changed ? 'changed' : ''}">
                          <dt>${f.label()}</dt>
                          <dd>
                            ${this.#display(f, this.answers[f.id])}
                            ${
                              changed
                                ? html`<br /><strong class="tag"
                                      >${msg('Changed', { id: 'wizard.check.changed' })}</strong
                                    >
                                    <span class="muted"
                                      >${msg('Was:', { id: 'wizard.check.was' })}
                                      ${this.#display(f, was)}</span
                                    >`
                                : nothing
                            }
                          </dd>
                          <dd>${this.#renderChange(step, f)}</dd>
                        </div>`;
                      })
                }
              </dl>
            </section>`,
        )}
      </div>
      <h3>${msg('Now send your request', { id: 'wizard.check.send-heading' })}</h3>
      <p>
        ${msg(
          'By sending this request you confirm that the information is correct to the best of your knowledge.',
          {
            id: 'wizard.check.declaration',
          },
        )}
      </p>
      <div class="actions">
        <button
          type="button"
          part="submit"
          class="submit"
          aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => void this.#submit()}
        >
          ${
            this.busy
              ? msg('Sending your request…', { id: 'wizard.sending' })
              : msg('Send the request', { id: 'wizard.submit' })
          }
        </button>
        <button type="button" class="secondary" part="back" @click=${() => this.#back()}>
          ${msg('Back', { id: 'wizard.back' })}
        </button>
      </div>
    `;
  }

  #renderChange(step: WizardStep, field?: WizardField): TemplateResult {
    return html`<button
      type="button"
      class="link"
      part="change"
      @click=${() => this.#change(step.id)}
    >
      ${msg('Change', { id: 'wizard.change' })}<span class="visually-hidden">
        ${field ? field.label() : step.title()}</span
      >
    </button>`;
  }

  #renderConflict(server: ServerDraft): TemplateResult {
    const theirs = this.#def.fromBody(server.answers, server.kind, this.#context);
    return conflictView({
      fields: this.#stepList()
        .flatMap((s) => s.fields)
        .filter(
          (f) =>
            !sameAnswers(
              this.#comparable(f, theirs[f.id]),
              this.#comparable(f, this.answers[f.id]),
            ),
        ),
      here: (f) => this.#display(f, this.answers[f.id]),
      there: (f) => this.#display(f, theirs[f.id]),
      keep: (which) => void this.#resolve(which),
    });
  }

  /** The questions about each household member. */
  #itemFields(): WizardField[] {
    return this.#currentStep?.fields.find((f) => f.itemFields)?.itemFields ?? [];
  }

  #renderLoading(): TemplateResult {
    return html`<p class="muted">${msg('Loading…', { id: 'wizard.loading' })}</p>`;
  }

  #renderView(): TemplateResult | typeof nothing {
    switch (this.view) {
      case 'loading':
        return this.#renderLoading();
      case 'problem':
        return html`<h2 id="heading" part="heading" tabindex="-1">
            ${msg('This service is not available at the moment', { id: 'wizard.problem.title' })}
          </h2>
          <p>
            ${msg('Your details could not be loaded. Try again in a few minutes.', { id: 'wizard.problem.text' })}
          </p>
          <button type="button" @click=${() => void this.#start()}>
            ${msg('Try again', { id: 'wizard.retry' })}
          </button>`;
      case 'signed-out':
        return html`<h2 id="heading" part="heading" tabindex="-1">
          ${msg('Sign in to update your data', { id: 'wizard.signed-out.title' })}
        </h2>`;
      case 'conflict':
        return this.conflict ? this.#renderConflict(this.conflict) : this.#renderLoading();
      case 'done':
        return this.receipt
          ? doneView(this.receipt.referenceNumber, () => this.#openStatus())
          : this.#renderLoading();
      case 'status':
        return statusView({
          ...this.lookup,
          error: this.errors.get('reference') ?? '',
          format: this.format,
          input: (reference) => (this.lookup = { reference }),
          check: () => void this.#checkStatus(),
          back: this.receipt ? undefined : () => this.#goTo(this.step || this.#firstStep()),
        });
      case 'check':
        return this.#renderCheck();
      default: {
        const step = this.#currentStep;
        return step ? this.#renderStep(step) : nothing;
      }
    }
  }

  protected override render(): TemplateResult {
    return html`
      <section
        class="root"
        data-view=${this.view}
        data-step=${this.step}
        aria-labelledby="heading"
        aria-busy=${this.view === 'loading' ? 'true' : 'false'}
      >
        <p class="title" part="title">${this.#flow?.title()}</p>
        ${this.#renderNotice()} ${this.#renderSummary()} ${this.#renderView()}
      </section>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-update-wizard': IqUpdateWizard;
  }
}
