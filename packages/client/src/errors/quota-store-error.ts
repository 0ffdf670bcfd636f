import { FeishuError } from './feishu-error.js';

/**
 * The quota store (Redis) failed or did not answer within `quota.storeTimeoutMs`, and `onStoreError` is
 * 'fail'; nothing was sent. `cause` is the store's own error (for a timeout, undefined).
 */
export class FeishuQuotaStoreError extends FeishuError {
  override name = 'FeishuQuotaStoreError';
  declare readonly storeTimeoutMs: number | undefined;
  readonly outcomeUnknown = false;
  constructor(operation: string, init: { cause?: unknown; timeoutMs?: number }) {
    super(
      init.timeoutMs !== undefined
        ? `${operation}: the quota store did not answer within storeTimeoutMs (${init.timeoutMs} ms); nothing was sent`
        : `${operation}: the quota store failed (${init.cause instanceof Error ? init.cause.message : String(init.cause)}); nothing was sent`,
      operation,
      init.timeoutMs !== undefined ? undefined : { cause: init.cause },
    );
    this.storeTimeoutMs = init.timeoutMs;
  }
}
