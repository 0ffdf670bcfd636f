// The Redis quota store against a real redis-server: clients on separate connections (as separate
// processes would be) share one exact quota.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createRedisQuotaStore } from '../src/redis.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';
import { addCollaborators } from './helpers/inputs.js';
import { busiest } from './helpers/quota-window.js';

const connections: Redis[] = [];
const connect = () => {
  const r = new Redis(inject('redisUrl'), { lazyConnect: false });
  connections.push(r);
  return r;
};
afterAll(async () => {
  await Promise.all(connections.map((r) => r.quit().catch(() => r.disconnect())));
});

describe('Redis quota store', () => {
  it('takes a slot while the window has room, then says how long to wait', async () => {
    const store = createRedisQuotaStore({ redis: connect(), prefix: `t1-${Date.now()}:` });
    const windows = [{ limit: 3, windowMs: 400 }];
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      waits.push(await store.take('k', windows, `m${i}`));
      await store.settle!('k', windows, `m${i}`);
    }
    expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
    expect(waits[3]).toBeGreaterThan(300);
    expect(waits[3]).toBeLessThanOrEqual(400);
    await new Promise((r) => setTimeout(r, waits[3]! + 5));
    expect(await store.take('k', windows)).toBe(0);
  });

  it('a slot in flight counts as now until its answer; a slow-down from one process holds back another', async () => {
    const prefix = `t3-${Date.now()}:`;
    const [a, b] = [
      createRedisQuotaStore({ redis: connect(), prefix }),
      createRedisQuotaStore({ redis: connect(), prefix }),
    ];
    const windows = [{ limit: 1, windowMs: 100 }];
    expect(await a.take('k', windows, 'x')).toBe(0);
    await new Promise((r) => setTimeout(r, 250));
    // Still in flight after 2.5 windows: the other process may not send yet.
    expect(await b.take('k', windows, 'y')).toBeGreaterThan(0);
    await a.settle!('k', windows, 'x');
    const wait = await b.take('k', windows, 'y');
    expect(wait).toBeGreaterThan(50);
    expect(wait).toBeLessThanOrEqual(100);
    await a.slowDown!('other', 300);
    const held = await b.take('other', windows, 'z');
    expect(held).toBeGreaterThan(200);
    expect(held).toBeLessThanOrEqual(300);
  });

  it('three clients on three connections share one quota: never more than the limit in any window', async () => {
    const prefix = `t2-${Date.now()}:`;
    const sent: number[] = [];
    const f = fakeFetch(() => {
      sent.push(Date.now());
      return ok({ collaborator: {} });
    });
    // The store counts when Redis grants a slot; the request leaves a moment later. Like the client's own
    // marginMs, the window is widened so that departures, too, never exceed 8 in any 300 ms.
    const windows = { addTaskCollaborators: [{ limit: 8, windowMs: 360 }] };
    const clients = [0, 1, 2].map(() =>
      createClient({
        domain: 'http://feishu.test',
        auth: { appId: 'cli_redis', appSecret: 'secret-redis' },
        quota: { store: createRedisQuotaStore({ redis: connect(), prefix }), windows },
        fetch: (async (url: string, init: RequestInit) =>
          String(url).includes('tenant_access_token')
            ? new Response(JSON.stringify({ code: 0, msg: 'ok', tenant_access_token: 't-redis', expire: 7200 }))
            : f.fetch(url, init)) as typeof fetch,
      }),
    );
    const started = Date.now();
    await Promise.all(
      clients.flatMap((c) => Array.from({ length: 16 }, () => c.addTaskCollaborators(addCollaborators))),
    );
    expect(sent).toHaveLength(48);
    expect(busiest(sent, 300)).toBeLessThanOrEqual(8);
    // 48 calls at 8 per 300 ms: at least five full windows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 300);
  });

  it('when Redis is unreachable the calls fail with its error instead of waiting forever', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    connections.push(down);
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      quota: { store: createRedisQuotaStore({ redis: down }) },
      fetch: f.fetch,
    });
    await expect(client.addTaskCollaborators(addCollaborators)).rejects.toThrow();
    expect(f.seen).toHaveLength(0);
  });
});
