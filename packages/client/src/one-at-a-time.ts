// Writes to one task go one after another in this process: the pages document 1470451 ("concurrent
// requests for the same task") for the operations that write to a task. Which operations those are is
// read from the generated tables (those that document TaskRequestsTooFrequent), and the task is the
// first parameter of their path.
import { operationErrors, operations } from '@feishu-task/types';
import { within } from './abort.js';

let serial: Map<string, string> | undefined;
/** The path parameter naming the task an operation writes to, if its page documents 1470451. */
export function serialParameter(operation: string): string | undefined {
  if (!serial) {
    serial = new Map();
    for (const [op, codes] of Object.entries(
      operationErrors as Record<string, Record<string, readonly [number, string]>>,
    ))
      if (Object.values(codes).some(([, name]) => name === 'TaskRequestsTooFrequent')) {
        const first = /\{([^}]+)\}/.exec(operations[op as keyof typeof operations].path)?.[1];
        if (first) serial.set(op, first);
      }
  }
  return serial.get(operation);
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
