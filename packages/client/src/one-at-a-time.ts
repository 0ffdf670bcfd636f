// Writes to one task go one after another in this process: the pages document 1470451 ("concurrent
// requests for the same task") for the operations that write to a task. Which operations those are is
// read from the operation's generated spec (it documents TaskRequestsTooFrequent), and the task is the
// first parameter of its path.
import { within } from './abort.js';
import type { Serial } from './internals.js';
import type { OperationSpec } from './operation.js';

/**
 * How calls of `spec` go one at a time, if its page documents 1470451: the path parameter naming the task
 * written to, and the runner. The modules of those operations hand it to the core with each call, so an
 * app that makes no task writes does not carry it.
 */
export function serialOf(spec: OperationSpec): Serial | undefined {
  const param = Object.values(spec.errors).some(([, name]) => name === 'TaskRequestsTooFrequent')
    ? /\{([^}]+)\}/.exec(spec.path)?.[1]
    : undefined;
  return param === undefined ? undefined : { param_: param, run_: oneAtATime };
}

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
