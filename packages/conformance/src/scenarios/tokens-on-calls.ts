// Each operation with no token, a malformed one, a token of another kind, and tenant and user tokens
// the platform never issued. All are refused before anything is read, so nothing can change.
import type { OperationId } from '@feishu-task/types';
import type { AuthMode, RunIds, Scenario, Step } from '../scenario.js';
import { operationFacts } from '../spec-facts.js';
import { undoIfApplied } from './undo.js';

const documented = (op: OperationId, name: string) => operationFacts().get(op)?.byName.has(name) === true;

const CASES: { auth: AuthMode; title: string; expect: (op: OperationId) => string[] }[] = [
  { auth: 'none', title: 'no Authorization header', expect: () => ['TokenMissing'] },
  { auth: 'malformed', title: 'a malformed token', expect: () => ['TokenFormatInvalid'] },
  {
    auth: 'other-kind',
    title: 'a token of another kind (neither tenant nor user token)',
    // The platform's answer to a token it cannot read, and the wrong-kind answer where an operation's page
    // documents one (Task v1's IdentityTokenIncorrect).
    expect: (op) => ['TokenFormatInvalid', 'IdentityTokenIncorrect'].filter((name) => documented(op, name)),
  },
  { auth: 'unknown-tenant', title: 'a tenant token never issued', expect: () => ['TenantTokenInvalid'] },
  { auth: 'unknown-user', title: 'a user token never issued', expect: () => ['UserTokenInvalid'] },
];

function request(ids: RunIds, operation: OperationId): Pick<Step, 'path' | 'body'> {
  const [user = ''] = ids.users;
  if (operation === 'addTaskCollaborators') return { path: { task_id: ids.task }, body: { id_list: [user] } };
  if (operation === 'removeTaskCollaborator') return { path: { task_id: ids.task, collaborator_id: user } };
  return { path: { tasklist_guid: ids.tasklist }, body: { members: [{ id: user, type: 'user', role: 'viewer' }] } };
}

export const tokensOnCalls: Scenario = {
  id: 'tokens-on-calls',
  title: 'Missing, malformed, wrong-kind and unknown tokens on every operation',
  skip: (ids) => (ids.users.length < 1 ? 'needs a user id in --members' : undefined),
  steps: (ids) =>
    (['addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers'] as const).flatMap((operation) =>
      CASES.map((c) =>
        undoIfApplied({
          id: `${operation}-${c.auth}`,
          title: `${operation} with ${c.title}`,
          operation,
          ...request(ids, operation),
          auth: c.auth,
          expect: c.expect(operation),
        }),
      ),
    ),
};
