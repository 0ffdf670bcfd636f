// Calls that share a key go one after another in this process, each waiting for the ones before it
// (task-writes.ts keys writes by their task).
import { within } from './abort.js';

const tails = new Map<string, Promise<void>>();

/**
 * Runs `run` once every earlier call for `key` has ended. Waiting ends like any other wait of the call:
 * `onAbort()` when the signal fires, `onTimeout()` past `limitMs`.
 */
export function oneAtATime<T>(
  key: string,
  run: () => Promise<T>,
  signal: AbortSignal | undefined,
  limitMs: number,
  onAbort: () => unknown,
  onTimeout: () => unknown,
): Promise<T> {
  const before = tails.get(key);
  const mine = before ? within(before, signal, limitMs, onAbort, onTimeout).then(run) : run();
  const tail: Promise<void> = (before ? Promise.all([before, mine.then(nothing, nothing)]) : mine).then(
    nothing,
    nothing,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return mine;
}
const nothing = () => {};
