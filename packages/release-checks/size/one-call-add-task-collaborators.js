// The one-call app of addTaskCollaborators: held to the same budget as size/one-call.js (the largest of the three).
import { addTaskCollaborators } from '@feishu-task/client/add-task-collaborators';
import { createCore } from '@feishu-task/client/core';

const core = createCore({ auth: { tenantAccessToken: globalThis.TOKEN } });
addTaskCollaborators(core, { path: { task_id: 't' }, body: { id_list: ['ou_1'] } }).then(console.log);
