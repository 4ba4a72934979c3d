import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { EServicesClient, SupportingDocument, UploadPolicy } from '@iq-eservices/api';
import type { Formatter } from '../core/format.js';
import { problemMessage } from '../core/problem.js';
import { RequestController, type RequestHost } from '../core/request.js';
import type { DraftStore } from './draft-store.js';
import { missingDocuments } from './engine.js';
import { errorLine, problemText } from './fields.js';
import type { Labels } from '../core/labels.js';

/** What a supporting document proves (`DocumentType`). */
const DOCUMENT_TYPES: Labels = {
  'national-card': () => msg('National card', { id: 'wizard.document.national-card' }),
  'residence-card': () => msg('Residence card', { id: 'wizard.document.residence-card' }),
  'birth-certificate': () => msg('Birth certificate', { id: 'wizard.document.birth-certificate' }),
  'death-certificate': () => msg('Death certificate', { id: 'wizard.document.death-certificate' }),
  'income-proof': () => msg('Proof of income', { id: 'wizard.document.income-proof' }),
  'medical-report': () => msg('Medical report', { id: 'wizard.document.medical-report' }),
  'disability-certificate': () =>
    msg('Disability certificate', { id: 'wizard.document.disability-certificate' }),
  'lease-or-deed': () => msg('Lease or title deed', { id: 'wizard.document.lease-or-deed' }),
  other: () => msg('Other document', { id: 'wizard.document.other' }),
};

/** The policy until the service's arrives (the contracts' documented limits). */
const DEFAULT_POLICY: UploadPolicy = {
  maxBytes: 5 * 1024 * 1024,
  allowedContentTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxDocuments: 10,
};

/** A file's real type from its first bytes (what the server checks too), or null. */
export async function sniffType(file: Blob): Promise<string | null> {
  const b = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

/** A file being uploaded, or whose upload failed (kept to retry). */
interface Upload {
  file: File;
  type: string;
  state: 'uploading' | 'failed';
}

/** What the list tells its host. */
export interface DocumentHost {
  /** The attached documents (the host keeps them: check answers and resume read them). */
  documents(): SupportingDocument[];
  setDocuments(list: SupportingDocument[]): void;
  announce(text: string): void;
  /** A chosen file was refused (`text` says why), or `''`: the next one is being checked. */
  reject(text: string): void;
  /** Saves the draft so that documents have a request to belong to; false when it could not. */
  ensureDraft(): Promise<boolean>;
  /** The draft the documents belong to. */
  store(): DraftStore;
}

/**
 * The supporting documents of a draft: the attached ones (from the server), uploads in progress
 * or failed (retry, remove), and the picker. Type and size are checked before anything is sent,
 * by the file's first bytes as the server does, so a renamed executable never leaves the phone.
 */
export class DocumentList {
  uploads: Upload[] = [];
  policy: UploadPolicy = DEFAULT_POLICY;
  /** The picker's error, shown beside it and in the summary. */
  error = '';
  type = '';
  /** Files checked so far (tests wait on it: `data-checked` on the picker). */
  checked = 0;
  #policyLoaded = false;
  /** Uploads, one after another (a second one never aborts the first). */
  readonly #uploads: RequestController;
  #queue: Promise<unknown> = Promise.resolve();
  /** Removals and the upload policy. */
  readonly #calls: RequestController;

  constructor(
    private readonly element: RequestHost,
    client: () => EServicesClient | undefined,
    private readonly host: DocumentHost,
  ) {
    // An upload goes on when the element is moved in the page, as a save does.
    this.#uploads = new RequestController(element, client, { abortOnDisconnect: false });
    this.#calls = new RequestController(element, client);
  }

  /**
   * Reads the service's limits once (until then the documented limits stand in); not while a
   * removal is in flight, which it would abort.
   */
  async loadPolicy(): Promise<void> {
    if (this.#policyLoaded || this.#calls.pending) return;
    const policy = (await this.host.store().call(this.#calls, (calls) => calls.policy()))?.value;
    if (!policy) return;
    this.policy = policy;
    this.#policyLoaded = true;
    this.element.requestUpdate();
  }

  /** Checks and uploads the chosen file; the error, if any, is in {@link error}. */
  async add(file: File | undefined): Promise<void> {
    this.error = '';
    if (!this.type || !file) this.error = problemText('required');
    else if (file.size > this.policy.maxBytes) this.error = problemText('document-size');
    else {
      const real = await sniffType(file);
      const declared = file.type && file.type !== 'application/octet-stream' ? file.type : real;
      if (!real || declared !== real || !this.policy.allowedContentTypes.includes(real))
        this.error = problemText('document-type');
    }
    this.host.reject(this.error);
    if (!this.error && file) {
      const upload: Upload = { file, type: this.type, state: 'uploading' };
      this.uploads = [...this.uploads, upload];
      await this.#send(upload);
    }
    this.checked++;
    this.element.requestUpdate();
  }

  /** "Uploading <name>…" (also the progress bar's name). */
  #uploading(name: string): string {
    return msg(str`Uploading ${name}…`, { id: 'wizard.documents.uploading' });
  }

  async #send(upload: Upload): Promise<void> {
    const { file, type } = upload;
    const name = file.name;
    upload.state = 'uploading';
    this.element.requestUpdate();
    this.host.announce(this.#uploading(name));
    const store = this.host.store();
    const form = new FormData();
    form.append('type', type);
    form.append('file', file, name);
    const sent = this.#queue.then(
      async () =>
        (await this.host.ensureDraft()) &&
        store.call(this.#uploads, (calls) => calls.upload(store.local.requestId ?? '', type, form)),
    );
    this.#queue = sent;
    const outcome = await sent;
    const problem = outcome && outcome.problem;
    if (outcome && outcome.value) {
      this.host.setDocuments([...this.host.documents(), outcome.value]);
      this.uploads = this.uploads.filter((u) => u !== upload);
      this.host.announce(msg(str`${name} attached.`, { id: 'wizard.documents.attached' }));
    } else if (problem && (problem.status === 422 || problem.status === 409)) {
      // The server refused the file itself: its reason, not a retry.
      this.uploads = this.uploads.filter((u) => u !== upload);
      this.error =
        problem.code === 'document.too-large'
          ? problemText('document-size')
          : problem.code === 'document.type-not-allowed'
            ? problemText('document-type')
            : problemMessage(problem);
      this.host.reject(this.error);
    } else {
      upload.state = 'failed';
      this.host.announce(
        msg(str`${name} could not be uploaded.`, { id: 'wizard.documents.failed' }),
      );
    }
    this.element.requestUpdate();
  }

  async remove(document: SupportingDocument): Promise<void> {
    const name = document.fileName;
    const store = this.host.store();
    const outcome = await store.call(this.#calls, (calls) =>
      calls.remove(store.local.requestId ?? '', document.id),
    );
    if (!outcome) return;
    if (outcome.problem)
      this.host.announce(
        msg('The document could not be removed. Try again.', {
          id: 'wizard.documents.remove-failed',
        }),
      );
    else {
      this.host.setDocuments(this.host.documents().filter((d) => d !== document));
      this.host.announce(msg(str`${name} removed.`, { id: 'wizard.documents.removed' }));
    }
    this.element.requestUpdate();
  }

  render(types: string[], format: Formatter, needs: string[][]): TemplateResult {
    const label = (type: string) => DOCUMENT_TYPES[type]?.() ?? type;
    const size = (bytes: number) => {
      const kb = format.number(Math.max(1, Math.round(bytes / 1024)));
      return msg(str`${kb} KB`, { id: 'wizard.documents.size' });
    };
    const missing = missingDocuments(needs, this.host.documents());
    const max = format.number(Math.round(this.policy.maxBytes / 1048576));
    return html`
      ${
        missing.length
          ? html`<p>${msg('This request needs:', { id: 'wizard.documents.needs' })}</p>
              <ul class="needs">
                ${missing.map((types) => html`<li>${types.map(label).join(' / ')}</li>`)}
              </ul>`
          : nothing
      }
      <ul class="documents" part="documents">
        ${this.host.documents().map(
          (d) =>
            html`<li class="document">
              <span><bdi>${d.fileName}</bdi> — ${label(d.type)} (${size(d.sizeBytes)})</span>
              <button type="button" class="link" @click=${() => void this.remove(d)}>
                ${msg('Remove', { id: 'wizard.remove' })}
                <span class="visually-hidden"><bdi>${d.fileName}</bdi></span>
              </button>
            </li>`,
        )}
        ${this.uploads.map(
          (u) =>
            html`<li class="document ${u.state}">
              <span><bdi>${u.file.name}</bdi> — ${label(u.type)}</span>
              ${
                u.state === 'uploading'
                  ? html`<progress aria-label=${this.#uploading(u.file.name)}></progress>`
                  : html`<span class="error"
                        >${msg('Not uploaded.', { id: 'wizard.documents.not-uploaded' })}</span
                      >
                      <button type="button" class="secondary" @click=${() => void this.#send(u)}>
                        ${msg('Try again', { id: 'problem.retry' })}
                        <span class="visually-hidden"><bdi>${u.file.name}</bdi></span>
                      </button>
                      <button
                        type="button"
                        class="link"
                        @click=${() => {
                          this.uploads = this.uploads.filter((x) => x !== u);
                          this.element.requestUpdate();
                        }}
                      >
                        ${msg('Remove', { id: 'wizard.remove' })}
                        <span class="visually-hidden"><bdi>${u.file.name}</bdi></span>
                      </button>`
              }
            </li>`,
        )}
      </ul>
      <div class="field ${this.error ? 'invalid' : ''}" part="field" data-checked=${this.checked}>
        <label class="label" for="f-document-type"
          >${msg('Type of document', { id: 'wizard.documents.type' })}</label
        >
        <select
          id="f-document-type"
          @change=${(e: Event) => (this.type = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!this.type}>
            ${msg('Choose…', { id: 'wizard.choose' })}
          </option>
          ${types.map(
            (t) => html`<option value=${t} ?selected=${t === this.type}>${label(t)}</option>`,
          )}
        </select>
        <label class="label" for="f-documents"
          >${msg('File', { id: 'wizard.documents.file' })}</label
        >
        <p class="hint" id="f-documents-hint">
          ${msg(str`A PDF, JPEG or PNG file of at most ${max} MB.`, {
            id: 'wizard.documents.hint',
          })}
        </p>
        ${errorLine('f-documents', this.error)}
        <input
          type="file"
          id="f-documents"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-describedby=${this.error ? 'f-documents-hint f-documents-error' : 'f-documents-hint'}
          aria-invalid=${this.error ? 'true' : 'false'}
        />
        <button
          type="button"
          class="secondary upload"
          @click=${(e: Event) => {
            const input = (e.target as HTMLElement)
              .closest('.field')
              ?.querySelector<HTMLInputElement>('#f-documents');
            void this.add(input?.files?.[0]).then(() => {
              if (input && !this.error) input.value = '';
            });
          }}
        >
          ${msg('Upload the file', { id: 'wizard.documents.upload' })}
        </button>
      </div>
    `;
  }
}
