import {
  EServicesError,
  isEServicesError,
  type EServicesClient,
  type Material,
} from '@iq-eservices/api';

/** Where a material's download stands. */
export type DownloadState =
  | { phase: 'downloading'; received: number; total: number }
  /** The connection dropped; what arrived is kept, and the download goes on from there. */
  | { phase: 'interrupted'; received: number; total: number; error: unknown }
  /**
   * Every byte arrived and matched the checksum: the file, and the material as it is now (a new
   * version if one was published during the download).
   */
  | { phase: 'done'; file: Blob; material: Material }
  /** Every byte arrived, but they are not the file the ministry published: nothing is kept. */
  | { phase: 'corrupt' }
  | { phase: 'cancelled' };

/** The SHA-256 of `bytes`, lowercase hex. */
export async function sha256(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Downloads a material's file through the client (its session, request ids, language), keeping
 * what arrives: when the connection drops, the next attempt asks only for the rest (`Range:
 * bytes=N-` with `If-Range: <ETag>`); an answer of the whole file (`200`: a new version was
 * published meanwhile) starts over, so that two versions are never mixed. At the end the bytes are
 * checked against the material's SHA-256.
 *
 * Attempts: the first, then up to `retries` more after a dropped connection (the signal's abort
 * cancels). `onState` hears every change (progress at each chunk).
 */
export async function downloadMaterial(
  client: EServicesClient,
  material: Material,
  options: {
    signal: AbortSignal;
    onState: (state: DownloadState) => void;
    retries?: number;
    /** Waits before a retry (default: until the browser is online). */
    beforeRetry?: () => Promise<void>;
  },
): Promise<DownloadState> {
  const { signal, onState, retries = 3 } = options;
  let current = material;
  let total = material.size;
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  let etag: string | undefined;
  const end = (state: DownloadState): DownloadState => {
    onState(state);
    return state;
  };
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) return end({ phase: 'cancelled' });
    onState({ phase: 'downloading', received, total });
    try {
      const header: Record<string, string> = {};
      if (received > 0 && etag) {
        header['Range'] = `bytes=${received}-`;
        header['If-Range'] = etag;
      }
      const { data, response, error } = await client.education.GET('/materials/{materialId}/file', {
        params: { path: { materialId: material.id }, header },
        parseAs: 'stream',
        signal,
      });
      if (error !== undefined || !data) throw EServicesError.fromResponse(response, error);
      if (response.status === 200) {
        // The whole file: the first answer, or — after a resume — a new version published
        // meanwhile (its ETag no longer matched): from the start, checked against its own checksum.
        if (etag && response.headers.get('ETag') !== etag)
          current = await latest(client, current, signal);
        total = current.size;
        parts = [];
        received = 0;
      }
      etag = response.headers.get('ETag') ?? undefined;
      const reader = data.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.length;
        onState({ phase: 'downloading', received, total });
      }
      const file = new Blob(parts, { type: current.mediaType });
      const bytes = new Uint8Array(await file.arrayBuffer());
      if ((await sha256(bytes)) !== current.checksum.value) return end({ phase: 'corrupt' });
      return end({ phase: 'done', file, material: current });
    } catch (error) {
      if (signal.aborted) return end({ phase: 'cancelled' });
      // A refusal (404, 401…) is not a dropped connection: no retry.
      if (isEServicesError(error) && error.status !== 0) throw error;
      onState({ phase: 'interrupted', received, total, error });
      if (attempt >= retries) {
        throw isEServicesError(error)
          ? error
          : new EServicesError({
              status: 0,
              code: 'network.error',
              requestId: undefined,
              retryable: true,
              cause: error,
            });
      }
      await (options.beforeRetry?.() ?? untilOnline(signal));
    }
  }
}

/** The material as its course lists it now (its new version's size and checksum). */
async function latest(
  client: EServicesClient,
  material: Material,
  signal: AbortSignal,
): Promise<Material> {
  const { data, error, response } = await client.education.GET('/courses/{courseId}/materials', {
    params: { path: { courseId: material.courseId }, query: { limit: 50 } },
    signal,
  });
  if (error !== undefined || !data) throw EServicesError.fromResponse(response, error);
  return data.items.find((m) => m.id === material.id) ?? material;
}

/** Resolves now if the browser is online, else when it is again (or the signal aborts). */
function untilOnline(signal: AbortSignal): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    window.addEventListener('online', done);
    signal.addEventListener('abort', done);
  });
}

/** The Cache Storage cache of saved materials. */
export const OFFLINE_CACHE = 'iq-classroom-v1';

/** What the device keeps of a saved material. */
export interface SavedMaterial {
  id: string;
  version: number;
  size: number;
  mediaType: string;
}

/**
 * Materials kept for offline use, in Cache Storage (`iq-classroom-v1`): each under a key of its
 * own (not a real address: `…/__iq-classroom/<id>`), with its version and checksum. Nothing else of
 * the student is kept.
 */
export const offlineStore = {
  available: (): boolean => typeof caches !== 'undefined',

  key(id: string): string {
    return new URL(`/__iq-classroom/${encodeURIComponent(id)}`, location.origin).href;
  },

  async save(material: Material, file: Blob): Promise<void> {
    const cache = await caches.open(OFFLINE_CACHE);
    await cache.put(
      offlineStore.key(material.id),
      new Response(file, {
        headers: {
          'Content-Type': material.mediaType,
          'Content-Length': String(file.size),
          'X-Iq-Version': String(material.version),
        },
      }),
    );
  },

  async open(id: string): Promise<Blob | undefined> {
    if (!offlineStore.available()) return undefined;
    const cache = await caches.open(OFFLINE_CACHE);
    return (await cache.match(offlineStore.key(id)))?.blob();
  },

  async list(): Promise<SavedMaterial[]> {
    if (!offlineStore.available()) return [];
    const cache = await caches.open(OFFLINE_CACHE);
    const saved: SavedMaterial[] = [];
    for (const request of await cache.keys()) {
      const id = decodeURIComponent(new URL(request.url).pathname.split('/').pop() ?? '');
      const response = await cache.match(request);
      if (!response) continue;
      saved.push({
        id,
        version: Number(response.headers.get('X-Iq-Version') ?? 1),
        size: Number(response.headers.get('Content-Length') ?? 0),
        mediaType: response.headers.get('Content-Type') ?? 'application/octet-stream',
      });
    }
    return saved;
  },

  async remove(id: string): Promise<void> {
    if (!offlineStore.available()) return;
    await (await caches.open(OFFLINE_CACHE)).delete(offlineStore.key(id));
  },

  async clear(): Promise<void> {
    if (offlineStore.available()) await caches.delete(OFFLINE_CACHE);
  },
};
