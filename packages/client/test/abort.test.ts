// A signal shared by many calls carries one listener of ours at most while they run, and none after.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MemoryQuotaStore } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';
import { addCollaborators } from './helpers/inputs.js';

describe('a shared AbortSignal', () => {
  it('50 concurrent calls: no MaxListenersExceededWarning, no listener left behind', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      let inFlight = 0;
      let mostInFlight = 0;
      let most = 0;
      const f = fakeFetch(async () => {
        most = Math.max(most, getEventListeners(controller.signal, 'abort').length);
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return ok({ collaborator: {} });
      });
      const client = createClient({
        domain: 'http://feishu.test',
        auth: { tenantAccessToken: 't-static' },
        quota: { store: new MemoryQuotaStore() },
        serializeTaskWrites: false,
        fetch: f.fetch,
      });
      await Promise.all(
        Array.from({ length: 50 }, () => client.addTaskCollaborators(addCollaborators, { signal: controller.signal })),
      );
      await new Promise((r) => setTimeout(r, 10));
      expect(mostInFlight).toBe(50);
      expect(most).toBe(1);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('aborting it stops every call that shares it', async () => {
    const controller = new AbortController();
    const f = fakeFetch(async (_r) => new Promise<Response>(() => {}));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      throttle: false,
      serializeTaskWrites: false,
      fetch: async (url, init) => {
        void f.fetch(url, init);
        return new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
        );
      },
    });
    const calls = Array.from({ length: 20 }, () =>
      client.addTaskCollaborators(addCollaborators, { signal: controller.signal }).catch((e) => e),
    );
    await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error('stop'));
    const errors = await Promise.all(calls);
    expect(errors.map((e) => e.name)).toEqual(Array(20).fill('FeishuAbortedError'));
    expect(errors.every((e) => e.outcomeUnknown === true)).toBe(true);
  });
});
