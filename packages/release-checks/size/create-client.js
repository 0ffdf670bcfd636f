// The same call through createClient (all three methods, app credentials, English advice): guarded by
// its own budget so the all-in-one form cannot grow either.
import { createClient } from '@feishu-task/client';

const client = createClient({ auth: { tenantAccessToken: globalThis.TOKEN } });
client
  .addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1', role: 'editor' }] } })
  .then(console.log);
