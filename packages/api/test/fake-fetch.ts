// A scripted fetch for the client's tests: each call takes the next step of the script and records
// the request it received (with its body read as text), so tests assert what went on the wire.
import {
  createEServicesClient,
  type EServicesClient,
  type EServicesClientOptions,
} from '../src/index.js';
import type { PipelineOptions } from '../src/pipeline.js';

/** One scripted answer: a response, a thrown error, a function of the request, or a hang until aborted. */
export type Step = Response | Error | 'hang' | ((request: Request) => Response | Promise<Response>);

/** A request as the fake server received it. */
export interface Received {
  request: Request;
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

export interface ScriptedFetch {
  fetch: (request: Request) => Promise<Response>;
  received: Received[];
  /** Steps not consumed yet. */
  remaining: () => number;
}

export function scriptedFetch(steps: Step[]): ScriptedFetch {
  const queue = [...steps];
  const received: Received[] = [];
  return {
    received,
    remaining: () => queue.length,
    async fetch(request) {
      received.push({
        request,
        method: request.method,
        url: request.url,
        headers: new Headers(request.headers),
        body: request.body ? await request.clone().text() : '',
      });
      const step = queue.shift();
      if (step === undefined)
        throw new Error(`unscripted request ${request.method} ${request.url}`);
      if (step instanceof Error) throw step;
      if (step === 'hang') {
        return new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        });
      }
      return typeof step === 'function' ? step(request) : step;
    },
  };
}

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A problem details response as the services send it. */
export function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `https://eservices.gov.iq/problems/${code}`,
      title: `title of ${code}`,
      status,
      code,
      requestId: 'req_server_0001',
      ...extra,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/** A TypeError like the one fetch throws when the network fails. */
export const networkFailure = (): TypeError => new TypeError('fetch failed');

export const BASE_URL = 'https://eservices.test/api';

export interface TestClient {
  client: EServicesClient;
  server: ScriptedFetch;
  /** Every backoff the client slept, in milliseconds. */
  sleeps: number[];
}

/**
 * A client on a scripted fetch, with a fixed random source (0.5 unless given), an instant sleep
 * that records its delays, and a fixed clock.
 */
export function testClient(
  steps: Step[],
  options: Partial<EServicesClientOptions> & Pick<PipelineOptions, 'random' | 'now' | 'sleep'> = {},
): TestClient {
  const server = scriptedFetch(steps);
  const sleeps: number[] = [];
  const full: PipelineOptions & EServicesClientOptions = {
    baseUrl: BASE_URL,
    fetch: server.fetch,
    random: () => 0.5,
    now: () => Date.parse('2026-11-20T10:00:00Z'),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  };
  return { client: createEServicesClient(full), server, sleeps };
}
