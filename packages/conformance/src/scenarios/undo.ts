// The inverse of a change, for steps that should be refused: if a target applies one all the same, the
// scenario puts things back at its end (an added collaborator removed, a removed one added back, an
// added tasklist member removed through the platform's endpoint on a real tenant).
import type { Step } from '../scenario.js';
import { REMOVE_MEMBERS } from './tasklist-members.js';

const inverse = (step: Step): Step[] => {
  const base = { auth: 'tenant' as const, expect: ['success'], role: 'undo' as const };
  if (step.operation === 'addTaskCollaborators') {
    const ids = (step.body as { id_list?: unknown })?.id_list;
    return (Array.isArray(ids) ? ids : typeof ids === 'string' ? [ids] : []).map((id: string, i) => ({
      ...base,
      id: `undo-${step.id}-${i + 1}`,
      title: `remove ${id}: "${step.title}" was applied`,
      operation: 'removeTaskCollaborator',
      path: { task_id: step.path?.task_id ?? '', collaborator_id: id },
    }));
  }
  if (step.operation === 'removeTaskCollaborator')
    return [
      {
        ...base,
        id: `undo-${step.id}`,
        title: `add ${step.path?.collaborator_id} back: "${step.title}" was applied`,
        operation: 'addTaskCollaborators',
        path: { task_id: step.path?.task_id ?? '' },
        body: { id_list: [step.path?.collaborator_id ?? ''] },
      },
    ];
  if (step.operation === 'addTasklistMembers') {
    const members = (step.body as { members?: { id: string; type?: string }[] })?.members ?? [];
    if (!members.length) return [];
    return [
      {
        ...base,
        id: `undo-${step.id}`,
        title: `remove the members: "${step.title}" was applied`,
        operation: 'addTasklistMembers',
        path: step.path ?? {},
        body: { members: members.map((m) => ({ id: m.id, type: m.type ?? 'user' })) },
        tenantOnly: REMOVE_MEMBERS,
      },
    ];
  }
  return [];
};

/** `step`, undone at the end of the scenario should a target apply it. */
export const undoIfApplied = (step: Step): Step => ({ ...step, atEndIfSucceeded: inverse(step) });
