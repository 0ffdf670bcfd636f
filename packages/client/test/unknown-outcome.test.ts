// Applied, then an answer that is not a readable Feishu envelope: the client cannot know what happened,
// exactly as when the connection drops. It resends only where x-feishu-retry says the resend's answer can
// be read (a replayed code then resolves { replayed }), otherwise says outcomeUnknown: true; a bulk call
// puts that chunk in `unknown`. Each case against a real gateway that applies, then answers it.
import { describe, expect, it } from 'vitest';
import {
  FeishuBulkError,
  FeishuConnectionError,
  FeishuQuotaWaitError,
  FeishuResponseError,
  MemoryQuotaStore,
} from '../src/index.js';
import { serverClient } from './helpers/http-server.js';
import { addMembers } from './helpers/inputs.js';
import { GATEWAY_FAULTS, useTaskServer } from './helpers/task-server.js';

const task = useTaskServer();

const client = (o: object = {}) => serverClient(task.server.url, o);
// A reset half-way through the body is a connection failure; the others are answers without the envelope.
const errorClass = (fault: string) => (fault === 'reset-mid-body' ? FeishuConnectionError : FeishuResponseError);

describe.each(GATEWAY_FAULTS)('applied, then %s', (fault) => {
  it('addTaskCollaborators: the resend answers 1470431, which means success: { replayed }', async () => {
    task.server.faults.push(fault);
    const task_id = `add-${fault}`;
    const result = await client().addTaskCollaborators({ path: { task_id }, body: { id_list: ['ou_a'] } });
    expect(result).toEqual({ replayed: { code: 1470431, msg: 'all collaborators already exist' } });
    expect(task.server.arrivals).toHaveLength(2);
    expect([...task.server.collaborators.get(task_id)!]).toEqual(['ou_a']);
  });

  it('removeTaskCollaborator: the resend answers 1470700, which means success: { replayed }', async () => {
    const task_id = `remove-${fault}`;
    task.server.collaborators.set(task_id, new Set(['ou_b']));
    task.server.faults.push(fault);
    const result = await client().removeTaskCollaborator({ path: { task_id, collaborator_id: 'ou_b' } });
    expect(result).toEqual({ replayed: { code: 1470700, msg: 'task collaborator not found' } });
  });

  it('without retries: the error says outcomeUnknown: true', async () => {
    task.server.faults.push(fault);
    const task_id = `no-retry-${fault}`;
    const error = await client({ maxRetries: 0 })
      .addTaskCollaborators({ path: { task_id }, body: { id_list: ['ou_c'] } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(errorClass(fault));
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    // The message names the root cause as the README's errors table says: ECONNRESET, or Node's fetch's
    // UND_ERR_SOCKET, depending on when the socket went.
    if (fault === 'reset-mid-body') {
      expect(error.code).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
      expect(error.message).toContain(`(${error.code})`);
    }
    expect(task.server.collaborators.get(task_id)?.has('ou_c')).toBe(true);
  });

  it('bulk: chunk 2 applied, then this answer (maxRetries 0): its 500 members are unknown, not "not applied"', async () => {
    task.server.faults.push(undefined, fault);
    const input = addMembers(1200);
    const tasklist_guid = `bulk-${fault}`;
    const error = await client({ maxRetries: 0 })
      .addTasklistMembers({ ...input, path: { tasklist_guid } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuBulkError);
    expect(error.cause).toBeInstanceOf(errorClass(fault));
    expect([error.applied.length, error.unknown.length, error.notApplied.length]).toEqual([500, 500, 200]);
    expect(error.unknown[0].id).toBe('ou_500');
    expect(task.server.members.get(tasklist_guid)!.size).toBe(1000);
  });
});

describe('applied, then no readable answer, and the retry finds no room in the quota', () => {
  it('FeishuQuotaWaitError says outcomeUnknown: true and attempts: 1, since the first request may have been applied', async () => {
    task.server.faults.push('html-502');
    const task_id = 'quota-after-unknown';
    const error = await client({
      throttle: true,
      quota: {
        store: new MemoryQuotaStore(),
        windows: { addTaskCollaborators: [{ limit: 1, windowMs: 60_000 }] },
        maxWaitMs: 50,
      },
    })
      .addTaskCollaborators({ path: { task_id }, body: { id_list: ['ou_q'] } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuQuotaWaitError);
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(error.message).toMatch(/the request was not sent$/);
    expect(task.server.collaborators.get(task_id)?.has('ou_q')).toBe(true);
  });
});
