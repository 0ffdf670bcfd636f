// Exact quotas: a sliding-window log per key and window. A request may go when, counting it, no interval
// of the window's length holds more than `limit` requests, whatever the alignment: the server's fixed
// windows can then never see more than the limit either.

export interface QuotaWindow {
  limit: number;
  windowMs: number;
}

/**
 * Where quota slots are counted. `take` either takes one slot in every window of `key` and returns 0,
 * or takes nothing and returns how many milliseconds to wait before asking again. The default store
 * is this process's memory; `@feishu-task/client/redis` shares one quota among processes and machines.
 */
export interface QuotaStore {
  take(key: string, windows: readonly QuotaWindow[]): number | Promise<number>;
}

/** Timestamps of the last `limit` slots of each window, oldest first. */
export class MemoryQuotaStore implements QuotaStore {
  private readonly logs = new Map<string, number[][]>();
  constructor(private readonly now: () => number = () => Date.now()) {}

  take(key: string, windows: readonly QuotaWindow[]): number {
    const now = this.now();
    let logs = this.logs.get(key);
    if (!logs) {
      logs = windows.map(() => []);
      this.logs.set(key, logs);
    }
    let wait = 0;
    for (const [i, { limit, windowMs }] of windows.entries()) {
      const log = logs[i] ?? [];
      let expired = 0;
      while (expired < log.length && (log[expired] ?? 0) <= now - windowMs) expired++;
      if (expired) log.splice(0, expired);
      // Full: the slot frees when the oldest of the last `limit` leaves the window.
      if (log.length >= limit) wait = Math.max(wait, (log[log.length - limit] ?? now) + windowMs - now);
    }
    if (wait > 0) return wait;
    for (const log of logs) log.push(now);
    return 0;
  }
}
