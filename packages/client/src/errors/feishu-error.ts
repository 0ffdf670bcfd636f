import { redact, redactDeep, type Scrub } from '../redact.js';

const inspect = Symbol.for('nodejs.util.inspect.custom');

/** The base of every error this client raises. Its message, JSON and inspect output are redacted. */
export class FeishuError extends Error {
  override name = 'FeishuError';
  /** The operation that failed, for example `addTasklistMembers`. */
  readonly operation: string | undefined;

  constructor(message: string, operation: string | undefined, options?: { cause?: unknown }) {
    super(redact(message), options);
    this.operation = operation;
  }

  /** Removes the client's and the call's secrets from everything this error shows (called once, on the way out). */
  scrubWith(scrub: Scrub): this {
    this.message = scrub(this.message);
    if (this.stack) this.stack = scrub(this.stack);
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(this)) if (k !== 'cause') self[k] = redactDeep(v, scrub);
    for (let c = this.cause, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth++) {
      if (c instanceof FeishuError) c.scrubWith(scrub);
      else {
        c.message = scrub(c.message);
        if (c.stack) c.stack = scrub(c.stack);
      }
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [k, v] of Object.entries(this)) if (k !== 'cause' && v !== undefined) out[k] = v;
    if (this.cause instanceof Error) out.cause = { name: this.cause.name, message: redact(this.cause.message) };
    return redactDeep(out);
  }

  [inspect](): string {
    return `${this.name}: ${this.message}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}
