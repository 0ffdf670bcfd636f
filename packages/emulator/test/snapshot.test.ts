// Lossless snapshots: GET /__emulator/snapshot fed to PUT /__emulator/snapshot (or snapshot() to
// restore()) brings back every record, the app secret and the issued tokens, exactly.

import { createClient } from '@feishu-task/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type RunningEmulator, startEmulator } from '../src/index.js';
import { caller } from './call.js';
import { TASK, TASKLIST, workflowFixture } from './helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    fixture: { ...workflowFixture, restrictApps: true, apps: [{ app_id: 'cli_snap', app_secret: 'snap-secret' }] },
  });
});
afterAll(() => emu.close());

const ctl = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: res.status, body: await res.json() };
};

describe('snapshots', () => {
  it('round-trip over HTTP: the old token, the app secret and every record work after a restore', async () => {
    const feishu = createClient({ domain: emu.url, auth: { appId: 'cli_snap', appSecret: 'snap-secret' } });
    await feishu.addTaskCollaborators({ path: { task_id: TASK }, body: { id_list: ['ou_a', 'ou_b'] } });
    emu.emulator.clock.advance(5_000);
    await feishu.addTasklistMembers({ path: { tasklist_guid: TASKLIST }, body: { members: [{ id: 'ou_m' }] } });
    const user = emu.emulator.issueUserToken('ou_creator').token;

    const saved = await ctl('GET', '/snapshot');
    expect(saved.status).toBe(200);
    const list = saved.body.tasklists.find((l: { guid: string }) => l.guid === TASKLIST);
    expect(Number(list.updated_at)).toBeGreaterThan(Number(list.created_at));

    // Wipe everything, tokens included: nothing works any more.
    emu.emulator.reset({}, { dropTokens: true });
    expect((await ctl('GET', '/snapshot')).body.tasks).toEqual([]);

    expect((await ctl('PUT', '/snapshot', saved.body)).status).toBe(200);
    expect((await ctl('GET', '/snapshot')).body).toEqual(saved.body);

    // The client's cached tenant token still works, and so does the user token.
    const again = await feishu.addTaskCollaborators({ path: { task_id: TASK }, body: { id_list: ['ou_c'] } });
    expect(again).toMatchObject({ collaborator: { id_list: ['ou_a', 'ou_b', 'ou_c'] } });
    const asUser = await fetch(`${emu.url}/open-apis/task/v1/tasks/${TASK}/collaborators/ou_c`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${user}` },
    });
    expect((await asUser.json()).code).toBe(0);
    // The real secret gets a token (a redacted one would answer 10014).
    const fresh = createClient({ domain: emu.url, auth: { appId: 'cli_snap', appSecret: 'snap-secret' } });
    const { tasklist } = await fresh.addTasklistMembers({
      path: { tasklist_guid: TASKLIST },
      body: { members: [{ id: 'ou_n' }] },
    });
    expect(tasklist.members?.map((m) => m.id)).toEqual(expect.arrayContaining(['ou_m', 'ou_n']));
  });

  it('in process: snapshot() restores into another emulator exactly', async () => {
    const a = createEmulator({ fixture: workflowFixture });
    const token = (await caller(a).tenantToken()).tenant_access_token;
    await caller(a).call('POST', `/open-apis/task/v1/tasks/${TASK}/collaborators`, { id_list: ['ou_x'] }, token);
    const b = createEmulator({ fixture: 'empty' });
    b.restore(a.snapshot());
    expect(b.snapshot()).toEqual(a.snapshot());
    const removed = await caller(b).call(
      'DELETE',
      `/open-apis/task/v1/tasks/${TASK}/collaborators/ou_x`,
      undefined,
      token,
    );
    expect(removed.body.code).toBe(0);
  });

  it('a bad snapshot is refused, naming the field, and changes nothing', async () => {
    const before = (await ctl('GET', '/snapshot')).body;
    const bad = await ctl('PUT', '/snapshot', { ...before, tenantTokens: [{ token: 't-x', app_id: 'a' }] });
    expect(bad).toMatchObject({ status: 400, body: { field: 'tenantTokens[0].expires_at' } });
    expect((await ctl('GET', '/snapshot')).body).toEqual(before);
  });
});
