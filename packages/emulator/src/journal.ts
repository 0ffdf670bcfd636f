// The journal: every request the engine answered, newest last, in a ring buffer so that memory stays
// bounded however long the emulator runs. Each entry keeps a bounded copy of its request body and
// answer (`bounded`: arrays past 50 items, strings past 4 KiB and nesting past 8 levels are cut and say
// so), so that a 3,000-member answer costs the journal a few KB, not its whole size.
export const JOURNAL_BOUNDS = { items: 50, chars: 4096, depth: 8 } as const;

/**
 * `value` with long arrays, long strings and deep nesting cut; each cut is noted in `cuts` (the entry's
 * `cut`) rather than inside the value, so a cut answer still has the shape the spec gives it.
 */
/** Whether `bounded` would cut anything (a scan with no copies: most answers are small and kept as they are). */
function withinBounds(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.length <= JOURNAL_BOUNDS.chars;
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= JOURNAL_BOUNDS.depth) return false;
  if (Array.isArray(value)) {
    if (value.length > JOURNAL_BOUNDS.items) return false;
    for (const v of value) if (!withinBounds(v, depth + 1)) return false;
    return true;
  }
  for (const k in value) if (!withinBounds((value as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

export function bounded(value: unknown, path: string, cuts: string[], depth = 0): unknown {
  if (depth === 0 && withinBounds(value, 0)) return value;
  if (typeof value === 'string') {
    if (value.length <= JOURNAL_BOUNDS.chars) return value;
    cuts.push(`${path}: first ${JOURNAL_BOUNDS.chars} of ${value.length} characters kept`);
    return value.slice(0, JOURNAL_BOUNDS.chars);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= JOURNAL_BOUNDS.depth) {
    cuts.push(`${path}: nested deeper than ${JOURNAL_BOUNDS.depth} levels, not kept`);
    return null;
  }
  if (Array.isArray(value)) {
    if (value.length > JOURNAL_BOUNDS.items)
      cuts.push(`${path}: first ${JOURNAL_BOUNDS.items} of ${value.length} items kept`);
    return value.slice(0, JOURNAL_BOUNDS.items).map((v, i) => bounded(v, `${path}[${i}]`, cuts, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = bounded(v, `${path}.${k}`, cuts, depth + 1);
  return out;
}

import type { Violation } from './validator.js';

export interface JournalEntry {
  seq: number;
  /** Virtual time of the request, epoch ms. */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The spec's operationId, or null for a path the spec does not have. */
  operation: string | null;
  caller: Caller;
  /** The parsed JSON body, or the raw text when it is not JSON; over 16 KB, the first 2 KB as text; bounded. */
  body: unknown;
  /** The request checked against the spec. */
  validation: { valid: boolean; violations: Violation[] };
  status: number;
  /** The answer's `code` (0 on success), or null for a dropped connection. */
  code: number | null;
  /** The answer's body, bounded (see JOURNAL_BOUNDS). */
  answer: unknown;
  logId: string;
  fault: string | null;
  /** What `bounded` cut from the body and the answer, when it cut anything. */
  cut?: string[];
  /** The answer checked against the spec's schema for its status. */
  contract: { valid: boolean; errors: string[] };
}

export type Caller =
  | { kind: 'none' }
  | { kind: 'app'; appId: string; tenantKey: string }
  | { kind: 'user'; appId: string; tenantKey: string; user: string };

export class Journal {
  private readonly ring: (JournalEntry | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`journalSize must be a positive integer, got ${capacity}`);
    this.ring = new Array(capacity);
  }

  add(entry: Omit<JournalEntry, 'seq' | 'cut'>): JournalEntry {
    const cut: string[] = [];
    const body = bounded(entry.body, 'body', cut);
    const answer = bounded(entry.answer, 'answer', cut);
    const full: JournalEntry = { seq: ++this.seq, ...entry, body, answer, ...(cut.length > 0 ? { cut } : {}) };
    this.ring[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
    return full;
  }

  /** Entries oldest first, optionally of one operation, at most the last `limit`. */
  entries(filter: { operation?: string; limit?: number } = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const e = this.ring[(this.next + i) % this.capacity];
      if (e && (!filter.operation || e.operation === filter.operation)) out.push(e);
    }
    if (filter.limit === undefined) return out;
    if (!Number.isInteger(filter.limit) || filter.limit < 0)
      throw new RangeError(`journal: limit must be an integer >= 0, got ${String(filter.limit)}`);
    return filter.limit === 0 ? [] : out.slice(-filter.limit);
  }

  clear() {
    this.ring.fill(undefined);
    this.next = 0;
  }
}
