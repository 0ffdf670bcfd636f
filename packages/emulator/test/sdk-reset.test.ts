// The official SDK as a black box across tests with beforeEach(reset): it caches its tenant token for
// the whole process, so the token must survive a reset; each test still starts from the same state,
// settings and clock.
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { TASK, workflowFixture } from './helpers.js';

let emu: RunningEmulator;
let client: lark.Client;
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
  client = new lark.Client({
    appId: 'cli_sdk_reset',
    appSecret: 'sdk-secret',
    domain: emu.url,
    loggerLevel: lark.LoggerLevel.fatal,
  });
});
beforeEach(() => emu.emulator.reset());
afterAll(() => emu.close());

const add = (id: string) =>
  client.task.v1.taskCollaborator.create({
    path: { task_id: TASK },
    params: { user_id_type: 'open_id' },
    data: { id_list: [id] },
  });

describe('the official SDK with beforeEach(reset)', () => {
  it('first test: adds a collaborator (the SDK fetches and caches its token)', async () => {
    expect((await add('ou_first')).code).toBe(0);
    emu.emulator.configure({ autoRegisterUsers: false });
    emu.emulator.clock.advance(60_000);
  });

  it('second test: the cached token still works; state, settings and clock are back to the start', async () => {
    const started = Date.now();
    expect(Math.abs(emu.emulator.clock.now() - started)).toBeLessThan(5_000);
    expect(emu.emulator.settings().autoRegisterUsers).toBe(true);
    const answer = await add('ou_second');
    expect(answer.code).toBe(0);
    expect(answer.data?.collaborator?.id_list).toEqual(['ou_second']);
    expect(emu.emulator.journal().map((e) => e.operation)).toEqual(['addTaskCollaborators']);
  });

  it('faking Date moves the emulator and the SDK together: two hours on, the SDK fetches a new token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      expect((await add('ou_before')).code).toBe(0);
      vi.setSystemTime(Date.now() + 2 * 3600_000 + 60_000);
      expect((await add('ou_after')).code).toBe(0);
      // The emulator's clock follows Date, so the cached token expired for both: the SDK fetched a new one.
      expect(emu.emulator.journal().map((e) => e.operation)).toEqual([
        'addTaskCollaborators',
        'getTenantAccessToken',
        'addTaskCollaborators',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
  it('last test: a reset that drops tokens makes the cached token unknown (99991663)', async () => {
    emu.emulator.reset(undefined, { dropTokens: true });
    await expect(add('ou_third')).rejects.toMatchObject({ response: { data: { code: 99991663 } } });
  });
});
