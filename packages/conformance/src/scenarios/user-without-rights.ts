// A user token of someone with no rights on the task or the tasklist: every change is refused.
import type { Scenario, Step } from '../scenario.js';
import { undoIfApplied } from './undo.js';

export const userWithoutRights: Scenario = {
  id: 'user-without-rights',
  title: 'A user without rights on the task and the tasklist',
  skip: (ids) =>
    !ids.userToken
      ? 'needs a user token (--user-token or FEISHU_USER_ACCESS_TOKEN) of a user with no rights on them'
      : ids.users.length < 1
        ? 'needs a user id in --members'
        : undefined,
  steps: (ids): Step[] => {
    const [user = ''] = ids.users;
    const steps: Step[] = [
      {
        id: 'add-collaborator',
        title: 'add a collaborator',
        operation: 'addTaskCollaborators',
        path: { task_id: ids.task },
        body: { id_list: [user] },
        auth: 'user',
        expect: ['TaskUpdateRefused'],
      },
      {
        id: 'remove-collaborator',
        title: 'remove a collaborator',
        operation: 'removeTaskCollaborator',
        path: { task_id: ids.task, collaborator_id: user },
        auth: 'user',
        expect: ['TaskUpdateRefused'],
      },
      {
        id: 'add-member',
        title: 'add a tasklist member',
        operation: 'addTasklistMembers',
        path: { tasklist_guid: ids.tasklist },
        body: { members: [{ id: user, type: 'user', role: 'viewer' }] },
        auth: 'user',
        expect: ['TasklistEditPermissionMissing'],
      },
    ];
    return steps.map(undoIfApplied);
  },
};
