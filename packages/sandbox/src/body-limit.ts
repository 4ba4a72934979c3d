import { UPLOAD_POLICY } from './drafts.js';

/** The largest JSON body any operation accepts (the largest real one, a full draft, is ~10 KiB). */
export const JSON_BODY_LIMIT = 64 * 1024;

/**
 * What a multipart upload adds around its file: boundaries, part headers, the file name and the
 * `type` field. An upload body may be the upload policy's `maxBytes` plus this.
 */
export const MULTIPART_OVERHEAD = 64 * 1024;

/** The largest upload body (`common.yaml#/components/responses/ContentTooLarge`). */
export const UPLOAD_BODY_LIMIT = UPLOAD_POLICY.maxBytes + MULTIPART_OVERHEAD;

/** A body over its limit: answered 413 `request.too-large`. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * Reads a request's body, at most `limit` bytes. A `Content-Length` over the limit is refused
 * before a byte is read; a body without one (chunked) is read until it passes the limit, and the
 * rest is left unread. Either way {@link BodyTooLarge} is thrown, so memory never holds more than
 * the limit (and one chunk).
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw new BodyTooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop pulling: the Node server then closes the connection instead of reading on.
      reader.cancel().catch(() => undefined);
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
