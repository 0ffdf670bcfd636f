import { FeishuError } from './feishu-error.js';

/** The operation's quota had no room within the caller's `maxWaitMs`; nothing was sent. */
export class FeishuQuotaWaitError extends FeishuError {
  override name = 'FeishuQuotaWaitError';
  declare readonly maxWaitMs: number;
  constructor(operation: string, maxWaitMs: number) {
    super(`${operation}: no room in the quota within maxWaitMs (${maxWaitMs} ms); nothing was sent`, operation);
    this.maxWaitMs = maxWaitMs;
  }
}
