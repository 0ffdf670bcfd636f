// The control API refuses nonsense: each route checks its input against its schema and answers 400
// naming the field, with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { TASK, workflowFixture } from './helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
});
afterAll(() => emu.close());

const ctl = async (method: string, path: string, body?: unknown, raw?: string) => {
  const res = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    ...(body === undefined && raw === undefined ? {} : { body: raw ?? JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

describe('a strict control API', () => {
  it('a fault batch with one bad fault queues none', async () => {
    const bad = await ctl('POST', '/faults', [
      { operation: 'addTaskCollaborators', kind: 'drop' },
      { operation: 'addTaskCollaborators', kind: 'delay', delayMs: -1 },
    ]);
    expect(bad).toMatchObject({ status: 400, body: { field: '[1].delayMs' } });
    expect((await ctl('GET', '/faults')).body).toEqual([]);
  });

  it('a server-error fault takes only a code the operation documents', async () => {
    const bad = await ctl('POST', '/faults', {
      operation: 'addTaskCollaborators',
      kind: 'server-error',
      code: 1470612,
    });
    expect(bad).toMatchObject({ status: 400, body: { field: 'code' } });
    expect(bad.body.error).toMatch(/1470612 is not a documented code of addTaskCollaborators/);
    const star = await ctl('POST', '/faults', { operation: '*', kind: 'server-error', code: 1470701 });
    expect(star.status).toBe(400);
    const ok = await ctl('POST', '/faults', { operation: 'addTaskCollaborators', kind: 'server-error', code: 1470403 });
    expect(ok.status).toBe(200);
    expect((await ctl('DELETE', '/faults')).body).toEqual([]);
  });

  it('settings: no coercion, no wrong types, no unknown fields; nothing changes on a refusal', async () => {
    const before = (await ctl('GET', '/config')).body;
    for (const [body, field] of [
      [{ quotas: 'yes' }, 'quotas'],
      [{ autoRegisterUsers: 'false' }, 'autoRegisterUsers'],
      [{ tasklistMemberLimit: 0 }, 'tasklistMemberLimit'],
      [{ collaboratorLimit: 1.5 }, 'collaboratorLimit'],
      [{ quotas: { scale: 0 } }, 'quotas.scale'],
      [{ nope: true }, 'nope'],
      [{ limits: false, userLimit: -1 }, 'userLimit'],
    ] as const) {
      const answer = await ctl('PATCH', '/config', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.field, JSON.stringify(body)).toBe(field);
    }
    for (const raw of ['[]', 'null', '"x"'])
      expect((await ctl('PATCH', '/config', undefined, raw)).status, raw).toBe(400);
    expect((await ctl('PATCH', '/config', undefined, '')).body.field).toBe('body');
    expect((await ctl('GET', '/config')).body).toEqual(before);
  });

  it('the clock: booleans are booleans, times are in range, and the whole request or nothing', async () => {
    const before = (await ctl('GET', '/clock')).body;
    for (const [body, field] of [
      [{ frozen: 'yes' }, 'frozen'],
      [{ set: 1e300 }, 'set'],
      [{ advanceMs: -5 }, 'advanceMs'],
      [{ advanceMs: 1e20 }, 'advanceMs'],
      [{ set: 1000, advanceMs: 8.64e15 }, 'advanceMs'],
      [{ later: 1 }, 'later'],
    ] as const) {
      const answer = await ctl('POST', '/clock', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.field, JSON.stringify(body)).toBe(field);
    }
    const after = (await ctl('GET', '/clock')).body;
    expect(after.frozen).toBe(before.frozen);
    expect(Math.abs(after.now - before.now)).toBeLessThan(5_000);
  });

  it('journal query parameters are checked; limit=0 is none', async () => {
    await fetch(`${emu.url}/open-apis/task/v1/tasks/${TASK}/collaborators`, { method: 'POST', body: '{}' });
    for (const [query, field] of [
      ['limit=abc', 'limit'],
      ['limit=-1', 'limit'],
      ['operation=addMembers', 'operation'],
      ['limt=2', 'limt'],
    ] as const)
      expect((await ctl('GET', `/journal?${query}`)).body.field, query).toBe(field);
    expect((await ctl('GET', '/journal?limit=0')).body).toEqual([]);
    expect((await ctl('GET', '/journal?limit=1')).body).toHaveLength(1);
  });

  it('user tokens and fixtures are checked too', async () => {
    expect((await ctl('POST', '/user-tokens', { user: '' })).body.field).toBe('user');
    expect((await ctl('POST', '/user-tokens', { user: 'ou_a', expire: '60' })).body.field).toBe('expire');
    expect((await ctl('POST', '/seed', { tasks: [{ id: 't', collaborators: 'ou_a' }] })).body.field).toBe(
      'tasks[0].collaborators',
    );
    expect((await ctl('POST', '/reset?dropTokens=yes')).body.field).toBe('dropTokens');
    expect((await ctl('DELETE', '/journal', { x: 1 })).status).toBe(400);
  });
});

describe("the journal's validation field tells the truth", () => {
  it('a request the operation refuses for a field (an unknown user) is journaled as invalid', async () => {
    emu.emulator.reset();
    emu.emulator.configure({ autoRegisterUsers: false });
    const token = emu.emulator.issueUserToken('ou_creator').token;
    const res = await fetch(`${emu.url}/open-apis/task/v1/tasks/${TASK}/collaborators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id_list: ['ou_unknown'] }),
    });
    expect((await res.json()).code).toBe(99992402);
    const [entry] = emu.emulator.journal({ limit: 1 });
    expect(entry?.validation).toMatchObject({ valid: false, violations: [{ field: 'id_list', value: 'ou_unknown' }] });
  });
});
