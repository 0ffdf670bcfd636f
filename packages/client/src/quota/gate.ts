// Callers of one quota key line up here (first come, first served) and only the head of the line asks
// the store, so thousands of waiting calls cost one store request per slot, not one each. A store that
// fails or does not answer within its timeout ends the wait of everyone in line with a
// FeishuQuotaStoreError, or (onStoreError 'local') is replaced by this process's memory for a while.
import { sleep, watchAbort } from '../abort.js';
import { FeishuQuotaStoreError } from '../errors/quota-store-error.js';
import type { QuotaStore, QuotaWindow } from './store.js';

export interface StorePolicy {
  /** The longest one store request may take (Infinity: no bound). */
  timeoutMs: number;
  /** 'fail': callers get FeishuQuotaStoreError; 'local': count in `local` for LOCAL_SPELL_MS, then try again. */
  onError: 'fail' | 'local';
  local: QuotaStore;
  /** Told when the store fails and the gate falls back to local counting. */
  onFallback?: ((error: FeishuQuotaStoreError) => void) | undefined;
}

/** How long a gate counts locally after its store failed, before it asks the store again. */
export const LOCAL_SPELL_MS = 5_000;

interface Waiter {
  resolve: (slot: Slot) => void;
  reject: (error: unknown) => void;
}

/** A slot taken: the store that holds it and its name there, to stamp when the answer comes. */
export interface Slot {
  store: QuotaStore;
  id: string;
}

// Names unique to this process (the Redis store adds its own per-process prefix).
let sequence = 0;

const TIMED_OUT = Symbol('timed out');

export class QuotaGate {
  private readonly line: Waiter[] = [];
  private pumping = false;
  private localUntil = 0;

  constructor(
    private readonly store: QuotaStore,
    private readonly key: string,
    private readonly operation: string,
    private readonly windows: readonly QuotaWindow[],
    private readonly policy: StorePolicy,
  ) {}

  /**
   * Resolves when a slot is taken. Rejects with `onTimeout()` if none came within `limitMs`, with
   * `onAbort()` when the signal fires (or has fired), or with a FeishuQuotaStoreError; either way the
   * caller leaves the line and takes nothing.
   */
  acquire(
    signal: AbortSignal | undefined,
    limitMs: number,
    onTimeout: () => unknown,
    onAbort: () => unknown,
  ): Promise<Slot> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(onAbort());
      let timer: ReturnType<typeof setTimeout> | undefined;
      const leave = (error: unknown) => {
        const i = this.line.indexOf(waiter);
        if (i >= 0) this.line.splice(i, 1);
        done();
        reject(error);
      };
      const stop = watchAbort(signal, () => leave(onAbort()));
      const done = () => {
        stop();
        if (timer !== undefined) clearTimeout(timer);
      };
      const waiter: Waiter = {
        resolve: (slot) => {
          done();
          resolve(slot);
        },
        reject: leave,
      };
      if (Number.isFinite(limitMs)) timer = setTimeout(() => leave(onTimeout()), Math.max(0, limitMs));
      this.line.push(waiter);
      if (!this.pumping) void this.pump();
    });
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.line.length) {
        let taken: [wait: number, slot: Slot];
        try {
          taken = await this.take();
        } catch (error) {
          for (const w of this.line.splice(0)) w.reject(error);
          return;
        }
        const [wait, slot] = taken;
        const waiter = wait <= 0 ? this.line.shift() : undefined;
        // Everyone left while the store was asked: the slot goes back as answered now.
        if (wait <= 0 && !waiter) this.settle(slot);
        waiter?.resolve(slot);
        if (wait > 0) await sleep(wait);
      }
    } finally {
      this.pumping = false;
    }
  }

  /** The slot's request was answered (or failed): from now on it counts from this moment. */
  settle(slot: Slot): void {
    try {
      const done = slot.store.settle?.(this.key, this.windows, slot.id);
      // A store that fails here only leaves the slot counted as in flight until it expires.
      if (done) done.catch(() => {});
    } catch {
      // as above
    }
  }

  /** The server answered "too fast": every taker of this key, in every process, waits `ms`. */
  slowDown(ms: number): void {
    try {
      const done = (this.localUntil > performance.now() ? this.policy.local : this.store).slowDown?.(this.key, ms);
      if (done) done.catch(() => {});
    } catch {
      // the next answer will say it again
    }
  }

  private async take(): Promise<[number, Slot]> {
    const { policy } = this;
    const id = `${++sequence}`;
    const local = { store: policy.local, id };
    if (this.localUntil > performance.now()) return [await policy.local.take(this.key, this.windows, id), local];
    const slot = { store: this.store, id };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const taken = this.store.take(this.key, this.windows, id);
      if (typeof taken === 'number') return [taken, slot];
      if (!Number.isFinite(policy.timeoutMs)) return [await taken, slot];
      // A slot the store grants after the timeout goes unused: the quota only gets stricter.
      taken.catch(() => {});
      const result = await Promise.race([
        taken,
        new Promise<typeof TIMED_OUT>((resolve) => {
          timer = setTimeout(resolve, policy.timeoutMs, TIMED_OUT);
        }),
      ]);
      if (result === TIMED_OUT) throw new FeishuQuotaStoreError(this.operation, { timeoutMs: policy.timeoutMs });
      return [result, slot];
    } catch (cause) {
      const error =
        cause instanceof FeishuQuotaStoreError ? cause : new FeishuQuotaStoreError(this.operation, { cause });
      if (policy.onError !== 'local') throw error;
      this.localUntil = performance.now() + LOCAL_SPELL_MS;
      policy.onFallback?.(error);
      return [await policy.local.take(this.key, this.windows, id), local];
    } finally {
      clearTimeout(timer);
    }
  }
}
