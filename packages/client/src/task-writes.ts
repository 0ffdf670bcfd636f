// Writes to one task go one at a time: the spec marks the answer the server gives a request on a task while
// another is in flight (1470451, x-feishu-error.concurrent), and the generated spec of each such operation
// carries it as `oneAtATime`, naming the path parameter whose value keys the line.
// The task operations' modules bring this, so the core of an app that makes no task writes does not carry it.
import type { OperationSpec } from '@feishu-task/types/operations';
import type { Answer } from './attempt.js';
import type { Around } from './internals.js';
import { oneAtATime } from './one-at-a-time.js';
import { msLeft } from './send.js';
import { pastDeadline, stoppedByCaller } from './stopped.js';

/** The request of `spec` waits its turn after earlier writes to the same task (undefined: no turn to wait). */
export function taskWrites(spec: OperationSpec): Around | undefined {
  const param = spec.oneAtATime?.per;
  return param === undefined
    ? undefined
    : (go, ctx, path, baseUrl) =>
        oneAtATime<Answer>(
          `${baseUrl}\u0000${param}\u0000${String(path[param])}`,
          go,
          ctx.signal,
          msLeft(ctx.deadlineAt_),
          () => stoppedByCaller(spec.id, ctx.signal?.reason, false, 0),
          () => pastDeadline(spec.id, ctx, false, 0),
        );
}
