import { errors } from '@feishu-task/types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeishuApiError, FeishuConnectionError } from '../src/index.js';
import { decide, defaultRetry, type Outcome, retryDelay } from '../src/retry.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, json, ok } from './helpers/fake-fetch.js';
import { addCollaborators, addMembers, removeCollaborator } from './helpers/inputs.js';

const base = {
  domain: 'http://feishu.test',
  auth: { tenantAccessToken: 't-static' },
  throttle: false,
  retryDelay: { baseDelayMs: 1, maxDelayMs: 50 },
} as const;
afterEach(() => vi.useRealTimers());

type Op = 'addTaskCollaborators' | 'removeTaskCollaborator' | 'addTasklistMembers';
const inputs = {
  addTaskCollaborators: addCollaborators,
  removeTaskCollaborator: removeCollaborator,
  addTasklistMembers: addMembers(),
} as const;
const callOf = (op: Op, client: ReturnType<typeof createClient>) => () =>
  (client[op] as (i: unknown) => Promise<unknown>)(inputs[op]);

// Every documented error of every operation, with the retry decision its kind implies.
const documented = (Object.keys(inputs) as Op[]).flatMap((op) =>
  Object.entries(errors[op]).map(([code, e]) => ({
    op,
    code: Number(code),
    status: e.status,
    kind: e.kind as string,
    name: e.name,
  })),
);

describe('retries', () => {
  it('retries the codes the issue names as retryable, and never the others', async () => {
    const named = (ops: string[], retried: boolean) =>
      ops.map((c) => {
        const [op, code] = c.split(':') as [Op, string];
        const d = documented.find((x) => x.op === op && x.code === Number(code));
        expect(d, c).toBeDefined();
        return { ...d!, retried };
      });
    for (const { op, code, status, retried } of [
      ...named(
        [
          'addTaskCollaborators:1470450',
          'addTaskCollaborators:1470451',
          'addTaskCollaborators:99991400',
          'addTasklistMembers:1470500',
          'addTaskCollaborators:1470701',
          'removeTaskCollaborator:1470702',
        ],
        true,
      ),
      ...named(
        [
          'addTaskCollaborators:1470403',
          'addTaskCollaborators:1470404',
          'addTasklistMembers:1470400',
          'addTasklistMembers:1470403',
          'removeTaskCollaborator:1470700',
        ],
        false,
      ),
    ]) {
      const f = fakeFetch(() => json(status, { code, msg: 'x' }));
      const error = await callOf(op, createClient({ ...base, fetch: f.fetch }))().catch((e) => e);
      expect(error, `${op} ${code}`).toMatchObject({ code, attempts: retried ? 3 : 1 });
      expect(f.seen, `${op} ${code}`).toHaveLength(retried ? 3 : 1);
    }
  });

  it.each(documented.filter((d) => d.kind === 'rate_limit' || d.kind === 'server'))(
    '$op retries $code ($name, HTTP $status) and succeeds',
    async ({ op, code, status }) => {
      const f = fakeFetch((_r, i) => (i < 2 ? json(status, { code, msg: 'busy' }) : ok({})));
      await expect(callOf(op, createClient({ ...base, fetch: f.fetch }))()).resolves.toEqual({});
      expect(f.seen).toHaveLength(3);
    },
  );

  it.each(documented.filter((d) => d.kind !== 'rate_limit' && d.kind !== 'server' && d.kind !== 'token'))(
    '$op never retries $code ($name, $kind, HTTP $status)',
    async ({ op, code, status, name }) => {
      const f = fakeFetch(() => json(status, { code, msg: 'no' }));
      const error = await callOf(op, createClient({ ...base, fetch: f.fetch }))().catch((e) => e);
      expect(error).toBeInstanceOf(FeishuApiError);
      expect(error).toMatchObject({ code, status, codeName: name, operation: op, documented: true });
      expect(f.seen).toHaveLength(1);
    },
  );

  it('retries an undocumented HTTP 5xx and 429, but not an undocumented 400', async () => {
    for (const [status, expected] of [
      [503, 3],
      [429, 3],
      [400, 1],
    ] as const) {
      const f = fakeFetch(() => json(status, { code: 1234567, msg: 'x' }));
      await expect(
        createClient({ ...base, fetch: f.fetch }).addTaskCollaborators(addCollaborators),
      ).rejects.toMatchObject({ code: 1234567, documented: false });
      expect(f.seen, `HTTP ${status}`).toHaveLength(expected);
    }
  });

  it('retries network errors, then throws FeishuConnectionError', async () => {
    const f = fakeFetch(() => {
      throw new TypeError('fetch failed: ECONNREFUSED');
    });
    const error = await createClient({ ...base, fetch: f.fetch })
      .addTaskCollaborators(addCollaborators)
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuConnectionError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(f.seen).toHaveLength(3);
  });

  it('is bounded by maxRetries', async () => {
    for (const maxRetries of [0, 1, 4]) {
      const f = fakeFetch(() => json(500, { code: 1470701, msg: 'x' }));
      await expect(
        createClient({ ...base, fetch: f.fetch, maxRetries }).addTaskCollaborators(addCollaborators),
      ).rejects.toBeInstanceOf(FeishuApiError);
      expect(f.seen).toHaveLength(maxRetries + 1);
    }
  });

  it('waits for x-ogw-ratelimit-reset before retrying', async () => {
    vi.useFakeTimers();
    const f = fakeFetch((_r, i) =>
      i === 0 ? json(429, { code: 99991400, msg: 'limit' }, { 'x-ogw-ratelimit-reset': '3' }) : ok({}),
    );
    const client = createClient({ ...base, retryDelay: { maxDelayMs: 10_000 }, fetch: f.fetch });
    const done = client.removeTaskCollaborator(removeCollaborator);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(f.seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(400);
    await expect(done).resolves.toEqual({});
    expect(f.seen).toHaveLength(2);
  });

  it('does not wait when the server asks for longer than maxDelayMs', async () => {
    const f = fakeFetch(() => json(429, { code: 99991400, msg: 'limit' }, { 'x-ogw-ratelimit-reset': '600' }));
    await expect(
      createClient({ ...base, fetch: f.fetch }).removeTaskCollaborator(removeCollaborator),
    ).rejects.toMatchObject({ code: 99991400, kind: 'rate_limit' });
    expect(f.seen).toHaveLength(1);
  });

  it('backs off exponentially with jitter', () => {
    const o = { ...defaultRetry, baseDelayMs: 100, maxDelayMs: 10_000 };
    expect([0, 1, 2, 3].map((a) => retryDelay(a, null, o, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((a) => retryDelay(a, null, o, () => 0.999))).toEqual([99, 199, 399, 799]);
    expect(retryDelay(20, null, o, () => 0.999)).toBeLessThanOrEqual(10_000);
    expect(retryDelay(0, '2', o, () => 0)).toBe(2000);
    expect(retryDelay(0, '20', o, () => 0)).toBeUndefined();
  });
});

describe('the retry policy alone', () => {
  const o = { ...defaultRetry, baseDelayMs: 100 };
  const state = { attempts_: 1, outcomeUnknown_: false, canRefresh_: false, remainingMs_: Number.POSITIVE_INFINITY };
  const lost: Outcome = { type_: 'no-answer', sent_: true };
  const notSent: Outcome = { type_: 'no-answer', sent_: false };
  const answer = (code: number, status = 400): Outcome => ({
    type_: 'answer',
    status_: status,
    code_: code,
    kind_: undefined,
    resetHeader_: null,
  });
  const fixed = () => 0;
  const nonIdempotent = { idempotent: false, replayedSuccessCodes: [] };
  const addCollab = { idempotent: false, replayedSuccessCodes: [1470431] };
  const idempotent = { idempotent: true, replayedSuccessCodes: [] };

  it('after an unknown outcome, resends only what the spec allows', () => {
    expect(decide(lost, state, nonIdempotent, o, fixed)).toEqual({ do_: 'fail' });
    expect(decide(lost, state, addCollab, o, fixed)).toEqual({ do_: 'retry', delayMs_: 50 });
    expect(decide(lost, state, idempotent, o, fixed)).toEqual({ do_: 'retry', delayMs_: 50 });
    expect(decide(notSent, state, nonIdempotent, o, fixed)).toEqual({ do_: 'retry', delayMs_: 50 });
  });

  it('a replayed code means success only after an unknown outcome', () => {
    expect(decide(answer(1470431), { ...state, outcomeUnknown_: true }, addCollab, o)).toEqual({
      do_: 'succeed',
      replayed_: true,
    });
    expect(decide(answer(1470431), state, addCollab, o)).toEqual({ do_: 'fail' });
    expect(decide(answer(1470700), { ...state, outcomeUnknown_: true }, addCollab, o)).toEqual({ do_: 'fail' });
  });

  it('stops at maxRetries and at the deadline', () => {
    expect(decide(answer(1, 503), { ...state, attempts_: 3 }, idempotent, o)).toEqual({ do_: 'fail' });
    expect(decide(answer(1, 503), { ...state, remainingMs_: 10 }, idempotent, o, fixed)).toEqual({ do_: 'fail' });
    expect(decide(answer(0, 200), state, idempotent, o)).toEqual({ do_: 'succeed', replayed_: false });
  });

  it('refreshes a rejected token once when a new one can be had', () => {
    const token: Outcome = { type_: 'answer', status_: 400, code_: 99991663, kind_: 'token', resetHeader_: null };
    expect(decide(token, { ...state, canRefresh_: true }, idempotent, o)).toEqual({ do_: 'refresh' });
    expect(decide(token, state, idempotent, o)).toEqual({ do_: 'fail' });
  });
});
