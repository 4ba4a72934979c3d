import {
  isEServicesError,
  unwrap,
  type EServicesClient,
  type EServicesError,
  type FieldError,
  type RationCardTypes,
  type RequestStatusView,
  type SocialProtectionTypes,
  type SubmissionReceipt,
  type SupportingDocument,
  type UploadPolicy,
} from '@iq-eservices/api';
import { readLocal, writeLocal } from '../core/local-data.js';
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

/** What a save came to. */
export type SaveOutcome =
  | { kind: 'saved' }
  | { kind: 'local'; error?: EServicesError }
  | { kind: 'auth'; error: EServicesError }
  | { kind: 'conflict'; server: ServerDraft }
  | { kind: 'invalid'; errors: readonly FieldError[]; error: EServicesError }
  | { kind: 'failed'; error: EServicesError };

// The two services share one draft lifecycle under different paths: called through one loose
// signature rather than two copies of the same code.
type Call = (
  path: string,
  init?: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
interface Loose {
  GET: Call;
  POST: Call;
  PUT: Call;
  DELETE: Call;
}

const PATHS = {
  socialProtection: {
    root: '/update-requests',
    status: '/update-request-status/{referenceNumber}',
  },
  rationCard: { root: '/change-requests', status: '/change-request-status/{referenceNumber}' },
} as const satisfies Record<WizardFlow['service'], { root: string; status: string }>;

/** Every path the store calls under a service's `root` (built below as `${root}/…`). */
type DraftPaths<Root extends string> =
  | Root
  | `${Root}/{requestId}`
  | `${Root}/{requestId}/submit`
  | `${Root}/{requestId}/documents`
  | `${Root}/{requestId}/documents/{documentId}`;

/**
 * True when every path the store calls on `service` is one of its contract's paths (the client's
 * generated `paths`): a path renamed or removed in a contract fails `npm run typecheck` here.
 */
type CallsExist<Service extends keyof typeof PATHS, Paths> = [
  | DraftPaths<(typeof PATHS)[Service]['root']>
  | (typeof PATHS)[Service]['status']
  | '/upload-policy',
] extends [keyof Paths]
  ? true
  : false;

/** Compile-time checks only (no code): {@link CallsExist} for each service. */
export type DraftStorePathsChecked = [
  CallsExist<'socialProtection', SocialProtectionTypes.paths>,
  CallsExist<'rationCard', RationCardTypes.paths>,
] extends [true, true]
  ? true
  : never;
const pathsChecked: DraftStorePathsChecked = true;
void pathsChecked;

/** Errors that leave the answers safe on this device and worth sending again later. */
export function isTransient(error: EServicesError): boolean {
  return error.status === 0 || error.status >= 500 || error.retryable;
}

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
 * answers, so the server ends with what the citizen last typed.
 */
export class DraftStore {
  local: LocalDraft;
  #chain: Promise<unknown> = Promise.resolve();
  #closed = false;
  readonly #flow: WizardFlow;
  readonly #client: () => EServicesClient | undefined;

  /**
   * `writable` says whether the copy may be written now: not while the session is over, so that
   * nothing typed after it ended is left in the tab for the next person (it stays in memory).
   */
  constructor(
    flow: WizardFlow,
    client: () => EServicesClient | undefined,
    firstStep: string,
    readonly writable: () => boolean = () => true,
  ) {
    this.#flow = flow;
    this.#client = client;
    this.local = this.#read() ?? { step: firstStep, answers: {} };
  }

  /** The `sessionStorage` key of the flow. */
  get storageKey(): string {
    return `iq-update-wizard:${this.#flow.id}`;
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

  /** One call to the flow's service: its data, or the typed error thrown. */
  async #call<T>(method: keyof Loose, path: string, init?: object): Promise<T> {
    const client = this.#client();
    if (!client) throw new Error('<iq-update-wizard>: no client; call configure({ client }).');
    const api = client[this.#flow.service] as unknown as Loose;
    return unwrap(await api[method](path, init)) as T;
  }

  get #root(): string {
    return PATHS[this.#flow.service].root;
  }

  /**
   * Saves the latest answers to the server (after any save in flight), with the step the citizen
   * goes on to, so that a new sign-in or another device resumes there.
   */
  save(resumeStep?: string): Promise<SaveOutcome> {
    const next = this.#chain.then(() => this.#saveNow(resumeStep));
    this.#chain = next.catch(() => undefined);
    return next;
  }

  async #saveNow(resumeStep?: string): Promise<SaveOutcome> {
    const local = this.local;
    if (local.requestId && !local.dirty && !resumeStep) return { kind: 'saved' };
    const where = resumeStep ? { resumeStep } : {};
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return { kind: 'local' };
    const answers = this.#flow.toBody(local.answers);
    const kind = this.#flow.kind(local.answers);
    try {
      // A draft of another kind (the citizen changed what to ask for) is a new request.
      const draft = await (local.requestId && (!kind || kind === local.kind)
        ? this.#call<ServerDraft>('PUT', `${this.#root}/{requestId}`, {
            params: { path: { requestId: local.requestId } },
            body: { version: local.version, answers, ...where },
          })
        : this.#call<ServerDraft>('POST', this.#root, { body: { kind, answers, ...where } }));
      // Answers typed while the save was in flight stay dirty.
      this.update({
        requestId: draft.id,
        version: draft.version,
        kind: draft.kind,
        dirty: this.local.answers !== local.answers,
      });
      return { kind: 'saved' };
    } catch (error) {
      if (!isEServicesError(error)) throw error;
      return this.#outcomeOf(error);
    }
  }

  async #outcomeOf(error: EServicesError): Promise<SaveOutcome> {
    if (error.status === 401) return { kind: 'auth', error };
    if (error.code === 'draft.version-conflict') {
      const id = this.local.requestId;
      const server = id ? await this.fetch(id).catch(() => null) : null;
      return server ? { kind: 'conflict', server } : { kind: 'local', error };
    }
    if (error.status === 422 && error.fieldErrors?.length)
      return { kind: 'invalid', errors: error.fieldErrors, error };
    if (isTransient(error)) return { kind: 'local', error };
    return { kind: 'failed', error };
  }

  /** One server draft. */
  async fetch(requestId: string): Promise<ServerDraft> {
    return this.#call('GET', `${this.#root}/{requestId}`, { params: { path: { requestId } } });
  }

  /** The citizen's most recent open draft on the server (of `kind`, when given), if any. */
  async latestDraft(kind?: string): Promise<ServerDraft | null> {
    const list = await this.#call<{ items: ServerDraft[] }>('GET', this.#root);
    return list.items.find((d) => d.status === 'draft' && (!kind || d.kind === kind)) ?? null;
  }

  /**
   * Submits the draft once: the key is made for this version of the draft and kept (in memory
   * and in the local copy) until an answer comes, so every retry and a reload re-send it.
   */
  async submit(): Promise<SubmissionReceipt> {
    const { requestId, version } = this.local;
    if (!requestId || !version) throw new Error('no draft to submit');
    const key =
      this.local.submitKey && this.local.submitVersion === version
        ? this.local.submitKey
        : newKey();
    this.update({ submitKey: key, submitVersion: version, submitting: true });
    try {
      return await this.#call('POST', `${this.#root}/{requestId}/submit`, {
        params: { path: { requestId }, header: { 'Idempotency-Key': key } },
        body: { version },
      });
    } finally {
      if (this.#read()) this.update({ submitting: false });
    }
  }

  /** The status of a submitted request. */
  async status(referenceNumber: string): Promise<RequestStatusView> {
    return this.#call('GET', PATHS[this.#flow.service].status, {
      params: { path: { referenceNumber } },
    });
  }

  /** The service's limits for documents. */
  async policy(): Promise<UploadPolicy> {
    return this.#call('GET', '/upload-policy');
  }

  /** Attaches a document to the draft. */
  async upload(type: string, file: File): Promise<SupportingDocument> {
    const requestId = this.local.requestId ?? '';
    const form = new FormData();
    form.append('type', type);
    form.append('file', file, file.name);
    return this.#call('POST', `${this.#root}/{requestId}/documents`, {
      params: { path: { requestId } },
      body: {},
      bodySerializer: () => form,
    });
  }

  /** Removes a document from the draft. */
  async remove(documentId: string): Promise<void> {
    const requestId = this.local.requestId ?? '';
    await this.#call('DELETE', `${this.#root}/{requestId}/documents/{documentId}`, {
      params: { path: { requestId, documentId } },
    });
  }
}
