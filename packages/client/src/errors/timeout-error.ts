import { FeishuError } from './feishu-error.js';

/** No complete answer within `timeoutMs` (one attempt), or the call's `deadlineMs` (all attempts) ran out. */
export class FeishuTimeoutError extends FeishuError {
  override name = 'FeishuTimeoutError';
  readonly timeoutMs: number;
  /** True when the overall deadline, not one attempt's timeout, ran out. */
  readonly deadline: boolean;
  /** True when a request was in flight: it may have been applied. */
  readonly outcomeUnknown: boolean;
  attempts = 1;
  constructor(operation: string | undefined, timeoutMs: number, init: { deadline?: boolean; inFlight?: boolean } = {}) {
    super(
      `${operation ?? 'request'} ${init.deadline ? `ran past its deadline of ${timeoutMs} ms` : `timed out after ${timeoutMs} ms`}`,
      operation,
    );
    this.timeoutMs = timeoutMs;
    this.deadline = init.deadline ?? false;
    this.outcomeUnknown = init.inFlight ?? true;
  }
}
