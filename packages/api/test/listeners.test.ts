import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { json, problem, testClient, type Step } from './fake-fetch.js';

const card = { cardNumber: '1234567' };

/**
 * Counts the abort listeners the client's own code (the pipeline module) adds to any signal —
 * the caller's, or the one a `Request` derives from it — and has not removed. Node's `Request`
 * listens too (removed when the request is collected): those are not counted.
 */
function pipelineListeners(): { held: () => number; restore: () => void } {
  const held = new Set<unknown>();
  const proto = AbortSignal.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  proto.addEventListener = function (this: AbortSignal, ...args: Parameters<typeof add>) {
    // The frame that called addEventListener: the pipeline itself, not code it called.
    const caller = new Error().stack?.split('\n')[2] ?? '';
    if (args[0] === 'abort' && /[/\\]pipeline\.[tj]s/.test(caller)) held.add(args[1]);
    add.apply(this, args);
  };
  proto.removeEventListener = function (this: AbortSignal, ...args: Parameters<typeof remove>) {
    if (args[0] === 'abort') held.delete(args[1]);
    remove.apply(this, args);
  };
  return {
    held: () => held.size,
    restore: () => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    },
  };
}

describe('a long-lived AbortSignal', () => {
  test('keeps no listener of the client after 10 000 calls, retried ones included', async (t) => {
    const controller = new AbortController();
    const { held, restore } = pipelineListeners();
    t.after(restore);
    const calls = 10_000;
    // Every fourth call is answered 503 first: its retry goes through the real backoff sleep
    // (0 ms here), which listens to the signal while it waits.
    const steps: Step[] = [];
    for (let i = 0; i < calls; i++) {
      if (i % 4 === 0) steps.push(problem(503, 'service.unavailable'));
      steps.push(json(200, card));
    }
    const { client, server } = testClient(steps, { retry: { baseDelayMs: 0 }, sleep: undefined });
    for (let i = 0; i < calls; i++) {
      const { response } = await client.rationCard.GET('/card', { signal: controller.signal });
      assert.equal(response.status, 200);
    }
    assert.equal(server.remaining(), 0);
    assert.equal(held(), 0);
  });

  test('still aborts the attempt in flight when it fires', async () => {
    const controller = new AbortController();
    const { client, server } = testClient([
      json(200, card),
      (request) =>
        new Promise((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
          queueMicrotask(() => controller.abort());
        }),
    ]);
    await client.rationCard.GET('/card', { signal: controller.signal });
    const error: unknown = await client.rationCard
      .GET('/card', { signal: controller.signal })
      .catch((e: unknown) => e);
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(server.received[1]?.request.signal.aborted, true);
  });
});
