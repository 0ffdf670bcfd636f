// Fault: a queued fault for this operation answers here (server error, rate limit, a connection dropped
// before the request applies), waits (delay), or marks how the door delivers the normal answer.
import type { Phase } from '../pipeline.js';
import { documentedCode, rateLimited } from '../reply.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const faultPhase: Phase = async (x, engine) => {
  const ctx = x.ctx;
  if (!ctx) return undefined;
  const fault = engine.faults.take(ctx.op.id);
  if (!fault) return undefined;
  x.fault = fault;
  switch (fault.kind) {
    case 'delay':
      await sleep(fault.delayMs ?? 0);
      return undefined;
    case 'drop':
      x.wire = 'drop';
      return fault.afterApply ? undefined : { status: 0, body: {} };
    case 'truncate':
      x.wire = 'truncate';
      return undefined;
    case 'server-error': {
      const server = ctx.op.serverFailure;
      return (
        (fault.code !== undefined ? documentedCode(ctx, fault.code) : undefined) ??
        (server ? documentedCode(ctx, server.code) : { status: 500, body: { code: 1, msg: 'internal error' } })
      );
    }
    case 'rate-limit':
      return rateLimited(ctx, ctx.op.quotas[0]?.limit ?? 1, fault.resetSeconds ?? 1);
  }
};
