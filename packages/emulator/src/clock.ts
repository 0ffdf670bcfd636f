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
  readonly frozen: boolean;
}

export function createClock(options: { start?: number; frozen?: boolean } = {}): Clock {
  let offset = options.start === undefined ? 0 : options.start - Date.now();
  let frozenAt: number | undefined = options.frozen ? Date.now() + offset : undefined;
  const now = () => frozenAt ?? Date.now() + offset;
  const check = (n: number, what: string) => {
    if (!Number.isFinite(n)) throw new RangeError(`clock: ${what} must be a finite number of milliseconds`);
  };
  return {
    now,
    advance(ms) {
      check(ms, 'advance(ms)');
      if (ms < 0) throw new RangeError('clock: advance(ms) cannot go backwards; use set(epochMs)');
      if (frozenAt !== undefined) frozenAt += ms;
      else offset += ms;
      return now();
    },
    set(epochMs) {
      check(epochMs, 'set(epochMs)');
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
    get frozen() {
      return frozenAt !== undefined;
    },
  };
}
