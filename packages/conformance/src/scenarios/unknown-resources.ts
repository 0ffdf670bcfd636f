// A task and a tasklist that do not exist: well-formed ids no tenant holds, so nothing can change.
import type { Scenario, Step } from '../scenario.js';
import { undoIfApplied } from './undo.js';

/** A well-formed GUID that names nothing (version 4 layout, all zero). */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

export const unknownResources: Scenario = {
  id: 'unknown-resources',
  title: 'Unknown task and tasklist',
  skip: (ids) => (ids.users.length < 1 ? 'needs a user id in --members' : undefined),
  steps: (ids): Step[] => {
    const [user = ''] = ids.users;
    const steps: Step[] = [
      {
        id: 'add-to-unknown-task',
        title: 'add a collaborator to a task that does not exist',
        operation: 'addTaskCollaborators',
        path: { task_id: UNKNOWN_ID },
        body: { id_list: [user] },
        auth: 'tenant',
        expect: ['InvalidTaskId'],
      },
      {
        id: 'remove-from-unknown-task',
        title: 'remove a collaborator from a task that does not exist',
        operation: 'removeTaskCollaborator',
        path: { task_id: UNKNOWN_ID, collaborator_id: user },
        auth: 'tenant',
        expect: ['InvalidTaskId'],
      },
      {
        id: 'add-to-unknown-tasklist',
        title: 'add a member to a tasklist that does not exist',
        operation: 'addTasklistMembers',
        path: { tasklist_guid: UNKNOWN_ID },
        body: { members: [{ id: user, type: 'user', role: 'viewer' }] },
        auth: 'tenant',
        expect: ['TasklistNotFound'],
      },
    ];
    return steps.map(undoIfApplied);
  },
};
