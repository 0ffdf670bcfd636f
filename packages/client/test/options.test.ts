// Numeric options are checked when given: a bad value is a FeishuInputError naming it, never a silent
// 1 ms timer (what setTimeout makes of NaN, negative and too-large delays). Infinity means "no limit",
// and without a per-attempt limit or a caller's signal, fetch gets no signal at all.
import { describe, expect, it } from 'vitest';
import { FeishuError, FeishuInputError } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';
import { removeCollaborator } from './helpers/inputs.js';

const make = (o: object, fetch = fakeFetch(() => ok({})).fetch) =>
  createClient({ domain: 'http://feishu.test', auth: { tenantAccessToken: 't-static' }, fetch, ...o });

describe('numeric options', () => {
  it.each([
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: -5 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['timeoutMs', { timeoutMs: 2 ** 31 }],
    ['timeoutMs', { timeoutMs: '30000' }],
    ['deadlineMs', { deadlineMs: 0 }],
    ['maxRetries', { maxRetries: 1.5 }],
    ['maxRetries', { maxRetries: Number.POSITIVE_INFINITY }],
    ['retryDelay.baseDelayMs', { retryDelay: { baseDelayMs: -1 } }],
    ['retryDelay.baseDelayMs', { retryDelay: { baseDelayMs: Number.POSITIVE_INFINITY } }],
    ['retryDelay.maxDelayMs', { retryDelay: { maxDelayMs: Number.NaN } }],
    ['quota.maxWaitMs', { quota: { maxWaitMs: -1 } }],
    ['quota.marginMs', { quota: { marginMs: Number.POSITIVE_INFINITY } }],
  ])('%s %o is refused when the client is made, naming it', (field, o) => {
    let error: unknown;
    try {
      make(o);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toMatch(new RegExp(`^createClient: ${field.replace('.', '\\.')} must be `));
  });

  it('a bad per-call deadlineMs is refused and nothing is sent', async () => {
    const f = fakeFetch(() => ok({}));
    const error = await make({}, f.fetch)
      .removeTaskCollaborator(removeCollaborator, { deadlineMs: -1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error.field).toBe('options.deadlineMs');
    expect(f.seen).toHaveLength(0);
  });

  it("a call's deadlineMs keeps the client's rule: 0 refused, Infinity no limit", async () => {
    const f = fakeFetch(() => ok({}));
    const client = make({}, f.fetch);
    const zero = await client.removeTaskCollaborator(removeCollaborator, { deadlineMs: 0 }).catch((e) => e);
    expect(zero).toBeInstanceOf(FeishuInputError);
    expect(f.seen).toHaveLength(0);
    await client.removeTaskCollaborator(removeCollaborator, { deadlineMs: Number.POSITIVE_INFINITY });
    expect(f.seen).toHaveLength(1);
  });

  it('Infinity is no limit: accepted for timeoutMs, deadlineMs, maxDelayMs and maxWaitMs', async () => {
    const f = fakeFetch(() => ok({}));
    const client = make(
      {
        timeoutMs: Number.POSITIVE_INFINITY,
        deadlineMs: Number.POSITIVE_INFINITY,
        retryDelay: { maxDelayMs: Number.POSITIVE_INFINITY },
        quota: { maxWaitMs: Number.POSITIVE_INFINITY },
      },
      f.fetch,
    );
    await client.removeTaskCollaborator(removeCollaborator);
    expect(f.seen).toHaveLength(1);
  });
});

describe('the signal fetch gets', () => {
  const signals = async (o: object, callSignal?: AbortSignal) => {
    const given: (AbortSignal | undefined)[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      given.push(init.signal ?? undefined);
      return ok({});
    }) as unknown as typeof globalThis.fetch;
    await make(o, fetch).removeTaskCollaborator(removeCollaborator, { signal: callSignal });
    return given[0];
  };

  it('by default: a signal of its own that the per-attempt timeout aborts', async () => {
    expect(await signals({})).toBeInstanceOf(AbortSignal);
  });

  it('with timeoutMs: Infinity and no caller signal: none (no abort bookkeeping per request)', async () => {
    expect(await signals({ timeoutMs: Number.POSITIVE_INFINITY })).toBeUndefined();
  });

  it("with timeoutMs: Infinity and a caller's signal: still one of its own, never the caller's", async () => {
    const caller = new AbortController().signal;
    const given = await signals({ timeoutMs: Number.POSITIVE_INFINITY }, caller);
    expect(given).toBeInstanceOf(AbortSignal);
    expect(given).not.toBe(caller);
  });

  it('with timeoutMs: Infinity but a deadline: one of its own, so the deadline can stop the attempt', async () => {
    expect(await signals({ timeoutMs: Number.POSITIVE_INFINITY, deadlineMs: 60_000 })).toBeInstanceOf(AbortSignal);
  });
});

describe('options that are not what they claim', () => {
  it.each([
    ['a string', 'x'],
    ['a plain object', {}],
    ['null', null],
  ])('a signal that is %s is a FeishuInputError naming options.signal, and nothing is sent', async (_, signal) => {
    const f = fakeFetch(() => ok({}));
    const client = make({}, f.fetch);
    await expect(client.removeTaskCollaborator(removeCollaborator, { signal } as never)).rejects.toMatchObject({
      name: 'FeishuInputError',
      field: 'options.signal',
    });
    expect(f.seen).toHaveLength(0);
  });

  it.each([
    ['a string', 'opts'],
    ['null', null],
  ])('call options that are %s are a FeishuInputError naming options', async (_, o) => {
    const client = make({});
    await expect(client.removeTaskCollaborator(removeCollaborator, o as never)).rejects.toMatchObject({
      name: 'FeishuInputError',
      field: 'options',
    });
  });

  it.each([
    ['no known key', {}, 'auth', /needs tenantAccessToken.*got the keys \[\]/],
    ['a typo', { tenant_access_token: 't-x' }, 'auth', /got the keys \["tenant_access_token"\]/],
    ['a string', 't-x', 'auth', /must be an object, got string/],
    ['a provider that is not a function', { tokenProvider: 'nope' }, 'auth.tokenProvider', /must be a function/],
  ])('auth with %s is a FeishuInputError naming %s', (_, auth, field, message) => {
    const error = (() => {
      try {
        createClient({ auth } as never);
      } catch (e) {
        return e;
      }
    })() as FeishuInputError;
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error).toMatchObject({ field });
    expect(error.message).toMatch(message);
  });

  it('a token provider that throws or returns no token: a FeishuError, its secrets scrubbed, nothing sent', async () => {
    const f = fakeFetch(() => ok({}));
    const throwing = createClient({
      auth: { tokenProvider: () => Promise.reject(new Error('vault down, token=t-abcdefghijklmnop')) },
      domain: 'http://feishu.test',
      fetch: f.fetch,
    });
    const error = await throwing.removeTaskCollaborator(removeCollaborator).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuError);
    expect(error.message).toMatch(/the token provider failed: vault down/);
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('t-abcdefghijklmnop');
    const empty = createClient({ auth: { tokenProvider: () => '' }, domain: 'http://feishu.test', fetch: f.fetch });
    await expect(empty.removeTaskCollaborator(removeCollaborator)).rejects.toThrow(/returned no token/);
    expect(f.seen).toHaveLength(0);
  });

  it.each([[undefined], [null], ['feishu']])('createClient(%o) is a FeishuInputError naming options', (o) => {
    expect(() => createClient(o as never)).toThrow(FeishuInputError);
    expect(() => createClient(o as never)).toThrow(/^createClient: options must be an object$/);
  });
});
