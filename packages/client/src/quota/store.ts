// Exact quotas at the server: a sliding-window log per key and window. A slot counts from the moment its
// request leaves until its answer arrives (while in flight it counts as "now"), then from the answer's
// arrival: the server counts arrivals, which fall somewhere in between. A request may go when, counting
// it, no interval of the window's length holds more than `limit` requests, whatever the alignment.

import type { Log } from '../logger.js';

export interface QuotaWindow {
  limit: number;
  windowMs: number;
}

/**
 * Where quota slots are counted. `take` either takes one slot in every window of `key` (marked in flight,
 * named `id`) and returns 0, or takes nothing and returns how many milliseconds to wait before asking
 * again. `settle` stamps slot `id` with the time its answer came. `slowDown` holds every taker of `key`
 * back for `ms` (the server answered "too fast"). A window is known by its length: clients naming other
 * limits for the same key and length count in the same log, each held to its own limit. The default
 * store is this process's memory; `@feishu-task/client/redis` shares one quota among processes.
 */
export interface QuotaStore {
  /** Set by `sharedQuotaStore(store)` and the Redis store: how the core bounds and falls back from this store. */
  readonly [STORE_GUARD]?: StoreGuard;
  take(key: string, windows: readonly QuotaWindow[], id?: string): number | Promise<number>;
  settle?(key: string, windows: readonly QuotaWindow[], id: string): void | Promise<void>;
  slowDown?(key: string, ms: number): void | Promise<void>;
}

/** Where a shared store carries its guard (./guard.ts), so a core counting in memory never bundles it. */
export const STORE_GUARD = Symbol.for('@feishu-task/client.storeGuard');

/** `quota.storeTimeoutMs` when not given: one default for the guard and the core that keys gates by it. */
export const STORE_TIMEOUT_MS = 1_000;

/**
 * What a shared store brings: `store` seen through the core's `quota.storeTimeoutMs` (default 1 s) and
 * `quota.onStoreError` ('local': counting in `local`, this process's memory, and telling `log`).
 */
export type StoreGuard = (
  store: QuotaStore,
  quota: { storeTimeoutMs?: number | undefined; onStoreError?: 'fail' | 'local' | undefined },
  local: QuotaStore,
  log: Log | undefined,
  operation: string,
) => QuotaStore;

interface Entry {
  /** Answer times, oldest first, then one Infinity per slot still in flight. */
  log_: number[];
  inFlight_: number;
  windowMs_: number;
}

/** How soon to ask again when only slots still in flight fill a window: their answers free it. */
export const IN_FLIGHT_POLL_MS = 20;

// A clock that only moves forward: stepping the wall clock back must not stall the quota.
const monotonic = () => performance.now();

/** The slots of each window, oldest first; a window idle for its length is dropped. */
export class MemoryQuotaStore implements QuotaStore {
  private readonly logs_ = new Map<string, Entry>();
  // The entries of a key's windows, found once per key and window list (not once per take).
  private readonly found_ = new Map<string, { windows_: readonly QuotaWindow[]; entries_: Entry[] }>();
  private readonly slowUntil_ = new Map<string, number>();
  private readonly now_: () => number;
  private sweptAt_: number;
  constructor(now: () => number = monotonic) {
    this.now_ = now;
    this.sweptAt_ = now();
  }

  take(key: string, windows: readonly QuotaWindow[]): number {
    const now = this.now_();
    // Forget windows nobody used for their length (clients that are gone), at most once a minute.
    if (now - this.sweptAt_ > 60_000) this.sweep_(now);
    let wait = (this.slowUntil_.get(key) ?? 0) - now;
    if (wait > 0) return wait;
    const entries = this.entries_(key, windows);
    for (let i = 0; i < windows.length; i++) {
      const { limit, windowMs } = windows[i] as QuotaWindow;
      const log = (entries[i] as Entry).log_;
      let expired = 0;
      while ((log[expired] as number) <= now - windowMs) expired++;
      log.splice(0, expired);
      // Full: the slot frees when the oldest of the last `limit` leaves the window (or, in flight, is answered).
      const oldest = log[log.length - limit];
      if (oldest !== undefined)
        wait = Math.max(wait, oldest === Infinity ? IN_FLIGHT_POLL_MS : oldest + windowMs - now);
    }
    if (wait > 0) return wait;
    for (const entry of entries) {
      entry.log_.push(Infinity);
      entry.inFlight_++;
    }
    return 0;
  }

  settle(key: string, windows: readonly QuotaWindow[]): void {
    const now = this.now_();
    // Every slot in flight is Infinity, so stamping the first of them keeps the log in order.
    for (const entry of this.entries_(key, windows))
      if (entry.inFlight_ > 0) entry.log_[entry.log_.length - entry.inFlight_--] = now;
  }

  slowDown(key: string, ms: number): void {
    const until = this.now_() + ms;
    if (until > (this.slowUntil_.get(key) ?? 0)) this.slowUntil_.set(key, until);
  }

  /** Windows held (for tests of idle expiry). */
  get size(): number {
    return this.logs_.size;
  }

  private entries_(key: string, windows: readonly QuotaWindow[]): Entry[] {
    let found = this.found_.get(key);
    if (found?.windows_ !== windows) {
      found = {
        windows_: windows,
        entries_: windows.map(({ windowMs }) => {
          const name = `${key}\u0000${windowMs}`;
          const entry = this.logs_.get(name) ?? { log_: [], inFlight_: 0, windowMs_: windowMs };
          this.logs_.set(name, entry);
          return entry;
        }),
      };
      this.found_.set(key, found);
    }
    return found.entries_;
  }

  private sweep_(now: number): void {
    this.sweptAt_ = now;
    this.found_.clear();
    for (const [name, { log_: log, windowMs_: windowMs, inFlight_: inFlight }] of this.logs_)
      if (!inFlight && (!log.length || (log[log.length - 1] as number) <= now - windowMs)) this.logs_.delete(name);
    for (const [key, until] of this.slowUntil_) if (until <= now) this.slowUntil_.delete(key);
  }
}
