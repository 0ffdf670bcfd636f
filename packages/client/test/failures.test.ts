// Errors a user can act on: the root cause of a connection failure, the wait a rate limit asks for, the
// attempts made, and one deadline over all attempts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeishuApiError, FeishuConnectionError, FeishuTimeoutError } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, json, ok } from './helpers/fake-fetch.js';
import { freePort } from './helpers/free-port.js';
import { startServer } from './helpers/http-server.js';
import { addCollaborators, removeCollaborator } from './helpers/inputs.js';

const at = (domain: string, o: object = {}) =>
  createClient({ domain, auth: { tenantAccessToken: 't-static-abcdef' }, throttle: false, maxRetries: 0, ...o });

describe('connection errors name the root cause', () => {
  let resetting: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    resetting = await startServer((req) => req.on('data', () => req.socket.resetAndDestroy()));
  });
  afterAll(() => resetting.close());

  it('a refused port: ECONNREFUSED 127.0.0.1:<port>, and it was surely not sent', async () => {
    const port = await freePort(); // closed again: nothing listens there
    const error = await at(`http://127.0.0.1:${port}`)
      .addTaskCollaborators(addCollaborators)
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuConnectionError);
    expect(error.message).toContain(`(ECONNREFUSED 127.0.0.1:${port})`);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', outcomeUnknown: false });
  });

  it('an unknown host: ENOTFOUND <host>', async () => {
    const error = await at('http://no-such-host.invalid')
      .addTaskCollaborators(addCollaborators)
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuConnectionError);
    expect(error.message).toMatch(/\((ENOTFOUND|EAI_AGAIN) no-such-host\.invalid\)/);
    expect(error.outcomeUnknown).toBe(false);
  });

  it('a reset after sending: ECONNRESET, and the outcome is unknown', async () => {
    const error = await at(resetting.url)
      .addTaskCollaborators(addCollaborators)
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuConnectionError);
    expect(error.message).toContain('(ECONNRESET)');
    expect(error).toMatchObject({ code: 'ECONNRESET', outcomeUnknown: true, attempts: 1 });
  });
});

describe('rate-limit errors', () => {
  it('carry retryAfterMs from x-ogw-ratelimit-reset, the attempts made and the redacted headers', async () => {
    const f = fakeFetch(() =>
      json(
        429,
        { code: 99991400, msg: 'request trigger frequency limit' },
        { 'x-ogw-ratelimit-reset': '60', 'x-ogw-ratelimit-limit': '50', 'set-cookie': 'session=t-secret-cookie' },
      ),
    );
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static-abcdef' },
      throttle: false,
      retryDelay: { maxDelayMs: 1_000 },
      fetch: f.fetch,
    });
    const error = await client.removeTaskCollaborator(removeCollaborator).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(error).toMatchObject({ code: 99991400, kind: 'rate_limit', retryAfterMs: 60_000, attempts: 1 });
    expect(error.headers).toMatchObject({ 'x-ogw-ratelimit-reset': '60', 'x-ogw-ratelimit-limit': '50' });
    expect(error.headers['set-cookie']).toBeUndefined();
    expect(error.message).toMatch(/Retry after 60 s\./);
  });

  it('count every attempt when retries run out', async () => {
    const f = fakeFetch(() => json(429, { code: 99991400, msg: 'limit' }, { 'x-ogw-ratelimit-reset': '0' }));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static-abcdef' },
      throttle: false,
      fetch: f.fetch,
    });
    const error = await client.removeTaskCollaborator(removeCollaborator).catch((e) => e);
    expect(error).toMatchObject({ attempts: 3, retryAfterMs: 0 });
    expect(f.seen).toHaveLength(3);
  });

  it('a reset of 60 s is waited by default (the longest a per-minute quota can ask)', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeFetch((_r, i) =>
        i === 0 ? json(429, { code: 99991400, msg: 'limit' }, { 'x-ogw-ratelimit-reset': '60' }) : ok({}),
      );
      const client = createClient({
        domain: 'http://feishu.test',
        auth: { tenantAccessToken: 't-static-abcdef' },
        throttle: false,
        fetch: f.fetch,
      });
      const done = client.removeTaskCollaborator(removeCollaborator);
      await vi.advanceTimersByTimeAsync(59_000);
      expect(f.seen).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_300);
      await expect(done).resolves.toEqual({});
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an overall deadline', () => {
  let hang: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    hang = await startServer(() => {});
  });
  afterAll(() => hang.close());

  it('bounds all attempts together: a stalled server fails after deadlineMs, not attempts x timeoutMs', async () => {
    const started = Date.now();
    const error = await at(hang.url, { maxRetries: 5, timeoutMs: 10_000, deadlineMs: 300 })
      .addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1' }] } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuTimeoutError);
    expect(error).toMatchObject({ deadline: true, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a per-call deadline overrides the client one, and no retry starts past it', async () => {
    const f = fakeFetch(() => json(500, { code: 1470701, msg: 'x' }));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static-abcdef' },
      throttle: false,
      retryDelay: { baseDelayMs: 400 },
      maxRetries: 5,
      fetch: f.fetch,
    });
    const error = await client.addTaskCollaborators(addCollaborators, { deadlineMs: 100 }).catch((e) => e);
    expect(error).toMatchObject({ code: 1470701 });
    expect(f.seen).toHaveLength(1);
  });
});
