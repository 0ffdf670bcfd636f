import { FeishuError } from './feishu-error.js';

const describe = (reason: unknown): string =>
  reason instanceof Error || (typeof reason === 'object' && reason !== null && 'name' in reason)
    ? String((reason as { name: unknown }).name)
    : reason === undefined
      ? 'no reason'
      : typeof reason;

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
