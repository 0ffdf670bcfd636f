// The MSW door: msw's setupServer from 'msw/node' with plain fetch, no server at all. The same engine
// answers, with state, tokens and faults.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorHandlers } from '../src/msw.js';
import { contractProblems, TASK, workflowFixture } from './helpers.js';

const handlers = emulatorHandlers({ fixture: workflowFixture });
const server = setupServer(...handlers);
const emulator = handlers.emulator;
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const base = 'https://open.feishu.cn';
const json = { 'content-type': 'application/json' };

async function token() {
  const r = await fetch(`${base}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ app_id: 'cli_msw', app_secret: 'msw' }),
  });
  return ((await r.json()) as { tenant_access_token: string }).tenant_access_token;
}

describe('MSW handlers (msw/node setupServer, plain fetch)', () => {
  it('keeps state across calls: add, then add again answers 1470431', async () => {
    const auth = { ...json, authorization: `Bearer ${await token()}` };
    const url = `${base}/open-apis/task/v1/tasks/${TASK}/collaborators`;
    const first = await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ id_list: ['ou_m1'] }) });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-tt-logid')).toMatch(/^\d{14}/);
    const again = await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ id_list: ['ou_m1'] }) });
    const body = await again.json();
    expect([again.status, body.code]).toEqual([400, 1470431]);
    expect(contractProblems('POST', new URL(url).pathname, again.status, body)).toEqual([]);
    expect(emulator.snapshot().tasks?.find((t) => t.id === TASK)?.collaborators).toEqual(['ou_m1']);
  });

  it('answers the Lark deployment too, and the control API under /__emulator', async () => {
    const r = await fetch('https://open.larksuite.com/__emulator/state');
    expect(r.status).toBe(200);
    expect((await r.json()).tasks.map((t: { id: string }) => t.id)).toContain(TASK);
  });

  it('a dropped connection is a network error; a truncated answer cannot be read whole', async () => {
    emulator.faults.inject({ operation: 'getTenantAccessToken', kind: 'drop' });
    await expect(token()).rejects.toThrow(TypeError);
    emulator.faults.inject({ operation: 'getTenantAccessToken', kind: 'truncate' });
    const read = fetch(`${base}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ app_id: 'cli_msw', app_secret: 'msw' }),
    }).then((r) => r.text());
    await expect(read).rejects.toThrow();
    expect(await token()).toMatch(/^t-/);
  });
});
