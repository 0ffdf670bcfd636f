// Writes to one task go one after another in this process: the pages document 1470451 ("concurrent
// requests for the same task") for the operations that write to a task. Which operations those are is
// read from the operation's generated spec (it documents TaskRequestsTooFrequent), and the task is the
// first parameter of its path.
import { within } from './abort.js';
import type { OperationSpec } from './operation.js';

const serial = new WeakMap<OperationSpec, string | undefined>();
/** The path parameter naming the task an operation writes to, if its page documents 1470451. */
export function serialParameter(spec: OperationSpec): string | undefined {
  if (!serial.has(spec))
    serial.set(
      spec,
      Object.values(spec.errors).some(([, name]) => name === 'TaskRequestsTooFrequent')
        ? /\{([^}]+)\}/.exec(spec.path)?.[1]
        : undefined,
    );
  return serial.get(spec);
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
