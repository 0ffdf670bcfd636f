// Task v1 collaborators: add, re-add, remove, remove a non-collaborator. The members used are first
// removed (so the state is known) and put back at the end if they were collaborators before.
import type { RunIds, Scenario, Step } from '../scenario.js';

const path = (ids: RunIds, user?: string) => ({ task_id: ids.task, ...(user ? { collaborator_id: user } : {}) });

/** Removes `user` if present; puts it back at the end of the scenario if it was. */
export function normalize(ids: RunIds, user: string, n: number): Step {
  return {
    id: `setup-remove-${n}`,
    title: `make sure ${user} is not a collaborator`,
    operation: 'removeTaskCollaborator',
    path: path(ids, user),
    auth: 'tenant',
    expect: ['success', 'CollaboratorNotFound'],
    role: 'setup',
    atEndIfSucceeded: [
      {
        id: `restore-${n}`,
        title: `put ${user} back: it was a collaborator before`,
        operation: 'addTaskCollaborators',
        path: path(ids),
        body: { id_list: [user] },
        auth: 'tenant',
        expect: ['success'],
        role: 'undo',
      },
    ],
  };
}

export const collaborators: Scenario = {
  id: 'collaborators',
  title: 'Task collaborators: add, re-add, remove, remove a non-collaborator',
  skip: (ids) => (ids.users.length < 2 ? 'needs two user ids in --members' : undefined),
  steps: (ids) => {
    const [a = '', b = ''] = ids.users;
    return [
      normalize(ids, a, 1),
      normalize(ids, b, 2),
      {
        id: 'add',
        title: 'add two collaborators',
        operation: 'addTaskCollaborators',
        path: path(ids),
        body: { id_list: [a, b] },
        auth: 'tenant',
        expect: ['success'],
      },
      {
        id: 're-add',
        title: 'add one of them again',
        operation: 'addTaskCollaborators',
        path: path(ids),
        body: { id_list: [a] },
        auth: 'tenant',
        expect: ['AlreadyCollaborators'],
      },
      {
        id: 'remove',
        title: 'remove the first',
        operation: 'removeTaskCollaborator',
        path: path(ids, a),
        auth: 'tenant',
        expect: ['success'],
      },
      {
        id: 'remove-again',
        title: 'remove it again (no longer a collaborator)',
        operation: 'removeTaskCollaborator',
        path: path(ids, a),
        auth: 'tenant',
        expect: ['CollaboratorNotFound'],
      },
      {
        id: 'undo-add',
        title: 'remove the second (undo)',
        operation: 'removeTaskCollaborator',
        path: path(ids, b),
        auth: 'tenant',
        expect: ['success'],
        role: 'undo',
      },
    ];
  },
};
