import assert from 'node:assert/strict';
import {
  createSandbox,
  createSandboxFetch,
  SANDBOX_OTP,
  type Sandbox,
  type SandboxOptions,
} from '../src/index.js';

/** The sandbox clock starts here in tests: the seeded data is written around this day. */
export const START = new Date('2026-11-25T09:00:00Z');
export const BASE_URL = 'http://sandbox.localhost';

/** A manual clock: time moves only when a test moves it. */
export interface ManualClock {
  now(): Date;
  advance(ms: number): void;
  set(date: Date): void;
}

/** Options of {@link TestSandbox.request}. */
export interface RequestOptions {
  method?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** An in-process sandbox for one test. */
export interface TestSandbox {
  sandbox: Sandbox;
  /** The in-process fetch (with its own cookie jar). */
  fetch: typeof fetch;
  clock: ManualClock;
  /** `fetch` with a path, JSON helper and extra headers (e.g. from {@link signIn}). */
  request(path: string, options?: RequestOptions): Promise<Response>;
}

export function manualClock(start = START): ManualClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}

/** A fresh in-process sandbox with a manual clock, validating every response against the contracts. */
export function createTestSandbox(options: SandboxOptions = {}): TestSandbox {
  const clock = manualClock();
  const sandbox = createSandbox({
    clock: clock.now,
    validateResponses: true,
    hangMs: 2000,
    ...options,
  });
  const fetch = createSandboxFetch(sandbox, { baseUrl: BASE_URL });
  const request = (
    path: string,
    { method = 'GET', json, body, headers = {} }: RequestOptions = {},
  ) =>
    fetch(`${BASE_URL}${path}`, {
      method,
      body: json !== undefined ? JSON.stringify(json) : body,
      headers: json !== undefined ? { 'Content-Type': 'application/json', ...headers } : headers,
    });
  return { sandbox, fetch, clock, request };
}

/** A signed-in caller: headers to add to each request, and a request function that adds them. */
export interface SignedIn {
  headers: Record<string, string>;
  request(path: string, options?: RequestOptions): Promise<Response>;
}

/**
 * Signs a citizen in through the identity contract (start → verify with the sandbox code). In
 * cookie mode the in-process jar holds the cookie and the CSRF token goes in `headers`; in bearer
 * mode `headers` carries `Authorization`.
 */
export async function signIn(
  env: TestSandbox,
  citizenId = 'cit_01',
  mode: 'cookie' | 'bearer' = 'cookie',
): Promise<SignedIn> {
  const citizen = env.sandbox.citizens.find((c) => c.id === citizenId);
  assert.ok(citizen, `no sandbox citizen ${citizenId}`);
  const started = await env.request('/identity/v1/sign-in', {
    method: 'POST',
    json: { method: 'national-id', nationalId: citizen.nationalId },
  });
  assert.equal(started.status, 201, await started.clone().text());
  const { challengeId } = (await started.json()) as { challengeId: string };
  const verified = await env.request(`/identity/v1/sign-in/${challengeId}/verify`, {
    method: 'POST',
    json: { code: SANDBOX_OTP, mode },
  });
  assert.equal(verified.status, 200, await verified.clone().text());
  const session = (await verified.json()) as { accessToken?: string };
  const headers: Record<string, string> =
    mode === 'bearer'
      ? { Authorization: `Bearer ${session.accessToken}` }
      : { 'X-CSRF-Token': verified.headers.get('x-csrf-token') ?? '' };
  return {
    headers,
    request: (path, options = {}) =>
      env.request(path, { ...options, headers: { ...headers, ...options.headers } }),
  };
}

/** Fails when any response so far did not match its contract. */
export function assertNoViolations(sandbox: Sandbox): void {
  assert.deepEqual(sandbox.violations, [], 'every response matches its contract');
}

/** Reads a problem+json body, asserting the media type. */
export async function problemOf(response: Response): Promise<{
  code: string;
  status: number;
  title: string;
  errors?: { pointer: string; code: string; detail: string }[];
  [key: string]: unknown;
}> {
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  return (await response.json()) as never;
}

/** Sample files by their first bytes, as the sandbox checks them (a real 1×1 PNG, a minimal PDF…). */
export const SAMPLE_FILES = {
  png: Uint8Array.from(
    atob(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    ),
    (c) => c.charCodeAt(0),
  ),
  pdf: new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
  jpeg: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
  /** A Windows executable's header (`MZ`), to be renamed as a document. */
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00]),
};

/** The multipart body of a document upload (`common.yaml#/components/schemas/DocumentUpload`). */
export function documentForm(
  type: string,
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  contentType: string,
): FormData {
  const form = new FormData();
  form.append('type', type);
  form.append('file', new File([bytes], fileName, { type: contentType }));
  return form;
}

/** A fresh sandbox with a citizen signed in (cookie mode). */
export async function signedInSandbox(
  citizenId = 'cit_01',
  options: SandboxOptions = {},
): Promise<{ env: TestSandbox; me: SignedIn }> {
  const env = createTestSandbox(options);
  return { env, me: await signIn(env, citizenId) };
}
