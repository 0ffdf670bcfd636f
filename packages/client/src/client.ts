// createClient: the core (./core.ts) with all three named methods, app credentials and English advice
// built in. One runtime: the named methods are the per-operation modules' functions.
import {
  addTaskCollaborators as addTaskCollaboratorsSpec,
  addTasklistMembers as addTasklistMembersSpec,
  getTenantAccessToken,
  removeTaskCollaborator as removeTaskCollaboratorSpec,
} from '@feishu-task/types/operations';
import { adviceEn } from './advice.js';
import { appCredentials } from './app-credentials.js';
import type { AuthOption } from './auth.js';
import { createCore } from './core.js';
import { FeishuInputError } from './errors/input-error.js';
import { INTERNALS, internalsOf } from './internals.js';
import { note } from './operation.js';
import { addTaskCollaborators } from './operations/add-task-collaborators.js';
import { addTasklistMembers } from './operations/add-tasklist-members.js';
import { removeTaskCollaborator } from './operations/remove-task-collaborator.js';
import type { CommonOptions, CoreOptions } from './options.js';
import { guardStore } from './quota/guard.js';
import { STORE_GUARD } from './quota/store.js';
import type { CallInput, CallOptions, CallResult } from './types.js';

export type { QuotaOptions } from './options.js';

export interface ClientOptions extends CommonOptions {
  auth: AuthOption;
}

/** The named calls. For openapi-fetch's typed `{ data, error, response }` calls: `createRawClient(client)` from `@feishu-task/client/raw`. */
export interface FeishuTaskClient {
  addTaskCollaborators(
    input: CallInput<'addTaskCollaborators'>,
    options?: CallOptions,
  ): Promise<CallResult<'addTaskCollaborators'>>;
  removeTaskCollaborator(
    input: CallInput<'removeTaskCollaborator'>,
    options?: CallOptions,
  ): Promise<CallResult<'removeTaskCollaborator'>>;
  /** Duplicates are dropped; more members than the spec's `maxItems` for `members` go as consecutive requests; the last answer is returned. */
  addTasklistMembers(
    input: CallInput<'addTasklistMembers'>,
    options?: CallOptions,
  ): Promise<CallResult<'addTasklistMembers'>>;
}

export function createClient(options: ClientOptions): FeishuTaskClient {
  if (!options || typeof options !== 'object')
    throw new FeishuInputError('createClient', 'options', 'must be an object');
  // Every operation is known from the start: the raw client routes any of them. (Named, not `import *`:
  // a namespace object would keep every spec in the bundles of apps that never call createClient.)
  for (const spec of [
    addTaskCollaboratorsSpec,
    removeTaskCollaboratorSpec,
    addTasklistMembersSpec,
    getTenantAccessToken,
  ])
    note(spec);
  const auth = options.auth;
  const core = createCore(
    {
      ...options,
      auth: auth && typeof auth === 'object' && 'appId' in auth ? appCredentials(auth) : auth,
      advice: adviceEn,
      // createClient takes any store as it is: it brings the guard (store timeout, fallback) itself.
      [STORE_GUARD]: guardStore,
    } as CoreOptions,
    'createClient',
  );
  const client: FeishuTaskClient = {
    addTaskCollaborators: (input, o) => addTaskCollaborators(core, input, o),
    removeTaskCollaborator: (input, o) => removeTaskCollaborator(core, input, o),
    addTasklistMembers: (input, o) => addTasklistMembers(core, input, o),
  };
  // routesAll_: every operation is noted, so the raw client (which needs that) accepts this one.
  Object.defineProperty(client, INTERNALS, { value: { ...internalsOf(core, 'createClient'), routesAll_: true } });
  return client;
}
