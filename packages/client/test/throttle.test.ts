// Client-side quotas: read from the spec's x-feishu-rate-limit (generated into @feishu-task/types), kept
// exactly in every interval of each window's length, shared by the clients of one app.
import { errors, operations } from '@feishu-task/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeishuQuotaWaitError, FeishuTimeoutError, MemoryQuotaStore } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, isToken, json, ok, tokenAnswer } from './helpers/fake-fetch.js';
import { addCollaborators, validInputs } from './helpers/inputs.js';
import { busiest } from './helpers/quota-window.js';

const inputs = validInputs(1);
type Op = keyof typeof inputs;
const ops = Object.keys(inputs) as Op[];

let store: MemoryQuotaStore;
// Many calls to one task at once: the quota is under test here, not the one-at-a-time rule for a task.
const base = () =>
  ({
    domain: 'http://feishu.test',
    auth: { tenantAccessToken: 't-static' },
    quota: { store },
    serializeTaskWrites: false,
  }) as const;
beforeEach(() => {
  vi.useFakeTimers();
  store = new MemoryQuotaStore();
});
afterEach(() => vi.useRealTimers());

const fire = (client: ReturnType<typeof createClient>, op: Op, n: number) =>
  Array.from({ length: n }, () => (client[op] as (i: unknown) => Promise<unknown>)(inputs[op]));

describe('quotas from the spec rate limits', () => {
  it.each(ops)('reads its quotas from the spec: %s sends its documented burst, then waits', async (op) => {
    const { perMinute, perSecond } = operations[op].rateLimit;
    const burst = perSecond ?? perMinute!;
    const f = fakeFetch(() => ok({}));
    const calls = fire(createClient({ ...base(), fetch: f.fetch }), op, burst + 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(burst);
    await vi.advanceTimersByTimeAsync(perSecond ? 1_200 : 61_000);
    expect(f.seen).toHaveLength(burst + 5);
    await Promise.all(calls);
  });

  it.each([
    ['addTaskCollaborators', 250],
    ['addTasklistMembers', 2_100],
  ] as const)('%s: in every interval of each window, never more than the limit (any alignment)', async (op, n) => {
    const { perMinute, perSecond } = operations[op].rateLimit;
    const sent: number[] = [];
    const f = fakeFetch(() => {
      sent.push(Date.now());
      return ok({});
    });
    const client = createClient({ ...base(), fetch: f.fetch });
    // Calls arrive in uneven bursts at odd moments, not at window starts.
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < n; i += 70) {
      calls.push(...fire(client, op, Math.min(70, n - i)));
      await vi.advanceTimersByTimeAsync(337 + (i % 7) * 1_013);
    }
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await Promise.all(calls);
    expect(sent).toHaveLength(n);
    expect(busiest(sent, 60_000)).toBeLessThanOrEqual(perMinute!);
    expect(busiest(sent, 60_000)).toBeGreaterThan(perMinute! * 0.9);
    if (perSecond) expect(busiest(sent, 1_000)).toBeLessThanOrEqual(perSecond);
  });

  it('keeps operations apart: a full quota of one operation does not hold back another', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base(), fetch: f.fetch });
    const limit = operations.addTaskCollaborators.rateLimit.perMinute;
    const a = fire(client, 'addTaskCollaborators', limit + 1);
    const b = fire(client, 'removeTaskCollaborator', 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.calls('/collaborators/')).toHaveLength(10);
    expect(f.seen.filter((s) => s.method === 'POST')).toHaveLength(limit);
    await vi.advanceTimersByTimeAsync(61_000);
    await Promise.all([...a, ...b]);
  });

  it('clients of one app in one process share one quota; another app has its own', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const one = createClient({ ...base(), fetch: f.fetch });
    const two = createClient({ ...base(), fetch: f.fetch });
    const other = createClient({ ...base(), auth: { tenantAccessToken: 't-other-app' }, fetch: f.fetch });
    const calls = [...fire(one, 'addTaskCollaborators', 60), ...fire(two, 'addTaskCollaborators', 60)];
    const others = fire(other, 'addTaskCollaborators', 30);
    await vi.advanceTimersByTimeAsync(0);
    const by = (token: string) => f.seen.filter((s) => s.headers.get('authorization') === `Bearer ${token}`).length;
    expect(by('t-static')).toBe(operations.addTaskCollaborators.rateLimit.perMinute);
    expect(by('t-other-app')).toBe(30);
    await vi.advanceTimersByTimeAsync(61_000);
    await Promise.all([...calls, ...others]);
  });

  it('shares by default through the process store (no store option)', async () => {
    const f = fakeFetch((req) => (isToken(req) ? tokenAnswer('t-app-token') : ok({ collaborator: {} })));
    const auth = { appId: `cli_shared_${Math.random()}`, appSecret: 'secret-x' };
    const one = createClient({ domain: 'http://feishu.test', auth, fetch: f.fetch });
    const two = createClient({ domain: 'http://feishu.test', auth, fetch: f.fetch });
    const calls = [...fire(one, 'addTaskCollaborators', 70), ...fire(two, 'addTaskCollaborators', 70)];
    await vi.advanceTimersByTimeAsync(0);
    expect(f.calls('/collaborators')).toHaveLength(operations.addTaskCollaborators.rateLimit.perMinute);
    await vi.advanceTimersByTimeAsync(61_000);
    await Promise.all(calls);
  });

  it('maxWaitMs bounds the wait: FeishuQuotaWaitError, nothing sent for that call', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base(), quota: { store, maxWaitMs: 5_000 }, fetch: f.fetch });
    const calls = fire(client, 'addTaskCollaborators', 101).map((p) => p.catch((e) => e));
    await vi.advanceTimersByTimeAsync(5_001);
    const last: any = await calls.at(-1);
    expect(last).toBeInstanceOf(FeishuQuotaWaitError);
    expect(last.message).toMatch(/the request was not sent/);
    expect(f.seen).toHaveLength(100);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(f.seen).toHaveLength(100);
  });

  it('a deadline bounds the wait too; an aborted waiter leaves the line without sending', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base(), fetch: f.fetch });
    fire(client, 'addTaskCollaborators', 100);
    const late = client.addTaskCollaborators(addCollaborators, { deadlineMs: 2_000 }).catch((e) => e);
    const controller = new AbortController();
    const aborted = client.addTaskCollaborators(addCollaborators, { signal: controller.signal }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error('stop'));
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await late).toBeInstanceOf(FeishuTimeoutError);
    expect((await late).deadline).toBe(true);
    expect((await aborted).name).toBe('FeishuAbortedError');
    await vi.advanceTimersByTimeAsync(61_000);
    expect(f.seen).toHaveLength(100);
  });

  it('stepping the wall clock back 10 minutes does not stall the quota (it runs on a monotonic clock)', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base(), fetch: f.fetch });
    const limit = operations.addTaskCollaborators.rateLimit.perMinute!;
    const calls = fire(client, 'addTaskCollaborators', limit + 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(limit);
    vi.setSystemTime(Date.now() - 10 * 60_000);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(f.seen).toHaveLength(limit + 1);
    await Promise.all(calls);
  });

  // The operation's documented server failure (the spec's kind "server": retried).
  const server = Object.entries(errors.addTaskCollaborators)
    .map(([code, e]) => ({ ...e, code: Number(code) }))
    .find((e) => e.kind === 'server')!;
  it('stepping the wall clock forward an hour does not end a call before its deadlineMs (deadlines run on the monotonic clock too)', async () => {
    // The first attempt meets a server error; while it is in flight the wall clock jumps. The retry still
    // goes out: the 5 s deadline is measured on the clock the wall clock does not move.
    const f = fakeFetch((_req, i) => {
      if (i > 0) return ok({ collaborator: {} });
      vi.setSystemTime(Date.now() + 60 * 60_000);
      return json(server.status, { code: server.code, msg: server.message });
    });
    const client = createClient({ ...base(), fetch: f.fetch, throttle: false, deadlineMs: 5_000 });
    const call = client.addTaskCollaborators(inputs.addTaskCollaborators);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(call).resolves.toBeDefined();
    expect(f.seen).toHaveLength(2);
  });

  it('throttle: false sends everything at once', async () => {
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({ ...base(), fetch: f.fetch, throttle: false });
    const calls = fire(client, 'addTaskCollaborators', 150);
    await vi.advanceTimersByTimeAsync(0);
    expect(f.seen).toHaveLength(150);
    await Promise.all(calls);
  });
});
