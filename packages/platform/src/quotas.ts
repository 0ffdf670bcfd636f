// Quota windows from the generated table's rate limit (the spec's x-feishu-rate-limit), and fixed-window
// counters per key. The client reads the same generated table for its own pacing.
export interface Window {
  windowMs: number;
  limit: number;
}

export interface Exceeded {
  limit: number;
  /** Whole seconds until the exceeded window resets (the true time left, rounded up). */
  resetSeconds: number;
}

/** `{ perSecond, perMinute }` (null when the spec states none) as windows. */
export function quotaWindows(rateLimit: { perSecond: number | null; perMinute: number | null }): Window[] {
  const out: Window[] = [];
  if (rateLimit.perSecond) out.push({ windowMs: 1000, limit: rateLimit.perSecond });
  if (rateLimit.perMinute) out.push({ windowMs: 60_000, limit: rateLimit.perMinute });
  return out;
}

/** Seconds until the window of length `windowMs` that holds `now` ends (at least 1). */
export const secondsToReset = (windowMs: number, now: number) =>
  Math.max(1, Math.ceil((Math.floor(now / windowMs) * windowMs + windowMs - now) / 1000));

/** The gateway's quota headers for a 429 of an operation with these windows (the longest window's). */
export function rateLimitHeaders(windows: Window[], now: number, exceeded?: Exceeded): Record<string, string> {
  const w = exceeded ?? [...windows].sort((a, b) => b.windowMs - a.windowMs)[0];
  if (!w) return {};
  const reset = 'resetSeconds' in w ? w.resetSeconds : secondsToReset(w.windowMs, now);
  return { 'x-ogw-ratelimit-limit': String(w.limit), 'x-ogw-ratelimit-reset': String(reset) };
}

/** Fixed windows, counted per key; a window starts at a multiple of its length. */
export class FixedWindows {
  private readonly counts = new Map<string, { start: number; count: number }>();

  /** Counts one request under every window, unless one is full: then nothing is counted. */
  take(key: string, windows: Window[], now: number): Exceeded | undefined {
    const slots = windows.map((w) => {
      const start = Math.floor(now / w.windowMs) * w.windowMs;
      const id = `${key}|${w.windowMs}`;
      let slot = this.counts.get(id);
      if (!slot || slot.start !== start) {
        slot = { start, count: 0 };
        this.counts.set(id, slot);
      }
      return { w, slot };
    });
    for (const { w, slot } of slots) {
      if (slot.count >= w.limit)
        return { limit: w.limit, resetSeconds: Math.max(1, Math.ceil((slot.start + w.windowMs - now) / 1000)) };
    }
    for (const { slot } of slots) slot.count++;
    if (this.counts.size > 10_000) this.prune(now);
    return undefined;
  }

  /** Forgets windows that have ended (keeps memory bounded when many keys come and go). */
  prune(now: number) {
    for (const [id, slot] of this.counts) {
      const ms = Number(id.slice(id.lastIndexOf('|') + 1));
      if (slot.start + ms <= now) this.counts.delete(id);
    }
  }

  clear() {
    this.counts.clear();
  }
}
