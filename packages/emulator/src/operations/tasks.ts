// Task v1 collaborators: add (at most `collaboratorLimit`, 1470429; all present already, 1470431; some
// present, the others are added) and remove (not a collaborator, 1470700). Unknown task: 1470602. A
// user token whose user is neither the task's creator nor a collaborator is refused (1470404), as the
// page says followers may not change a task.
import { type Context, documented, invalid, type Reply, success } from '../reply.js';
import type { Task } from '../state.js';
import { idTypeOf, type World } from './world.js';

function paramDefault(ctx: Context, name: string) {
  return ctx.op.params.find((p) => p.name === name)?.default;
}

/** The task, or the answer that refuses the request. */
function taskFor(ctx: Context, world: World): Task | Reply {
  const task = world.state.tasks.get(ctx.pathParams.task_id ?? '');
  if (!task) return documented(ctx, 'InvalidTaskId');
  const f = world.config.taskFrequency;
  if (f && world.taskWindows.take(`task|${task.id}`, [{ windowMs: f.windowMs, limit: f.max }], ctx.now))
    return documented(ctx, 'TaskRequestsTooFrequent');
  if (ctx.caller.kind === 'user') {
    const user = ctx.caller.user;
    if (task.creator !== user && !task.collaborators.includes(user)) return documented(ctx, 'TaskUpdateRefused');
  }
  return task;
}

export function addTaskCollaborators(ctx: Context, world: World): Reply {
  const idType = idTypeOf(ctx.query, paramDefault(ctx, 'user_id_type'));
  const body = ctx.body as { id?: string; id_list?: string[] };
  const ids = [...new Set([...(body.id ? [body.id] : []), ...(body.id_list ?? [])])];
  if (ids.length === 0)
    return invalid(ctx, [{ field: 'id_list', value: '[]', description: 'at least one collaborator id is required' }]);
  const task = taskFor(ctx, world);
  if ('status' in task) return task;

  const users = [];
  for (const id of ids) {
    const user = world.state.userFor(id, idType, world.config.autoRegisterUsers);
    if (!user) return invalid(ctx, [{ field: 'id_list', value: id, description: `no user has this ${idType}` }]);
    users.push(user);
  }
  const fresh = users.filter((u) => !task.collaborators.includes(u.open_id));
  if (fresh.length === 0) return documented(ctx, 'AlreadyCollaborators');
  if (task.collaborators.length + fresh.length > world.config.collaboratorLimit)
    return documented(ctx, 'CollaboratorLimitExceeded');
  task.collaborators.push(...fresh.map((u) => u.open_id));
  return success(ctx, {
    collaborator: {
      id_list: task.collaborators.map((openId) => world.state.findUser(openId, 'open_id')?.[idType] ?? openId),
    },
  });
}

export function removeTaskCollaborator(ctx: Context, world: World): Reply {
  const idType = idTypeOf(ctx.query, paramDefault(ctx, 'user_id_type'));
  const task = taskFor(ctx, world);
  if ('status' in task) return task;
  const user = world.state.findUser(ctx.pathParams.collaborator_id ?? '', idType);
  const at = user ? task.collaborators.indexOf(user.open_id) : -1;
  if (at < 0) return documented(ctx, 'CollaboratorNotFound');
  task.collaborators.splice(at, 1);
  return success(ctx, {});
}
