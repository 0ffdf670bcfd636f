// The numbers a client or a call is given are checked when they are given: a negative, NaN or
// out-of-range value would otherwise reach setTimeout, which turns it into 1 ms (an instant timeout).
import { MAX_TIMER_MS } from './abort.js';
import { FeishuInputError } from './errors/input-error.js';

/**
 * A rule: the least value allowed, then `i` when Infinity means "none"; `w` (whole) for a count from 0,
 * `b` for bytes from 1; otherwise milliseconds up to MAX_TIMER_MS.
 */
type NumberRule = `${0 | 1 | 'w' | 'b'}${'' | 'i'}`;

/** Throws a FeishuInputError naming `field` unless `value` is undefined or keeps `rule`. */
export function checkNumber(where: string, field: string, value: unknown, rule: NumberRule): void {
  if (value === undefined) return;
  const [from = '', infinite] = rule;
  const whole = from > '1';
  const least = +(from === '1' || from === 'b');
  if (
    typeof value !== 'number' ||
    (value === Infinity
      ? !infinite
      : whole
        ? !Number.isSafeInteger(value) || value < least
        : !(value >= least && value <= MAX_TIMER_MS))
  )
    throw new FeishuInputError(
      where,
      field,
      `must be ${whole ? 'a whole number' : 'a number of milliseconds'} from ${least}${whole ? '' : ` to ${MAX_TIMER_MS}`}${infinite ? ', or Infinity for none' : ''}, got ${String(value)}`,
    );
}

/** A call's `deadlineMs` keeps the client's rule. */
export const DEADLINE_RULE: NumberRule = '1i';

// The client's numeric options, by path.
const CLIENT_NUMBERS: [path: string, rule: NumberRule][] = [
  ['timeoutMs', '1i'],
  ['deadlineMs', DEADLINE_RULE],
  ['maxRetries', 'w'],
  ['maxResponseBytes', 'b'],
  ['retryDelay.baseDelayMs', '0'],
  ['retryDelay.maxDelayMs', '0i'],
  ['quota.maxWaitMs', '0i'],
  ['quota.marginMs', '0'],
  ['quota.storeTimeoutMs', '1i'],
];

/** Checks every numeric option of a client or core made by `caller`. */
export function checkNumbers(caller: string, options: object): void {
  for (const [path, rule] of CLIENT_NUMBERS) {
    const [outer, inner] = path.split('.') as [string, string | undefined];
    const value = (options as Record<string, Record<string, unknown> | undefined>)[outer];
    checkNumber(caller, path, inner ? value?.[inner] : value, rule);
  }
}
