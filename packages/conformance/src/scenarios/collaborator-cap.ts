// The 50-collaborator cap. One request with more ids than a task may hold is refused whatever the
// task holds, so nothing changes; should a target accept it, the ids are removed again at the end.
import { operations } from '@feishu-task/types';
import type { RunIds, Scenario, Step } from '../scenario.js';

/** The cap, as the spec states it for id_list (undefined once the spec no longer caps the array). */
export const collaboratorCap = (): number =>
  (operations.addTaskCollaborators.arrayLimits as { id_list?: { maxItems?: number } }).id_list?.maxItems ?? 50;

const removeAll = (ids: RunIds, users: string[], prefix: string): Step[] =>
  users.map((user, i) => ({
    id: `${prefix}-${i + 1}`,
    title: `remove ${user} again`,
    operation: 'removeTaskCollaborator',
    path: { task_id: ids.task, collaborator_id: user },
    auth: 'tenant',
    expect: ['success'],
    role: 'undo',
  }));

export const collaboratorCap51: Scenario = {
  id: 'collaborator-cap',
  title: 'The collaborator cap: one request with one id more than a task may hold',
  skip: (ids) =>
    ids.users.length <= collaboratorCap()
      ? `needs ${collaboratorCap() + 1} user ids in --members (has ${ids.users.length})`
      : undefined,
  steps: (ids) => {
    const users = ids.users.slice(0, collaboratorCap() + 1);
    return [
      {
        id: 'over-cap',
        title: `add ${users.length} collaborators in one request`,
        operation: 'addTaskCollaborators',
        path: { task_id: ids.task },
        body: { id_list: users },
        auth: 'tenant',
        // The spec documents both: the body's own limit (field validation) and the task's (1470429).
        expect: ['CollaboratorLimitExceeded', 'FieldValidationFailed'],
        atEndIfSucceeded: removeAll(ids, users, 'undo'),
      },
    ];
  },
};
