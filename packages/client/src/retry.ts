// The retry policy: given how one attempt ended, what the operation declares about resending (the spec's
// x-feishu-retry) and what happened before, decide what comes next. No I/O here: the send loop asks.
import type { ErrorKind } from './errors/api-error.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** First backoff step (default 500 ms); doubles each retry, with full jitter. */
  baseDelayMs: number;
  /** No single wait is longer; a server asking for more is not retried (default 60 s, the longest reset the quotas can ask). */
  maxDelayMs: number;
}

export const defaultRetry: RetryOptions = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 60_000 };

/** How one attempt ended. */
export type Outcome =
  /** A JSON envelope came back. */
  | { type: 'answer'; status: number; code: unknown; kind: ErrorKind | undefined; resetHeader: string | null }
  /**
   * Something that is not the envelope came back (gateway text, proxy HTML, a 5xx without the envelope,
   * broken JSON): the request was sent and may have been applied, as with a dropped connection.
   */
  | { type: 'bad-answer'; status: number }
  /** Nothing came back. `sent`: the request may have reached the server (its effect is unknown). */
  | { type: 'no-answer'; sent: boolean };

/** The operation's x-feishu-retry. */
export interface RetryDeclaration {
  idempotent: boolean;
  replayedSuccessCodes: readonly number[];
}

export interface RetryState {
  /** Attempts made so far, the one that just ended included. */
  attempts: number;
  /** An earlier attempt of this call may have been applied. */
  outcomeUnknown: boolean;
  /** A fresh token can be had and has not been tried yet. */
  canRefresh: boolean;
  /** Milliseconds left before the call's deadline (Infinity without one). */
  remainingMs: number;
}

export type Decision =
  | { do: 'succeed'; replayed: boolean }
  | { do: 'fail' }
  | { do: 'refresh' }
  | { do: 'retry'; delayMs: number };

const FAIL: Decision = { do: 'fail' };

/** Only rate limits and server failures are retried among answers: never permission or validation. */
export function isRetryable(status: number, kind: ErrorKind | undefined): boolean {
  if (kind !== undefined && kind !== 'unknown') return kind === 'rate_limit' || kind === 'server';
  return status === 429 || status >= 500;
}

export function decide(
  outcome: Outcome,
  state: RetryState,
  declared: RetryDeclaration,
  options: RetryOptions,
  random: () => number = Math.random,
): Decision {
  if (outcome.type === 'answer') {
    if (outcome.code === 0 && outcome.status >= 200 && outcome.status < 300) return { do: 'succeed', replayed: false };
    // A resend after an unknown outcome was answered "already done": the first attempt applied.
    if (state.outcomeUnknown && declared.replayedSuccessCodes.includes(outcome.code as number))
      return { do: 'succeed', replayed: true };
    if (outcome.kind === 'token' && state.canRefresh) return { do: 'refresh' };
  }
  if (state.attempts > options.maxRetries) return FAIL;
  // Resend after an unknown outcome only when the operation says how to read the resend's answer.
  const safe = declared.idempotent || declared.replayedSuccessCodes.length > 0;
  let retryable: boolean;
  if (outcome.type === 'no-answer') retryable = !outcome.sent || safe;
  // A gateway's 4xx page (other than 429) would only say the same again.
  else if (outcome.type === 'bad-answer')
    retryable = safe && (outcome.status < 400 || isRetryable(outcome.status, undefined));
  else retryable = isRetryable(outcome.status, outcome.kind);
  if (!retryable) return FAIL;
  const delayMs = retryDelay(
    state.attempts - 1,
    outcome.type === 'answer' ? outcome.resetHeader : null,
    options,
    random,
  );
  if (delayMs === undefined || delayMs >= state.remainingMs) return FAIL;
  return { do: 'retry', delayMs };
}

/**
 * The wait before retry number `retry` (0-based): the server's x-ogw-ratelimit-reset when it sends
 * one, else exponential backoff with jitter. Undefined when the server asks for more than maxDelayMs.
 */
export function retryDelay(
  retry: number,
  resetHeader: string | null,
  options: RetryOptions,
  random: () => number = Math.random,
): number | undefined {
  const reset = resetHeader === null ? Number.NaN : Number(resetHeader);
  if (Number.isFinite(reset) && reset >= 0) {
    // A little jitter after the reset, so waiting callers do not all return in the same millisecond.
    return reset * 1000 <= options.maxDelayMs ? reset * 1000 + Math.floor(random() * 250) : undefined;
  }
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
