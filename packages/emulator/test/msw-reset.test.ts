// MSW with afterEach(reset): a client that fetched its tenant token once keeps using it across tests.
import { createClient } from '@feishu-task/client';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emulatorHandlers } from '../src/msw.js';
import { TASK, workflowFixture } from './helpers.js';

const handlers = emulatorHandlers({ fixture: workflowFixture });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => handlers.emulator.reset());
afterAll(() => server.close());

// One client for the whole file: it caches its token, as a real integration does.
const feishu = createClient({ domain: 'https://open.feishu.cn', auth: { appId: 'cli_msw_reset', appSecret: 's' } });
const add = (id: string) => feishu.addTaskCollaborators({ path: { task_id: TASK }, body: { id_list: [id] } });

describe('MSW handlers with afterEach(reset)', () => {
  it('first test', async () => {
    expect(await add('ou_one')).toMatchObject({ collaborator: { id_list: ['ou_one'] } });
  });
  it('second test: the same cached token, a fresh task', async () => {
    expect(await add('ou_two')).toMatchObject({ collaborator: { id_list: ['ou_two'] } });
    expect(handlers.emulator.journal().map((e) => e.operation)).toEqual(['addTaskCollaborators']);
  });
});
