// The quota of one app: which key and windows an operation counts against, and the gates shared by every
// client of the process that names the same store, key, windows and store policy.
import type { OperationSpec } from '../operation.js';
import { QuotaGate } from './gate.js';
import { MemoryQuotaStore, type QuotaStore, type QuotaWindow } from './store.js';

type RateLimit = OperationSpec['rateLimit'];

/** The process-wide default store: clients of one app in one process share its quota by default. */
export const processStore: QuotaStore = new MemoryQuotaStore();

// Gates are held by the clients that use them; this registry only finds them, so a gate whose clients
// are gone is collected with them (and its name removed), while the store forgets idle windows itself.
// A runtime without WeakRef or FinalizationRegistry (workerd has neither) keeps them.
interface Ref<T> {
  deref(): T | undefined;
}
const gates = new WeakMap<QuotaStore, Map<string, Ref<QuotaGate>>>();
const forget =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<[byName: Map<string, Ref<QuotaGate>>, name: string]>(([byName, name]) => {
        if (!byName.get(name)?.deref()) byName.delete(name);
      })
    : undefined;

/**
 * The windows of a documented rate limit, each widened by `marginMs` or 1% of the window, whichever is
 * more: requests leave exactly, but a busy network or server can stamp their arrivals unevenly.
 */
export function windowsOf(limit: RateLimit | undefined, marginMs: number): QuotaWindow[] {
  const out: QuotaWindow[] = [];
  for (const [n, ms] of [
    [limit?.perMinute, 60_000],
    [limit?.perSecond, 1_000],
  ] as const)
    if (n) out.push({ limit: n, windowMs: ms + Math.max(marginMs, ms / 100) });
  return out;
}

/** `guard`: a shared store's guard, named by its policy, made when the gate is. */
export function gateFor(
  store: QuotaStore,
  key: string,
  windows: readonly QuotaWindow[],
  guard?: [policy: string, guarded: () => QuotaStore],
): QuotaGate {
  let byName = gates.get(store);
  if (!byName) {
    byName = new Map();
    gates.set(store, byName);
  }
  // Another client of the key with other windows or store policy gets a gate of its own: its windows hold.
  const name = `${key}\u0000${windows.map((w) => `${w.limit}/${w.windowMs}`).join(',')}\u0000${guard?.[0]}`;
  let gate = byName.get(name)?.deref();
  if (!gate) {
    gate = new QuotaGate(guard ? guard[1]() : store, key, windows);
    const held = gate;
    byName.set(name, typeof WeakRef === 'function' ? new WeakRef(held) : { deref: () => held });
    forget?.register(gate, [byName, name]);
  }
  return gate;
}

/** Gates the registry finds for `store` (for tests of what is freed). */
export function gateCount(store: QuotaStore): number {
  return gates.get(store)?.size ?? 0;
}

export { MemoryQuotaStore, type QuotaStore, type QuotaWindow };
