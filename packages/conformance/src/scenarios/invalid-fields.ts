// Bodies and parameters that break the spec's request schemas: refused before anything changes.
import type { Scenario, Step } from '../scenario.js';
import { operationFacts } from '../spec-facts.js';
import { undoIfApplied } from './undo.js';

/** The documented answers to invalid fields of an operation (the spec marks them answersInvalidFields). */
const invalid = (operation: 'addTaskCollaborators' | 'removeTaskCollaborator' | 'addTasklistMembers'): string[] =>
  operationFacts().get(operation)?.invalidFields ?? [];

export const invalidFields: Scenario = {
  id: 'invalid-fields',
  title: 'Invalid fields: empty body, wrong types, a role that cannot be set, an unknown user_id_type',
  skip: (ids) => (ids.users.length < 1 ? 'needs a user id in --members' : undefined),
  steps: (ids): Step[] => {
    const [user = ''] = ids.users;
    const steps: Step[] = [
      {
        id: 'collaborators-empty-body',
        title: 'add collaborators with neither id nor id_list',
        operation: 'addTaskCollaborators',
        path: { task_id: ids.task },
        body: {},
        auth: 'tenant',
        expect: invalid('addTaskCollaborators'),
      },
      {
        id: 'collaborators-id-list-not-array',
        title: 'add collaborators with id_list as a string',
        operation: 'addTaskCollaborators',
        path: { task_id: ids.task },
        body: { id_list: user },
        auth: 'tenant',
        expect: invalid('addTaskCollaborators'),
      },
      {
        id: 'remove-bad-user-id-type',
        title: 'remove a collaborator with an unknown user_id_type',
        operation: 'removeTaskCollaborator',
        path: { task_id: ids.task, collaborator_id: user },
        query: { user_id_type: 'no_such_id_type' },
        auth: 'tenant',
        expect: invalid('removeTaskCollaborator'),
      },
      {
        id: 'members-owner-role',
        title: 'add a tasklist member as owner',
        operation: 'addTasklistMembers',
        path: { tasklist_guid: ids.tasklist },
        body: { members: [{ id: user, type: 'user', role: 'owner' }] },
        auth: 'tenant',
        expect: invalid('addTasklistMembers'),
      },
      {
        id: 'members-empty',
        title: 'add no tasklist members at all',
        operation: 'addTasklistMembers',
        path: { tasklist_guid: ids.tasklist },
        body: { members: [] },
        auth: 'tenant',
        expect: invalid('addTasklistMembers'),
      },
    ];
    return steps.map(undoIfApplied);
  },
};
