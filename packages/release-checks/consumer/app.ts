// A consumer's code, type-checked with `strict` against the installed tarballs and run unchanged on
// every runtime: the three operations, then a documented error.
import { type CallInput, createClient, isFeishuApiError } from '@feishu-task/client';
import { addTasklistMembers } from '@feishu-task/client/add-tasklist-members';
import { explain } from '@feishu-task/client/advice';
import { appCredentials } from '@feishu-task/client/app-credentials';
import { createCore, FeishuApiError } from '@feishu-task/client/core';
import { createRawClient } from '@feishu-task/client/raw';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export async function run(domain: string, fetchImpl?: Fetch): Promise<string[]> {
  const base: Fetch = fetchImpl ?? ((input, init) => fetch(input, init));
  const client = createClient({ domain, auth: { appId: 'cli_consumer', appSecret: 'consumer-secret' }, fetch: base });
  const lines: string[] = [];

  const added = await client.addTaskCollaborators({
    path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa' },
    query: { user_id_type: 'open_id' },
    body: { id_list: ['ou_99e1a581b36ecc4862cbfbce473f3123'] },
  });
  // A resend answered "already applied" resolves without the lost data (x-feishu-retry).
  lines.push(`added ${'replayed' in added ? '' : (added.collaborator.id_list?.join(',') ?? '')}`);

  await client.removeTaskCollaborator({
    path: { task_id: '83912691-2e43-47fc-94a4-d512e03984fa', collaborator_id: 'ou_99e1a581b36ecc4862cbfbce123f346a' },
  });
  lines.push('removed');

  const members: CallInput<'addTasklistMembers'>['body']['members'] = [
    { id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user', role: 'editor' },
  ];
  const { tasklist } = await client.addTasklistMembers({
    path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
    body: { members },
  });
  lines.push(`tasklist ${tasklist.guid}`);

  // openapi-fetch's typed call, from its own entry, through the same client.
  const raw = await createRawClient(client).POST('/open-apis/task/v2/tasklists/{tasklist_guid}/add_members', {
    params: { path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' } },
    body: { members },
  });
  lines.push(`raw ${raw.response.status} ${raw.data?.data?.tasklist?.guid}`);

  const prefer: Fetch = (input, init) =>
    base(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), prefer: 'code=404, example=TasklistNotFound' },
    });
  const failing = createClient({ domain, auth: { tenantAccessToken: 't-consumer' }, maxRetries: 0, fetch: prefer });
  try {
    await failing.addTasklistMembers({
      path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
      body: { members },
    });
    lines.push('no error');
  } catch (error) {
    if (!isFeishuApiError(error, 'addTasklistMembers')) throw error;
    const code: number = error.code;
    lines.push(`error ${code} ${error.codeName ?? '?'} ${error.status}`);
  }

  // The modular form: a core and one operation's entry; app credentials and advice from their own entries.
  const core = createCore({
    domain,
    auth: appCredentials({ appId: 'cli_consumer', appSecret: 'consumer-secret' }),
    fetch: base,
  });
  const viaCore = await addTasklistMembers(core, {
    path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
    body: { members },
  });
  lines.push(`core ${viaCore.tasklist.guid}`);
  const failingCore = createCore({ domain, auth: { tenantAccessToken: 't-consumer' }, maxRetries: 0, fetch: prefer });
  const error = await addTasklistMembers(failingCore, {
    path: { tasklist_guid: 'd300a75f-c56a-4be9-80d1-e47653028ceb' },
    body: { members },
  }).catch((e: unknown) => e);
  // The same class as the main entry's, and the advice looked up apart.
  lines.push(
    `core error ${error instanceof FeishuApiError && isFeishuApiError(error) ? error.codeName : '?'} ${explain(error, 'zh') ? 'advice' : 'none'}`,
  );
  return lines;
}
