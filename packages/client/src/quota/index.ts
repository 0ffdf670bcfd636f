// The quota of one app: which key and windows an operation counts against, and the gates shared by every
// client of the process that names the same store and app.
import type { operations } from '@feishu-task/types';
import { QuotaGate } from './gate.js';
import { MemoryQuotaStore, type QuotaStore, type QuotaWindow } from './store.js';

type RateLimit = (typeof operations)[keyof typeof operations]['rateLimit'];

/** The process-wide default store: clients of one app in one process share its quota by default. */
export const processStore: QuotaStore = new MemoryQuotaStore();
const gates = new WeakMap<QuotaStore, Map<string, QuotaGate>>();

/**
 * The windows of a documented rate limit, each widened by `marginMs` or 1% of the window, whichever is
 * more: requests leave exactly, but a busy network or server can stamp their arrivals unevenly.
 */
export function windowsOf(limit: RateLimit, marginMs: number): QuotaWindow[] {
  const widen = (ms: number) => ms + Math.max(marginMs, ms / 100);
  const out: QuotaWindow[] = [];
  if (limit.perMinute) out.push({ limit: limit.perMinute, windowMs: widen(60_000) });
  if (limit.perSecond) out.push({ limit: limit.perSecond, windowMs: widen(1_000) });
  return out;
}

export function gateFor(store: QuotaStore, key: string, windows: readonly QuotaWindow[]): QuotaGate {
  let byKey = gates.get(store);
  if (!byKey) {
    byKey = new Map();
    gates.set(store, byKey);
  }
  let gate = byKey.get(key);
  if (!gate) {
    gate = new QuotaGate(store, key, windows);
    byKey.set(key, gate);
  }
  return gate;
}

/** A short, stable, non-reversible name for a token (quota keys must not carry secrets). */
export function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 2246822507);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

export { MemoryQuotaStore, type QuotaStore, type QuotaWindow };
