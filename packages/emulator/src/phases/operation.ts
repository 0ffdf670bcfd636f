// Operation: the handler of the operation runs on the state; an operation the emulator does not model
// answers the spec's success example, as a stateless mock would.
import { addTasklistMembers } from '../operations/tasklists.js';
import { addTaskCollaborators, removeTaskCollaborator } from '../operations/tasks.js';
import { getTenantAccessToken } from '../operations/token.js';
import type { World } from '../operations/world.js';
import type { Phase } from '../pipeline.js';
import type { Context, Reply } from '../reply.js';

type Handler = (ctx: Context, world: World) => Reply;
const HANDLERS: Record<string, Handler> = {
  getTenantAccessToken,
  addTaskCollaborators,
  removeTaskCollaborator,
  addTasklistMembers,
};

export const operationPhase: Phase = (x, engine) => {
  const ctx = x.ctx;
  if (!ctx) return undefined;
  const handler = HANDLERS[ctx.op.id];
  if (!handler) return { status: 200, body: ctx.op.successExample ?? { code: 0, msg: 'success', data: {} } };
  return handler(ctx, engine.world());
};
