import {
  unwrap,
  type ApiResult,
  type DataOf,
  type EServicesClient,
  type FieldError,
  type RationCardTypes,
  type RequestStatusView,
  type SocialProtectionTypes,
  type SubmissionReceipt,
  type SupportingDocument,
  type UploadPolicy,
} from '@iq-eservices/api';
import { readLocal, writeLocal } from '../core/local-data.js';
import type { RequestController, Outcome } from '../core/request.js';
import type { Answers, WizardFlow } from './engine.js';

/** A draft as both services return it (`UpdateRequest`, `ChangeRequest`). */
export interface ServerDraft {
  id: string;
  kind: string;
  status: string;
  version: number;
  answers: Record<string, unknown>;
  documents: SupportingDocument[];
  referenceNumber: string | null;
  /** The step the citizen was on at the last save that said (another device resumes there). */
  resumeStep?: string | null;
}

/**
 * The copy of the draft kept in this tab's `sessionStorage` (one key per flow): the answers as
 * typed, where the citizen is, what the server holds, and the submission in progress. It is the
 * one place answers (national numbers of new members included) are kept outside memory, as the
 * issue requires; it is removed on submission, and with the rest of the SDK's tab-local data when
 * the session ends or another citizen signs in (core/local-data.ts).
 */
export interface LocalDraft {
  step: string;
  answers: Answers;
  /** The server draft, once created. */
  requestId?: string;
  /** The server draft's version the answers were last saved at (or read from). */
  version?: number;
  /** The request kind the server draft was created with. */
  kind?: string;
  /** Answers changed since the last server save. */
  dirty?: boolean;
  /** The idempotency key of the submission of `submitVersion`, reused by every retry. */
  submitKey?: string;
  submitVersion?: number;
  /** A submission was sent and its answer not yet received. */
  submitting?: boolean;
  /** Step to go back to after a "Change" from check answers. */
  returnTo?: string;
  /** The household member being added (index -1) or changed, as typed so far. */
  member?: { index: number; value: Answers } | null;
}

/** What a save came to (the failure itself went to the host as `iq-error`). */
export type SaveOutcome =
  | { kind: 'saved' }
  /** Not saved on the server now: kept on this device, to send again (offline, 5xx, 401…). */
  | { kind: 'local' }
  | { kind: 'conflict'; server: ServerDraft }
  | { kind: 'invalid'; errors: readonly FieldError[] };

type SP = SocialProtectionTypes.components['schemas'];

/** A draft's body for either service: the flow's `toBody()` with what the store adds. */
export interface DraftBody {
  kind?: string;
  version?: number;
  answers: Record<string, unknown>;
  resumeStep?: string;
}

/**
 * The draft lifecycle's calls of one service, through its typed client: both services share one
 * lifecycle under different paths. Each path is the contract's (`npx tsc` fails when one is
 * renamed or removed); the bodies are the flow's, cast to the contract's types at this one place.
 */
export interface DraftCalls {
  list(): Promise<{ items: ServerDraft[] }>;
  get(requestId: string): Promise<ServerDraft>;
  create(body: DraftBody): Promise<ServerDraft>;
  save(requestId: string, body: DraftBody): Promise<ServerDraft>;
  submit(requestId: string, key: string, version: number): Promise<SubmissionReceipt>;
  status(referenceNumber: string): Promise<RequestStatusView>;
  policy(): Promise<UploadPolicy>;
  upload(requestId: string, type: string, form: FormData): Promise<SupportingDocument>;
  remove(requestId: string, documentId: string): Promise<unknown>;
}

/** The call's data, or its `EServicesError` thrown (`unwrap`). */
const u =
  <A extends unknown[], R extends ApiResult>(call: (...args: A) => Promise<R>) =>
  (...args: A): Promise<DataOf<R>> =>
    call(...args).then(unwrap);

/** The draft calls of each service, with the `signal` of the run they belong to. */
const DRAFTS: Record<
  WizardFlow['service'],
  (client: EServicesClient, signal: AbortSignal) => DraftCalls
> = {
  socialProtection: ({ socialProtection: c }, signal) => ({
    list: u(() => c.GET('/update-requests', { signal })),
    get: u((requestId: string) =>
      c.GET('/update-requests/{requestId}', { params: { path: { requestId } }, signal }),
    ),
    create: u((body: DraftBody) =>
      c.POST('/update-requests', { body: body as SP['CreateUpdateRequestBody'], signal }),
    ),
    save: u((requestId: string, body: DraftBody) =>
      c.PUT('/update-requests/{requestId}', {
        params: { path: { requestId } },
        body: body as SP['SaveUpdateRequestBody'],
        signal,
      }),
    ),
    submit: u((requestId: string, key: string, version: number) =>
      c.POST('/update-requests/{requestId}/submit', {
        params: { path: { requestId }, header: { 'Idempotency-Key': key } },
        body: { version },
        signal,
      }),
    ),
    status: u((referenceNumber: string) =>
      c.GET('/update-request-status/{referenceNumber}', {
        params: { path: { referenceNumber } },
        signal,
      }),
    ),
    policy: u(() => c.GET('/upload-policy', { signal })),
    upload: u((requestId: string, type: string, form: FormData) =>
      c.POST('/update-requests/{requestId}/documents', {
        params: { path: { requestId } },
        body: { type, file: '' } as SP['DocumentUpload'],
        bodySerializer: () => form,
        signal,
      }),
    ),
    remove: u((requestId: string, documentId: string) =>
      c.DELETE('/update-requests/{requestId}/documents/{documentId}', {
        params: { path: { requestId, documentId } },
        signal,
      }),
    ),
  }),
  rationCard: ({ rationCard: c }, signal) => ({
    list: u(() => c.GET('/change-requests', { signal })),
    get: u((requestId: string) =>
      c.GET('/change-requests/{requestId}', { params: { path: { requestId } }, signal }),
    ),
    create: u((body: DraftBody) =>
      c.POST('/change-requests', { body: body as RC['CreateChangeRequestBody'], signal }),
    ),
    save: u((requestId: string, body: DraftBody) =>
      c.PUT('/change-requests/{requestId}', {
        params: { path: { requestId } },
        body: body as RC['SaveChangeRequestBody'],
        signal,
      }),
    ),
    submit: u((requestId: string, key: string, version: number) =>
      c.POST('/change-requests/{requestId}/submit', {
        params: { path: { requestId }, header: { 'Idempotency-Key': key } },
        body: { version },
        signal,
      }),
    ),
    status: u((referenceNumber: string) =>
      c.GET('/change-request-status/{referenceNumber}', {
        params: { path: { referenceNumber } },
        signal,
      }),
    ),
    policy: u(() => c.GET('/upload-policy', { signal })),
    upload: u((requestId: string, type: string, form: FormData) =>
      c.POST('/change-requests/{requestId}/documents', {
        params: { path: { requestId } },
        body: { type, file: '' } as RC['DocumentUpload'],
        bodySerializer: () => form,
        signal,
      }),
    ),
    remove: u((requestId: string, documentId: string) =>
      c.DELETE('/change-requests/{requestId}/documents/{documentId}', {
        params: { path: { requestId, documentId } },
        signal,
      }),
    ),
  }),
};

type RC = RationCardTypes.components['schemas'];

/** A new idempotency key (128 random bits). */
export function newKey(): string {
  return `idem_${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')}`;
}

/**
 * The draft of one flow: the local copy (read and written synchronously, so nothing typed is lost
 * to a reload) and the server draft (created on the first save, saved with its version, a 409
 * turned into a conflict to resolve). Saves run one after another, each sending the latest
 * answers, so the server ends with what the citizen last typed. Every call goes through the
 * element's `RequestController`s ({@link DraftStore.call}).
 */
export class DraftStore {
  local: LocalDraft;
  #chain: Promise<unknown> = Promise.resolve();
  #closed = false;

  /**
   * `writable` says whether the copy may be written now: not while the session is over, so that
   * nothing typed after it ended is left in the tab for the next person (it stays in memory).
   */
  constructor(
    /** The flow whose draft this is. */
    readonly flow: WizardFlow,
    firstStep: string,
    readonly writable: () => boolean = () => true,
  ) {
    this.local = this.#read() ?? { step: firstStep, answers: {} };
  }

  /** The `sessionStorage` key of the flow. */
  get storageKey(): string {
    return `iq-update-wizard:${this.flow.id}`;
  }

  /** Whether a local copy exists (a draft to resume). */
  get stored(): boolean {
    return this.#read() !== null;
  }

  #read(): LocalDraft | null {
    try {
      return JSON.parse(readLocal(this.storageKey) ?? 'null') as LocalDraft | null;
    } catch {
      return null;
    }
  }

  /**
   * Stops writing to `sessionStorage`: the element left the page, and what it learns from answers
   * still in flight must not overwrite what the next element (after a reload) reads.
   * `close(false)` starts again when the same element comes back.
   */
  close(closed = true): void {
    this.#closed = closed;
  }

  /** Changes the local copy and writes it to `sessionStorage` at once (when it may). */
  update(change: Partial<LocalDraft>): void {
    this.local = { ...this.local, ...change };
    if (!this.#closed && this.writable()) writeLocal(this.storageKey, JSON.stringify(this.local));
  }

  /** Forgets the local copy (submitted, signed out, reset). */
  clear(firstStep: string): void {
    this.local = { step: firstStep, answers: {} };
    if (!this.#closed) writeLocal(this.storageKey, null);
  }

  /**
   * Runs `task` with the flow's draft calls through `via` (its signal, its one `Problem`
   * for every failure, `iq-error` for the host): resolves to the outcome, or `undefined` when the
   * run was superseded or aborted.
   */
  call<T>(
    via: RequestController,
    task: (calls: DraftCalls) => Promise<T>,
  ): Promise<Outcome<T> | undefined> {
    return via.run((client, signal) => task(this.calls(client, signal)));
  }

  /** The flow's draft calls through `client`, aborted by `signal`. */
  calls(client: EServicesClient, signal: AbortSignal): DraftCalls {
    return DRAFTS[this.flow.service](client, signal);
  }

  /**
   * Saves the latest answers to the server (after any save in flight), with the step the citizen
   * goes on to, so that a new sign-in or another device resumes there.
   */
  save(via: RequestController, resumeStep?: string): Promise<SaveOutcome> {
    const next = this.#chain.then(() => this.#saveNow(via, resumeStep));
    this.#chain = next.catch(() => undefined);
    return next;
  }

  async #saveNow(via: RequestController, resumeStep?: string): Promise<SaveOutcome> {
    const local = this.local;
    const id = local.requestId;
    if (id && !local.dirty && !resumeStep) return { kind: 'saved' };
    if (navigator.onLine === false) return { kind: 'local' };
    const answers = this.flow.toBody(local.answers);
    const kind = this.flow.kind(local.answers);
    // A draft of another kind (the citizen changed what to ask for) is a new request.
    const outcome = await this.call(via, (calls) =>
      id && (!kind || kind === local.kind)
        ? calls.save(id, { version: local.version, answers, resumeStep })
        : calls.create({ kind, answers, resumeStep }),
    );
    const draft = outcome?.value;
    if (draft) {
      // Answers typed while the save was in flight stay dirty.
      this.update({
        requestId: draft.id,
        version: draft.version,
        kind: draft.kind,
        dirty: this.local.answers !== local.answers,
      });
      return { kind: 'saved' };
    }
    const problem = outcome?.problem;
    if (problem?.code === 'draft.version-conflict') {
      const server = id && (await this.call(via, (calls) => calls.get(id)))?.value;
      if (server) return { kind: 'conflict', server };
    }
    if (problem?.kind === 'validation') return { kind: 'invalid', errors: problem.fieldErrors };
    return { kind: 'local' };
  }

  /**
   * Submits the draft once: the key is made for this version of the draft and kept (in memory
   * and in the local copy) until an answer comes, so every retry and a reload re-send it.
   */
  async submit(via: RequestController): Promise<Outcome<SubmissionReceipt> | undefined> {
    const { requestId = '', version = 0, submitKey, submitVersion } = this.local;
    const key = submitKey && submitVersion === version ? submitKey : newKey();
    this.update({ submitKey: key, submitVersion: version, submitting: true });
    try {
      return await this.call(via, (calls) => calls.submit(requestId, key, version));
    } finally {
      if (this.#read()) this.update({ submitting: false });
    }
  }
}
