import { FeishuError } from './feishu-error.js';

/**
 * A chunked call failed part-way. Chunks before `chunkIndex` were applied; `cause` is the failure of
 * chunk `chunkIndex` (0-based); nothing after it was sent.
 */
export class FeishuBulkError<Item = unknown> extends FeishuError {
  override name = 'FeishuBulkError';
  readonly chunkIndex: number;
  readonly chunkCount: number;
  /** The items the server already accepted (the chunks before the failed one). */
  readonly applied: Item[];
  /** The items of the failed chunk and of every chunk after it. */
  readonly notApplied: Item[];

  constructor(init: {
    operation: string;
    chunkIndex: number;
    chunkCount: number;
    applied: Item[];
    notApplied: Item[];
    cause: unknown;
  }) {
    super(
      `${init.operation}: chunk ${init.chunkIndex + 1} of ${init.chunkCount} failed; ${init.applied.length} items were applied, ` +
        `${init.notApplied.length} were not: ${init.cause instanceof Error ? init.cause.message : String(init.cause)}`,
      init.operation,
      { cause: init.cause },
    );
    this.chunkIndex = init.chunkIndex;
    this.chunkCount = init.chunkCount;
    this.applied = init.applied;
    this.notApplied = init.notApplied;
  }
}
