// Redaction lives in each client and in each call: 200,000 distinct user tokens leave no trace in memory
// and do not add work to building an error.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/index.js';
import { addCollaborators } from './helpers/inputs.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
// Responses are tracked by a FinalizationRegistry in undici: let its callbacks run between collections.
const heap = async () => {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return process.memoryUsage().heapUsed;
};

describe('redaction in bounded memory', () => {
  it('200,000 distinct user tokens: heap growth under 1 MB, the same work per error, each token scrubbed from its error', async () => {
    // Every call fails with an answer that echoes the caller's token glued to a word, where no token
    // pattern sees it: only the call's own scrubbing can remove it.
    const fetch = (async (_url: string, init: RequestInit) => {
      const token = new Headers(init.headers).get('authorization')!.slice('Bearer '.length);
      return new Response(JSON.stringify({ code: 1470404, msg: `refused forX${token}` }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof globalThis.fetch;
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      throttle: false,
      fetch,
    });
    const call = (i: number) =>
      client.addTaskCollaborators(addCollaborators, { userAccessToken: `u-user-token-${i}` }).catch((e) => e);
    // The work of building one error, counted rather than timed: how many secrets are looked for in it.
    const lookups = async (i: number) => {
      const spy = vi.spyOn(String.prototype, 'includes');
      try {
        await call(i);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };

    const first = await call(0);
    expect(first.message).not.toContain('user-token-0');
    expect(first.message).toContain('[redacted]');
    // Warm-up: compiled code and caches settle before the heap is measured.
    for (let i = 0; i < 20_000; i += 1_000) await Promise.all(Array.from({ length: 1_000 }, (_, j) => call(1 + i + j)));
    const before = await lookups(30_000);
    const heap0 = await heap();
    for (let i = 0; i < 200_000; i += 1_000)
      await Promise.all(Array.from({ length: 1_000 }, (_, j) => call(100_000 + i + j)));
    const grown = (await heap()) - heap0;
    const after = await lookups(400_000);
    expect(grown).toBeLessThan(1024 * 1024);
    // Flat: the same lookups after 200,000 tokens as before them (a process-wide set would add one per token).
    expect(before).toBeGreaterThan(0);
    expect(after).toBe(before);
  }, 120_000);
});
