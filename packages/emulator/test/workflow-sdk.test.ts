// The official SDK, unchanged, runs a real workflow against the emulator and meets every error a real
// integration must handle.
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { contractProblems, secondsLeft, TASK, TASKLIST, VIEWER, workflowFixture } from './helpers.js';

let emu: RunningEmulator;
let client: lark.Client;
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
  client = new lark.Client({
    appId: 'cli_sdk_workflow',
    appSecret: 'sdk-secret',
    domain: emu.url,
    loggerLevel: lark.LoggerLevel.fatal,
  });
});
afterAll(() => emu.close());

interface Outcome {
  status: number;
  code: number;
  data?: any;
  headers: Record<string, string>;
}
/** The SDK resolves 2xx answers and throws axios errors for the rest; both become one outcome. */
async function outcome(call: () => Promise<any>): Promise<Outcome> {
  try {
    const r = await call();
    return { status: 200, code: r.code, data: r.data, headers: {} };
  } catch (error: any) {
    if (!error.response) throw error;
    return { status: error.response.status, code: error.response.data?.code, headers: error.response.headers };
  }
}

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `ou_sdk_${from + i}`);
const add = (id_list: string[]) =>
  outcome(() =>
    client.task.v1.taskCollaborator.create({
      path: { task_id: TASK },
      params: { user_id_type: 'open_id' },
      data: { id_list },
    }),
  );

describe('@larksuiteoapi/node-sdk 1.74.0 against the emulator', () => {
  it('adds two collaborators, then meets 1470431, 1470429 and 1470700 as the pages say', async () => {
    const two = await add(ids(0, 2));
    expect(two).toMatchObject({ status: 200, code: 0 });
    expect(two.data.collaborator.id_list).toEqual(ids(0, 2));

    expect(await add(ids(0, 2))).toMatchObject({ status: 400, code: 1470431 });

    // Some present, some new: the new ones are added.
    const fill = await add(ids(1, 49));
    expect(fill.code).toBe(0);
    expect(fill.data.collaborator.id_list).toHaveLength(50);

    expect(await add(['ou_sdk_one_more'])).toMatchObject({ status: 400, code: 1470429 });

    const removed = await outcome(() =>
      client.task.v1.taskCollaborator.delete({ path: { task_id: TASK, collaborator_id: 'ou_not_a_collaborator' } }),
    );
    expect(removed).toMatchObject({ status: 404, code: 1470700 });
    expect(emu.emulator.snapshot().tasks?.find((t) => t.id === TASK)?.collaborators).toHaveLength(50);
  });

  it('an unknown tasklist answers 404/1470404; a viewer user token answers 403/1470403', async () => {
    const members = [{ id: 'ou_new_member', type: 'user', role: 'editor' }];
    const unknown = await outcome(() =>
      client.task.v2.tasklist.addMembers({ path: { tasklist_guid: 'no-such-tasklist' }, data: { members } }),
    );
    expect(unknown).toMatchObject({ status: 404, code: 1470404 });

    const viewer = emu.emulator.issueUserToken(VIEWER).token;
    const refused = await outcome(() =>
      client.task.v2.tasklist.addMembers(
        { path: { tasklist_guid: TASKLIST }, data: { members } },
        lark.withUserAccessToken(viewer),
      ),
    );
    expect(refused).toMatchObject({ status: 403, code: 1470403 });
    const list = emu.emulator.snapshot().tasklists?.find((l) => l.guid === TASKLIST);
    expect(list?.members?.map((m) => m.id)).not.toContain('ou_new_member');
  });

  it('60 add_members in one second: at least one 429/99991400 whose reset header is the true time left', async () => {
    // Virtual time stands still 400 ms into a second, so the burst cannot straddle two windows.
    const clock = emu.emulator.clock;
    clock.set(Math.floor(clock.now() / 1000) * 1000 + 1400);
    emu.emulator.clock.freeze();
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          outcome(() =>
            client.task.v2.tasklist.addMembers({
              path: { tasklist_guid: TASKLIST },
              data: { members: [{ id: `ou_burst_${i}`, type: 'user', role: 'viewer' }] },
            }),
          ),
        ),
      );
      const limited = results.filter((r) => r.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      expect(results.filter((r) => r.status === 200)).toHaveLength(60 - limited.length);
      const now = emu.emulator.clock.now();
      for (const r of limited) {
        expect(r.code).toBe(99991400);
        expect(r.headers['x-ogw-ratelimit-limit']).toBe('50');
        expect(Number(r.headers['x-ogw-ratelimit-reset'])).toBe(secondsLeft(now, 1000));
      }
      // True: 600 ms later (the window's end) the quota is back, 1 ms before it is not.
      emu.emulator.clock.advance(599);
      const before = await outcome(() =>
        client.task.v2.tasklist.addMembers({
          path: { tasklist_guid: TASKLIST },
          data: { members: [{ id: 'ou_late' }] },
        }),
      );
      expect(before.status).toBe(429);
      emu.emulator.clock.advance(1);
      const after = await outcome(() =>
        client.task.v2.tasklist.addMembers({
          path: { tasklist_guid: TASKLIST },
          data: { members: [{ id: 'ou_late' }] },
        }),
      );
      expect(after).toMatchObject({ status: 200, code: 0 });
    } finally {
      emu.emulator.clock.unfreeze();
    }
  });

  it('every answer of the workflow validates against the spec', () => {
    const journal = emu.emulator.journal();
    expect(journal.length).toBeGreaterThan(60);
    const problems = journal.flatMap((e) => contractProblems(e.method, e.path, e.status, e.answer));
    expect(problems).toEqual([]);
    expect(emu.emulator.contractViolations()).toEqual([]);
  });
});
