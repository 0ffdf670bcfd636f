// The raw client is openapi-fetch's own; one middleware hands each request to the client's send loop.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeishuConnectionError, FeishuInputError, MemoryQuotaStore } from '../src/index.js';
import { createRawClient } from '../src/raw.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, json, ok } from './helpers/fake-fetch.js';

afterEach(() => vi.restoreAllMocks());
const named = (fetch: typeof globalThis.fetch, o: object = {}) =>
  createClient({
    domain: 'http://feishu.test',
    auth: { tenantAccessToken: 't-static' },
    retryDelay: { baseDelayMs: 1 },
    quota: { store: new MemoryQuotaStore() },
    fetch,
    ...o,
  });
const client = (fetch: typeof globalThis.fetch, o: object = {}) => {
  const c = named(fetch, o);
  return Object.assign(c, { raw: createRawClient(c) });
};

describe('createRawClient', () => {
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

describe('named and raw calls agree on URLs', () => {
  // Named calls build their URL without openapi-fetch; for every value the input checks allow, it must be
  // the URL openapi-fetch builds for the same parameters.
  it('for awkward path and query values', async () => {
    const values = ['plain', 'a b', 'ü/é?#&=', '%2F', '%2e%2e', '...', '{x}', 'ou_1+2', '日本'];
    for (const task_id of values)
      for (const collaborator_id of values.slice(0, 3)) {
        const f = fakeFetch(() => ok({}));
        const c = client(f.fetch, { throttle: false });
        const query = { user_id_type: 'open_id' as const };
        await c.removeTaskCollaborator({ path: { task_id, collaborator_id }, query });
        await c.raw.DELETE('/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}', {
          params: { path: { task_id, collaborator_id }, query },
        });
        await c.addTaskCollaborators({ path: { task_id }, body: { id_list: ['ou_1'] } });
        await c.raw.POST('/open-apis/task/v1/tasks/{task_id}/collaborators', {
          params: { path: { task_id } },
          body: { id_list: ['ou_1'] },
        });
        const urls = f.seen.map((r) => r.href);
        expect(urls[0]).toBe(urls[1]);
        expect(urls[2]).toBe(urls[3]);
        expect(urls[0]).toContain(encodeURIComponent(task_id));
      }
  });

  it("refuses a '..' path parameter, which Request() would resolve into another path, and sends nothing", async () => {
    const f = fakeFetch(() => ok({}));
    const error = await client(f.fetch)
      .raw.DELETE('/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}', {
        params: { path: { task_id: '..', collaborator_id: 'ou_1' } },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error.message).toContain('removeTaskCollaborator: params.path');
    expect(f.seen).toHaveLength(0);
  });

  it('needs a client made by createClient', () => {
    expect(() => createRawClient({} as never)).toThrow(/createClient/);
  });
});
