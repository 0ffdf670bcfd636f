import { FeishuError } from './feishu-error.js';

/** The caller's AbortSignal fired. */
export class FeishuAbortedError extends FeishuError {
  override name = 'FeishuAbortedError';
  constructor(operation: string | undefined, reason: unknown) {
    super(`${operation ?? 'request'} was aborted by the caller`, operation, { cause: reason });
  }
}
