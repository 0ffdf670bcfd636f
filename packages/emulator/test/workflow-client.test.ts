// Our client (@feishu-task/client, through its public API only) runs the same workflow, plus a token
// that expires in virtual time: it must refresh the token and succeed.
import { createClient, FeishuApiError } from '@feishu-task/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { contractProblems, secondsLeft, TASK, TASKLIST, VIEWER, workflowFixture } from './helpers.js';

let emu: RunningEmulator;
let client: ReturnType<typeof createClient>;
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
  // The client keeps quotas itself and retries rate limits; off here, so the server's answers show.
  client = createClient({
    domain: emu.url,
    auth: { appId: 'cli_client_workflow', appSecret: 'client-secret' },
    throttle: false,
    maxRetries: 0,
  });
});
afterAll(() => emu.close());

/** The FeishuApiError a call rejects with (fails the test when it resolves). */
async function apiError(call: Promise<unknown>): Promise<FeishuApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeishuApiError);
  return error as FeishuApiError;
}

const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `ou_client_${from + i}`);
// No connection drops here, so every success carries the server's data (never a ReplayedSuccess).
const add = async (id_list: string[]) => {
  const result = await client.addTaskCollaborators({ path: { task_id: TASK }, body: { id_list } });
  if ('replayed' in result) throw new Error(`unexpected replayed success ${result.replayed.code}`);
  return result;
};

describe('@feishu-task/client against the emulator', () => {
  it('the collaborator workflow: 1470431, partial adds, 1470429, 1470700', async () => {
    expect((await add(ids(0, 2))).collaborator.id_list).toEqual(ids(0, 2));
    expect(await apiError(add(ids(0, 2)))).toMatchObject({ status: 400, code: 1470431 });
    expect((await add(ids(1, 49))).collaborator.id_list).toHaveLength(50);
    expect(await apiError(add(['ou_client_more']))).toMatchObject({ status: 400, code: 1470429 });
    const remove = client.removeTaskCollaborator({ path: { task_id: TASK, collaborator_id: 'ou_stranger' } });
    expect(await apiError(remove)).toMatchObject({ status: 404, code: 1470700 });
  });

  it('tasklists: 1470404 for an unknown one, 1470403 for a viewer user token', async () => {
    const body = { members: [{ id: 'ou_client_member', type: 'user' as const, role: 'editor' as const }] };
    const unknown = client.addTasklistMembers({ path: { tasklist_guid: 'no-such-tasklist' }, body });
    expect(await apiError(unknown)).toMatchObject({ status: 404, code: 1470404 });
    const viewer = emu.emulator.issueUserToken(VIEWER).token;
    const refused = client.addTasklistMembers({ path: { tasklist_guid: TASKLIST }, body }, { userAccessToken: viewer });
    expect(await apiError(refused)).toMatchObject({ status: 403, code: 1470403 });
  });

  it('a member without id (optional on the page): the client sends it, the emulator answers 400/1470400', async () => {
    const members = [{ id: 'ou_client_named' }, { type: 'user' as const, role: 'editor' as const }];
    const refused = client.addTasklistMembers({ path: { tasklist_guid: TASKLIST }, body: { members } });
    expect(await apiError(refused)).toMatchObject({ status: 400, code: 1470400, documented: true });
    const list = emu.emulator.snapshot().tasklists?.find((l) => l.guid === TASKLIST);
    expect(list?.members?.map((m) => m.id)).not.toContain('ou_client_named');
  });

  it('60 add_members in one second: at least one 429/99991400 with the true reset', async () => {
    const clock = emu.emulator.clock;
    clock.set(Math.floor(clock.now() / 1000) * 1000 + 1250);
    clock.freeze();
    try {
      const settled = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          client.addTasklistMembers({ path: { tasklist_guid: TASKLIST }, body: { members: [{ id: `ou_c_${i}` }] } }),
        ),
      );
      const limited = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as FeishuApiError] : []));
      expect(limited.length).toBeGreaterThanOrEqual(1);
      for (const e of limited) expect(e).toMatchObject({ status: 429, code: 99991400 });
      const answers = emu.emulator.journal({ operation: 'addTasklistMembers' }).filter((e) => e.status === 429);
      expect(answers.length).toBe(limited.length);
      const reset = secondsLeft(clock.now(), 1000);
      for (const e of answers) expect(e.answer).toMatchObject({ code: 99991400 });
      // The header itself, as sent on the wire.
      const token = emu.emulator.issueUserToken('ou_owner', { appId: 'cli_client_workflow' }).token;
      const wire = await fetch(`${emu.url}/open-apis/task/v2/tasklists/${TASKLIST}/add_members`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ members: [{ id: 'ou_wire' }] }),
      });
      // A user token of the same app and tenant shares the quota, so this one is limited too.
      expect(wire.status).toBe(429);
      expect(wire.headers.get('x-ogw-ratelimit-reset')).toBe(String(reset));
    } finally {
      clock.unfreeze();
    }
  });

  it('a tenant token that expired is refreshed and the call succeeds', async () => {
    emu.emulator.clock.advance(7200 * 1000 + 1000);
    const before = emu.emulator.journal().length;
    const result = await client.addTasklistMembers({
      path: { tasklist_guid: TASKLIST },
      body: { members: [{ id: 'ou_after_expiry', role: 'viewer' }] },
    });
    expect(result.tasklist.members?.map((m) => m.id)).toContain('ou_after_expiry');
    const since = emu.emulator.journal().slice(before - emu.emulator.journal().length);
    expect(since.map((e) => `${e.operation} ${e.code}`)).toEqual([
      'addTasklistMembers 99991663',
      'getTenantAccessToken 0',
      'addTasklistMembers 0',
    ]);
  });

  it('every answer validates against the spec', () => {
    const problems = emu.emulator.journal().flatMap((e) => contractProblems(e.method, e.path, e.status, e.answer));
    expect(problems).toEqual([]);
  });
});
