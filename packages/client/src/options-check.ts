// The numbers a client or a call is given are checked when they are given: a negative, NaN or
// out-of-range value would otherwise reach setTimeout, which turns it into 1 ms (an instant timeout).
import { MAX_TIMER_MS } from './abort.js';
import { FeishuInputError } from './errors/input-error.js';

/** `from`: the least milliseconds allowed (at most MAX_TIMER_MS), 'count' for a whole number from 0, 'bytes' from 1. */
export type NumberRule = [from: 0 | 1 | 'count' | 'bytes', infinite?: 1];

/** Throws a FeishuInputError naming `field` unless `value` is undefined or keeps `rule`. */
export function checkNumber(where: string, field: string, value: unknown, [from, infinite]: NumberRule): void {
  if (value === undefined) return;
  const whole = from === 'count' || from === 'bytes';
  const least = from === 'bytes' ? 1 : from === 'count' ? 0 : from;
  const ok =
    typeof value === 'number' &&
    (value === Number.POSITIVE_INFINITY
      ? infinite === 1
      : whole
        ? Number.isSafeInteger(value) && value >= least
        : value >= least && value <= MAX_TIMER_MS);
  if (!ok)
    throw new FeishuInputError(
      where,
      field,
      `must be ${whole ? `a whole number from ${least}` : `a number of milliseconds from ${least} to ${MAX_TIMER_MS}`}${infinite ? ', or Infinity for none' : ''}, got ${String(value)}`,
    );
}

/** The client's numeric options, by path (a call's `deadlineMs` keeps the client's rule). */
export const CLIENT_NUMBERS = {
  timeoutMs: [1, 1],
  deadlineMs: [1, 1],
  maxRetries: ['count'],
  maxResponseBytes: ['bytes'],
  'retryDelay.baseDelayMs': [0],
  'retryDelay.maxDelayMs': [0, 1],
  'quota.maxWaitMs': [0, 1],
  'quota.marginMs': [0],
  'quota.storeTimeoutMs': [1, 1],
} satisfies Record<string, NumberRule>;
