// What only a shared (asynchronous, fallible) quota store needs: each request bounded by storeTimeoutMs,
// and a store that fails or times out ends the waiting calls with a FeishuQuotaStoreError, or
// (onStoreError 'local') is replaced by this process's memory for a while. A store brings this with it
// (the Redis store does; `sharedQuotaStore(store)` adds it to one of your own), so the core of an app
// that counts in memory never carries it.
import { within } from '../abort.js';
import { FeishuQuotaStoreError } from '../errors/quota-store-error.js';
import {
  MemoryQuotaStore,
  type QuotaStore,
  type QuotaWindow,
  STORE_GUARD,
  STORE_TIMEOUT_MS,
  type StoreGuard,
} from './store.js';

const nothing = () => undefined;

/** How long a gate counts locally after its store failed, before it asks the store again. */
export const LOCAL_SPELL_MS = 5_000;

/** `store` seen through `policy`, for one operation's gate (named by its errors). */
export const guardStore: StoreGuard = (
  store,
  { storeTimeoutMs: timeoutMs = STORE_TIMEOUT_MS, onStoreError },
  local,
  log,
  operation,
) => {
  let localUntil = 0;
  // Slots taken in `local` while the store was out: their answers are stamped there.
  const localIds = new Set<string>();
  const takeLocal = (key: string, windows: readonly QuotaWindow[], id: string) => {
    const wait = local.take(key, windows, id) as number;
    if (wait <= 0) localIds.add(id);
    return wait;
  };
  return {
    async take(key, windows, id = '') {
      if (localUntil > performance.now()) return takeLocal(key, windows, id);
      try {
        const taken = store.take(key, windows, id);
        // A slot the store grants after the timeout goes unused: the quota only gets stricter.
        return typeof taken === 'number'
          ? taken
          : await within(
              taken,
              undefined,
              timeoutMs,
              nothing,
              () => new FeishuQuotaStoreError(operation, { timeoutMs }),
            );
      } catch (cause) {
        const error = cause instanceof FeishuQuotaStoreError ? cause : new FeishuQuotaStoreError(operation, { cause });
        if (onStoreError !== 'local') throw error;
        localUntil = performance.now() + LOCAL_SPELL_MS;
        log?.('warn', 'feishu quota store failed; counting in this process for now', { error: error.message });
        return takeLocal(key, windows, id);
      }
    },
    settle: (key, windows, id) => (localIds.delete(id) ? local : store).settle?.(key, windows, id),
    slowDown: (key, ms) => (localUntil > performance.now() ? local : store).slowDown?.(key, ms),
  };
};

const shared = new WeakMap<QuotaStore, QuotaStore>();

/**
 * A quota store of your own made ready for createCore: its requests bounded by `quota.storeTimeoutMs` and
 * its failures handled as `quota.onStoreError` says. The Redis store and createClient do this themselves.
 */
export function sharedQuotaStore(store: QuotaStore): QuotaStore {
  // The in-memory store never fails nor waits: it needs no guard.
  if (!store || typeof store !== 'object' || STORE_GUARD in store || store instanceof MemoryQuotaStore) return store;
  let out = shared.get(store);
  if (!out) {
    out = {
      take: (key, windows, id) => store.take(key, windows, id),
      settle: (key, windows, id) => store.settle?.(key, windows, id),
      slowDown: (key, ms) => store.slowDown?.(key, ms),
      [STORE_GUARD]: guardStore,
    } as QuotaStore;
    shared.set(store, out);
  }
  return out;
}
