// The behaviour tests run against both forms of the client (vitest.config.ts: one project each): the
// all-in-one createClient, and a core with the per-operation functions (@feishu-task/client/core and
// friends) assembled into the same three methods. `createClient` here is whichever form the project runs.
import { advice } from '../../src/advice.js';
import { appCredentials } from '../../src/app-credentials.js';
import { createClient as allInOne, type ClientOptions, type FeishuTaskClient } from '../../src/client.js';
import { createCore } from '../../src/core.js';
import { INTERNALS, internalsOf } from '../../src/internals.js';
import { addTaskCollaborators } from '../../src/operations/add-task-collaborators.js';
import { addTasklistMembers } from '../../src/operations/add-tasklist-members.js';
import { removeTaskCollaborator } from '../../src/operations/remove-task-collaborator.js';

export const form = process.env.CLIENT_FORM === 'modular' ? 'modular' : 'createClient';

function modular(options: ClientOptions): FeishuTaskClient {
  const auth = options?.auth;
  const core = createCore(
    options && typeof options === 'object'
      ? {
          ...options,
          auth: auth && typeof auth === 'object' && 'appId' in auth ? appCredentials(auth) : (auth as never),
          // createClient puts the English advice in its errors; the modular form does when asked to.
          advice: advice('en'),
        }
      : (options as never),
    // Option errors name the function called: the tests ask for createClient's wording.
    'createClient',
  );
  const client: FeishuTaskClient = {
    addTaskCollaborators: (input, o) => addTaskCollaborators(core, input, o),
    removeTaskCollaborator: (input, o) => removeTaskCollaborator(core, input, o),
    addTasklistMembers: (input, o) => addTasklistMembers(core, input, o),
  };
  // The core's internals, as createClient's clients carry them (the raw client and a few tests read them).
  Object.defineProperty(client, INTERNALS, { value: internalsOf(core, 'modular') });
  return client;
}

export const createClient: typeof allInOne = form === 'modular' ? modular : allInOne;
