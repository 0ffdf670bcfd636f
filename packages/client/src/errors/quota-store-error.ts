import { FeishuError } from './feishu-error.js';

/**
 * The quota store (Redis) failed or did not answer within `quota.storeTimeoutMs`, and `onStoreError` is
 * 'fail'; the request waiting for its slot was not sent (`attempts` and `outcomeUnknown` speak of the call's
 * earlier requests, if it had retried). `cause` is the store's own error (for a timeout, undefined).
 */
export class FeishuQuotaStoreError extends FeishuError {
  override name = 'FeishuQuotaStoreError';
  declare readonly storeTimeoutMs: number | undefined;
  /** Requests the call sent before (0 unless it was retrying). */
  declare readonly attempts: number;
  /** True when one of them may have been applied. */
  outcomeUnknown = false;
  constructor(operation: string, init: { cause?: unknown; timeoutMs?: number }) {
    super(
      init.timeoutMs !== undefined
        ? `${operation}: the quota store did not answer within storeTimeoutMs (${init.timeoutMs} ms); the request was not sent`
        : `${operation}: the quota store failed (${init.cause instanceof Error ? init.cause.message : String(init.cause)}); the request was not sent`,
      operation,
      init.timeoutMs !== undefined ? undefined : { cause: init.cause },
    );
    this.storeTimeoutMs = init.timeoutMs;
  }
}
