// An app written against the official SDK works unchanged with domain: mock.url.
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Mock, startMock } from '../src/index.js';

let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock.close());

describe('@larksuiteoapi/node-sdk against the mock', () => {
  it('exchanges app credentials, then calls each of the three operations', async () => {
    const client = new lark.Client({
      appId: 'cli_sdk_test',
      appSecret: 'sdk-test-secret',
      domain: mock.url,
      loggerLevel: lark.LoggerLevel.error,
    });
    const added = await client.task.v1.taskCollaborator.create({
      path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa' },
      params: { user_id_type: 'open_id' },
      data: { id_list: ['ou_99e1a581b36ecc4862cbfbce473f3123'] },
    });
    expect(added.code).toBe(0);
    expect(added.data?.collaborator?.id_list).toEqual(['ou_99e1a581b36ecc4862cbfbce473f3123']);

    const removed = await client.task.v1.taskCollaborator.delete({
      path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa', collaborator_id: 'ou_99e1a581b36ecc4862cbfbce123f346a' },
      params: { user_id_type: 'open_id' },
    });
    expect(removed.code).toBe(0);

    const members = await client.task.v2.tasklist.addMembers({
      path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
      params: { user_id_type: 'open_id' },
      data: { members: [{ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' }] },
    });
    expect(members.code).toBe(0);
    expect(members.data?.tasklist?.guid).toBe('cc371766-6584-cf50-a222-c22cd9055004');

    const paths = mock.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(paths[0]).toBe('POST /open-apis/auth/v3/tenant_access_token/internal 200');
    expect(paths.slice(1).map((p) => `${p.split(' ')[0]} ${p.split(' ')[2]}`)).toEqual([
      'POST 200',
      'DELETE 200',
      'POST 200',
    ]);
    expect(mock.violations).toEqual([]);
  });
});
