// What clients share and what they leave behind: clients of one app in one process share its tenant
// token; the quota state of clients that are gone is freed; a second client on a key with other windows
// is held to its own windows.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { MemoryQuotaStore } from '../src/index.js';
import { gateCount } from '../src/quota/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, isToken, ok } from './helpers/fake-fetch.js';
import { addCollaborators } from './helpers/inputs.js';
import { busiest } from './helpers/quota-window.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('one tenant token per app in a process', () => {
  it('200 short-lived clients of one app make one token exchange; another domain or secret has its own', async () => {
    const f = fakeFetch((req) => (isToken(req) ? undefined! : ok({ collaborator: {} })));
    const appId = `cli_shared_${Math.random()}`;
    const make = (domain = 'http://feishu.test', appSecret = 'secret-one') =>
      createClient({ domain, auth: { appId, appSecret }, throttle: false, fetch: f.fetch });
    for (let i = 0; i < 200; i++) await make().addTaskCollaborators(addCollaborators);
    expect(f.seen.filter(isToken)).toHaveLength(1);
    await make('http://other.test').addTaskCollaborators(addCollaborators);
    await make(undefined, 'secret-two').addTaskCollaborators(addCollaborators);
    expect(f.seen.filter(isToken).map((s) => s.url.host)).toEqual(['feishu.test', 'other.test', 'feishu.test']);
  });

  it('a rejected token is dropped for every client of the app', async () => {
    let n = 0;
    const f = fakeFetch((req) =>
      isToken(req)
        ? undefined!
        : req.headers.get('authorization') === 'Bearer t-token-1' && n++ === 0
          ? new Response(JSON.stringify({ code: 99991663, msg: 'invalid token' }), { status: 400 })
          : ok({ collaborator: {} }),
    );
    const auth = { appId: `cli_reject_${Math.random()}`, appSecret: 'secret-r' };
    const one = createClient({ domain: 'http://feishu.test', auth, throttle: false, fetch: f.fetch });
    const two = createClient({ domain: 'http://feishu.test', auth, throttle: false, fetch: f.fetch });
    await one.addTaskCollaborators(addCollaborators);
    await two.addTaskCollaborators(addCollaborators);
    expect(f.seen.filter(isToken)).toHaveLength(2);
    expect(f.seen.at(-1)!.headers.get('authorization')).toBe('Bearer t-token-2');
  });
});

describe('the quota state of clients that are gone is freed', () => {
  it('1,000 dropped clients, each with its own token: their gates go with them, the store forgets idle windows', async () => {
    let now = 0;
    const store = new MemoryQuotaStore(() => now);
    const f = fakeFetch(() => ok({ collaborator: {} }));
    const run = async () => {
      for (let i = 0; i < 1_000; i++)
        await createClient({
          domain: 'http://feishu.test',
          auth: { tenantAccessToken: `t-own-token-${i}` },
          quota: { store },
          fetch: f.fetch,
        }).addTaskCollaborators(addCollaborators);
    };
    await run();
    expect(store.size).toBe(1_000);
    for (let i = 0; i < 10 && gateCount(store) > 0; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(gateCount(store)).toBe(0);
    // A minute and a bit later, the next take sweeps the idle windows away.
    now += 61_000 + 1_000;
    await createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-later-token' },
      quota: { store },
      fetch: f.fetch,
    }).addTaskCollaborators(addCollaborators);
    expect(store.size).toBe(1);
  });
});

describe('a second client on a key with other windows', () => {
  it('its windows hold: 6 calls at 2/s take over 2 s, although the first client allows 100/min', async () => {
    vi.useFakeTimers();
    try {
      const store = new MemoryQuotaStore();
      const sent: number[] = [];
      const f = fakeFetch(() => {
        sent.push(Date.now());
        return ok({ collaborator: {} });
      });
      const base = { domain: 'http://feishu.test', auth: { tenantAccessToken: 't-static-abcdef' }, fetch: f.fetch };
      const first = createClient({ ...base, quota: { store, key: 'shared' } });
      await first.addTaskCollaborators(addCollaborators);
      sent.length = 0;
      const second = createClient({
        ...base,
        quota: { store, key: 'shared', windows: { addTaskCollaborators: [{ limit: 2, windowMs: 1_000 }] } },
      });
      const calls = Array.from({ length: 6 }, () => second.addTaskCollaborators(addCollaborators));
      await vi.advanceTimersByTimeAsync(5_000);
      await Promise.all(calls);
      expect(sent).toHaveLength(6);
      expect(busiest(sent, 1_000)).toBeLessThanOrEqual(2);
      expect(Math.max(...sent) - Math.min(...sent)).toBeGreaterThanOrEqual(2_000);
    } finally {
      vi.useRealTimers();
    }
  });
});
