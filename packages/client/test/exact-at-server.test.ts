// Exact at the server: a slot counts as "now" while its request is in flight and from its answer after;
// a "too fast" answer slows every client of the key down through the store; writes to one task go one
// after another in the process (the pages answer concurrent requests on one task with 1470451).
import { describe, expect, it } from 'vitest';
import { FeishuAbortedError, MemoryQuotaStore } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, json, ok } from './helpers/fake-fetch.js';
import { addCollaborators, removeCollaborator } from './helpers/inputs.js';

const base = { domain: 'http://feishu.test', auth: { tenantAccessToken: 't-static-abcdef' } } as const;
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a slot in flight counts as now', () => {
  it('a window of 1 per 100 ms: the next call waits for the answer of a 300 ms request, then a window more', async () => {
    const sent: number[] = [];
    const f = fakeFetch(async () => {
      sent.push(Date.now());
      await later(300);
      return ok({});
    });
    const client = createClient({
      ...base,
      quota: { store: new MemoryQuotaStore(), windows: { removeTaskCollaborator: [{ limit: 1, windowMs: 100 }] } },
      fetch: f.fetch,
    });
    const one = (i: number) =>
      client.removeTaskCollaborator({ path: { task_id: `t${i}`, collaborator_id: 'ou_1' } }).then(() => Date.now());
    const [firstAnswered] = await Promise.all([one(1), one(2)]);
    expect(sent).toHaveLength(2);
    // Departure stamping would have let it go 100 ms after the first left.
    expect(sent[1]! - firstAnswered).toBeGreaterThanOrEqual(95);
  });
});

describe('a "too fast" answer slows the key down for every client', () => {
  it('99991400 with x-ogw-ratelimit-reset: 1 holds back another client of the app for about 1 s', async () => {
    const store = new MemoryQuotaStore();
    const sent: number[] = [];
    const f = fakeFetch((_req, i) => {
      sent.push(Date.now());
      return i === 0
        ? json(429, { code: 99991400, msg: 'request trigger frequency limit' }, { 'x-ogw-ratelimit-reset': '1' })
        : ok({});
    });
    const one = createClient({ ...base, quota: { store }, maxRetries: 0, fetch: f.fetch });
    const two = createClient({ ...base, quota: { store }, fetch: f.fetch });
    await one.removeTaskCollaborator(removeCollaborator).catch(() => {});
    await two.removeTaskCollaborator({ path: { task_id: 'other', collaborator_id: 'ou_2' } });
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(950);
  });
});

describe('writes to one task go one after another', () => {
  const tracking = () => {
    let now = 0;
    let most = 0;
    const f = fakeFetch(async () => {
      most = Math.max(most, ++now);
      await later(20);
      now--;
      return ok({ collaborator: {} });
    });
    return { f, most: () => most };
  };
  const task = (task_id: string) => ({ ...addCollaborators, path: { task_id } });

  it('5 concurrent writes to one task: one at a time; to 5 tasks: all at once', async () => {
    const same = tracking();
    const client = createClient({ ...base, throttle: false, fetch: same.f.fetch });
    await Promise.all([
      ...Array.from({ length: 3 }, () => client.addTaskCollaborators(task('one'))),
      ...Array.from({ length: 2 }, () =>
        client.removeTaskCollaborator({ path: { task_id: 'one', collaborator_id: 'ou_1' } }),
      ),
    ]);
    expect(same.most()).toBe(1);
    const apart = tracking();
    const other = createClient({ ...base, throttle: false, fetch: apart.f.fetch });
    await Promise.all(Array.from({ length: 5 }, (_, i) => other.addTaskCollaborators(task(`t${i}`))));
    expect(apart.most()).toBe(5);
  });

  it('serializeTaskWrites: false sends them together', async () => {
    const t = tracking();
    const client = createClient({ ...base, throttle: false, serializeTaskWrites: false, fetch: t.f.fetch });
    await Promise.all(Array.from({ length: 5 }, () => client.addTaskCollaborators(task('one'))));
    expect(t.most()).toBe(5);
  });

  it('a call waiting its turn obeys its signal: it leaves, sends nothing, and the line goes on', async () => {
    const t = tracking();
    const client = createClient({ ...base, throttle: false, fetch: t.f.fetch });
    const first = client.addTaskCollaborators(task('busy'));
    const waiting = client.addTaskCollaborators(task('busy'), { signal: AbortSignal.abort() }).catch((e) => e);
    const third = client.addTaskCollaborators(task('busy'));
    expect(await waiting).toBeInstanceOf(FeishuAbortedError);
    await Promise.all([first, third]);
    expect(t.f.seen).toHaveLength(2);
    expect(t.most()).toBe(1);
  });
});
