import { FeishuError } from './feishu-error.js';

const SHOWN = 3;

/** `3 unknown (ou_1, ou_2, ou_3, ... (7 more))`: a count and, unless `ids` is 0, the first few ids. */
function few(items: readonly unknown[], what: string, ids?: 0): string {
  const shown = items.slice(0, SHOWN).map((m) => String((m as { id?: unknown })?.id ?? m));
  if (items.length > SHOWN) shown.push(`... (${items.length - SHOWN} more)`);
  return `${items.length} ${what}${ids === 0 || !items.length ? '' : ` (${shown.join(', ')})`}`;
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
    const { operation, cause, ...fields } = init;
    const { applied, notApplied, unknown } = init;
    super(
      `${operation}: chunk ${init.chunkIndex + 1} of ${init.chunkCount} failed; ${few(applied, 'applied', 0)}, ${few(unknown, 'unknown')}, ${few(notApplied, 'not applied')}: ${(cause as Error)?.message ?? cause}`,
      operation,
      { cause },
    );
    Object.assign(this, fields);
  }

  /** Counts and a few ids, never the whole lists (they can hold thousands of members). */
  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    for (const k of ['applied', 'unknown', 'notApplied'] as const) out[k] = this[k].length;
    return out;
  }
}
