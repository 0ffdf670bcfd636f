import { operations } from '@feishu-task/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../src/index.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';
import { addCollaborators, removeCollaborator } from './helpers/inputs.js';

const base = { domain: 'http://feishu.test', auth: { tenantAccessToken: 't-static' } } as const;
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttling from the spec rate limits', () => {
  it('reads its quotas from the spec', () => {
    expect(operations.addTaskCollaborators.rateLimit).toEqual({ perMinute: 100, perSecond: null });
    expect(operations.removeTaskCollaborator.rateLimit).toEqual({ perMinute: 1000, perSecond: 50 });
  });

  it('addTaskCollaborators: 100 per minute, then one every 600 ms', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base, fetch: f.fetch });
    const calls = Array.from({ length: 103 }, () => client.addTaskCollaborators(addCollaborators));
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(599);
    expect(f.seen).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(1);
    expect(f.seen).toHaveLength(101);
    await vi.advanceTimersByTimeAsync(1200);
    expect(f.seen).toHaveLength(103);
    await Promise.all(calls);
  });

  it('removeTaskCollaborator: 50 per second as well as 1000 per minute', async () => {
    const f = fakeFetch(() => ok({}));
    const client = createClient({ ...base, fetch: f.fetch });
    const calls = Array.from({ length: 120 }, () => client.removeTaskCollaborator(removeCollaborator));
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(50);
    await vi.advanceTimersByTimeAsync(1000);
    expect(f.seen).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(400);
    expect(f.seen).toHaveLength(120);
    await Promise.all(calls);
  });

  it('keeps operations apart', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base, fetch: f.fetch });
    const a = Array.from({ length: 100 }, () => client.addTaskCollaborators(addCollaborators));
    const b = Array.from({ length: 10 }, () => client.removeTaskCollaborator(removeCollaborator));
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(110);
    await Promise.all([...a, ...b]);
  });

  it('throttle: false sends everything at once', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base, fetch: f.fetch, throttle: false });
    const calls = Array.from({ length: 150 }, () => client.addTaskCollaborators(addCollaborators));
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(150);
    await Promise.all(calls);
  });
});
