import type { ErrorName } from '@feishu-task/platform';
import type { Clock } from '../clock.js';
import type { EmulatorConfig } from '../config.js';
import type { FixedWindows } from '../quotas.js';
import { type Context, documented, type Reply } from '../reply.js';
import type { IdType, State } from '../state.js';

/** Keys (tasks) with a request in flight: a write holds its task until its answer is delivered. */
export class InFlight {
  // Each hold has its own mark, so that a hold ending after a reset never releases a newer one.
  private readonly busy = new Map<string, symbol>();
  has(key: string) {
    return this.busy.has(key);
  }
  /** Holds `key` for `ms` of real time, then releases it and delivers `reply`. */
  hold(key: string, ms: number, reply: Reply): Promise<Reply> {
    const mark = Symbol(key);
    this.busy.set(key, mark);
    return new Promise((resolve) =>
      setTimeout(() => {
        if (this.busy.get(key) === mark) this.busy.delete(key);
        resolve(reply);
      }, ms),
    );
  }
  clear() {
    this.busy.clear();
  }
}

/** What an operation's handler may read and change. */
export interface World {
  state: State;
  config: EmulatorConfig;
  clock: Clock;
  taskWindows: FixedWindows;
  inFlight: InFlight;
}

export const idTypeOf = (query: Record<string, string>, fallback: unknown): IdType =>
  (query.user_id_type ?? (typeof fallback === 'string' ? fallback : 'open_id')) as IdType;

/**
 * The user registry is full (`userLimit`): an emulator limit, not a platform answer, so it says so in the
 * operation's documented server error rather than in a validation code a correct client would misread.
 */
export function registryFull(ctx: Context, limit: number): Reply {
  const server = ctx.op.serverFailure;
  const msg = `emulator: the user registry is full (userLimit ${limit}); raise userLimit or reset the emulator`;
  if (!server) return { status: 500, body: { code: 1, msg } };
  const reply = documented(ctx, server.name as ErrorName);
  return { ...reply, body: { ...(reply.body as object), msg } };
}
