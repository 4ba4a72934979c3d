import type { SandboxState } from './state.js';
import type { FieldError, OperationContext, OperationHandler } from './types.js';
import { fieldErrorDetail } from './messages.js';

/** `common.yaml#/components/schemas/RequestStatus`. */
export type RequestStatus =
  'draft' | 'submitted' | 'under-review' | 'approved' | 'rejected' | 'needs-information';

/** `common.yaml#/components/schemas/SupportingDocument`. */
export interface SupportingDocument {
  id: string;
  type: string;
  fileName: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  uploadedAt: string;
}

/** An update request as stored: a versioned draft until it is submitted. */
export interface DraftRecord {
  id: string;
  citizenId: string;
  kind: string;
  status: RequestStatus;
  version: number;
  answers: Record<string, unknown>;
  documents: SupportingDocument[];
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  referenceNumber: string | null;
  /** The client's step at the last save that named one (`common.yaml` ResumeStep); absent: none. */
  resumeStep?: string | null;
  history: { status: RequestStatus; at: string; note?: string }[];
}

/** `common.yaml#/components/schemas/UploadPolicy`: the one place the document limits live. */
export const UPLOAD_POLICY = {
  maxBytes: 5 * 1024 * 1024,
  allowedContentTypes: ['application/pdf', 'image/jpeg', 'image/png'] as const,
  maxDocuments: 10,
};

/** How one service uses the shared update-request lifecycle. */
export interface DraftLifecycleOptions {
  /** Where the service keeps its drafts in the state. */
  drafts: (state: SandboxState) => Record<string, DraftRecord>;
  /** Prefix of request ids (`upd`, `chg`). */
  idPrefix: string;
  /** Prefix of reference numbers (`MZL`, `RC`). */
  referencePrefix: string;
  /** Answers a new draft starts with when the request gives none (e.g. the current record). */
  initialAnswers?: (ctx: OperationContext, kind: string) => Record<string, unknown>;
  /**
   * Rules a schema cannot express (a birth date in the future…), checked on save and on submit.
   * Pointers are relative to the answers (`/household/members/0/birthDate`).
   */
  checkAnswers?: (answers: Record<string, unknown>, ctx: OperationContext) => FieldError[];
  /**
   * What a draft needs before it can be submitted. Pointers are rooted at the stored draft
   * (`/answers/...`, `/documents`).
   */
  checkComplete?: (draft: DraftRecord, ctx: OperationContext) => FieldError[];
}

/** The handlers of the lifecycle, to map to a contract's operationIds. */
export interface DraftLifecycleHandlers {
  create: OperationHandler;
  list: OperationHandler;
  get: OperationHandler;
  save: OperationHandler;
  uploadDocument: OperationHandler;
  deleteDocument: OperationHandler;
  submit: OperationHandler;
  status: OperationHandler;
  uploadPolicy: OperationHandler;
}

/** The contract's representation of a stored draft. */
export function draftResource(draft: DraftRecord) {
  return {
    id: draft.id,
    kind: draft.kind,
    status: draft.status,
    version: draft.version,
    answers: draft.answers,
    documents: draft.documents,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    submittedAt: draft.submittedAt,
    referenceNumber: draft.referenceNumber,
    resumeStep: draft.resumeStep ?? null,
  };
}

/** Sniffs a document's real type from its first bytes; null for anything else. */
export function sniffDocumentType(bytes: Uint8Array): SupportingDocument['contentType'] | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

// Control and bidi characters are exactly what this must match.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The update-request lifecycle shared by the ration card's family changes and Mazalati's
 * beneficiary updates: create a draft, save it with its version (an older version gets 409), attach
 * and remove supporting documents, submit once (idempotency key) for a reference number, and look
 * the status up by that number.
 */
export function draftLifecycle(options: DraftLifecycleOptions): DraftLifecycleHandlers {
  const own = (ctx: OperationContext): DraftRecord | null => {
    const draft = options.drafts(ctx.state)[ctx.path['requestId'] ?? ''];
    return draft && draft.citizenId === ctx.citizen?.id ? draft : null;
  };
  const rooted = (errors: FieldError[], root: string) =>
    errors.map((e) => ({ ...e, pointer: `${root}${e.pointer}` }));
  const editable = (ctx: OperationContext, draft: DraftRecord): Response | null =>
    draft.status === 'draft' ? null : ctx.problem(409, 'draft.not-editable');

  return {
    create: (ctx) => {
      const body = ctx.body as {
        kind: string;
        answers?: Record<string, unknown>;
        resumeStep?: string;
      };
      const answers = body.answers ?? options.initialAnswers?.(ctx, body.kind) ?? {};
      const errors = options.checkAnswers?.(answers, ctx) ?? [];
      if (errors.length)
        return ctx.problem(422, 'validation.failed', { errors: rooted(errors, '/body/answers') });
      const at = ctx.now.toISOString();
      const draft: DraftRecord = {
        id: ctx.nextId(options.idPrefix),
        citizenId: ctx.citizen!.id,
        kind: body.kind,
        status: 'draft',
        version: 1,
        answers,
        documents: [],
        createdAt: at,
        updatedAt: at,
        submittedAt: null,
        referenceNumber: null,
        resumeStep: body.resumeStep ?? null,
        history: [{ status: 'draft', at }],
      };
      options.drafts(ctx.state)[draft.id] = draft;
      return ctx.json(201, draftResource(draft));
    },

    list: (ctx) => {
      const items = Object.values(options.drafts(ctx.state))
        .filter((d) => d.citizenId === ctx.citizen?.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
        .map(draftResource);
      return ctx.json(200, { items });
    },

    get: (ctx) => {
      const draft = own(ctx);
      return draft ? ctx.json(200, draftResource(draft)) : ctx.problem(404, 'not-found');
    },

    save: (ctx) => {
      const draft = own(ctx);
      if (!draft) return ctx.problem(404, 'not-found');
      const blocked = editable(ctx, draft);
      if (blocked) return blocked;
      const body = ctx.body as {
        version: number;
        answers: Record<string, unknown>;
        resumeStep?: string;
      };
      if (body.version !== draft.version) {
        return ctx.problem(409, 'draft.version-conflict', { currentVersion: draft.version });
      }
      const errors = options.checkAnswers?.(body.answers, ctx) ?? [];
      if (errors.length)
        return ctx.problem(422, 'validation.failed', { errors: rooted(errors, '/body/answers') });
      draft.answers = body.answers;
      // A save that does not say where the citizen is keeps the last place.
      if (body.resumeStep !== undefined) draft.resumeStep = body.resumeStep;
      draft.version += 1;
      draft.updatedAt = ctx.now.toISOString();
      return ctx.json(200, draftResource(draft));
    },

    uploadDocument: async (ctx) => {
      const draft = own(ctx);
      if (!draft) return ctx.problem(404, 'not-found');
      const blocked = editable(ctx, draft);
      if (blocked) return blocked;
      if (draft.documents.length >= UPLOAD_POLICY.maxDocuments)
        return ctx.problem(409, 'document.limit-reached');
      const { type, file } = ctx.body as { type: string; file: File };
      if (file.size > UPLOAD_POLICY.maxBytes) {
        return ctx.problem(422, 'document.too-large', {
          errors: [
            {
              pointer: '/body/file',
              code: 'maxBytes',
              detail: fieldErrorDetail('maximum', ctx.lang),
            },
          ],
        });
      }
      const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
      const sniffed = sniffDocumentType(head);
      // The content decides: a renamed executable is refused, and a declared type (browsers send
      // application/octet-stream for some files) must not contradict what the bytes are.
      if (
        !sniffed ||
        (file.type && file.type !== 'application/octet-stream' && file.type !== sniffed)
      ) {
        return ctx.problem(422, 'document.type-not-allowed', {
          errors: [
            {
              pointer: '/body/file',
              code: 'contentType',
              detail: fieldErrorDetail('invalid', ctx.lang),
            },
          ],
        });
      }
      const fileName =
        (file.name || 'document').replace(UNSAFE_NAME, '').slice(0, 200) || 'document';
      const document: SupportingDocument = {
        id: ctx.nextId('doc'),
        type,
        fileName,
        contentType: sniffed,
        sizeBytes: file.size,
        uploadedAt: ctx.now.toISOString(),
      };
      draft.documents.push(document);
      draft.updatedAt = document.uploadedAt;
      return ctx.json(201, document);
    },

    deleteDocument: (ctx) => {
      const draft = own(ctx);
      if (!draft) return ctx.problem(404, 'not-found');
      const blocked = editable(ctx, draft);
      if (blocked) return blocked;
      const index = draft.documents.findIndex((d) => d.id === ctx.path['documentId']);
      if (index < 0) return ctx.problem(404, 'not-found');
      draft.documents.splice(index, 1);
      draft.updatedAt = ctx.now.toISOString();
      return ctx.noContent();
    },

    submit: (ctx) => {
      const key = ctx.headers.get('idempotency-key') ?? '';
      return ctx.idempotent(key, () => {
        const draft = own(ctx);
        if (!draft) return ctx.problem(404, 'not-found');
        const blocked = editable(ctx, draft);
        if (blocked) return blocked;
        const { version } = ctx.body as { version: number };
        if (version !== draft.version) {
          return ctx.problem(409, 'draft.version-conflict', { currentVersion: draft.version });
        }
        const errors = [
          ...rooted(options.checkAnswers?.(draft.answers, ctx) ?? [], '/answers'),
          ...(options.checkComplete?.(draft, ctx) ?? []),
        ];
        if (errors.length) return ctx.problem(422, 'validation.failed', { errors });
        const at = ctx.now.toISOString();
        draft.status = 'submitted';
        draft.submittedAt = at;
        draft.updatedAt = at;
        draft.referenceNumber = ctx.nextReference(options.referencePrefix);
        draft.history.push({ status: 'submitted', at });
        return ctx.json(200, {
          requestId: draft.id,
          referenceNumber: draft.referenceNumber,
          status: draft.status,
          submittedAt: at,
        });
      });
    },

    status: (ctx) => {
      const draft = Object.values(options.drafts(ctx.state)).find(
        (d) => d.referenceNumber === ctx.path['referenceNumber'] && d.citizenId === ctx.citizen?.id,
      );
      if (!draft || !draft.referenceNumber || !draft.submittedAt)
        return ctx.problem(404, 'not-found');
      return ctx.json(200, {
        referenceNumber: draft.referenceNumber,
        requestId: draft.id,
        kind: draft.kind,
        status: draft.status,
        submittedAt: draft.submittedAt,
        updatedAt: draft.updatedAt,
        history: draft.history,
      });
    },

    uploadPolicy: (ctx) =>
      ctx.json(200, {
        maxBytes: UPLOAD_POLICY.maxBytes,
        allowedContentTypes: [...UPLOAD_POLICY.allowedContentTypes],
        maxDocuments: UPLOAD_POLICY.maxDocuments,
      }),
  };
}
