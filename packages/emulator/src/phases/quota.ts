// Quota: the platform's per-app-and-tenant windows from x-feishu-rate-limit (or the configured ones).
import type { Phase } from '../pipeline.js';
import { rateLimited } from '../reply.js';

export const quotaPhase: Phase = (x, engine) => {
  const ctx = x.ctx;
  if (!ctx || x.caller.kind === 'none') return undefined;
  const { config } = engine.world();
  const op = ctx.op;
  if (!config.limits || !config.quotas.enabled || op.quotas.length === 0) return undefined;
  const windows =
    config.quotas.windows?.[op.id] ??
    op.quotas.map((q) => ({ windowMs: q.windowMs, limit: Math.max(1, Math.round(q.limit * config.quotas.scale)) }));
  const key = `${x.caller.appId}|${x.caller.tenantKey}|${op.id}`;
  const over = engine.quotaWindows.take(key, windows, ctx.now);
  return over ? rateLimited(ctx, over.limit, over.resetSeconds) : undefined;
};
