import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { mockUrl, recordingFetch, validateResponse } from '../helpers/mock.js';

const v1 = '/open-apis/task/v1/tasks/{task_id}/collaborators';
const v1one = '/open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id}';
const v2 = '/open-apis/task/v2/tasklists/{tasklist_guid}/add_members';
const tokenPath = '/open-apis/auth/v3/tenant_access_token/internal';

describe('success paths against the mock', () => {
  const rec = recordingFetch();
  const client = createClient({
    domain: mockUrl(),
    auth: { appId: 'cli_contract', appSecret: 'contract-secret' },
    fetch: rec.fetch,
  });

  it('addTaskCollaborators', async () => {
    const data = await client.addTaskCollaborators({
      path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa' },
      query: { user_id_type: 'open_id' },
      body: { id_list: ['ou_99e1a581b36ecc4862cbfbce473f3123'] },
    });
    // A first attempt that got its answer is never a replay.
    if ('replayed' in data) throw new Error('unexpected replay');
    expect(data.collaborator.id_list).toEqual(['ou_99e1a581b36ecc4862cbfbce473f3123']);
  });

  it('removeTaskCollaborator', async () => {
    await expect(
      client.removeTaskCollaborator({
        path: {
          task_id: '83912691-2e43-47fc-94a4-d512e03984fa',
          collaborator_id: 'ou_99e1a581b36ecc4862cbfbce123f346a',
        },
      }),
    ).resolves.toEqual({});
  });

  it('addTasklistMembers, including a chat, an app and the defaults', async () => {
    const data = await client.addTasklistMembers({
      path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
      query: { user_id_type: 'union_id' },
      body: {
        members: [
          { id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f' },
          { id: 'oc_a0553eda9014c201e6969b478895c230', type: 'chat', role: 'viewer' },
          { id: 'cli_a1b2', type: 'app', role: 'editor' },
        ],
      },
    });
    expect(data.tasklist.guid).toBe('cc371766-6584-cf50-a222-c22cd9055004');
  });

  it('addTasklistMembers in chunks of 500 (1001 members: 3 requests)', async () => {
    const before = rec.seen.filter((s) => s.url.includes('add_members')).length;
    const members = Array.from({ length: 1001 }, (_, i) => ({ id: `ou_${i}` }));
    await client.addTasklistMembers({
      path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
      body: { members },
    });
    expect(rec.seen.filter((s) => s.url.includes('add_members')).length - before).toBe(3);
  });

  it('every answer the client got matches the spec schema at runtime, and the client sent nothing Prism found invalid', () => {
    expect(rec.seen.length).toBeGreaterThanOrEqual(6);
    for (const s of rec.seen) {
      const path = s.url.includes(tokenPath)
        ? tokenPath
        : s.url.includes('add_members')
          ? v2
          : s.method === 'DELETE'
            ? v1one
            : v1;
      expect(s.violations, `${s.method} ${s.url}`).toBeNull();
      expect(s.status).toBe(200);
      expect(validateResponse(path, s.method.toLowerCase(), 200, s.body), `${s.method} ${s.url}`).toEqual([]);
    }
    expect(rec.seen.filter((s) => s.url.includes(tokenPath))).toHaveLength(1);
  });

  it('the runtime check can fail: a wrong shape is reported', () => {
    expect(validateResponse(v2, 'post', 200, { code: 0, msg: 'ok', data: { tasklist: { guid: 1 } } })).not.toEqual([]);
  });
});
