import type { ReactiveController } from 'lit';
import { msg } from '@lit/localize';
import type { EServicesClient, SupportingDocument } from '@iq-eservices/api';
import type { Announcer } from '../core/announcer.js';
import { forgetCount, localCitizen } from '../core/local-data.js';
import { RequestController, type RequestHost } from '../core/request.js';
import type { IqLoginEvent, IqLogoutEvent } from '../login/events.js';
import {
  DraftStore,
  type DraftCalls,
  type LocalDraft,
  type SaveOutcome,
  type ServerDraft,
} from './draft-store.js';
import { sameAnswers, type Answers, type FlowContext, type WizardFlow } from './engine.js';
import { IqDraftSavedEvent } from './events.js';

/** The notice shown, and announced, while answers wait on this device for the connection. */
export const offlineNotice = () =>
  msg(
    'No connection to the service: your answers are kept on this device and sent later. You can go on.',
    { id: 'wizard.offline' },
  );

/** What the session asks of its element. */
export interface SessionEvents {
  /** Drop everything the element holds of the citizen (signed out, or another citizen). */
  forget(): void;
  /** Start again (signed in after the element forgot the citizen, or moved in the page). */
  start(): void;
  /** The server refused a save: a newer draft from another device, or answers to correct. */
  refused(outcome: Extract<SaveOutcome, { kind: 'conflict' | 'invalid' }>): void;
}

/** What resuming found: the answers and step to show, the draft's documents, a choice to make. */
export interface Resumed {
  answers: Answers | null;
  step: string | null;
  documents: SupportingDocument[];
  /** The server's draft changed on another device, with other answers. */
  conflict: ServerDraft | null;
  /** A submission was sent and its answer lost: send it again, with the same key. */
  resubmit?: boolean;
}

/**
 * The citizen's session with the wizard's draft: the draft store of the flow in force, saving
 * (announced, `iq-draft-saved`, kept on this device and sent again later when the server cannot
 * be reached), resuming a draft (this tab's copy against the server's), and what the page says
 * about the session: `online`, `iq-login`, `iq-logout` and `iq-auth-required` (listened to while
 * the element is on the page), the retry timer (stopped when it leaves), and coming back to the
 * page after a sign-out or another citizen's sign-in.
 */
export class WizardSession implements ReactiveController {
  /** How long before a draft kept on this device is sent again (tests shorten it). */
  static retryDelayMs = 15_000;

  /** The draft of the flow in force (a new one on each start). */
  store!: DraftStore;
  /** The session ended: answers stay in memory, nothing is written to the tab. */
  signedOut = false;
  /** The last save reached only this device. */
  savedLocally = false;
  /** The opaque id of the citizen whose answers the element holds (null: not known yet). */
  citizen: string | null = null;
  /** {@link forgetCount} when the element last started: it changes when the tab's data was forgotten. */
  forgotten = 0;
  /** Start again on the next `iq-login` (the element forgot the citizen, or never knew one). */
  restart = false;
  readonly #saves: RequestController;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: RequestHost,
    client: () => EServicesClient | undefined,
    private readonly announcer: Announcer,
    private readonly on: SessionEvents,
  ) {
    host.addController(this);
    // A save goes on when the element leaves: what it learns is not written (DraftStore.close).
    this.#saves = new RequestController(host, client, { abortOnDisconnect: false });
  }

  /** A new draft store for `flow`, read from this tab's copy. */
  open(flow: WizardFlow, firstStep: string): DraftStore {
    clearTimeout(this.#timer);
    this.restart = false;
    this.citizen = localCitizen();
    this.forgotten = forgetCount();
    // Nothing is written to the tab while the session is over.
    return (this.store = new DraftStore(flow, firstStep, () => !this.signedOut));
  }

  /**
   * Resumes the draft into `found` (which starts from this tab's copy `local`): the tab's draft
   * checked against the server's (sent, changed elsewhere), else the citizen's latest open draft
   * (of `kind`). Throws the client's error, leaving in `found` what was learnt before it.
   */
  async resume(
    calls: DraftCalls,
    local: LocalDraft | null,
    found: Resumed,
    kind: string | undefined,
    context: () => FlowContext,
  ): Promise<void> {
    const store = this.store;
    const flow = store.flow;
    if (local?.requestId) {
      const server = await calls.get(local.requestId);
      // A submission was sent and its answer lost (reload during submit): the same key again
      // gives the same receipt, never a second request.
      if (local.submitKey && (local.submitting || server.status !== 'draft'))
        return void (found.resubmit = true);
      if (server.status !== 'draft') {
        store.clear(found.step ?? '');
        found.answers = found.step = null;
      } else {
        found.documents = server.documents;
        if (server.version > (local.version ?? 0)) {
          if (sameAnswers(server.answers, flow.toBody(local.answers)))
            store.update({ version: server.version });
          else found.conflict = server;
        }
      }
    }
    if (found.answers) return;
    const draft = (await calls.list()).items.find(
      (d) => d.status === 'draft' && (!kind || d.kind === kind),
    );
    if (!draft) return;
    const answers = (found.answers = flow.fromBody(draft.answers, draft.kind, context()));
    // Where the citizen was when it was last saved, here or on another device.
    found.step = draft.resumeStep ?? null;
    found.documents = draft.documents;
    store.update({
      requestId: draft.id,
      version: draft.version,
      kind: draft.kind,
      answers,
      dirty: false,
    });
  }

  /**
   * Saves the draft (with where the citizen goes next, when moving on). Saved: announced. Not
   * reachable (offline, timeout, 5xx, signed out): kept on this device, announced, and sent again
   * by a timer, `online`, the next save or `iq-login`. Refused: `on.refused`. Resolves to false
   * when the citizen must stay (a conflict, answers refused).
   */
  async save(resumeStep?: string): Promise<boolean> {
    const store = this.store;
    const outcome = await store.save(this.#saves, resumeStep);
    const saved = outcome.kind === 'saved';
    if (outcome.kind === 'conflict' || outcome.kind === 'invalid') {
      this.on.refused(outcome);
      return false;
    }
    if (saved) this.signedOut = false;
    this.savedLocally = !saved;
    this.announcer.announce(saved ? msg('Saved.', { id: 'wizard.saved' }) : offlineNotice());
    this.host.dispatchEvent(
      new IqDraftSavedEvent(store.local.requestId, store.local.version, saved ? 'server' : 'local'),
    );
    clearTimeout(this.#timer);
    if (!saved) this.#timer = setTimeout(() => void this.flush(), WizardSession.retryDelayMs);
    return true;
  }

  /** Sends a draft kept on this device again (when there is one and the session is alive). */
  async flush(): Promise<void> {
    if (this.store?.local.dirty && !this.signedOut) await this.save();
  }

  /** Signed in (again) as the same citizen: the answers go back to the tab's copy, and out. */
  resumeSession(): void {
    if (Object.keys(this.store?.local.answers ?? {}).length) this.store.update({});
    void this.flush();
  }

  /** The citizen's answers are forgotten: the tab's copy, the timer, who it was. */
  end(firstStep: string): void {
    this.store?.clear(firstStep);
    clearTimeout(this.#timer);
    this.citizen = null;
    this.savedLocally = false;
    this.restart = true;
  }

  /** Submitted: the tab's copy goes, nothing is sent again. */
  done(firstStep: string): void {
    this.store.clear(firstStep);
    clearTimeout(this.#timer);
  }

  readonly #onOnline = () => void this.flush();

  readonly #onLogin = (event: IqLoginEvent) => {
    // Another citizen: nothing of the previous one may show, not even what the element holds.
    if (this.citizen && this.citizen !== event.user.id) this.on.forget();
    this.citizen = event.user.id;
    this.signedOut = false;
    this.host.requestUpdate();
    if (this.restart) this.on.start();
    else this.resumeSession();
  };

  /** `iq-logout` (any reason) or a 401 anywhere on the page: the session is over. */
  readonly #onLogout = (event: Event) => {
    this.signedOut = true;
    this.host.requestUpdate();
    // Signing out on a shared phone must leave nothing behind, in the tab or in the element.
    // After a timeout the answers stay in memory for the same citizen (the tab's copy is gone).
    if ((event as IqLogoutEvent).reason === 'user') this.on.forget();
  };

  /** @internal */
  hostConnected(): void {
    addEventListener('online', this.#onOnline);
    document.addEventListener('iq-login', this.#onLogin);
    document.addEventListener('iq-logout', this.#onLogout);
    document.addEventListener('iq-auth-required', this.#onLogout);
    const store = this.store as DraftStore | undefined;
    if (!store) return;
    // Moved in the page: it goes on with what it holds — unless, while it was away, the citizen
    // signed out or another one signed in (it heard nothing then; the tab's data tells).
    const owner = localCitizen();
    if (forgetCount() !== this.forgotten || (owner && owner !== this.citizen)) {
      this.on.forget();
      this.on.start();
    } else {
      store.close(false);
      // Its citizen is no longer signed in: the session ended meanwhile.
      if (this.citizen) this.signedOut = !owner;
      this.resumeSession();
    }
  }

  /** @internal */
  hostDisconnected(): void {
    removeEventListener('online', this.#onOnline);
    document.removeEventListener('iq-login', this.#onLogin);
    document.removeEventListener('iq-logout', this.#onLogout);
    document.removeEventListener('iq-auth-required', this.#onLogout);
    clearTimeout(this.#timer);
    this.store?.close();
  }
}
