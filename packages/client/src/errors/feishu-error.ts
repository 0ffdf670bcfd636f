import { redact, redactDeep, type Scrub } from '../redact.js';

const inspect = Symbol.for('nodejs.util.inspect.custom');

/**
 * A scrubbed stand-in for an error that is not ours (the caller's abort reason, a runtime's fetch error):
 * those may be the caller's own objects, or have read-only fields (DOMException), so they are never
 * modified. The original is returned when scrubbing changes nothing in it or its causes.
 */
function scrubbedCopy(value: unknown, scrub: Scrub, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (!(value instanceof Error) || depth > 5) return value;
  if (value instanceof FeishuError) return value.scrubWith(scrub);
  const message = scrub(String(value.message));
  const stack = value.stack && scrub(value.stack);
  const cause = scrubbedCopy(value.cause, scrub, depth + 1);
  if (message === value.message && stack === value.stack && cause === value.cause) return value;
  const copy = Object.assign(new Error(message, cause === undefined ? undefined : { cause }), {
    name: value.name,
    stack,
  });
  const code = (value as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

/** The base of every error this client raises. Its message, JSON and inspect output are redacted. */
export class FeishuError extends Error {
  override name = 'FeishuError';
  /** The operation that failed, for example `addTasklistMembers`. */
  declare readonly operation: string | undefined;

  constructor(message: string, operation: string | undefined, options?: { cause?: unknown }) {
    super(redact(message), options);
    this.operation = operation;
  }

  /**
   * Removes the client's and the call's secrets from everything this error shows (called once, on the
   * way out). A cause that is not ours is replaced by a scrubbed copy when it holds one, never modified.
   */
  scrubWith(scrub: Scrub): this {
    this.message = scrub(this.message);
    if (this.stack) this.stack = scrub(this.stack);
    // Own enumerable fields only: `cause` (as the Error constructor sets it) is not one of them.
    Object.assign(this, redactDeep({ ...this }, scrub));
    const cause = scrubbedCopy(this.cause, scrub);
    if (cause !== this.cause)
      Object.defineProperty(this, 'cause', { value: cause, writable: true, configurable: true });
    return this;
  }

  toJSON(): Record<string, unknown> {
    const cause = this.cause as Error | undefined;
    // Undefined fields are left to JSON.stringify, which drops them.
    // `message`, as the Error constructor sets it, is not enumerable: named here.
    return redactDeep<Record<string, unknown>>({
      name: this.name,
      message: this.message,
      ...(this as object),
      cause:
        cause instanceof Error
          ? { name: cause.name, message: String(cause.message) }
          : cause === undefined
            ? cause
            : String(cause),
    });
  }

  /** What `console.error(error)` and `util.inspect` show: the stack, then the fields. */
  [inspect](): string {
    const { name: _n, message: _m, ...fields } = this.toJSON();
    return `${this.stack}\n${JSON.stringify(fields, null, 2)}`;
  }
}
