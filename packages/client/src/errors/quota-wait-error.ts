import { FeishuError } from './feishu-error.js';

/**
 * The operation's quota had no room within the caller's `maxWaitMs`; the request waiting for it was not
 * sent. `attempts` and `outcomeUnknown` speak of the call's earlier requests, if it had retried.
 */
export class FeishuQuotaWaitError extends FeishuError {
  override name = 'FeishuQuotaWaitError';
  declare readonly maxWaitMs: number;
  /** Requests the call sent before (0 unless it was retrying). */
  declare readonly attempts: number;
  /** True when one of them may have been applied. */
  declare readonly outcomeUnknown: boolean;
  constructor(operation: string, maxWaitMs: number) {
    super(`${operation}: no room in the quota within maxWaitMs (${maxWaitMs} ms); the request was not sent`, operation);
    this.maxWaitMs = maxWaitMs;
  }
}
