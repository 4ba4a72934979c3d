import { unwrap, type ApiResult, type DataOf } from './errors.js';

/** A page as every list operation returns it (`common.yaml#/components/schemas/PageInfo`). */
export interface Page<T = unknown> {
  /** The items of this page. */
  items: readonly T[];
  /** Where the next page starts; `nextCursor` is null on the last page. */
  page: {
    /** The cursor of the next page; null (or absent) on the last page. */
    nextCursor?: string | null;
  };
}

/** An openapi-fetch result whose data is a {@link Page}. */
export interface PageResult extends ApiResult {
  /** The page, on success. */
  data?: Page;
}

/** The item type of the pages a result holds. */
export type ItemOf<R> = DataOf<R> extends { items: readonly (infer I)[] } ? I : never;

/**
 * Every page of a list, in order: calls `fetchPage(undefined)`, then `fetchPage(nextCursor)` until
 * `nextCursor` is null. A failed page throws its {@link EServicesError}.
 */
export async function* paginatePages<R extends PageResult>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
): AsyncIterableIterator<DataOf<R>> {
  let cursor: string | undefined;
  do {
    const data = unwrap(await fetchPage(cursor));
    yield data;
    cursor = (data as Page).page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Every item of a list, across its pages; the item type is inferred from the operation.
 *
 * @example
 * for await (const month of paginate((cursor) =>
 *   client.rationCard.GET('/card/distributions', { params: { query: { cursor } } }),
 * )) { … }
 */
export async function* paginate<R extends PageResult>(
  fetchPage: (cursor: string | undefined) => Promise<R>,
): AsyncIterableIterator<ItemOf<R>> {
  for await (const data of paginatePages(fetchPage)) yield* (data as Page<ItemOf<R>>).items;
}
