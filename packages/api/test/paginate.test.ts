import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isEServicesError, paginate, paginatePages, type RationCardTypes } from '../src/index.js';
import { json, problem, testClient } from './fake-fetch.js';

type DistributionMonth = RationCardTypes.components['schemas']['DistributionMonth'];

const month = (m: string): DistributionMonth => ({ month: m, items: [] });
const pages = [
  { items: [month('2026-11'), month('2026-10')], page: { nextCursor: 'c1', limit: 2 } },
  { items: [month('2026-09'), month('2026-08')], page: { nextCursor: 'c2', limit: 2 } },
  { items: [month('2026-07')], page: { nextCursor: null, limit: 2 } },
];

describe('paginate', () => {
  test('iterates the items of three pages in order, following nextCursor', async () => {
    const { client, server } = testClient(pages.map((p) => json(200, p)));
    const months: string[] = [];
    for await (const m of paginate((cursor) =>
      client.rationCard.GET('/card/distributions', { params: { query: { cursor } } }),
    )) {
      // The item type is inferred from the operation: `m.month` type-checks as a string.
      const typed: DistributionMonth = m;
      months.push(typed.month);
    }
    assert.deepEqual(months, ['2026-11', '2026-10', '2026-09', '2026-08', '2026-07']);
    assert.deepEqual(
      server.received.map((r) => new URL(r.url).searchParams.get('cursor')),
      [null, 'c1', 'c2'],
    );
  });

  test('paginatePages yields whole pages', async () => {
    const { client } = testClient(pages.map((p) => json(200, p)));
    const sizes: number[] = [];
    for await (const page of paginatePages((cursor) =>
      client.rationCard.GET('/card/distributions', { params: { query: { cursor, limit: 2 } } }),
    )) {
      sizes.push(page.items.length);
    }
    assert.deepEqual(sizes, [2, 2, 1]);
  });

  test('stopping early fetches no further page', async () => {
    const { client, server } = testClient(pages.map((p) => json(200, p)));
    for await (const m of paginate((cursor) =>
      client.rationCard.GET('/card/distributions', { params: { query: { cursor } } }),
    )) {
      if (m.month === '2026-10') break;
    }
    assert.equal(server.received.length, 1);
  });

  test('a failed page throws its EServicesError', async () => {
    const { client } = testClient([json(200, pages[0]), problem(404, 'not-found')]);
    const seen: string[] = [];
    const error: unknown = await (async () => {
      for await (const m of paginate((cursor) =>
        client.rationCard.GET('/card/distributions', { params: { query: { cursor } } }),
      )) {
        seen.push(m.month);
      }
    })().catch((e: unknown) => e);
    assert.deepEqual(seen, ['2026-11', '2026-10']);
    assert.ok(isEServicesError(error));
    assert.equal(error.code, 'not-found');
    assert.equal(error.status, 404);
  });
});
