// The one-call app of removeTaskCollaborator: held to the same budget as size/one-call.js (the largest of the three).
import { createCore } from '@feishu-task/client/core';
import { removeTaskCollaborator } from '@feishu-task/client/remove-task-collaborator';

const core = createCore({ auth: { tenantAccessToken: globalThis.TOKEN } });
removeTaskCollaborator(core, { path: { task_id: 't', collaborator_id: 'ou_1' } }).then(console.log);
