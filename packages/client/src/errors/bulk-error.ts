import { FeishuError } from './feishu-error.js';

const SHOWN = 3;

function few(items: readonly unknown[]): string {
  const ids = items.slice(0, SHOWN).map((m) => String((m as { id?: unknown })?.id ?? m));
  return items.length > SHOWN ? `${ids.join(', ')}, ... (${items.length - SHOWN} more)` : ids.join(', ');
}

/**
 * A chunked call failed part-way. Every item is in exactly one of `applied` (its chunk succeeded),
 * `unknown` (its chunk was sent but no answer came back: it may or may not be applied) and `notApplied`
 * (its chunk was refused, or never sent). `cause` is the failure of chunk `chunkIndex` (0-based).
 */
export class FeishuBulkError<Item = unknown> extends FeishuError {
  override name = 'FeishuBulkError';
  declare readonly chunkIndex: number;
  declare readonly chunkCount: number;
  declare readonly applied: Item[];
  declare readonly notApplied: Item[];
  declare readonly unknown: Item[];

  constructor(init: {
    operation: string;
    chunkIndex: number;
    chunkCount: number;
    applied: Item[];
    notApplied: Item[];
    unknown: Item[];
    cause: unknown;
  }) {
    const { applied, notApplied, unknown } = init;
    super(
      `${init.operation}: chunk ${init.chunkIndex + 1} of ${init.chunkCount} failed; ${applied.length} applied, ` +
        `${unknown.length} unknown${unknown.length ? ` (${few(unknown)})` : ''}, ${notApplied.length} not applied` +
        `${notApplied.length ? ` (${few(notApplied)})` : ''}: ${init.cause instanceof Error ? init.cause.message : String(init.cause)}`,
      init.operation,
      { cause: init.cause },
    );
    this.chunkIndex = init.chunkIndex;
    this.chunkCount = init.chunkCount;
    this.applied = applied;
    this.notApplied = notApplied;
    this.unknown = unknown;
  }

  /** Counts and a few ids, never the whole lists (they can hold thousands of members). */
  override toJSON(): Record<string, unknown> {
    const { applied, notApplied, unknown, ...rest } = super.toJSON();
    void applied;
    void notApplied;
    void unknown;
    return {
      ...rest,
      applied: this.applied.length,
      unknown: this.unknown.length,
      notApplied: this.notApplied.length,
    };
  }
}
