import { FeishuError } from './feishu-error.js';

/** No complete answer within `timeoutMs` (per attempt). */
export class FeishuTimeoutError extends FeishuError {
  override name = 'FeishuTimeoutError';
  readonly timeoutMs: number;
  constructor(operation: string | undefined, timeoutMs: number) {
    super(`${operation ?? 'request'} timed out after ${timeoutMs} ms`, operation);
    this.timeoutMs = timeoutMs;
  }
}
