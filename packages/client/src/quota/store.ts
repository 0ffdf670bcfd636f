// Exact quotas: a sliding-window log per key and window. A request may go when, counting it, no interval
// of the window's length holds more than `limit` requests, whatever the alignment: the server's fixed
// windows can then never see more than the limit either.

export interface QuotaWindow {
  limit: number;
  windowMs: number;
}

/**
 * Where quota slots are counted. `take` either takes one slot in every window of `key` and returns 0,
 * or takes nothing and returns how many milliseconds to wait before asking again. A window is known by
 * its length: clients naming other limits for the same key and length count in the same log, each held
 * to its own limit. The default store is this process's memory; `@feishu-task/client/redis` shares one
 * quota among processes and machines.
 */
export interface QuotaStore {
  take(key: string, windows: readonly QuotaWindow[]): number | Promise<number>;
}

interface Entry {
  log: number[];
  windowMs: number;
}

// A clock that only moves forward: stepping the wall clock back must not stall the quota.
const monotonic = () => performance.now();

/** Timestamps of the last `limit` slots of each window, oldest first; a window idle for its length is dropped. */
export class MemoryQuotaStore implements QuotaStore {
  private readonly logs = new Map<string, Entry>();
  // The entries of a key's windows, found once per key and window list (not once per take).
  private readonly found = new Map<string, { windows: readonly QuotaWindow[]; entries: Entry[] }>();
  private sweptAt: number;
  constructor(private readonly now: () => number = monotonic) {
    this.sweptAt = now();
  }

  take(key: string, windows: readonly QuotaWindow[]): number {
    const now = this.now();
    // Forget windows nobody used for their length (clients that are gone), at most once a minute.
    if (now - this.sweptAt > 60_000) this.sweep(now);
    let found = this.found.get(key);
    if (found?.windows !== windows) {
      found = { windows, entries: windows.map(({ windowMs }) => this.entry(key, windowMs)) };
      this.found.set(key, found);
    }
    const { entries } = found;
    let wait = 0;
    for (let i = 0; i < windows.length; i++) {
      const { limit, windowMs } = windows[i] as QuotaWindow;
      const { log } = entries[i] as Entry;
      let expired = 0;
      while (expired < log.length && (log[expired] ?? 0) <= now - windowMs) expired++;
      if (expired) log.splice(0, expired);
      // Full: the slot frees when the oldest of the last `limit` leaves the window.
      if (log.length >= limit) wait = Math.max(wait, (log[log.length - limit] ?? now) + windowMs - now);
    }
    if (wait > 0) return wait;
    for (const entry of entries) entry.log.push(now);
    return 0;
  }

  private entry(key: string, windowMs: number): Entry {
    const name = `${key}\u0000${windowMs}`;
    let entry = this.logs.get(name);
    if (!entry) {
      entry = { log: [], windowMs };
      this.logs.set(name, entry);
    }
    return entry;
  }

  /** Windows held (for tests of idle expiry). */
  get size(): number {
    return this.logs.size;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    this.found.clear();
    for (const [name, { log, windowMs }] of this.logs)
      if (!log.length || (log[log.length - 1] ?? 0) <= now - windowMs) this.logs.delete(name);
  }
}
