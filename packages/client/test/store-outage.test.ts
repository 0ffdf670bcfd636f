// A Redis outage, with ioredis at its defaults (commands wait in its offline queue while it reconnects):
// calls end within quota.storeTimeoutMs with a FeishuQuotaStoreError and send nothing ('fail', the
// default), or go on counting in this process ('local'). Tested by stopping a real redis-server mid-run.
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { FeishuQuotaStoreError } from '../src/index.js';
import { createRedisQuotaStore } from '../src/redis.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';
import { addCollaborators } from './helpers/inputs.js';
import { startRedis } from './helpers/redis.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

async function setup(quota: object, redisOptions: object = {}) {
  const server = await startRedis();
  const redis = new Redis(server.url, redisOptions);
  redis.on('error', () => {}); // its reconnect attempts, expected here
  cleanup.push(() => redis.disconnect(), server.stop);
  const lines: string[] = [];
  const f = fakeFetch(() => ok({ collaborator: {} }));
  const client = createClient({
    domain: 'http://feishu.test',
    auth: { tenantAccessToken: 't-static-abcdef' },
    quota: { store: createRedisQuotaStore({ redis, prefix: `outage-${Math.random()}:` }), ...quota },
    fetch: f.fetch,
    logger: { warn: (m) => lines.push(m) },
  });
  return { server, client, f, lines };
}
// Each call on a task of its own, so they wait in the quota's line together (writes to one task would go
// one at a time and meet the store one by one).
const calls = (client: ReturnType<typeof createClient>, n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      client.addTaskCollaborators({ ...addCollaborators, path: { task_id: `task-${i}` } }).catch((e) => e),
    ),
  );

describe('the quota store goes away mid-run', () => {
  it("'fail' (default): every waiting call gets FeishuQuotaStoreError within storeTimeoutMs, nothing is sent", async () => {
    const { server, client, f } = await setup({ storeTimeoutMs: 300 });
    expect(await calls(client, 3)).toEqual(Array(3).fill({ collaborator: {} }));
    server.stop();
    const started = Date.now();
    const errors = await calls(client, 5);
    expect(Date.now() - started).toBeLessThan(3_000);
    for (const error of errors) {
      expect(error).toBeInstanceOf(FeishuQuotaStoreError);
      expect(error).toMatchObject({ storeTimeoutMs: 300, outcomeUnknown: false, attempts: 0 });
      expect(error.stack).toMatch(/^FeishuQuotaStoreError: addTaskCollaborators: the quota store did not answer/);
    }
    // One failure of the store ends the whole line, but each call has an error of its own.
    expect(new Set(errors).size).toBe(errors.length);
    expect(f.seen).toHaveLength(3);
    // The next batch does not hang either.
    const again = await calls(client, 2);
    expect(again.map((e) => e.name)).toEqual(['FeishuQuotaStoreError', 'FeishuQuotaStoreError']);
  });

  it('a store that fails at once: the error is kept as the cause', async () => {
    const { server, client } = await setup({}, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    await calls(client, 1);
    server.stop();
    await new Promise((r) => setTimeout(r, 100));
    const [error] = await calls(client, 1);
    expect(error).toBeInstanceOf(FeishuQuotaStoreError);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toContain(error.cause.message);
  });

  it('a frozen server (connections open, no answers) is bounded the same way', async () => {
    const { server, client, f } = await setup({ storeTimeoutMs: 200 });
    await calls(client, 1);
    server.pause();
    cleanup.unshift(server.resume);
    const [error] = await calls(client, 1);
    expect(error).toBeInstanceOf(FeishuQuotaStoreError);
    expect(f.seen).toHaveLength(1);
  });

  it("'local': calls go on, counted in this process, and the logger is told", async () => {
    const { server, client, f, lines } = await setup({ storeTimeoutMs: 200, onStoreError: 'local' });
    await calls(client, 2);
    server.stop();
    expect(await calls(client, 4)).toEqual(Array(4).fill({ collaborator: {} }));
    expect(f.seen).toHaveLength(6);
    expect(lines.filter((l) => l.includes('quota store failed'))).toHaveLength(1);
  });

  it('onStoreError takes only its two values', () => {
    expect(() =>
      createClient({ auth: { tenantAccessToken: 't-x-abcdef' }, quota: { onStoreError: 'retry' as never } }),
    ).toThrow(/quota\.onStoreError must be 'fail' or 'local'/);
  });
});
