import { redact, redactDeep } from '../redact.js';

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
