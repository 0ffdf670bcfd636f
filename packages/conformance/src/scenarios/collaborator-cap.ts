// The 50-collaborator cap. One request with more ids than a task may hold is refused whatever the
// task holds, so nothing changes; should a target accept it, the ids are removed again at the end.
import { errors, operations } from '@feishu-task/types';
import type { Scenario } from '../scenario.js';
import { undoIfApplied } from './undo.js';

// The spec's cap on what a task holds in all (x-feishu-state-limits), and its answers.
const limit = operations.addTaskCollaborators.stateLimits.collaboratorsPerTask;
const nameOf = (code: number) =>
  (errors.addTaskCollaborators as Record<string, { name: string } | undefined>)[String(code)]?.name ?? String(code);

/** How many collaborators a task holds at most. */
export const collaboratorCap = (): number => limit.max;
/** The documented answer to a request that would take a task beyond the cap. */
export const overCapAnswer = (): string => nameOf(limit.code);
/** The documented answer to one request naming more ids than the cap. */
export const oneRequestOverCapAnswer = (): string => nameOf(limit.oneRequestOverMax.code);

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
      undoIfApplied({
        id: 'over-cap',
        title: `add ${users.length} collaborators in one request`,
        operation: 'addTaskCollaborators',
        path: { task_id: ids.task },
        body: { id_list: users },
        auth: 'tenant',
        expect: [oneRequestOverCapAnswer()],
      }),
    ];
  },
};
