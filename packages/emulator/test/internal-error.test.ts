// A bug inside the emulator answers, it never leaves a caller waiting: a phase that throws gives the
// operation's documented server failure naming the bug (journaled); an engine that rejects outright gives
// the gateway's 503 from the HTTP door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { TASK, workflowFixture } from './helpers.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture, lenientTokens: true });
});
afterAll(() => emu.close());

const add = () =>
  fetch(`${emu.url}/open-apis/task/v1/tasks/${TASK}/collaborators`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer t-any' },
    body: JSON.stringify({ id_list: ['ou_1'] }),
    signal: AbortSignal.timeout(5_000),
  });

describe('an internal error in the emulator', () => {
  it('a phase that throws: the documented 500 of the operation, naming the bug, journaled', async () => {
    const engine = (emu.emulator as any).engine;
    const world = engine.world;
    engine.world = () => {
      throw new Error('a bug on purpose');
    };
    try {
      const r = await add();
      const body = (await r.json()) as any;
      expect(r.status).toBe(500);
      expect(body.code).toBe(1470701);
      expect(body.error.message).toBe('emulator internal error: a bug on purpose');
      expect(emu.emulator.journal().at(-1)).toMatchObject({ status: 500, code: 1470701 });
    } finally {
      engine.world = world;
    }
    expect((await add()).status).toBe(200);
  });

  it('an engine that rejects: the gateway 503 from the door', async () => {
    const handle = emu.emulator.handle;
    emu.emulator.handle = () => Promise.reject(new Error('rejected on purpose'));
    try {
      const r = await add();
      const body = (await r.json()) as any;
      expect(r.status).toBe(503);
      expect(body.error.message).toMatch(/emulator internal error: .*rejected on purpose/);
      expect(r.headers.get('x-tt-logid')).toMatch(/^\d{14}[0-9A-F]{20}$/);
    } finally {
      emu.emulator.handle = handle;
    }
  });
});
