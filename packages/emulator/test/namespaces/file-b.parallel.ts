// Parallel file B: namespace "b" by the /__ns/b prefix, with the official SDK (its `domain`).
import * as lark from '@larksuiteoapi/node-sdk';
import { beforeAll, expect, inject, it } from 'vitest';
import { control, pause, rendezvous, TASK } from './shared.js';

const url = inject('emulatorUrl');
const ctl = control(url, 'b');

beforeAll(() => rendezvous(url, 'file-b', 'file-a'));

it('namespace b keeps its own state, clock, settings and journal while a works on the same task id', async () => {
  await ctl('POST', '/reset', { tasks: [{ id: TASK }] });
  const client = new lark.Client({
    appId: 'cli_b',
    appSecret: 'b',
    domain: `${url}/__ns/b`,
    loggerLevel: lark.LoggerLevel.fatal,
  });
  const clockBefore = (await ctl('GET', '/clock')).now;
  for (let i = 0; i < 5; i++) {
    const answer = await client.task.v1.taskCollaborator.create({
      path: { task_id: TASK },
      params: { user_id_type: 'open_id' },
      data: { id_list: [`ou_b${i}`] },
    });
    expect(answer.code).toBe(0);
    await pause();
  }
  await ctl('PATCH', '/config', { autoRegisterUsers: false });
  const state = await ctl('GET', '/snapshot');
  expect(state.tasks).toEqual([
    { id: TASK, collaborators: ['ou_b0', 'ou_b1', 'ou_b2', 'ou_b3', 'ou_b4'], followers: [] },
  ]);
  const journal = await ctl('GET', '/journal');
  expect(journal.filter((e: { operation: string }) => e.operation === 'addTaskCollaborators')).toHaveLength(5);
  // a's three hours are not b's.
  expect((await ctl('GET', '/clock')).now - clockBefore).toBeLessThan(3600_000);
});
