// Virtual time: the emulator's notion of now. It follows the wall clock from an offset, or stands still
// when frozen, so that tests of token expiry and quota windows move time instead of waiting for it.
export interface Clock {
  /** Virtual now, in epoch milliseconds. */
  now(): number;
  /** Moves virtual time forward by `ms` (frozen or not). */
  advance(ms: number): number;
  /** Sets virtual now to `epochMs`. */
  set(epochMs: number): number;
  /** Stops virtual time where it is (until `unfreeze`). */
  freeze(): number;
  unfreeze(): number;
  /** Back to how it started (the `start` and `frozen` it was created with). */
  reset(): number;
  readonly frozen: boolean;
}

/** The latest instant a clock may be set to (the largest Date), so `set(1e300)` is refused. */
export const MAX_EPOCH_MS = 8.64e15;

export function createClock(options: { start?: number; frozen?: boolean } = {}): Clock {
  let offset = 0;
  let frozenAt: number | undefined;
  const now = () => frozenAt ?? Date.now() + offset;
  const start = () => {
    offset = options.start === undefined ? 0 : options.start - Date.now();
    frozenAt = options.frozen ? Date.now() + offset : undefined;
    return now();
  };
  const check = (n: number, what: string) => {
    if (!Number.isFinite(n)) throw new RangeError(`clock: ${what} must be a finite number of milliseconds`);
  };
  if (options.start !== undefined) check(options.start, 'start');
  start();
  return {
    now,
    advance(ms) {
      check(ms, 'advance(ms)');
      if (ms < 0) throw new RangeError('clock: advance(ms) cannot go backwards; use set(epochMs)');
      if (now() + ms > MAX_EPOCH_MS)
        throw new RangeError(`clock: advance(ms) would pass ${MAX_EPOCH_MS}, the latest Date`);
      if (frozenAt !== undefined) frozenAt += ms;
      else offset += ms;
      return now();
    },
    set(epochMs) {
      check(epochMs, 'set(epochMs)');
      if (epochMs < 0 || epochMs > MAX_EPOCH_MS)
        throw new RangeError(`clock: set(epochMs) must be from 0 to ${MAX_EPOCH_MS}`);
      if (frozenAt !== undefined) frozenAt = epochMs;
      else offset = epochMs - Date.now();
      return now();
    },
    freeze() {
      frozenAt ??= now();
      return frozenAt;
    },
    unfreeze() {
      if (frozenAt !== undefined) {
        offset = frozenAt - Date.now();
        frozenAt = undefined;
      }
      return now();
    },
    reset: start,
    get frozen() {
      return frozenAt !== undefined;
    },
  };
}
