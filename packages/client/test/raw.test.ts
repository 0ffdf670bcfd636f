// client.raw is openapi-fetch's own client; one middleware hands each request to the same send loop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, FeishuConnectionError, MemoryQuotaStore } from '../src/index.js';
import { fakeFetch, json, ok } from './helpers/fake-fetch.js';

afterEach(() => vi.restoreAllMocks());
const client = (fetch: typeof globalThis.fetch, o: object = {}) =>
  createClient({
    domain: 'http://feishu.test',
    auth: { tenantAccessToken: 't-static' },
    retryDelay: { baseDelayMs: 1 },
    quota: { store: new MemoryQuotaStore() },
    fetch,
    ...o,
  });

describe('client.raw', () => {
  it('knows the operation from openapi-fetch (retry policy and documented codes apply) and parses the answer once', async () => {
    const f = fakeFetch((_r, i) =>
      i === 0 ? json(500, { code: 1470500, msg: 'x' }) : ok({ tasklist: { guid: 'g' } }),
    );
    const parse = vi.spyOn(JSON, 'parse');
    const { data, response } = await client(f.fetch).raw.POST(
      '/open-apis/task/v2/tasklists/{tasklist_guid}/add_members',
      {
        params: { path: { tasklist_guid: 'g' } },
        body: { members: [{ id: 'ou_1' }] },
      },
    );
    // 1470500 is a documented server error of add_members: retried once, then the answer.
    expect(f.seen).toHaveLength(2);
    expect(data).toEqual({ code: 0, msg: 'success', data: { tasklist: { guid: 'g' } } });
    expect(response.status).toBe(200);
    // Each answer body parsed exactly once: one per attempt, none by openapi-fetch again.
    const bodies = parse.mock.calls.filter(([text]) => typeof text === 'string' && text.includes('"code"'));
    expect(bodies).toHaveLength(2);
    expect(f.seen[1]!.headers.get('authorization')).toBe('Bearer t-static');
  });

  it('counts against the same quota as the named methods', async () => {
    vi.useFakeTimers();
    try {
      const f = fakeFetch(() => ok({ collaborator: {} }));
      const c = client(f.fetch);
      const calls = Array.from({ length: 101 }, () =>
        c.raw.POST('/open-apis/task/v1/tasks/{task_id}/collaborators', {
          params: { path: { task_id: 't' } },
          body: { id_list: ['ou_1'] },
        }),
      );
      await vi.advanceTimersByTimeAsync(0);
      expect(f.seen).toHaveLength(100);
      await vi.advanceTimersByTimeAsync(61_000);
      await Promise.all(calls);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a documented error comes back as openapi-fetch error data; a network failure throws the typed error', async () => {
    const f = fakeFetch(() => json(400, { code: 1470602, msg: 'Invalid task id.' }));
    const { error, response } = await client(f.fetch).raw.DELETE(
      '/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}',
      { params: { path: { task_id: 'bad', collaborator_id: 'ou_1' } } },
    );
    expect(error).toEqual({ code: 1470602, msg: 'Invalid task id.' });
    expect(response.status).toBe(400);
    const down = fakeFetch(() => {
      throw Object.assign(new TypeError('fetch failed'), {
        cause: { code: 'ECONNREFUSED', address: '127.0.0.1', port: 4010 },
      });
    });
    await expect(
      client(down.fetch, { maxRetries: 0 }).raw.DELETE(
        '/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}',
        {
          params: { path: { task_id: 't', collaborator_id: 'ou_1' } },
        },
      ),
    ).rejects.toThrow(FeishuConnectionError);
  });
});
