// The one-call app whose size the budget guards: one client, one named call.
import { createClient } from '@feishu-task/client';

const client = createClient({ auth: { tenantAccessToken: globalThis.TOKEN } });
client
  .addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1', role: 'editor' }] } })
  .then(console.log);
