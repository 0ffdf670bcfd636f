import { FeishuError } from './feishu-error.js';

/** The reason's name (`AbortError`, `Error`), else its type (`string`), or `no reason`. */
const describe = (reason: unknown): string =>
  reason === undefined ? 'no reason' : String((reason as { name?: unknown } | null)?.name ?? typeof reason);

/** The caller's AbortSignal fired; `cause` is its reason, whatever it is (never modified). */
export class FeishuAbortedError extends FeishuError {
  override name = 'FeishuAbortedError';
  /** True when the abort cut a request that may have been sent: it may have been applied. */
  declare outcomeUnknown: boolean;
  attempts = 1;
  constructor(operation: string | undefined, reason: unknown, inFlight = false) {
    super(`${operation ?? 'request'} was aborted by the caller (${describe(reason)})`, operation, { cause: reason });
    this.outcomeUnknown = inFlight;
  }
}
