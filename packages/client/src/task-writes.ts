// Writes to one task go one at a time (the page documents 1470451 for concurrent ones): the task
// operations' modules bring this, so the core of an app that makes no task writes does not carry it.
import type { OperationSpec } from '@feishu-task/types/operations';
import type { Answer } from './attempt.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';
import type { Around } from './internals.js';
import { serialOf } from './one-at-a-time.js';
import { stoppedByCaller } from './stopped.js';

/** The request of `spec` waits its turn after earlier writes to the same task (undefined: no turn to wait). */
export function taskWrites(spec: OperationSpec): Around | undefined {
  const serial = serialOf(spec);
  return (
    serial &&
    ((go, ctx, path, baseUrl) =>
      serial.run_<Answer>(
        `${baseUrl}\u0000${String(path[serial.param_])}`,
        go,
        ctx.signal,
        ctx.deadlineAt_ - Date.now(),
        () => stoppedByCaller(spec.id, ctx.signal?.reason, false),
        () => new FeishuTimeoutError(spec.id, ctx.deadlineMs, { deadline: true, inFlight: false }),
      ))
  );
}
