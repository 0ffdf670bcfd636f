import { FeishuError } from './feishu-error.js';

/**
 * No complete answer within `timeoutMs` (one attempt), the call's `deadlineMs` (all attempts) ran out, or
 * the caller's signal fired with a `TimeoutError` (`AbortSignal.timeout(ms)`: then `timeoutMs` is
 * undefined and `cause` is the signal's reason).
 */
export class FeishuTimeoutError extends FeishuError {
  override name = 'FeishuTimeoutError';
  declare readonly timeoutMs: number | undefined;
  /** True when the overall deadline, not one attempt's timeout, ran out. */
  declare readonly deadline: boolean;
  /** True when a request may have been sent: it may have been applied. */
  declare outcomeUnknown: boolean;
  attempts = 1;
  constructor(
    operation: string | undefined,
    timeoutMs: number | undefined,
    init: { deadline?: boolean; inFlight?: boolean; cause?: unknown } = {},
  ) {
    const { deadline = false, inFlight = true } = init;
    super(
      `${operation ?? 'request'} ${
        timeoutMs === undefined
          ? "timed out: the caller's signal fired (TimeoutError)"
          : deadline
            ? `ran past its deadline of ${timeoutMs} ms`
            : `timed out after ${timeoutMs} ms`
      }`,
      operation,
      'cause' in init ? init : undefined,
    );
    Object.assign(this, { timeoutMs, deadline, outcomeUnknown: inFlight });
  }
}
