// Parallel file A: namespace "a" by the x-emulator-namespace header, with plain fetch.
import { beforeAll, expect, inject, it } from 'vitest';
import { control, pause, rendezvous, TASK } from './shared.js';

const url = inject('emulatorUrl');
const ctl = control(url, 'a');
const headers = { 'x-emulator-namespace': 'a', 'content-type': 'application/json' };

beforeAll(() => rendezvous(url, 'file-a', 'file-b'));

it('namespace a keeps its own state, clock and journal while b works on the same task id', async () => {
  await ctl('POST', '/reset', { tasks: [{ id: TASK }] });
  const token = await fetch(`${url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ app_id: 'cli_a', app_secret: 'a' }),
  }).then((r) => r.json());
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${url}/open-apis/task/v1/tasks/${TASK}/collaborators`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token.tenant_access_token}` },
      body: JSON.stringify({ id_list: [`ou_a${i}`] }),
    });
    expect((await res.json()).code).toBe(0);
    await pause();
  }
  const before = (await ctl('GET', '/clock')).now;
  await ctl('POST', '/clock', { advanceMs: 3 * 3600_000 });
  const state = await ctl('GET', '/snapshot');
  expect(state.tasks).toEqual([
    { id: TASK, collaborators: ['ou_a0', 'ou_a1', 'ou_a2', 'ou_a3', 'ou_a4'], followers: [] },
  ]);
  const journal = await ctl('GET', '/journal');
  expect(journal.map((e: { operation: string }) => e.operation)).toEqual([
    'getTenantAccessToken',
    ...Array(5).fill('addTaskCollaborators'),
  ]);
  expect((await ctl('GET', '/config')).autoRegisterUsers).toBe(true);
  expect((await ctl('GET', '/clock')).now - before).toBeGreaterThanOrEqual(3 * 3600_000);
});
