// Compile-time tests, checked by `tsc --noEmit` (pnpm typecheck, part of pnpm test): a wrong enum
// value, an unknown field or a missing path parameter must not compile.
import { expectTypeOf } from 'vitest';
import {
  type CallData,
  createClient,
  type DocumentedCode,
  type DocumentedName,
  isFeishuApiError,
} from '../src/index.js';
import { createRawClient } from '../src/raw.js';

const client = createClient({ auth: { tenantAccessToken: 't-x' } });

// Correct calls compile, with the spec's enums and optional defaults.
void client.addTasklistMembers({
  path: { tasklist_guid: 'g' },
  query: { user_id_type: 'union_id' },
  body: {
    members: [
      { id: 'ou_1' },
      { id: 'oc_1', type: 'chat', role: 'viewer' },
      { id: 'cli_1', type: 'app', role: 'editor' },
    ],
  },
});
void client.removeTaskCollaborator({ path: { task_id: 't', collaborator_id: 'c' } });
void client.addTaskCollaborators({ path: { task_id: 't' }, body: { id_list: ['ou_1'] } });

// @ts-expect-error role 'owner' cannot be set through add_members
void client.addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1', role: 'owner' }] } });
// @ts-expect-error type must be user | chat | app
void client.addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1', type: 'group' }] } });
// @ts-expect-error user_id_type must be open_id | union_id | user_id
void client.addTaskCollaborators({ path: { task_id: 't' }, query: { user_id_type: 'email' }, body: {} });
// @ts-expect-error unknown field on a member
void client.addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1', nickname: 'x' }] } });
// @ts-expect-error unknown field in the body
void client.addTaskCollaborators({ path: { task_id: 't' }, body: { id_list: [], ids: [] } });
// @ts-expect-error missing path parameter collaborator_id
void client.removeTaskCollaborator({ path: { task_id: 't' } });
// @ts-expect-error missing path entirely
void client.addTasklistMembers({ body: { members: [{ id: 'ou_1' }] } });
// @ts-expect-error members is required
void client.addTasklistMembers({ path: { tasklist_guid: 'g' }, body: {} });
// A member without id type-checks: the page marks id optional (the service answers 1470400 for it).
void client.addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ type: 'user' }] } });
// @ts-expect-error delete takes no body
void client.removeTaskCollaborator({ path: { task_id: 't', collaborator_id: 'c' }, body: { id: 'x' } });

// Results are the spec's data shapes, tolerant as the server is: fields optional, enums open (the known
// values still autocomplete; an unknown role from a newer server still type-checks).
expectTypeOf<CallData<'addTasklistMembers'>['tasklist']['guid']>().toEqualTypeOf<string | undefined>();
type Role = Required<NonNullable<CallData<'addTasklistMembers'>['tasklist']['members']>[number]>['role'];
expectTypeOf<'editor'>().toExtend<Role>();
expectTypeOf<'a-future-role'>().toExtend<Role>();
expectTypeOf<Role>().toEqualTypeOf<'editor' | 'viewer' | 'owner' | 'creator' | (string & {})>();
expectTypeOf<CallData<'addTaskCollaborators'>['collaborator']['id_list']>().toEqualTypeOf<string[] | undefined>();

// Error codes narrow to each operation's documented codes and names.
expectTypeOf<DocumentedCode<'addTasklistMembers'>>().toEqualTypeOf<
  1470400 | 1470612 | 99992402 | 99991661 | 99991663 | 99991668 | 99991671 | 1470403 | 1470404 | 99991400 | 1470500
>();
expectTypeOf<DocumentedCode<'removeTaskCollaborator'>>().toEqualTypeOf<
  | 1470602
  | 1470450
  | 1470451
  | 1470404
  | 99992402
  | 99991661
  | 99991663
  | 99991668
  | 99991671
  | 1470403
  | 1470700
  | 99991400
  | 1470702
>();
expectTypeOf<'TasklistNotFound'>().toExtend<DocumentedName<'addTasklistMembers'>>();
// @ts-expect-error TasklistNotFound is not a name of the v1 operation
const wrongName: DocumentedName<'addTaskCollaborators'> = 'TasklistNotFound';
void wrongName;

declare const e: unknown;
if (isFeishuApiError(e, 'addTasklistMembers')) {
  expectTypeOf(e.operation).toEqualTypeOf<'addTasklistMembers'>();
  // @ts-expect-error 1470700 is not one of add_members' documented codes
  const c: DocumentedCode<typeof e.operation> = 1470700;
  void c;
}

// The raw entry keeps openapi-fetch's path-typed calls.
const raw = createRawClient(client);
void raw
  .POST('/open-apis/task/v2/tasklists/{tasklist_guid}/add_members', {
    params: { path: { tasklist_guid: 'g' } },
    body: { members: [{ id: 'ou_1', role: 'viewer' }] },
  })
  .then(({ data }) => {
    if (data) expectTypeOf(data.data?.tasklist?.guid).toEqualTypeOf<string | undefined>();
  });
// @ts-expect-error an unknown path is not a call the raw client has
void raw.POST('/open-apis/task/v2/tasklists/{tasklist_guid}/remove_members', {});
// @ts-expect-error the raw client needs a client, not options
createRawClient({ auth: { tenantAccessToken: 't-x' } });

// The modular form takes the same inputs and resolves with the same types; a core is what it takes.
{
  const { createCore } = await import('../src/core-entry.js');
  const { addTasklistMembers } = await import('../src/operations/add-tasklist-members.js');
  const { removeTaskCollaborator } = await import('../src/operations/remove-task-collaborator.js');
  const { appCredentials } = await import('../src/app-credentials.js');
  const core = createCore({ auth: appCredentials({ appId: 'cli_x', appSecret: 's' }) });
  expectTypeOf(
    addTasklistMembers(core, { path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1' }] } }),
  ).toEqualTypeOf<ReturnType<typeof client.addTasklistMembers>>();
  // @ts-expect-error role 'owner' cannot be set through add_members, in the modular form either
  void addTasklistMembers(core, { path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1', role: 'owner' }] } });
  // @ts-expect-error a core is made by createCore, not a plain object
  void removeTaskCollaborator({}, { path: { task_id: 't', collaborator_id: 'c' } });
  // @ts-expect-error createCore takes app credentials only through appCredentials()
  createCore({ auth: { appId: 'cli_x', appSecret: 's' } });
}
