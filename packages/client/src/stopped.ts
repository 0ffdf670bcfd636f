// What a call ends with when the caller's signal fires, whatever its reason (a DOMException from
// controller.abort() or AbortSignal.timeout(), an Error, a string, undefined), or its deadline passes.
import { FeishuAbortedError } from './errors/aborted-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';

/**
 * FeishuTimeoutError for a `TimeoutError` reason (AbortSignal.timeout), else FeishuAbortedError.
 * `attempts`: the requests the call sent (0 when the signal fired before the first left).
 */
export function stoppedByCaller(
  operation: string | undefined,
  reason: unknown,
  inFlight: boolean,
  attempts: number,
): FeishuAbortedError | FeishuTimeoutError {
  const error =
    (reason as { name?: unknown } | null)?.name === 'TimeoutError'
      ? new FeishuTimeoutError(operation, undefined, { inFlight, cause: reason })
      : new FeishuAbortedError(operation, reason, inFlight);
  error.attempts = attempts;
  return error;
}

/** The call's `deadlineMs` ran out; `inFlight` and `attempts` as for stoppedByCaller. */
export function pastDeadline(
  operation: string | undefined,
  ctx: { deadlineMs: number | undefined },
  inFlight: boolean,
  attempts: number,
): FeishuTimeoutError {
  const error = new FeishuTimeoutError(operation, ctx.deadlineMs ?? 0, { deadline: true, inFlight });
  error.attempts = attempts;
  return error;
}
