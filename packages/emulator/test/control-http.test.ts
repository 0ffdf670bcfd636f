// The control API over HTTP (/__emulator): seed, reset, state, journal, faults, clock, tokens, config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const ctl = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: await r.json() };
};

describe('control API over HTTP', () => {
  it('by default holds the tasks and tasklists of the spec examples, with their members', async () => {
    const { body } = await ctl('GET', '/state');
    expect(body.tasks).toEqual([
      expect.objectContaining({
        id: '83912691-2e43-47fc-94a4-d512e03984fa',
        collaborators: ['ou_99e1a581b36ecc4862cbfbce123f346a'],
      }),
    ]);
    expect(body.tasklists.map((l: { guid: string }) => l.guid).sort()).toEqual([
      'cc371766-6584-cf50-a222-c22cd9055004',
      'd300a75f-c56a-4be9-80d1-e47653028ceb',
    ]);
    expect(body.tasklists[0].owner).toEqual({ id: 'ou_2cefb2f014f8d0c6c2d2eb7bafb0e54f', type: 'user' });
  });

  it('seeds, mints user tokens, moves the clock, injects faults and reads the journal', async () => {
    await ctl('POST', '/seed', { tasks: [{ id: 'ctl-task', creator: 'ou_boss' }] });
    const { body: minted } = await ctl('POST', '/user-tokens', { user: 'ou_boss', expire: 60 });
    expect(minted.token).toMatch(/^u-/);
    const add = () =>
      fetch(`${emu.url}/open-apis/task/v1/tasks/ctl-task/collaborators`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${minted.token}` },
        body: '{"id_list":["ou_helper"]}',
      });
    expect((await add()).status).toBe(200);
    expect(
      (await ctl('POST', '/faults', { operation: 'addTaskCollaborators', kind: 'server-error' })).body,
    ).toHaveLength(1);
    expect((await add()).status).toBe(500);
    const { body: clock } = await ctl('POST', '/clock', { advanceMs: 61_000 });
    expect(clock.frozen).toBe(false);
    expect(((await (await add()).json()) as { code: number }).code).toBe(99991668);
    const { body: journal } = await ctl('GET', '/journal?operation=addTaskCollaborators&limit=2');
    expect(journal.map((e: { code: number }) => e.code)).toEqual([1470701, 99991668]);
    expect((await ctl('GET', '/contract')).body).toEqual([]);
  });

  it('resets to a fixture, changes config, and answers bad input with 400 and the reason', async () => {
    const { body } = await ctl('POST', '/reset', { tasks: [{ id: 'only' }] });
    expect(body.tasks.map((t: { id: string }) => t.id)).toEqual(['only']);
    expect((await ctl('GET', '/journal')).body).toEqual([]);
    expect((await ctl('PATCH', '/config', { tasklistMemberLimit: 7 })).body.tasklistMemberLimit).toBe(7);
    const bad = await ctl('POST', '/reset', { tasks: [{ nope: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      name: 'FixtureError',
      field: 'tasks[0].id',
      error: expect.stringContaining('tasks[0].id is required'),
    });
    expect((await ctl('PATCH', '/config', { quotas: { scale: -1 } })).status).toBe(400);
    expect((await ctl('GET', '/nothing-here')).status).toBe(404);
    expect((await ctl('GET', '/state')).body.tasks.map((t: { id: string }) => t.id)).toEqual(['only']);
  });
});
