// Task v1 collaborators: add (a task holds at most `collaboratorLimit`, 1470429, by state: however many
// distinct ids one request sends; all present already, 1470431; some present, the others are added) and
// remove (not a collaborator, 1470700). Unknown task: 1470602. A user token whose user is neither the
// task's creator nor a collaborator is refused (1470404), as the page says followers may not change a task.
import { operations as operationTable } from '@feishu-task/types';
import { type Context, documented, documentedCode, invalid, type Reply, success } from '../reply.js';
import type { Task } from '../state.js';
import { idTypeOf, registryFull, type World } from './world.js';

function paramDefault(ctx: Context, name: string) {
  return ctx.op.params.find((p) => p.name === name)?.default;
}

// The answer to a request that overlaps another on the same value: one of the operation's own documented
// examples (the generator read the code from it), so it is always there.
const tooSoon = (ctx: Context, code: number) => documentedCode(ctx, code) as Reply;

/**
 * Runs `body` on the request's task: unknown task 1470602; a request while another write on the same
 * task is in flight (taskConcurrency: by default where a page says so, else in the strict profile) or
 * beyond the strict profile's assumed rate (taskFrequency) 1470451; a user token of someone neither
 * creator nor collaborator 1470404. A write
 * holds its task for `holdMs` before its answer is delivered, so only overlapping requests collide.
 * Which operations collide, on which path parameter, and the code they answer are the spec's
 * (x-feishu-error.concurrent, generated as `oneAtATime`): an operation without it holds nothing.
 */
function onTask(ctx: Context, world: World, body: (task: Task) => Reply): Reply | Promise<Reply> {
  const task = world.state.tasks.get(ctx.pathParams.task_id ?? '');
  if (!task) return documented(ctx, 'InvalidTaskId');
  const { config } = world;
  const serial = config.limits ? operationTable[ctx.op.id].oneAtATime : null;
  const key = serial ? `${serial.per}|${ctx.pathParams[serial.per]}` : '';
  // Overlap answers by default only where a page says so (remove: "request api concurrently"); where the
  // spec marks the reading unsourced (add: the page says only "too frequent"), with the strict profile.
  const concurrency =
    serial && (serial.source !== 'unsourced' || config.profile === 'strict') ? config.taskConcurrency : null;
  const f = serial ? config.taskFrequency : null;
  if (
    serial &&
    ((concurrency && world.inFlight.has(key)) ||
      (f && world.taskWindows.take(key, [{ windowMs: f.windowMs, limit: f.max }], ctx.now)))
  )
    return tooSoon(ctx, serial.code);
  let reply: Reply;
  if (ctx.caller.kind === 'user' && task.creator !== ctx.caller.user && !task.collaborators.includes(ctx.caller.user))
    reply = documented(ctx, 'TaskUpdateRefused');
  else reply = body(task);
  return concurrency ? world.inFlight.hold(key, concurrency.holdMs, reply) : reply;
}

export function addTaskCollaborators(ctx: Context<'addTaskCollaborators'>, world: World): Reply | Promise<Reply> {
  const idType = idTypeOf(ctx.query, paramDefault(ctx, 'user_id_type'));
  const body = ctx.body as { id?: string; id_list?: string[] };
  const ids = [...new Set([...(body.id ? [body.id] : []), ...(body.id_list ?? [])])];
  if (ids.length === 0)
    return invalid(ctx, [{ field: 'id_list', value: '[]', description: 'at least one collaborator id is required' }]);
  const { config, state } = world;
  return onTask(ctx, world, (task) => {
    const users = [];
    for (const id of ids) {
      const user = state.userFor(id, idType, config.autoRegisterUsers, config.userLimit);
      if (user === 'full') return registryFull(ctx, config.userLimit);
      if (!user) return invalid(ctx, [{ field: 'id_list', value: id, description: `no user has this ${idType}` }]);
      users.push(user);
    }
    const fresh = users.filter((u) => !task.collaborators.includes(u.open_id));
    if (fresh.length === 0) return documented(ctx, 'AlreadyCollaborators');
    if (config.limits && task.collaborators.length + fresh.length > config.collaboratorLimit)
      return documented(ctx, 'CollaboratorLimitExceeded');
    task.collaborators.push(...fresh.map((u) => u.open_id));
    return success(ctx, {
      collaborator: {
        id_list: task.collaborators.map((openId) => state.findUser(openId, 'open_id')?.[idType] ?? openId),
      },
    });
  });
}

export function removeTaskCollaborator(ctx: Context<'removeTaskCollaborator'>, world: World): Reply | Promise<Reply> {
  const idType = idTypeOf(ctx.query, paramDefault(ctx, 'user_id_type'));
  return onTask(ctx, world, (task) => {
    const user = world.state.findUser(ctx.pathParams.collaborator_id ?? '', idType);
    const at = user ? task.collaborators.indexOf(user.open_id) : -1;
    if (at < 0) return documented(ctx, 'CollaboratorNotFound');
    task.collaborators.splice(at, 1);
    return success(ctx, {});
  });
}
