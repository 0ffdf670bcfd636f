// Task v2 add_members, as the page says: an unknown or deleted tasklist answers 1470404; the caller
// needs edit rights (a user token of a viewer answers 1470403); a member with the same role is
// ignored, with another role it is updated, the owner is ignored with its role unchanged; more than
// `tasklistMemberLimit` members answers 1470612 and changes nothing. The answer is the whole tasklist.
import type { MemberType } from '../fixture.js';
import { type Context, documented, type Reply, success } from '../reply.js';
import type { Json } from '../spec.js';
import { type IdType, type MemberRef, memberKey, type State, type Tasklist } from '../state.js';
import { idTypeOf, type World } from './world.js';

/** The `default`s the spec gives a member's `type` and `role`. */
function memberDefaults(ctx: Context) {
  const items: Json | undefined =
    ctx.op.operation.requestBody?.content?.['application/json']?.schema?.properties?.members?.items;
  return {
    type: (items?.properties?.type?.default ?? 'user') as MemberType,
    role: (items?.properties?.role?.default ?? 'viewer') as 'editor' | 'viewer',
  };
}

/** Whether a user may edit: owner, creator, or editor directly or through a chat they are in. */
function canEdit(state: State, list: Tasklist, user: string) {
  const isUser = (ref: MemberRef) => ref.type === 'user' && ref.key === user;
  if (isUser(list.owner) || isUser(list.creator)) return true;
  for (const { ref, role } of list.members.values()) {
    if (role !== 'editor') continue;
    if (isUser(ref)) return true;
    if (ref.type === 'chat' && state.chats.get(ref.key)?.members.has(user)) return true;
  }
  return false;
}

function render(state: State, idType: IdType) {
  return (ref: MemberRef, role: string) => ({
    id: ref.type === 'user' ? (state.findUser(ref.key, 'open_id')?.[idType] ?? ref.key) : ref.key,
    type: ref.type,
    role,
  });
}

export function tasklistView(state: State, list: Tasklist, idType: IdType) {
  const out = render(state, idType);
  return {
    guid: list.guid,
    name: list.name,
    creator: out(list.creator, 'creator'),
    owner: out(list.owner, 'owner'),
    members: [...list.members.values()].map((m) => out(m.ref, m.role)),
    url: `https://applink.feishu.cn/client/todo/task_list?guid=${encodeURIComponent(list.guid)}`,
    created_at: String(list.createdAt),
    updated_at: String(list.updatedAt),
  };
}

export function addTasklistMembers(ctx: Context, world: World): Reply {
  const { state, config } = world;
  const idType = idTypeOf(ctx.query, ctx.op.params.find((p) => p.name === 'user_id_type')?.default);
  const list = state.tasklists.get(ctx.pathParams.tasklist_guid ?? '');
  if (!list || list.deleted) return documented(ctx, 'TasklistNotFound');
  if (ctx.caller.kind === 'user' && !canEdit(state, list, ctx.caller.user))
    return documented(ctx, 'TasklistEditPermissionMissing');

  const defaults = memberDefaults(ctx);
  const members = (ctx.body as { members: { id: string; type?: MemberType; role?: 'editor' | 'viewer' }[] }).members;
  const next = new Map(list.members);
  for (const m of members) {
    const type = m.type ?? defaults.type;
    const role = m.role ?? defaults.role;
    let key = m.id;
    if (type === 'user') {
      const user = state.userFor(m.id, idType, config.autoRegisterUsers);
      if (!user) return documented(ctx, 'InvalidParameter');
      key = user.open_id;
    }
    const ref: MemberRef = { type, key };
    if (memberKey(ref) === memberKey(list.owner)) continue;
    const existing = next.get(memberKey(ref));
    if (existing?.role === role) continue;
    // A new member goes last; an updated one keeps its place.
    next.set(memberKey(ref), { ref, role });
  }
  if (next.size > config.tasklistMemberLimit) return documented(ctx, 'TasklistMemberLimitExceeded');
  const changed = next.size !== list.members.size || [...next].some(([k, v]) => list.members.get(k)?.role !== v.role);
  if (changed) {
    list.members = next;
    list.updatedAt = ctx.now;
  }
  return success(ctx, { tasklist: tasklistView(state, list, idType) });
}
