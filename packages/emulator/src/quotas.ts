// Fixed-window quotas, counted per key (app + tenant + operation for the platform's quotas, task for
// the Task service's "too frequent" rule). A window starts at a multiple of its length in virtual time.

export interface Window {
  windowMs: number;
  limit: number;
}

export interface Exceeded {
  limit: number;
  /** Whole seconds until the exceeded window resets (the true time left, rounded up). */
  resetSeconds: number;
}

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
