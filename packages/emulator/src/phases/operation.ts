// Operation: the handler of the operation runs on the state; an operation the emulator does not model
// answers the spec's success example, as a stateless mock would.
import type { OperationId } from '@feishu-task/types';
import { addTasklistMembers } from '../operations/tasklists.js';
import { addTaskCollaborators, removeTaskCollaborator } from '../operations/tasks.js';
import { getTenantAccessToken } from '../operations/token.js';
import type { World } from '../operations/world.js';
import type { Phase } from '../pipeline.js';
import type { Context, Reply } from '../reply.js';
import type { Violation } from '../validator.js';

// A handler may hold its answer (a write on a task stays in flight for taskConcurrency.holdMs). Keyed by the
// generated operation ids, each handler typed for its own operation: it names only that operation's
// documented errors (ErrorName<Op>), so a typo in a key or an error name does not compile.
type Handler<Op extends OperationId = OperationId> = (ctx: Context<Op>, world: World) => Reply | Promise<Reply>;
const HANDLERS: { [Op in OperationId]?: Handler<Op> } = {
  getTenantAccessToken,
  addTaskCollaborators,
  removeTaskCollaborator,
  addTasklistMembers,
};

export const operationPhase: Phase = async (x, engine) => {
  const ctx = x.ctx;
  if (!ctx) return undefined;
  const handler = HANDLERS[ctx.op.id] as Handler | undefined;
  if (!handler) return { status: 200, body: ctx.op.successExample ?? { code: 0, msg: 'success', data: {} } };
  const reply = await handler(ctx, engine.world());
  // A handler that refuses fields (an unknown user id...) says so in the journal's validation too.
  const refused = (reply.body as { error?: { field_violations?: Violation[] } }).error?.field_violations;
  if (refused) x.validation = { valid: false, violations: refused };
  return reply;
};
