import type { ErrorKind } from './errors/api-error.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** First backoff step (default 500 ms); doubles each retry, with full jitter. */
  baseDelayMs: number;
  /** No single wait is longer; a server asking for more is not retried (default 30 s). */
  maxDelayMs: number;
}

export const defaultRetry: RetryOptions = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Only rate limits, server failures and network errors are retried: never permission or validation. */
export function isRetryable(status: number, kind: ErrorKind | undefined): boolean {
  if (kind !== undefined && kind !== 'unknown') return kind === 'rate_limit' || kind === 'server';
  return status === 429 || status >= 500;
}

/**
 * The wait before retry number `attempt` (0-based): the server's x-ogw-ratelimit-reset when it sends
 * one, else exponential backoff with jitter. Undefined when the server asks for more than maxDelayMs.
 */
export function retryDelay(
  attempt: number,
  resetHeader: string | null,
  options: RetryOptions,
  random = Math.random,
): number | undefined {
  const reset = resetHeader === null ? NaN : Number(resetHeader);
  if (Number.isFinite(reset) && reset >= 0) {
    const ms = reset * 1000 + Math.floor(random() * 250);
    return ms <= options.maxDelayMs ? ms : undefined;
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/** A setTimeout that an AbortSignal can cut short. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
