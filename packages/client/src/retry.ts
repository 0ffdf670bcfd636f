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
  | { type_: 'answer'; status_: number; code_: unknown; kind_: ErrorKind | undefined; resetHeader_: string | null }
  /**
   * Something that is not the envelope came back (gateway text, proxy HTML, a 5xx without the envelope,
   * broken JSON): the request was sent and may have been applied, as with a dropped connection.
   */
  | { type_: 'bad-answer'; status_: number }
  /** Nothing came back. `sent`: the request may have reached the server (its effect is unknown). */
  | { type_: 'no-answer'; sent_: boolean };

/** The operation's x-feishu-retry. */
export interface RetryDeclaration {
  idempotent: boolean;
  replayedSuccessCodes: readonly number[];
}

export interface RetryState {
  /** Attempts made so far, the one that just ended included. */
  attempts_: number;
  /** An earlier attempt of this call may have been applied. */
  outcomeUnknown_: boolean;
  /** A fresh token can be had and has not been tried yet. */
  canRefresh_: boolean;
  /** Milliseconds left before the call's deadline (Infinity without one). */
  remainingMs_: number;
}

export type Decision =
  | { do_: 'succeed'; replayed_: boolean }
  | { do_: 'fail' }
  | { do_: 'refresh' }
  | { do_: 'retry'; delayMs_: number };

const FAIL: Decision = { do_: 'fail' };

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
  if (outcome.type_ === 'answer') {
    if (outcome.code_ === 0 && outcome.status_ >= 200 && outcome.status_ < 300)
      return { do_: 'succeed', replayed_: false };
    // A resend after an unknown outcome was answered "already done": the first attempt applied.
    if (state.outcomeUnknown_ && declared.replayedSuccessCodes.includes(outcome.code_ as number))
      return { do_: 'succeed', replayed_: true };
    if (outcome.kind_ === 'token' && state.canRefresh_) return { do_: 'refresh' };
  }
  if (state.attempts_ > options.maxRetries) return FAIL;
  // Resend after an unknown outcome only when the operation says how to read the resend's answer.
  const safe = declared.idempotent || declared.replayedSuccessCodes.length > 0;
  let retryable: boolean;
  if (outcome.type_ === 'no-answer') retryable = !outcome.sent_ || safe;
  // A gateway's 4xx page (other than 429) would only say the same again.
  else if (outcome.type_ === 'bad-answer')
    retryable = safe && (outcome.status_ < 400 || isRetryable(outcome.status_, undefined));
  else retryable = isRetryable(outcome.status_, outcome.kind_);
  if (!retryable) return FAIL;
  const delayMs = retryDelay(
    state.attempts_ - 1,
    outcome.type_ === 'answer' ? outcome.resetHeader_ : null,
    options,
    random,
  );
  if (delayMs === undefined || delayMs >= state.remainingMs_) return FAIL;
  return { do_: 'retry', delayMs_: delayMs };
}

/** An x-ogw-ratelimit-reset header (seconds) in milliseconds; undefined when absent or not a number of seconds. */
export function resetMs(header: string | null | undefined): number | undefined {
  const ms = Number(header || NaN) * 1000;
  return ms >= 0 && ms < Infinity ? ms : undefined;
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
  const reset = resetMs(resetHeader);
  // A little jitter after the reset, so waiting callers do not all return in the same millisecond.
  if (reset !== undefined) return reset <= options.maxDelayMs ? reset + Math.floor(random() * 250) : undefined;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}
