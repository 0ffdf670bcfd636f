// --probe-limits only: add collaborators one at a time until the task is full, then one more. Paced
// like every step and bounded (cap + 1 removes first, cap + 1 adds, their undo), stated in the plan.
import type { RunIds, Scenario } from '../scenario.js';
import { collaboratorCap, overCapAnswer } from './collaborator-cap.js';
import { normalize } from './collaborators.js';
import { undoIfApplied } from './undo.js';

export const probeCollaboratorCap: Scenario = {
  id: 'probe-collaborator-cap',
  title: 'Probe: fill a task to the collaborator cap, then add one more',
  probe: true,
  skip: (ids) =>
    ids.users.length <= collaboratorCap()
      ? `needs ${collaboratorCap() + 1} user ids in --members (has ${ids.users.length})`
      : undefined,
  steps: (ids: RunIds) => {
    const cap = collaboratorCap();
    const users = ids.users.slice(0, cap + 1);
    // One at a time: whatever else the task holds, the (cap + 1)th add finds it full.
    const adds = users.map((user, i) =>
      undoIfApplied({
        id: `add-${i + 1}`,
        title: i === cap ? `add collaborator ${i + 1}: the task is full by now` : `add collaborator ${i + 1}`,
        operation: 'addTaskCollaborators',
        path: { task_id: ids.task },
        body: { id_list: [user] },
        auth: 'tenant',
        expect: i === cap ? [overCapAnswer()] : ['success', overCapAnswer()],
      }),
    );
    return [...users.map((user, i) => normalize(ids, user, i + 1)), ...adds];
  },
};
