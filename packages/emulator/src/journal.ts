// The journal: every request the engine answered, newest last, in a ring buffer so that memory stays
// bounded however long the emulator runs.
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
  /** The parsed JSON body, or the raw text when it is not JSON; over 16 KB, the first 2 KB as text. */
  body: unknown;
  /** The request checked against the spec. */
  validation: { valid: boolean; violations: Violation[] };
  status: number;
  /** The answer's `code` (0 on success), or null for a dropped connection. */
  code: number | null;
  answer: unknown;
  logId: string;
  fault: string | null;
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

  add(entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const full = { seq: ++this.seq, ...entry };
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
    return filter.limit === undefined ? out : out.slice(-filter.limit);
  }

  clear() {
    this.ring.fill(undefined);
    this.next = 0;
  }
}
