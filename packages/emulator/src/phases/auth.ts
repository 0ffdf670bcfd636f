// Auth: a secured operation needs a valid tenant or user token (the gateway's documented answers).
import type { ErrorName } from '@feishu-task/platform';
import { authenticate } from '../auth.js';
import type { Phase } from '../pipeline.js';
import { documented } from '../reply.js';

export const authPhase: Phase = (x, engine) => {
  const ctx = x.ctx;
  if (!ctx?.op.secured) return undefined;
  const { state, config } = engine.world();
  const auth = authenticate(state, x.request.headers.authorization, ctx.now, {
    lenient: config.lenientTokens,
    documents: ctx.op.byName,
  });
  // auth.ts names the gateway's documented token answers (TokenMissing, TenantTokenInvalid, ...).
  if ('error' in auth) return documented(ctx, auth.error as ErrorName);
  ctx.caller = x.caller = auth.caller;
  return undefined;
};
