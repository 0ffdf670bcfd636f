// Nothing undocumented fails a correct client by default: 1470451 answers only requests on one task
// that overlap in time; the rate-based variant and the assumed tasklist cap come with the strict
// profile; `limits: false` turns every limit off. Documented caps answer by state.
import { operations } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { ASSUMED, createEmulator, type EmulatorOptions } from '../src/index.js';
import { caller } from './call.js';
import { TASK, TASKLIST, workflowFixture } from './helpers.js';

const v1 = `/open-apis/task/v1/tasks/${TASK}/collaborators`;
const v2 = `/open-apis/task/v2/tasklists/${TASKLIST}/add_members`;

async function setup(options: EmulatorOptions = {}) {
  const engine = createEmulator({ fixture: workflowFixture, ...options });
  const { call, tenantToken } = caller(engine);
  const token = (await tenantToken()).tenant_access_token as string;
  return { engine, token, call };
}

describe('1470451 (too frequent on one task)', () => {
  it('never answers a sequential client, however fast: 30 awaited calls on one task', async () => {
    const { call, token } = await setup();
    const codes = [];
    for (let i = 0; i < 15; i++) {
      codes.push((await call('POST', v1, { id_list: [`ou_s${i}`] }, token)).body.code);
      codes.push((await call('DELETE', `${v1}/ou_s${i}`, undefined, token)).body.code);
    }
    expect(new Set(codes)).toEqual(new Set([0]));
  });

  it('answers requests on one task that overlap in time (removes: the page says so); other tasks are not held', async () => {
    const { call, token, engine } = await setup();
    engine.seed({ tasks: [{ id: 'other', collaborators: ['ou_o'] }] });
    for (const i of [0, 1, 2]) await call('POST', v1, { id_list: [`ou_c${i}`] }, token);
    const codes = await Promise.all([
      ...[0, 1, 2].map((i) => call('DELETE', `${v1}/ou_c${i}`, undefined, token)),
      call('DELETE', '/open-apis/task/v1/tasks/other/collaborators/ou_o', undefined, token),
    ]).then((answers) => answers.map((a) => a.body.code));
    expect(codes).toEqual([0, 1470451, 1470451, 0]);
    expect(engine.snapshot().tasks?.find((t) => t.id === TASK)?.collaborators).toEqual(['ou_c1', 'ou_c2']);
  });

  it("overlapping adds collide only with the strict profile: the add page's reading is unsourced", async () => {
    expect(operations.addTaskCollaborators.oneAtATime?.source).toBe('unsourced');
    const overlapping = async (options: EmulatorOptions) => {
      const { call, token } = await setup(options);
      return Promise.all([0, 1, 2].map((i) => call('POST', v1, { id_list: [`ou_a${i}`] }, token))).then((answers) =>
        answers.map((a) => a.body.code),
      );
    };
    expect(await overlapping({})).toEqual([0, 0, 0]);
    expect(await overlapping({ profile: 'strict' })).toEqual([0, 1470451, 1470451]);
  });

  it("the operations that collide, and their answer, are the spec's (x-feishu-error.concurrent: oneAtATime)", async () => {
    const { call, token } = await setup();
    const { code } = operations.removeTaskCollaborator.oneAtATime;
    expect(operations.addTaskCollaborators.oneAtATime).toMatchObject({ per: 'task_id', code });
    expect(operations.addTasklistMembers.oneAtATime).toBeNull();
    // Two removes name the same task_id: the second overlaps the first's hold.
    await call('POST', v1, { id_list: ['ou_x1', 'ou_x2'] }, token);
    const [first, second] = await Promise.all([
      call('DELETE', `${v1}/ou_x1`, undefined, token),
      call('DELETE', `${v1}/ou_x2`, undefined, token),
    ]);
    expect([first.body.code, second.body.code]).toEqual([0, code]);
    // add_members is marked for no parameter: overlapping requests on one tasklist all go through.
    const members = await Promise.all(
      [0, 1, 2].map((i) => call('POST', v2, { members: [{ id: `ou_m${i}`, role: 'viewer' }] }, token)),
    );
    expect(members.map((a) => a.body.code)).toEqual([0, 0, 0]);
  });

  it('a hold that ends after a reset does not release a newer hold on the same task', async () => {
    // The strict profile: adds hold their task too.
    const { call, token, engine } = await setup({ profile: 'strict', taskConcurrency: { holdMs: 300 } });
    const first = call('POST', v1, { id_list: ['ou_h1'] }, token);
    await new Promise((r) => setTimeout(r, 100));
    engine.reset();
    const second = call('POST', v1, { id_list: ['ou_h2'] }, token);
    await first;
    expect((await call('POST', v1, { id_list: ['ou_h3'] }, token)).body.code).toBe(1470451);
    expect((await second).body.code).toBe(0);
  });

  it('the rate-based variant comes only with the strict profile, at its labelled assumed value', async () => {
    const { call, token, engine } = await setup({ profile: 'strict', clock: { frozen: true } });
    expect(engine.settings().taskFrequency).toEqual(ASSUMED.taskFrequency.value);
    expect(ASSUMED.taskFrequency.label).toMatch(/^unsourced: /);
    const codes = [];
    for (let i = 0; i <= ASSUMED.taskFrequency.value.max; i++)
      codes.push((await call('POST', v1, { id_list: [`ou_r${i}`] }, token)).body.code);
    expect(codes.at(-1)).toBe(1470451);
    expect(codes.slice(0, -1).every((c) => c === 0)).toBe(true);
  });

  it('limits: false turns it off (and every other limit)', async () => {
    const { call, token } = await setup({ limits: false, profile: 'strict', tasklistMemberLimit: 1 });
    const answers = await Promise.all([0, 1, 2].map((i) => call('POST', v1, { id_list: [`ou_l${i}`] }, token)));
    expect(answers.map((a) => a.body.code)).toEqual([0, 0, 0]);
    const many = Array.from({ length: 50 }, (_, i) => `ou_many${i}`);
    expect((await call('POST', v1, { id_list: many }, token)).body.code).toBe(0);
    expect((await call('POST', v2, { members: [{ id: 'ou_x' }, { id: 'ou_y' }] }, token)).body.code).toBe(0);
  });
});

describe('caps by state', () => {
  it('more than 50 distinct ids in one request answer 1470429, the page’s rule, and change nothing', async () => {
    const { call, token, engine } = await setup();
    const ids = Array.from({ length: 51 }, (_, i) => `ou_d${i}`);
    const answer = await call('POST', v1, { id_list: ids }, token);
    expect([answer.status, answer.body.code]).toEqual([400, 1470429]);
    expect(engine.snapshot().tasks?.find((t) => t.id === TASK)?.collaborators).toEqual([]);
  });

  it('the tasklist member cap no page states is off by default; the strict profile assumes one', async () => {
    const { engine } = await setup();
    expect(engine.settings().tasklistMemberLimit).toBeNull();
    const strict = await setup({ profile: 'strict' });
    expect(strict.engine.settings().tasklistMemberLimit).toBe(ASSUMED.tasklistMemberLimit.value);
  });

  it('a full user registry answers an error that says so, never a validation code', async () => {
    const { call, token, engine } = await setup();
    const limit = (engine.snapshot().users?.length ?? 0) + 1;
    engine.configure({ userLimit: limit });
    const answer = await call('POST', v1, { id_list: ['ou_u0', 'ou_u1'] }, token);
    expect(answer.status).toBe(500);
    expect(answer.body.msg).toContain(`user registry is full (userLimit ${limit})`);
    expect(answer.body.code).not.toBe(99992402);
  });
});

describe('1470403 for the wrong kind of token, by state', () => {
  it('an app access token (a-) on Task v1 answers its page’s 1470403 (401 on add, 403 on remove)', async () => {
    const { call } = await setup();
    const add = await call('POST', v1, { id_list: ['ou_a'] }, 'a-app-token');
    expect([add.status, add.body.code]).toEqual([401, 1470403]);
    const remove = await call('DELETE', `${v1}/ou_a`, undefined, 'a-app-token');
    expect([remove.status, remove.body.code]).toEqual([403, 1470403]);
    // Task v2's page documents no such answer: the gateway's 99991671.
    const v2answer = await call('POST', v2, { members: [{ id: 'ou_a' }] }, 'a-app-token');
    expect(v2answer.body.code).toBe(99991671);
  });
});

describe('lenientTokens', () => {
  it('accepts any well-formed t- / u- token; a u- token acts as the user its name gives', async () => {
    const engine = createEmulator({ fixture: workflowFixture, lenientTokens: true });
    const { call } = caller(engine);
    expect((await call('POST', v1, { id_list: ['ou_a'] }, 't-anything')).body.code).toBe(0);
    // u-creator is ou_creator, the task's creator.
    expect((await call('DELETE', `${v1}/ou_a`, undefined, 'u-creator')).body.code).toBe(0);
    expect((await call('POST', v1, { id_list: ['ou_b'] }, 'u-stranger')).body.code).toBe(1470404);
    expect((await call('POST', v1, { id_list: ['ou_b'] }, 'x-nope')).body.code).toBe(99991671);
  });
});
