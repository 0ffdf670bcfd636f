// The one-call app whose size the budget guards: a core and the one operation it calls.
import { addTasklistMembers } from '@feishu-task/client/add-tasklist-members';
import { createCore } from '@feishu-task/client/core';

const core = createCore({ auth: { tenantAccessToken: globalThis.TOKEN } });
addTasklistMembers(core, {
  path: { tasklist_guid: 'g' },
  body: { members: [{ id: 'ou_1', role: 'editor' }] },
}).then(console.log);
