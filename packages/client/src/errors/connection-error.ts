import { FeishuError } from './feishu-error.js';

/** The request never got an answer: DNS, refused connection, reset, TLS... */
export class FeishuConnectionError extends FeishuError {
  override name = 'FeishuConnectionError';
  constructor(operation: string | undefined, cause: unknown) {
    super(
      `${operation ?? 'request'} failed: no answer from the server (${cause instanceof Error ? cause.message : String(cause)})`,
      operation,
      { cause },
    );
  }
}
