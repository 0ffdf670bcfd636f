// One 'abort' listener per AbortSignal however many calls share it: callers register callbacks here,
// so a signal shared by hundreds of concurrent calls never trips MaxListenersExceededWarning, and
// finished calls leave nothing attached.
interface Watch {
  callbacks_: Set<() => void>;
  fire_: () => void;
}
const watches = new WeakMap<AbortSignal, Watch>();
const nothingToStop = () => {};

/** Runs `onAbort` once when `signal` fires; returns the function that stops watching. */
export function watchAbort(signal: AbortSignal | undefined, onAbort: () => void): () => void {
  if (!signal) return nothingToStop;
  let watch = watches.get(signal);
  if (!watch) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      signal.removeEventListener('abort', fire);
      watches.delete(signal);
      for (const cb of callbacks) cb();
    };
    watch = { callbacks_: callbacks, fire_: fire };
    watches.set(signal, watch);
    signal.addEventListener('abort', fire);
  }
  const own = watch;
  own.callbacks_.add(onAbort);
  return () => {
    own.callbacks_.delete(onAbort);
    if (own.callbacks_.size === 0 && watches.get(signal) === own) {
      watches.delete(signal);
      signal.removeEventListener('abort', own.fire_);
    }
  };
}

/** setTimeout's ceiling (about 24.8 days): a longer delay would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;
/** No limit (one name, so minified code says it once). */
export const NONE = Number.POSITIVE_INFINITY;

// Every attempt's time limit on one timer, set for the earliest: a setTimeout and clearTimeout per request
// cost more than the rest of the send loop's own work (`pnpm bench`, CPU per call). Unref'd: the request
// it limits keeps the process alive. On the monotonic clock, so stepping the wall clock moves no limit.
interface Expiry {
  at_: number;
  controller_: AbortController;
}
const expiries = new Set<Expiry>();
let shared: ReturnType<typeof setTimeout> | undefined;
let timerAt = NONE;

function arm(at: number, now: number) {
  clearTimeout(shared);
  timerAt = at;
  // No longer than MAX_TIMER_MS: the option checks bound timeoutMs and deadlineMs by it.
  shared = setTimeout(expire, at - now);
  (shared as { unref?: () => void }).unref?.();
}

function expire() {
  timerAt = NONE;
  const now = performance.now();
  let next = timerAt;
  for (const e of expiries)
    if (e.at_ <= now) {
      expiries.delete(e);
      e.controller_.abort();
    } else next = Math.min(next, e.at_);
  if (next < timerAt) arm(next, now);
}

/** Aborts `controller` after `ms` unless the expiry is disarmed first. */
export function expireAfter(ms: number, controller: AbortController): Expiry {
  const now = performance.now();
  const e: Expiry = { at_: now + ms, controller_: controller };
  expiries.add(e);
  if (e.at_ < timerAt) arm(e.at_, now);
  return e;
}

export const disarm = (e: Expiry) => expiries.delete(e);

/** A setTimeout that an AbortSignal cuts short (rejecting with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const stop = watchAbort(signal, () => {
      clearTimeout(timer);
      reject(signal?.reason);
    });
    const timer = setTimeout(
      () => {
        stop();
        resolve();
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  });
}

/**
 * `promise`, unless `signal` fires or `limitMs` passes first: then rejects with `onAbort()` or
 * `onTimeout()`. The promise itself runs on (a shared token exchange serves other callers too).
 */
export function within<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  limitMs: number,
  onAbort: () => unknown,
  onTimeout: () => unknown,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(onAbort());
  if (!signal && limitMs === NONE) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer =
      limitMs < NONE
        ? setTimeout(() => finish(reject, onTimeout()), Math.min(Math.max(0, limitMs), MAX_TIMER_MS))
        : undefined;
    const stop = watchAbort(signal, () => finish(reject, onAbort()));
    function finish<V>(settle: (v: V) => void, value: V) {
      clearTimeout(timer);
      stop();
      settle(value);
    }
    promise.then(
      (value) => finish(resolve, value),
      (error) => finish(reject, error),
    );
  });
}
