// Callers of one quota key line up here (first come, first served) and only the head of the line asks
// the store, so thousands of waiting calls cost one store request per slot, not one each. A store that
// fails ends the wait of everyone in line with its error (a shared store's guard, ./guard.ts, makes that
// a FeishuQuotaStoreError, or counts in this process's memory for a while).
import { sleep, within } from '../abort.js';
import { ownCopy } from '../errors/own-copy.js';
import type { QuotaStore, QuotaWindow } from './store.js';

interface Waiter {
  resolve_: (slot: Slot) => void;
  reject_: (error: unknown) => void;
}

/** A slot taken: the store that holds it and its name there, to stamp when the answer comes. */
export interface Slot {
  store_: QuotaStore;
  id_: string;
}

/** Runs a store request whose failure (thrown or rejected) changes nothing for the caller. */
function quietly(request: () => void | Promise<void>): void {
  try {
    (request() as Promise<void> | undefined)?.catch(() => {});
  } catch {
    // as above
  }
}

// Names unique to this process (the Redis store adds its own per-process prefix).
let sequence = 0;

export class QuotaGate {
  private readonly line_: Waiter[] = [];
  private pumping_ = false;
  private readonly store_: QuotaStore;
  private readonly key_: string;
  private readonly windows_: readonly QuotaWindow[];

  constructor(store: QuotaStore, key: string, windows: readonly QuotaWindow[]) {
    this.store_ = store;
    this.key_ = key;
    this.windows_ = windows;
  }

  /**
   * Resolves when a slot is taken. Rejects with `onTimeout()` if none came within `limitMs`, with
   * `onAbort()` when the signal fires (or has fired), or with the store's error; either way the
   * caller leaves the line and takes nothing.
   */
  acquire(
    signal: AbortSignal | undefined,
    limitMs: number,
    onTimeout: () => unknown,
    onAbort: () => unknown,
  ): Promise<Slot> {
    let waiter!: Waiter;
    const slot = new Promise<Slot>((resolve, reject) => {
      waiter = { resolve_: resolve, reject_: reject };
    });
    // Out of the line at once (synchronously, before the pump can hand it a slot), then the error.
    const leave = (error: () => unknown) => () => {
      const i = this.line_.indexOf(waiter);
      if (i >= 0) this.line_.splice(i, 1);
      return error();
    };
    if (!signal?.aborted) {
      this.line_.push(waiter);
      if (!this.pumping_) void this.pump_();
    }
    return within(slot, signal, limitMs, leave(onAbort), leave(onTimeout));
  }

  private async pump_(): Promise<void> {
    this.pumping_ = true;
    const line = this.line_;
    try {
      while (line.length) {
        const id = `${++sequence}`;
        let wait: number;
        try {
          // A store that answers at once (this process's memory) is not waited on.
          const taken = this.store_.take(this.key_, this.windows_, id);
          wait = typeof taken === 'number' ? taken : await taken;
        } catch (error) {
          // Everyone in line gets the store's failure, each a copy of its own to mark and scrub.
          for (const w of line.splice(0)) w.reject_(ownCopy(error));
          return;
        }
        const slot = { store_: this.store_, id_: id };
        if (wait > 0) await sleep(wait);
        // Everyone left while the store was asked: the slot goes back as answered now.
        else if (!line.length) this.settle(slot);
        else (line.shift() as Waiter).resolve_(slot);
      }
    } finally {
      this.pumping_ = false;
    }
  }

  /** The slot's request was answered (or failed): from now on it counts from this moment. */
  settle(slot: Slot): void {
    // A store that fails here only leaves the slot counted as in flight until it expires.
    quietly(() => slot.store_.settle?.(this.key_, this.windows_, slot.id_));
  }

  /** The server answered "too fast": every taker of this key, in every process, waits `ms`. */
  slowDown(ms: number): void {
    // A store that fails here: the next answer will say it again.
    quietly(() => this.store_.slowDown?.(this.key_, ms));
  }
}
