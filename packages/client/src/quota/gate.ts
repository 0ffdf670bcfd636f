// Callers of one quota key line up here (first come, first served) and only the head of the line asks
// the store, so thousands of waiting calls cost one store request per slot, not one each.
import { sleep, watchAbort } from '../abort.js';
import type { QuotaStore, QuotaWindow } from './store.js';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class QuotaGate {
  private readonly line: Waiter[] = [];
  private pumping = false;

  constructor(
    private readonly store: QuotaStore,
    private readonly key: string,
    private readonly windows: readonly QuotaWindow[],
  ) {}

  /**
   * Resolves when a slot is taken. Rejects with `onTimeout()` if none came within `limitMs`, or with
   * the signal's reason when it fires; either way the caller leaves the line and takes nothing.
   */
  acquire(signal: AbortSignal | undefined, limitMs: number, onTimeout: () => unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const leave = (error: unknown) => {
        const i = this.line.indexOf(waiter);
        if (i >= 0) this.line.splice(i, 1);
        done();
        reject(error);
      };
      const stop = watchAbort(signal, () => leave(signal?.reason));
      const done = () => {
        stop();
        if (timer !== undefined) clearTimeout(timer);
      };
      const waiter: Waiter = {
        resolve: () => {
          done();
          resolve();
        },
        reject: leave,
      };
      if (signal?.aborted) return reject(signal.reason);
      if (Number.isFinite(limitMs)) timer = setTimeout(() => leave(onTimeout()), Math.max(0, limitMs));
      this.line.push(waiter);
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.line.length) {
        let wait: number;
        try {
          wait = await this.store.take(this.key, this.windows);
        } catch (error) {
          // The store failed (Redis down): the callers learn why instead of waiting forever.
          for (const w of this.line.splice(0)) w.reject(error);
          return;
        }
        if (wait <= 0) this.line.shift()?.resolve();
        else await sleep(wait);
      }
    } finally {
      this.pumping = false;
    }
  }
}
