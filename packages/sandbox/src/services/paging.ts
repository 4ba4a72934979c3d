import { fieldErrorDetail } from '../messages.js';
import type { OperationContext } from '../types.js';

// A cursor names how many items the previous pages held; opaque to clients (base64url).
function encodeCursor(offset: number): string {
  return btoa(`o:${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): number | null {
  try {
    const match = /^o:([0-9]{1,6})$/.exec(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * One page of `items` as the contracts' lists answer it (`{ items, page, total }`), from the
 * request's `cursor` and `limit` (default `defaultLimit`); a cursor no list gave: 422
 * (`/query/cursor`).
 */
export function pageOf<T>(ctx: OperationContext, items: readonly T[], defaultLimit = 12): Response {
  const limit = (ctx.query['limit'] as number | undefined) ?? defaultLimit;
  const cursor = ctx.query['cursor'] as string | undefined;
  const offset = cursor === undefined ? 0 : decodeCursor(cursor);
  if (offset === null) {
    return ctx.problem(422, 'validation.failed', {
      errors: [
        {
          pointer: '/query/cursor',
          code: 'invalid',
          detail: fieldErrorDetail('invalid', ctx.lang),
        },
      ],
    });
  }
  const slice = items.slice(offset, offset + limit);
  const next = offset + slice.length;
  return ctx.json(200, {
    items: slice,
    page: { nextCursor: next < items.length ? encodeCursor(next) : null, limit },
    total: items.length,
  });
}
