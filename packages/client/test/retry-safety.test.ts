// Retries never turn success into failure: when an attempt was applied but its answer lost, the resend's
// answer is read as the spec's x-feishu-retry declares (1470431 / 1470700 then mean success), and nothing
// else is resent after an unknown outcome unless the operation is idempotent. Over real sockets.
import { operations } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { FeishuApiError, FeishuBulkError, FeishuConnectionError } from '../src/index.js';
import { serverClient } from './helpers/http-server.js';
import { addMembers } from './helpers/inputs.js';
import { useTaskServer } from './helpers/task-server.js';

const task = useTaskServer();

const client = (o: object = {}) => serverClient(task.server.url, o);

describe('an attempt applied, then the connection dropped', () => {
  it('the spec declares how each operation is resent', () => {
    expect(operations.addTaskCollaborators.retry.replayedSuccessCodes).toEqual([1470431]);
    expect(operations.removeTaskCollaborator.retry.replayedSuccessCodes).toEqual([1470700]);
    expect(operations.addTasklistMembers.retry.idempotent).toBe(true);
  });

  it('addTaskCollaborators: the resend answers 1470431, which then means success', async () => {
    task.server.faults.push('drop-after-apply');
    const result = await client().addTaskCollaborators({ path: { task_id: 'task-a' }, body: { id_list: ['ou_a'] } });
    expect(result).toEqual({ replayed: { code: 1470431, msg: 'all collaborators already exist' } });
    expect(task.server.arrivals).toHaveLength(2);
    expect([...task.server.collaborators.get('task-a')!]).toEqual(['ou_a']);
  });

  it('removeTaskCollaborator: the resend answers 1470700, which then means success', async () => {
    task.server.collaborators.set('task-b', new Set(['ou_b']));
    task.server.faults.push('drop-after-apply');
    const result = await client().removeTaskCollaborator({ path: { task_id: 'task-b', collaborator_id: 'ou_b' } });
    expect(result).toEqual({ replayed: { code: 1470700, msg: 'task collaborator not found' } });
    expect(task.server.arrivals).toHaveLength(2);
  });

  it('without an unknown outcome, 1470431 and 1470700 stay errors', async () => {
    task.server.collaborators.set('task-c', new Set(['ou_c']));
    const add = await client()
      .addTaskCollaborators({ path: { task_id: 'task-c' }, body: { id_list: ['ou_c'] } })
      .catch((e) => e);
    expect(add).toBeInstanceOf(FeishuApiError);
    expect(add).toMatchObject({ code: 1470431, outcomeUnknown: false });
    const remove = await client()
      .removeTaskCollaborator({ path: { task_id: 'task-c', collaborator_id: 'ou_none' } })
      .catch((e) => e);
    expect(remove).toMatchObject({ code: 1470700, codeName: 'CollaboratorNotFound' });
    expect(task.server.arrivals).toHaveLength(2);
  });

  it('a connection reset before anything was applied is resent like any network failure', async () => {
    task.server.faults.push('reset-before-apply');
    await client().addTaskCollaborators({ path: { task_id: 'task-d' }, body: { id_list: ['ou_d'] } });
    expect(task.server.arrivals).toHaveLength(2);
    expect([...task.server.collaborators.get('task-d')!]).toEqual(['ou_d']);
  });
});

describe('bulk add_members with an unknown outcome', () => {
  it('chunk 2 applied, then the connection dropped: its members are unknown, not "not applied"', async () => {
    task.server.faults.push(undefined, 'drop-after-apply');
    const input = addMembers(1234);
    const error = await client({ maxRetries: 0 })
      .addTasklistMembers({ ...input, path: { tasklist_guid: 'list-1' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuBulkError);
    expect(error.cause).toBeInstanceOf(FeishuConnectionError);
    const ids = (xs: { id?: string }[]) => xs.map((m) => m.id);
    expect(ids(error.applied)).toEqual(ids(input.body.members.slice(0, 500)));
    expect(ids(error.unknown)).toEqual(ids(input.body.members.slice(500, 1000)));
    expect(ids(error.notApplied)).toEqual(ids(input.body.members.slice(1000)));
    expect(task.server.members.get('list-1')!.size).toBe(1000);
    expect(error.message).toMatch(
      /500 applied, 500 unknown \(ou_500, ou_501, ou_502, \.\.\. \(497 more\)\), 234 not applied/,
    );
  });

  it('with retries (add_members is idempotent) the same drop is resent and everything lands', async () => {
    task.server.faults.push(undefined, 'drop-after-apply');
    const result = await client().addTasklistMembers({ ...addMembers(1234), path: { tasklist_guid: 'list-2' } });
    expect(result.tasklist.members).toHaveLength(1234);
    expect(task.server.arrivals).toHaveLength(4);
  });
});
