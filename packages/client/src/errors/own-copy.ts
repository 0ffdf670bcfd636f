/**
 * One caller's copy of an error that reaches several calls at once (one token exchange's failure, a quota
 * store's failure for everyone in line): same class and fields, so each call marks its own `attempts` and
 * `outcomeUnknown` and scrubs its own secrets without touching the others'. Made from a real Error: in Node 24
 * `stack` is an accessor that works on real errors only, and native-error checks must still hold.
 */
export function ownCopy<T>(error: T): T {
  if (!(error instanceof Error)) return error;
  const { stack: _stack, ...fields } = Object.getOwnPropertyDescriptors(error);
  const copy = Object.defineProperties(Object.setPrototypeOf(new Error(), Object.getPrototypeOf(error)), fields);
  copy.stack = error.stack;
  return copy;
}
