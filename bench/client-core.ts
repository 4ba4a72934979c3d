// The client's overhead, measured the same way in Node (bench/client.ts) and in Chromium
// (bench/client-page.ts, from scripts/bench.mjs): `createEServicesClient(…).rationCard
// .GET('/card')` against bare openapi-fetch `createClient(…).GET('/card')`, on the same stubbed
// fetch, interleaved in one process. The client keeps everything on: retries (2), the per-attempt
// timeout (15 s), request ids, `Accept-Language`, the idempotency check, cookie credentials. The
// stub answers the benchmark's ration card (bench/data.ts) as JSON, as a server would; no network.
import createClient from 'openapi-fetch';
import { createEServicesClient, type RationCardTypes } from '@iq-eservices/api';
import { BENCH_DATA } from './data.js';

/** What one run measures, and where its report goes. */
export interface ClientBenchOptions {
  /** Sequential calls per round. */
  calls: number;
  /** Measured rounds (after 3 warm-up rounds), interleaved. */
  rounds: number;
  /** Where the run happens, for the report's first line (`Node 20.20.2`, `Chromium 156…`). */
  runtime: string;
  /** Takes each line of the report. */
  print: (line: string) => void;
  /**
   * Also measures real calls, with the platform's own fetch, to this base URL: a server on the
   * same machine that answers `GET <base>/ration-card/v1/card` with the benchmark's card.
   */
  network?: { baseUrl: string; calls: number };
  /**
   * Runs only the comparison of this index (the table's heading comes with the first), so that
   * each can run in a page of its own: in one page, the garbage of one comparison is collected
   * during the next.
   */
  only?: number;
}

type Call = () => Promise<{ data?: unknown; error?: unknown }>;

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Runs the comparisons and prints their table; resolves to how many comparisons there are. */
export async function clientBench({
  calls,
  rounds,
  runtime,
  print,
  network,
  only,
}: ClientBenchOptions): Promise<number> {
  const platformFetch = globalThis.fetch;
  const BASE_URL = 'https://eservices.example.gov.iq/api';
  const body = JSON.stringify(BENCH_DATA.card);
  /** The one stub both clients call: a fresh JSON response per call, as a server gives. */
  const stub = (_request: Request): Promise<Response> =>
    Promise.resolve(
      new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );

  // Two set-ups, as integrators have them. The platform's fetch (no `fetch` option: the client
  // calls `fetch(request, { signal })`, as it does in browsers and Node), stood in for by the stub
  // installed as `globalThis.fetch` before either client is made; and a fetch of the host's (the
  // `fetch` option: its requests carry their signal, as a host's fetch may not pass a second
  // argument on).
  globalThis.fetch = stub as typeof fetch;
  const platform = {
    ours: createEServicesClient({ baseUrl: BASE_URL, locale: 'ar' }),
    bare: createClient<RationCardTypes.paths>({ baseUrl: `${BASE_URL}/ration-card/v1` }),
  };
  const hosts = {
    ours: createEServicesClient({ baseUrl: BASE_URL, fetch: stub, locale: 'ar' }),
    bare: createClient<RationCardTypes.paths>({
      baseUrl: `${BASE_URL}/ration-card/v1`,
      fetch: stub,
    }),
  };

  /** Milliseconds for `n` sequential calls (each checked: a failed call ends the bench). */
  async function time(call: Call, n: number): Promise<number> {
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const { data } = await call();
      if (data === undefined) throw new Error('a call failed');
    }
    return performance.now() - start;
  }

  /** Median µs per call of each, interleaved (which goes first alternates), after a warm-up. */
  async function compare(a: Call, b: Call, n = calls): Promise<[number, number]> {
    for (let i = 0; i < 3; i++) {
      await time(a, n);
      await time(b, n);
    }
    const ta: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < rounds; i++) {
      if (i % 2) {
        tb.push(await time(b, n));
        ta.push(await time(a, n));
      } else {
        ta.push(await time(a, n));
        tb.push(await time(b, n));
      }
    }
    return [(median(ta) / n) * 1000, (median(tb) / n) * 1000];
  }

  const row = (name: string, [usOurs, usBare]: [number, number]): void =>
    print(
      `| ${name} | ${usOurs.toFixed(1)} | ${usBare.toFixed(1)} | ${(usBare / usOurs).toFixed(2)}× |`,
    );

  /** A comparison: its name, the two calls, calls a round, and the platform's fetch it runs on. */
  type Case = [name: string, ours: Call, bare: Call, n: number, fetch: typeof globalThis.fetch];
  const stubbed = stub as typeof fetch;
  const cases: Case[] = [platform, hosts].flatMap(({ ours, bare }) => {
    const where = ours === platform.ours ? "the platform's fetch" : "a host's fetch";
    return [
      [
        `GET /card, ${where}`,
        () => ours.rationCard.GET('/card'),
        () => bare.GET('/card'),
        calls,
        stubbed,
      ],
      // As the elements call: a new AbortController per call (aborted when the element goes away).
      [
        `GET /card with its own AbortSignal, ${where}`,
        () => ours.rationCard.GET('/card', { signal: new AbortController().signal }),
        () => bare.GET('/card', { signal: new AbortController().signal }),
        calls,
        stubbed,
      ],
    ] satisfies Case[];
  });
  if (network) {
    // Real calls: the platform's own fetch, to a server on this machine. What the stub leaves out
    // is in: the request the platform's fetch makes (from openapi-fetch's request, or from the URL
    // and init the client gives it), the signal it follows, the connection and the server's answer.
    const ours = createEServicesClient({ baseUrl: network.baseUrl, locale: 'ar' });
    const bare = createClient<RationCardTypes.paths>({
      baseUrl: `${network.baseUrl}/ration-card/v1`,
      fetch: (request) => platformFetch(request),
      credentials: 'include',
    });
    cases.push([
      `GET /card over HTTP to this machine, the platform's fetch (${network.calls} calls a round)`,
      () => ours.rationCard.GET('/card'),
      () => bare.GET('/card'),
      network.calls,
      platformFetch,
    ]);
  }

  if (only === undefined || only === 0) {
    print(
      `${runtime}, ${rounds} rounds of ${calls} calls (+3 warm-up), interleaved; ` +
        'stubbed fetch answering a ration card (JSON).',
    );
    print('');
    print('| call | createEServicesClient (µs) | bare openapi-fetch (µs) | calls/s vs bare |');
    print('|---|---:|---:|---:|');
  }
  for (const [i, [name, ours, bare, n, platformOfCase]] of cases.entries()) {
    if (only !== undefined && i !== only) continue;
    globalThis.fetch = platformOfCase;
    row(name, await compare(ours, bare, n));
  }
  return cases.length;
}
