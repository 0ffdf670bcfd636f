// The numbers a client or a call is given are checked when they are given: a negative, NaN or
// out-of-range value would otherwise reach setTimeout, which turns it into 1 ms (an instant timeout).
import { MAX_TIMER_MS } from './abort.js';
import { FeishuInputError } from './errors/input-error.js';

const RANGES = {
  positive: [(n: number) => n >= 1 && n <= MAX_TIMER_MS, `a number of milliseconds from 1 to ${MAX_TIMER_MS}`],
  'non-negative': [(n: number) => n >= 0 && n <= MAX_TIMER_MS, `a number of milliseconds from 0 to ${MAX_TIMER_MS}`],
  count: [(n: number) => Number.isInteger(n) && n >= 0, 'a whole number from 0'],
} as const;

/**
 * Throws a FeishuInputError naming `field` unless `value` is undefined or in `range` (or, when
 * `infinite`, Infinity: no limit).
 */
export function checkNumber(
  where: string,
  field: string,
  value: unknown,
  range: keyof typeof RANGES,
  infinite = false,
): void {
  if (value === undefined) return;
  const [test, what] = RANGES[range];
  const ok =
    typeof value === 'number' &&
    (value === Number.POSITIVE_INFINITY ? infinite : Number.isFinite(value) && test(value));
  if (!ok)
    throw new FeishuInputError(
      where,
      field,
      `must be ${what}${infinite ? ', or Infinity for none' : ''}, got ${String(value)}`,
    );
}
