import type { operations } from '@feishu-task/types';

type RateLimit = (typeof operations)[keyof typeof operations]['rateLimit'];

/** A token bucket that refills `capacity` tokens evenly over `windowMs`. */
class Bucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
  ) {
    this.tokens = capacity;
  }
  /** Reserves one token; returns how long to wait before using it. */
  reserve(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.capacity) / this.windowMs);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * this.windowMs) / this.capacity);
  }
}

/**
 * Client-side quotas from the spec's x-feishu-rate-limit: one bucket per window, per operation.
 * A bulk caller waits here instead of being rate limited by the server.
 */
export class Throttle {
  private readonly buckets = new Map<string, Bucket[]>();

  /** Milliseconds the caller must wait before sending one request of `operation`. */
  delayFor(operation: string, limit: RateLimit | undefined): number {
    if (!limit) return 0;
    let buckets = this.buckets.get(operation);
    if (!buckets) {
      buckets = [];
      if (limit.perMinute) buckets.push(new Bucket(limit.perMinute, 60_000));
      if (limit.perSecond) buckets.push(new Bucket(limit.perSecond, 1_000));
      this.buckets.set(operation, buckets);
    }
    const now = Date.now();
    let wait = 0;
    for (const b of buckets) wait = Math.max(wait, b.reserve(now));
    return wait;
  }
}
