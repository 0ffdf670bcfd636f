// Task v2 tasklist members: each role, each member type, the same role again, another role. The spec
// has no operation that removes a member; on a real tenant the members added are removed at the end
// with the platform's remove_members endpoint (sent, recorded, not checked).
import type { RunIds, Scenario, Step } from '../scenario.js';

export const REMOVE_MEMBERS = {
  method: 'POST',
  path: '/open-apis/task/v2/tasklists/{tasklist_guid}/remove_members',
  note: 'undo: the spec describes no way to remove a tasklist member; this is the platform endpoint that does',
};

const add = (ids: RunIds, id: string, title: string, member: Record<string, string>): Step => ({
  id,
  title,
  operation: 'addTasklistMembers',
  path: { tasklist_guid: ids.tasklist },
  body: { members: [member] },
  auth: 'tenant',
  expect: ['success'],
  atEndIfSucceeded: [
    {
      id: `undo-${id}`,
      title: `remove ${member.id} from the tasklist`,
      operation: 'addTasklistMembers',
      path: { tasklist_guid: ids.tasklist },
      body: { members: [{ id: member.id, type: member.type ?? 'user' }] },
      auth: 'tenant',
      expect: ['success'],
      role: 'undo',
      tenantOnly: REMOVE_MEMBERS,
    },
  ],
});

export const tasklistMembers: Scenario = {
  id: 'tasklist-members',
  title: 'Tasklist members: each role and type, same role, other role',
  skip: (ids) => (ids.users.length < 2 ? 'needs two user ids in --members' : undefined),
  steps: (ids) => {
    const [a = '', b = ''] = ids.users;
    const steps = [
      add(ids, 'editor', 'add a user as editor', { id: a, type: 'user', role: 'editor' }),
      add(ids, 'viewer', 'add a user as viewer', { id: b, type: 'user', role: 'viewer' }),
      add(ids, 'same-role', 'add the editor again as editor (ignored)', { id: a, type: 'user', role: 'editor' }),
      add(ids, 'other-role', 'add the viewer as editor (role updated)', { id: b, type: 'user', role: 'editor' }),
    ];
    const [chat] = ids.chats;
    if (chat) steps.push(add(ids, 'chat', 'add a chat as viewer', { id: chat, type: 'chat', role: 'viewer' }));
    const [app] = ids.apps;
    if (app) steps.push(add(ids, 'app', 'add an app as viewer', { id: app, type: 'app', role: 'viewer' }));
    return steps;
  },
};
