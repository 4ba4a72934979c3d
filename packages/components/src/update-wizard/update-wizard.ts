import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { msg, str } from '@lit/localize';
import {
  unwrap,
  type BeneficiaryProfile,
  type ChangeKind,
  type EServicesClient,
  type FieldError,
  type RationCard,
  type RequestStatusView,
  type SupportingDocument,
  type User,
} from '@iq-eservices/api';
import { Announcer } from '../core/announcer.js';
import { IqElement } from '../core/base.js';
import { devWarn } from '#dev';
import { FocusController } from '../core/focus.js';
import { claimLocalData, forgetCount } from '../core/local-data.js';
import { ltr, pluralize } from '../core/format.js';
import { toAsciiDigits } from '../core/normalize.js';
import type { Problem } from '../core/problem.js';
import { renderProblem } from '../core/problem-view.js';
import { RequestController } from '../core/request.js';
import { messages } from '../generated/messages/update-wizard.js';
import { DocumentList } from './documents.js';
import type { ServerDraft } from './draft-store.js';
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
import { IqStepChangeEvent, IqSubmittedEvent } from './events.js';
import { errorLine, problemText, renderField } from './fields.js';
import { rationCardFamilyFlow, socialProtectionFlow } from './flows/index.js';
import type { MemberForm } from './flows/social-protection.js';
import { WizardSession, type Resumed } from './session.js';
import { StepHistory } from './step-history.js';
import { updateWizardStyles } from './update-wizard.styles.js';
import {
  conflictView,
  doneView,
  identityView,
  noticeView,
  statusView,
  summaryView,
} from './views.js';

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

/** A failed call as shown: the problem, the wizard's own sentence for it, and what "Try again" does. */
interface Failure {
  problem: Problem;
  text?: string;
  retry?: () => void;
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
 * @csspart error-summary - The list of problems at the top, or the failure of a call with its
 *   reference and "Try again" (receives focus after a failed Continue or call).
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
  static override messages = messages;

  static override styles = [...IqElement.styles, updateWizardStyles];

  /** @internal Lit's reactive properties (attributes, reflection, internal state). */
  static override properties: PropertyDeclarations = {
    flow: { reflect: true },
    record: { attribute: false },
    steps: { attribute: false },
    kind: { reflect: true },
    startStep: { attribute: 'start-step' },
    view: { state: true },
    step: { state: true },
    answers: { state: true },
    errors: { state: true },
    failure: { state: true },
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

  /**
   * The step to open at when the wizard starts (or restarts for another flow): the flow's own step
   * id, such as the `step` of `<iq-my-requests>`' `iq-request-continue` (a request waiting for a
   * document opens at `documents`). Used only when the citizen can reach it — every question before
   * it answered, from the record or a saved draft; otherwise the wizard opens where it would have
   * (the first step with something missing), and warns in development. Back goes to the step before
   * it, as for any step. See also {@link goToStep}.
   */
  startStep?: string;

  private view: View = 'loading';
  private step = '';
  private answers: Answers = {};
  /** Problems shown, by DOM id suffix of the control (`f-<key>`), with their message. */
  private errors: ReadonlyMap<string, string> = new Map();
  /** The failed call shown at the top (or as the page, when nothing could be loaded). */
  private failure: Failure | null = null;
  private busy = false;
  private conflict: ServerDraft | null = null;
  private receipt: { referenceNumber: string; requestId: string } | null = null;
  private user: User | null = null;
  private fetched: BeneficiaryProfile | RationCard | null = null;
  /** The flow's reference lists (`WizardFlow.lists`), once read. */
  private lists: Record<string, FieldOption[]> | null = null;
  /** The household member being added (index -1) or changed. */
  private member: { index: number; value: Answers } | null = null;
  private lookup: { reference: string; result?: RequestStatusView } = {
    reference: '',
  };

  #flow?: WizardFlow;
  /** The documents attached to the draft. */
  private documents: SupportingDocument[] = [];

  readonly #focus = new FocusController(this);
  readonly #announcer = new Announcer(this);
  readonly #session = new WizardSession(this, () => this.api, this.#announcer, {
    forget: () => this.#forget(),
    start: () => void this.#start(),
    refused: (outcome) =>
      outcome.kind === 'conflict'
        ? this.#showConflict(outcome.server)
        : this.#showServerErrors(outcome.errors),
  });
  readonly #history = new StepHistory(
    this,
    () => this.flow,
    (step) => {
      if ((this.view === 'step' || this.view === 'check') && this.#stepIds().includes(step))
        this.#goTo(step, false);
    },
  );
  // One controller per kind of call: the start (record, who is signed in, the draft), the
  // reference lists, the submission (kept going when the element leaves: its outcome must be
  // known) and the status look-up. Saves are the session's; documents, the upload list's.
  readonly #load = new RequestController(this, () => this.api, { abortOnDisconnect: false });
  readonly #lists = new RequestController(this, () => this.api);
  readonly #sending = new RequestController(this, () => this.api, { abortOnDisconnect: false });
  readonly #status = new RequestController(this, () => this.api);

  /**
   * Shows step `id` of the current flow now, as if the citizen had gone there, when they can reach
   * it (see {@link startStep}); while the wizard is still starting, it opens there. Returns whether
   * the step is (or will be) shown. Focus moves to the step's heading and `iq-step-change` fires.
   */
  goToStep(id: string): boolean {
    if (this.view === 'loading') {
      this.startStep = id;
      return true;
    }
    if ((this.view !== 'step' && this.view !== 'check') || !this.#reachable(id)) {
      devWarn(this, `step "${id}" cannot be shown now (unknown, or earlier steps unanswered).`);
      return false;
    }
    this.#goTo(id);
    return true;
  }

  /** Whether the citizen can be at step `id`: a step of this flow whose earlier questions are answered. */
  #reachable(id: string): boolean {
    const ids = this.#stepIds();
    const index = ids.indexOf(id);
    if (index < 0) return false;
    return this.#stepList()
      .slice(0, index)
      .every(
        (step) =>
          step.kind === 'identity' ||
          (!checkStep(step, this.answers).size &&
            !(step.kind === 'documents' && missingDocuments(this.#needs(), this.documents).length)),
      );
  }

  /** The upload list of the documents step. */
  readonly #docs = new DocumentList(this, () => this.api, {
    documents: () => this.documents,
    setDocuments: (list) => (this.documents = list),
    announce: (text) => this.#announcer.announce(text),
    reject: (text) => {
      // A refused file: announced (again if it is the same error), in the summary that takes
      // the focus and links to the picker, and no longer "Saved" in the live region.
      if (!text) return this.#clearError('documents');
      this.#announcer.announce(text);
      this.#showError(text, 'documents');
    },
    ensureDraft: async () => {
      const local = this.#store.local;
      return (
        (!!local.requestId && !local.dirty) ||
        ((await this.#session.save()) && !!this.#store.local.requestId)
      );
    },
    store: () => this.#store,
  });
  #started = false;

  /** Forgets this tab's copy and starts again (an open server draft is resumed). */
  reset(): void {
    this.#session.store?.clear(this.#firstStep());
    void this.#start();
  }

  get #store() {
    return this.#session.store;
  }

  /** Drops the citizen's answers: the tab's copy and everything the element holds. */
  #forget(): void {
    this.#session.end(this.#firstStep());
    this.answers = {};
    this.member = this.receipt = this.conflict = this.user = this.fetched = this.failure = null;
    this.errors = new Map();
    this.documents = [];
    this.lookup = { reference: '' };
    this.#docs.uploads = [];
    this.#docs.error = '';
    this.view = 'signed-out';
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
      this.#session.store?.update({ member: this.member });
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
    const session = this.#session;
    const store = session.open(flow, this.#firstStep());
    this.receipt = this.conflict = this.member = this.failure = null;
    this.lists = null;
    this.errors = new Map();
    this.documents = [];
    let local = store.stored ? store.local : null;
    const found: Resumed = {
      answers: local?.answers ?? null,
      step: local?.step ?? null,
      documents: [],
      conflict: null,
    };
    const outcome = await this.#load.run(async (client, signal) => {
      const citizen = await this.#loadRecord(client, signal);
      // The tab's copy is another citizen's than the one signed in: not theirs to see.
      if (claimLocalData(citizen)) {
        store.clear(this.#firstStep());
        local = found.answers = found.step = null;
      }
      session.citizen = citizen;
      session.forgotten = forgetCount();
      // The service answered: the session is alive, whatever was heard before.
      session.signedOut = false;
      await session.resume(
        store.calls(client, signal),
        local,
        found,
        this.kind,
        () => this.#context,
      );
    });
    // Started again meanwhile (another flow): that start shows its own.
    if (!outcome || session.store !== store) return;
    this.documents = found.documents;
    this.conflict = found.conflict;
    if (found.resubmit && local) {
      this.answers = local.answers;
      this.step = CHECK;
      this.view = 'check';
      return this.#submit();
    }
    const problem = outcome.problem;
    if (problem?.kind === 'auth' && !found.answers) {
      session.restart = true;
      this.view = 'signed-out';
      return;
    }
    if (problem && !found.answers && !this.#context.record) {
      this.failure = { problem, retry: () => void this.#start() };
      return this.#show('problem');
    }
    let answers = found.answers ?? flow.initialAnswers(this.#context);
    if (this.kind) answers = { ...answers, kind: this.kind };
    this.answers = answers;
    store.update({ answers });
    const step = found.step;
    if (this.conflict) {
      this.step = step ?? this.#firstStep();
      return this.#show('conflict');
    }
    const resumed = step && this.#stepIds().includes(step) ? step : null;
    const asked = this.startStep;
    if (asked && !this.#reachable(asked))
      devWarn(
        this,
        `start-step "${asked}" cannot be shown (unknown, or earlier steps unanswered).`,
      );
    const target =
      asked && this.#reachable(asked)
        ? asked
        : (resumed ?? (store.local.requestId ? this.#firstIncomplete() : this.#firstStep()));
    this.#history.replace(target);
    this.#goTo(target, false);
    if (local?.member && target === step) this.member = local.member;
    if (store.local.requestId) void session.flush();
  }

  /** Reads the record and who is signed in; returns the citizen's opaque id. */
  async #loadRecord(client: EServicesClient, signal: AbortSignal): Promise<string> {
    const [record, user] = await Promise.all([
      this.record
        ? null
        : this.#def.service === 'socialProtection'
          ? client.socialProtection.GET('/profile', { signal }).then(unwrap)
          : client.rationCard.GET('/card', { signal }).then(unwrap),
      client.identity.GET('/me', { signal }).then(unwrap),
    ]);
    this.fetched = record;
    this.user = user;
    this.#loadLists();
    return user.id;
  }

  /**
   * Reads the flow's reference lists. Not blocking: a failure goes to the host, and the lists are
   * read again when the citizen reaches a step (a choice then fills in).
   */
  #loadLists(): void {
    const flow = this.#flow;
    const lists = flow?.lists;
    // Asked for at start and on each step: one read at a time, kept only for the flow it is for.
    if (!lists || !this.api || this.lists || this.#lists.pending) return;
    void this.#lists
      .run((client) => lists(client))
      .then((outcome) => {
        if (outcome?.value && this.#flow === flow) this.lists = outcome.value;
      });
  }

  // ---------------------------------------------------------------- navigation

  #goTo(id: string, push = true): void {
    const ids = this.#stepIds();
    this.step = id;
    this.view = id === CHECK ? 'check' : 'step';
    this.errors = new Map();
    this.failure = this.member = null;
    this.#store.update({ step: id });
    this.#loadLists();
    if (push) this.#history.push(id);
    this.#focus.to('#heading');
    if (this.#currentStep?.kind === 'documents') void this.#docs.loadPolicy();
    this.dispatchEvent(new IqStepChangeEvent(id, ids.indexOf(id), this.#total()));
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
    if (problems.size) return this.#showErrors(problems);
    const ids = this.#stepIds();
    const target = this.#store.local.returnTo || ids[ids.indexOf(step.id) + 1] || CHECK;
    this.busy = true;
    const saved = await this.#session.save(target);
    this.busy = false;
    if (!saved) return;
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
    this.#focus.to('#summary');
  }

  /** One problem: beside the control `f-<key>`, or only in the summary (key ''). */
  #showError(text: string, key = ''): void {
    this.#showErrors(new Map([[key, text]]));
  }

  /** A failed call, at the top: it takes the focus. */
  #fail(failure: Failure): void {
    this.failure = failure;
    this.#focus.to('#problem');
  }

  /** Another page: its heading takes the focus. */
  #show(view: View): void {
    this.view = view;
    this.#focus.to('#heading');
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
    if (await this.#session.save()) this.#goTo(this.#store.local.step || this.#firstStep(), false);
  }

  // ---------------------------------------------------------------- submission

  async #submit(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.errors = new Map();
    this.failure = null;
    this.#announcer.announce(msg('Sending your request…', { id: 'wizard.sending' }));
    const store = this.#store;
    const sent = !store.local.submitting && !(await this.#session.save()) ? undefined : store.local;
    if (sent && !sent.submitting && (sent.dirty || !sent.requestId)) {
      this.busy = false;
      return this.#showError(
        msg(
          'Your answers are kept on this device but could not be sent. Check your connection and try again.',
          { id: 'wizard.submit.not-saved' },
        ),
      );
    }
    const outcome = sent && (await store.submit(this.#sending));
    this.busy = false;
    if (!outcome) return;
    const receipt = outcome.value;
    if (receipt) return this.#done(receipt.referenceNumber, receipt.requestId);
    const problem = outcome.problem;
    if (problem.kind === 'validation') return this.#showServerErrors(problem.fieldErrors);
    if (problem.code === 'draft.version-conflict' || problem.code === 'draft.not-editable') {
      // Changed or sent from another device meanwhile: show its state rather than retry.
      const id = store.local.requestId ?? '';
      const server = (await store.call(this.#sending, (calls) => calls.get(id)))?.value;
      if (server?.referenceNumber) return this.#done(server.referenceNumber, server.id);
      if (server) return this.#showConflict(server);
    }
    this.#fail({
      problem,
      // Signed out: the library's sentence; the signed-out notice says the answers are kept.
      text:
        problem.kind === 'auth'
          ? undefined
          : msg(
              'We could not confirm that your request was received. Try again: it will not be sent twice.',
              { id: 'wizard.submit.failed' },
            ),
      retry: () => void this.#submit(),
    });
  }

  /** Submitted: the local copy goes, the confirmation shows. */
  #done(referenceNumber: string, requestId: string): void {
    this.#session.done(this.#firstStep());
    this.receipt = { referenceNumber, requestId };
    this.lookup = { reference: referenceNumber };
    this.#show('done');
    this.#announcer.clear();
    this.dispatchEvent(new IqSubmittedEvent(referenceNumber, requestId));
  }

  #openStatus(): void {
    this.#show('status');
    this.errors = new Map();
    this.failure = null;
  }

  async #checkStatus(): Promise<void> {
    const reference = toAsciiDigits(this.lookup.reference.trim()).toUpperCase();
    this.errors = new Map();
    this.failure = null;
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
    const outcome = await this.#store.call(this.#status, (calls) => calls.status(reference));
    if (!outcome) return;
    const problem = outcome.problem;
    if (!problem) {
      this.lookup = { reference, result: outcome.value };
      this.#focus.to('#status-result');
    } else if (problem.kind === 'not-found')
      this.#showError(
        msg('No request of yours has this reference number.', { id: 'wizard.status.not-found' }),
        'reference',
      );
    else this.#fail({ problem, retry: () => void this.#checkStatus() });
  }

  // ---------------------------------------------------------------- household members

  #editMember(index: number): void {
    const members = (this.answers['members'] as MemberForm[] | undefined) ?? [];
    this.member = {
      index,
      value: index < 0 ? {} : { ...members[index] },
    };
    this.errors = new Map();
    this.#focus.to('#member-heading');
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
    const value = editing.value as MemberForm;
    if (editing.index < 0) members.push(value);
    else members[editing.index] = value;
    this.#setAnswer('members', members);
    this.member = null;
    this.errors = new Map();
    const name = value.name;
    this.#announcer.announce(msg(str`${name} saved in the list.`, { id: 'wizard.member.saved' }));
    this.#focus.to('#f-members');
  }

  #removeMember(index: number): void {
    const members = [...((this.answers['members'] as MemberForm[] | undefined) ?? [])];
    const name = members.splice(index, 1)[0]?.name ?? '';
    this.#setAnswer('members', members);
    this.#announcer.announce(
      msg(str`${name} removed from the list.`, { id: 'wizard.member.removed' }),
    );
    this.#focus.to('#f-members');
  }

  // ---------------------------------------------------------------- helpers

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

  /** The failed call: the library's problem box, where the error summary shows. */
  #renderFailure(): TemplateResult | typeof nothing {
    const failure = this.failure;
    return failure
      ? renderProblem(failure.problem, {
          ...failure,
          part: 'error-summary',
          classes: 'summary',
        })
      : nothing;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (this.errors.size) return summaryView(this.errors, this.renderRoot);
    return this.view === 'problem' ? nothing : this.#renderFailure();
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
              this.#focus.to('#f-members');
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
            ? identityView(
                this.user,
                this.#context.record as BeneficiaryProfile | undefined,
                this.format,
              )
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
          ${this.#renderFailure()}`;
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
        ${noticeView(this.#session)} ${this.#renderSummary()} ${this.#renderView()}
      </section>
      ${this.#announcer.render()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'iq-update-wizard': IqUpdateWizard;
  }
}
