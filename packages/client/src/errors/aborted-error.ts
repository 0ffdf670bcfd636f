import { FeishuError } from './feishu-error.js';

/** The caller's AbortSignal fired. */
export class FeishuAbortedError extends FeishuError {
  override name = 'FeishuAbortedError';
  /** True when the abort cut a request in flight: it may have been applied. */
  readonly outcomeUnknown: boolean;
  constructor(operation: string | undefined, reason: unknown, inFlight = false) {
    super(`${operation ?? 'request'} was aborted by the caller`, operation, { cause: reason });
    this.outcomeUnknown = inFlight;
  }
}
