// Faults queued for the next N requests of an operation. A fault is an exhaustive union keyed by
// `kind` (schema and type from one TypeBox declaration); a batch is checked whole before any is queued.
import type { Static } from 'typebox';
import * as Type from 'typebox';
import { checker, InputError } from './schema.js';

const common = {
  /** The operationId whose next requests fail, or '*' for any operation. */
  operation: Type.String({ minLength: 1, description: "an operationId, or '*' for any" }),
  /** How many requests it applies to (default 1). */
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
};
const kindSchema = <K extends string, P extends Record<string, import('typebox').TSchema>>(kind: K, props: P) =>
  Type.Object({ kind: Type.Literal(kind), ...common, ...props }, { additionalProperties: false });

export const FAULT_SCHEMAS = {
  /** Waits `delayMs` of real time, then answers normally. */
  delay: kindSchema('delay', { delayMs: Type.Integer({ minimum: 0, maximum: 600_000 }) }),
  /** Answers the operation's documented 5xx, or the documented error `code` of the operation. */
  'server-error': kindSchema('server-error', { code: Type.Optional(Type.Integer()) }),
  /** 429 / 99991400 with `x-ogw-ratelimit-reset: resetSeconds` (default 1). */
  'rate-limit': kindSchema('rate-limit', {
    resetSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
  }),
  /**
   * The connection closes with no answer; with `afterApply: true` the request applies first (the outcome
   * is unknown to the caller though it applied; what the spec's `x-feishu-retry` is about).
   */
  drop: kindSchema('drop', { afterApply: Type.Optional(Type.Boolean()) }),
  /** Half the body, then the connection closes. */
  truncate: kindSchema('truncate', {}),
};
export const FaultSchema = Type.Union(
  Object.values(FAULT_SCHEMAS) as unknown as [
    (typeof FAULT_SCHEMAS)['delay'],
    (typeof FAULT_SCHEMAS)['server-error'],
    (typeof FAULT_SCHEMAS)['rate-limit'],
    (typeof FAULT_SCHEMAS)['drop'],
    (typeof FAULT_SCHEMAS)['truncate'],
  ],
);

export type FaultSpec = Static<typeof FaultSchema>;
export type FaultKind = FaultSpec['kind'];
export const FAULT_KINDS = Object.keys(FAULT_SCHEMAS) as FaultKind[];

export class FaultConfigError extends InputError {
  override name = 'FaultConfigError';
}

const checkers = Object.fromEntries(FAULT_KINDS.map((k) => [k, checker(FAULT_SCHEMAS[k], 'fault')])) as Record<
  FaultKind,
  (v: unknown) => FaultSpec
>;

/** What the queue needs to know of an operation: its id and the error codes its pages document. */
export interface FaultTarget {
  id: string;
  errors: Map<number, unknown>;
}

export class Faults {
  private queue: (FaultSpec & { count: number; left: number })[] = [];

  constructor(private readonly operations: FaultTarget[]) {}

  /** `value` checked as a fault: the kind's schema, a known operation, a code the operation documents. */
  check(value: unknown, at = ''): FaultSpec & { count: number } {
    const where = (field: string) => (at ? `${at}.${field}` : field);
    const fail = (field: string, message: string) =>
      new FaultConfigError(`fault: ${where(field) || 'the input'} ${message}`, where(field));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail('', 'must be a JSON object');
    const kind = (value as { kind?: unknown }).kind;
    if (typeof kind !== 'string' || !FAULT_KINDS.includes(kind as FaultKind))
      throw fail('kind', `must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
    let spec: FaultSpec;
    try {
      spec = checkers[kind as FaultKind](value);
    } catch (error) {
      const e = error as InputError;
      throw new FaultConfigError(e.message.replace(/^fault: /, `fault: ${at ? `${at}.` : ''}`), where(e.field));
    }
    const targets = spec.operation === '*' ? this.operations : this.operations.filter((o) => o.id === spec.operation);
    if (targets.length === 0)
      throw fail(
        'operation',
        `is unknown: "${spec.operation}" (have ${this.operations.map((o) => o.id).join(', ')} or "*")`,
      );
    if (spec.kind === 'server-error' && spec.code !== undefined) {
      const code = spec.code;
      const missing = targets.filter((o) => !o.errors.has(code)).map((o) => o.id);
      if (missing.length > 0)
        throw fail(
          'code',
          `${code} is not a documented code of ${missing.join(', ')} (a fault answers only what a page documents)`,
        );
    }
    return { ...spec, count: spec.count ?? 1 };
  }

  /** Queues one fault, or a batch: every one is checked before any is queued (all or nothing). */
  inject(input: unknown) {
    const batch = Array.isArray(input) ? input.map((f, i) => this.check(f, `[${i}]`)) : [this.check(input)];
    for (const spec of batch) this.queue.push({ ...spec, left: spec.count });
  }

  /** The fault for this request of `operation`, if one is queued (and counts it as used). */
  take(operation: string): FaultSpec | undefined {
    const i = this.queue.findIndex((f) => f.operation === operation || f.operation === '*');
    if (i < 0) return undefined;
    const fault = this.queue[i];
    if (!fault) return undefined;
    fault.left--;
    if (fault.left <= 0) this.queue.splice(i, 1);
    const { left: _left, ...spec } = fault;
    return spec;
  }

  list() {
    return this.queue.map((f) => ({ ...f }));
  }

  clear() {
    this.queue = [];
  }
}

/** What inject() takes: a fault (checked at run time, so plain JSON from a test in another language works). */
export type FaultInput = FaultSpec | Record<string, unknown>;
