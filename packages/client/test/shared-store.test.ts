// createCore takes a shared store that brings its guard (store timeout, onStoreError): the Redis store,
// or a store of your own through sharedQuotaStore(). A bare store of your own is an input error there
// (createClient adds the guard itself); the in-memory store needs none.
import { describe, expect, it } from 'vitest';
import { createCore } from '../src/core.js';
import { FeishuInputError, FeishuQuotaStoreError, MemoryQuotaStore, type QuotaStore } from '../src/index.js';
import { addTasklistMembers } from '../src/operations/add-tasklist-members.js';
import { sharedQuotaStore } from '../src/redis.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';

const input = { path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1' }] } };
const never: QuotaStore = { take: () => new Promise<number>(() => {}) };
const core = (store: QuotaStore, f = fakeFetch(() => ok({ tasklist: {} }))) =>
  createCore({
    domain: 'http://feishu.test',
    auth: { tenantAccessToken: 't-x' },
    fetch: f.fetch,
    quota: { store, storeTimeoutMs: 50 },
  });

describe('a shared quota store with createCore', () => {
  it('a bare store of your own is an input error naming sharedQuotaStore', () => {
    expect(() => core(never)).toThrow(FeishuInputError);
    expect(() => core(never)).toThrow(/quota\.store.*sharedQuotaStore\(\)/);
  });

  it('through sharedQuotaStore, a store that does not answer ends the call within storeTimeoutMs', async () => {
    const f = fakeFetch(() => ok({ tasklist: {} }));
    const error = await addTasklistMembers(core(sharedQuotaStore(never), f), input).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuQuotaStoreError);
    expect(error).toMatchObject({ storeTimeoutMs: 50, operation: 'addTasklistMembers' });
    expect(f.seen).toHaveLength(0);
  });

  it('the in-memory store is taken as it is, and sharedQuotaStore returns one wrapper per store', async () => {
    const store = new MemoryQuotaStore();
    expect(sharedQuotaStore(store)).toBe(store);
    expect(sharedQuotaStore(never)).toBe(sharedQuotaStore(never));
    await expect(addTasklistMembers(core(store), input)).resolves.toEqual({ tasklist: {} });
  });
});
