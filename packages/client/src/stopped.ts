// What a call ends with when the caller's signal fires, whatever its reason: a DOMException from
// controller.abort() or AbortSignal.timeout(), an Error, a string, undefined.
import { FeishuAbortedError } from './errors/aborted-error.js';
import { FeishuTimeoutError } from './errors/timeout-error.js';

/** FeishuTimeoutError for a `TimeoutError` reason (AbortSignal.timeout), else FeishuAbortedError. */
export function stoppedByCaller(
  operation: string | undefined,
  reason: unknown,
  inFlight: boolean,
): FeishuAbortedError | FeishuTimeoutError {
  return (reason as { name?: unknown } | null)?.name === 'TimeoutError'
    ? new FeishuTimeoutError(operation, undefined, { inFlight, cause: reason })
    : new FeishuAbortedError(operation, reason, inFlight);
}
