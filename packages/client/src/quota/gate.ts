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
  resolve: () => void;
  reject: (error: unknown) => void;
}

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
  ): Promise<void> {
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
        resolve: () => {
          done();
          resolve();
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
        let wait: number;
        try {
          wait = await this.take();
        } catch (error) {
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

  private async take(): Promise<number> {
    const { policy } = this;
    if (this.localUntil > performance.now()) return policy.local.take(this.key, this.windows);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const taken = this.store.take(this.key, this.windows);
      if (typeof taken === 'number') return taken;
      if (!Number.isFinite(policy.timeoutMs)) return await taken;
      // A slot the store grants after the timeout goes unused: the quota only gets stricter.
      taken.catch(() => {});
      const result = await Promise.race([
        taken,
        new Promise<typeof TIMED_OUT>((resolve) => {
          timer = setTimeout(resolve, policy.timeoutMs, TIMED_OUT);
        }),
      ]);
      if (result === TIMED_OUT) throw new FeishuQuotaStoreError(this.operation, { timeoutMs: policy.timeoutMs });
      return result;
    } catch (cause) {
      const error =
        cause instanceof FeishuQuotaStoreError ? cause : new FeishuQuotaStoreError(this.operation, { cause });
      if (policy.onError !== 'local') throw error;
      this.localUntil = performance.now() + LOCAL_SPELL_MS;
      policy.onFallback?.(error);
      return policy.local.take(this.key, this.windows);
    } finally {
      clearTimeout(timer);
    }
  }
}
