// Faults queued for the next N requests of an operation.
export type FaultKind = 'delay' | 'server-error' | 'rate-limit' | 'drop' | 'truncate';

export interface FaultSpec {
  /** The operationId whose next requests fail, or '*' for any operation. */
  operation: string;
  kind: FaultKind;
  /** How many requests it applies to (default 1). */
  count?: number;
  /** `delay`: milliseconds of real time to wait before answering normally. */
  delayMs?: number;
  /** `server-error`: which documented 5xx code to answer (default: the operation's first). */
  code?: number;
  /** `rate-limit`: the x-ogw-ratelimit-reset value in seconds (default 1). */
  resetSeconds?: number;
  /**
   * `drop`: run the request first, then drop the connection (the outcome is unknown to the caller though
   * it applied; what the spec's `x-feishu-retry` is about). Default false: dropped before it applies.
   */
  afterApply?: boolean;
}

export class FaultConfigError extends TypeError {
  override name = 'FaultConfigError';
}

const KINDS: FaultKind[] = ['delay', 'server-error', 'rate-limit', 'drop', 'truncate'];

export class Faults {
  private queue: (FaultSpec & { left: number })[] = [];

  constructor(private readonly operations: string[]) {}

  inject(spec: FaultSpec) {
    if (!spec || typeof spec !== 'object') throw new FaultConfigError('fault: expected an object');
    if (spec.operation !== '*' && !this.operations.includes(spec.operation))
      throw new FaultConfigError(
        `fault: unknown operation "${spec.operation}" (have ${this.operations.join(', ')} or "*")`,
      );
    if (!KINDS.includes(spec.kind))
      throw new FaultConfigError(`fault: unknown kind "${spec.kind}" (have ${KINDS.join(', ')})`);
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new FaultConfigError(`fault: count must be a positive integer, got ${spec.count}`);
    if (spec.kind === 'delay' && !(Number.isFinite(spec.delayMs) && (spec.delayMs as number) >= 0))
      throw new FaultConfigError('fault: a delay needs delayMs, a number of milliseconds >= 0');
    if (spec.resetSeconds !== undefined && !(Number.isInteger(spec.resetSeconds) && spec.resetSeconds >= 0))
      throw new FaultConfigError('fault: resetSeconds must be an integer >= 0');
    this.queue.push({ ...spec, count, left: count });
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
