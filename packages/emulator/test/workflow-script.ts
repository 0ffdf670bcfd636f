// A scripted workflow over plain fetch, touching every operation and most of their answers; used by
// the contract tests (directly, and through Prism's proxy).
import type { Emulator } from '../src/index.js';
import { TASK, TASKLIST, VIEWER } from './helpers.js';

export interface Step {
  method: string;
  path: string;
  status: number;
  body: any;
  headers: Headers;
}

/**
 * `viaPrism`: leaves out the request without a token, which breaks the spec's security requirement, so
 * Prism answers it itself (401) instead of passing it on.
 */
export async function runWorkflow(base: string, emulator: Emulator, viaPrism = false): Promise<Step[]> {
  const steps: Step[] = [];
  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const step = {
      method,
      path: path.split('?')[0]!,
      status: response.status,
      body: await response.json(),
      headers: response.headers,
    };
    steps.push(step);
    return step;
  };
  const tokenPath = '/open-apis/auth/v3/tenant_access_token/internal';
  const token = (await send('POST', tokenPath, { app_id: 'cli_script', app_secret: 'script-secret' })).body
    .tenant_access_token as string;
  await send('POST', tokenPath, { app_id: 'cli_script', app_secret: 'wrong' });
  const v1 = `/open-apis/task/v1/tasks/${TASK}/collaborators`;
  const v2 = `/open-apis/task/v2/tasklists/${TASKLIST}/add_members`;
  await send('POST', `${v1}?user_id_type=open_id`, { id_list: ['ou_s1', 'ou_s2'] }, token);
  await send('POST', `${v1}?user_id_type=union_id`, { id_list: ['on_s1'] }, token);
  await send('POST', `${v1}?user_id_type=user_id`, { id_list: ['s3'] }, token);
  await send('DELETE', `${v1}/ou_s2`, undefined, token);
  await send('DELETE', `${v1}/ou_s2`, undefined, token);
  await send('POST', '/open-apis/task/v1/tasks/unknown-task/collaborators', { id_list: ['ou_s1'] }, token);
  if (!viaPrism) await send('POST', v1, { id_list: ['ou_s1'] });
  await send('POST', v1, { id_list: ['ou_s1'] }, 'not-a-token');
  await send('POST', v1, { id_list: ['ou_s1'] }, 't-expired-or-unknown');
  await send('POST', v1, { id_list: ['ou_s1'] }, 'u-unknown');
  await send('POST', `${v2}?user_id_type=open_id`, { members: [{ id: 'ou_s1', role: 'editor' }] }, token);
  await send(
    'POST',
    v2,
    {
      members: [
        { id: 'ou_s1', role: 'viewer' },
        { id: 'oc_chat', type: 'chat' },
      ],
    },
    token,
  );
  await send('POST', v2, { members: [{ id: 'ou_owner', role: 'viewer' }] }, token);
  await send(
    'POST',
    v2,
    { members: [{ id: 'cli_app', type: 'app', role: 'viewer' }] },
    emulator.issueUserToken(VIEWER).token,
  );
  await send('POST', '/open-apis/task/v2/tasklists/unknown/add_members', { members: [{ id: 'ou_s1' }] }, token);
  emulator.configure({ tasklistMemberLimit: 3 });
  await send('POST', v2, { members: [{ id: 'ou_s9' }, { id: 'ou_s10' }] }, token);
  emulator.configure({ tasklistMemberLimit: 3000 });
  emulator.faults.inject({ operation: 'addTasklistMembers', kind: 'server-error' });
  await send('POST', v2, { members: [{ id: 'ou_s1' }] }, token);
  emulator.faults.inject({ operation: 'removeTaskCollaborator', kind: 'server-error' });
  await send('DELETE', `${v1}/ou_s1`, undefined, token);
  emulator.faults.inject({ operation: 'addTaskCollaborators', kind: 'rate-limit', resetSeconds: 7 });
  await send('POST', v1, { id_list: ['ou_s1'] }, token);
  return steps;
}
