import type { CallInput } from '../../src/index.js';

export const addCollaborators: CallInput<'addTaskCollaborators'> = {
  path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa' },
  query: { user_id_type: 'open_id' },
  body: { id_list: ['ou_99e1a581b36ecc4862cbfbce473f3123'] },
};
export const removeCollaborator: CallInput<'removeTaskCollaborator'> = {
  path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa', collaborator_id: 'ou_99e1a581b36ecc4862cbfbce123f346a' },
};
export const members = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `ou_${i}`, type: 'user' as const, role: 'editor' as const }));
export const addMembers = (n = 1): CallInput<'addTasklistMembers'> => ({
  path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
  body: { members: members(n) },
});

/** A valid input for each named operation (`memberCount` members for add_members). */
export const validInputs = (memberCount: number) =>
  ({
    addTaskCollaborators: addCollaborators,
    removeTaskCollaborator: removeCollaborator,
    addTasklistMembers: addMembers(memberCount),
  }) as const;
