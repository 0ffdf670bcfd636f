// Every setting on the command line (flags or --config file.json), --import / --export-on-exit, and
// graceful signals: requests in flight finish, the state is written, exit 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli.js';
import { createEmulator } from '../src/index.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/feishu-task-emulator.js');
const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));

describe('every setting on the command line', () => {
  it('flags map to the settings createEmulator() takes, and the emulator accepts them all', () => {
    const { start } = parseCli(
      [
        '--no-limits',
        '--profile',
        'strict',
        '--no-quotas',
        '--quota-scale',
        '0.5',
        '--task-hold-ms',
        '25',
        '--task-frequency',
        '5/2000',
        '--tasklist-member-limit',
        '100',
        '--collaborator-limit',
        '20',
        '--token-ttl',
        '60',
        '--no-auto-register-users',
        '--user-limit',
        '10',
        '--lenient-tokens',
        '--journal-size',
        '50',
        '--namespace-limit',
        '3',
        '--clock-start',
        '1900000000000',
        '--frozen-clock',
      ],
      {},
    );
    const { journalSize, clock, namespaceLimit, ...settings } = start;
    expect({ journalSize, clock, namespaceLimit }).toEqual({
      journalSize: 50,
      clock: { start: 1900000000000, frozen: true },
      namespaceLimit: 3,
    });
    const engine = createEmulator({ ...settings, journalSize, clock, fixture: 'empty' });
    expect(engine.settings()).toEqual({
      limits: false,
      profile: 'strict',
      quotas: { enabled: false, scale: 0.5 },
      taskConcurrency: { holdMs: 25 },
      taskFrequency: { max: 5, windowMs: 2000 },
      tasklistMemberLimit: 100,
      collaboratorLimit: 20,
      tokenTtlSeconds: 60,
      autoRegisterUsers: false,
      userLimit: 10,
      lenientTokens: true,
    });
    expect(Object.keys(settings).length).toBeGreaterThan(10);
    expect(engine.clock.now()).toBe(1900000000000);
  });

  it('--config file.json holds any setting (flags win); a bad field is named', () => {
    const file = join(dir, 'config.json');
    writeFileSync(
      file,
      JSON.stringify({
        port: 0,
        taskConcurrency: false,
        quotas: { windows: { addTasklistMembers: [{ limit: 1, windowMs: 1000 }] } },
      }),
    );
    const options = parseCli(['--config', file, '--no-task-concurrency', '--user-limit', '7'], {});
    expect(options.port).toBe(0);
    expect(options.start).toMatchObject({
      taskConcurrency: false,
      userLimit: 7,
      quotas: { windows: { addTasklistMembers: [{ limit: 1 }] } },
    });
    writeFileSync(file, JSON.stringify({ autoRegisterUsers: 'false' }));
    expect(() => parseCli(['--config', file], {})).toThrow(/autoRegisterUsers must be a boolean$/);
    writeFileSync(file, JSON.stringify({ quotas: 'yes' }));
    expect(() => parseCli(['--config', file], {})).toThrow(/quotas must be a boolean or a JSON object$/);
    expect(() => parseCli(['--task-frequency', 'often'], {})).toThrow(/--task-frequency must be max\/windowMs/);
    expect(() => parseCli(['--profile', 'lax'], {})).toThrow(/--profile must be default or strict/);
    expect(() => parseCli(['--import', file, '--fixture', file], {})).toThrow(/pick one/);
  });
});

function launch(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [bin, '--port', '0', ...args]);
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c;
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, url, exited, stderr: () => err };
}

describe('signals, export and import', () => {
  it('SIGHUP: a request in flight finishes, the snapshot is written, exit 0; --import brings it all back', async () => {
    const file = join(dir, 'state.json');
    const first = launch(['--export-on-exit', file]);
    const url = await first.url;
    const token = (
      await (
        await fetch(`${url}/open-apis/auth/v3/tenant_access_token/internal`, {
          method: 'POST',
          body: JSON.stringify({ app_id: 'cli_x', app_secret: 'x-secret' }),
        })
      ).json()
    ).tenant_access_token as string;
    await fetch(`${url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'addTaskCollaborators', kind: 'delay', delayMs: 400 }),
    });
    const state = await (await fetch(`${url}/__emulator/snapshot`)).json();
    const task = state.tasks[0].id as string;
    const inFlight = fetch(`${url}/open-apis/task/v1/tasks/${task}/collaborators`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ id_list: ['ou_in_flight'] }),
    });
    await new Promise((r) => setTimeout(r, 100));
    first.child.kill('SIGHUP');
    expect((await (await inFlight).json()).code).toBe(0);
    expect(await first.exited).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.apps).toContainEqual(expect.objectContaining({ app_id: 'cli_x', app_secret: 'x-secret' }));

    const second = launch(['--import', file]);
    try {
      const again = await second.url;
      expect(await (await fetch(`${again}/__emulator/snapshot`)).json()).toEqual(saved);
      const res = await fetch(`${again}/open-apis/task/v1/tasks/${task}/collaborators/ou_in_flight`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
      expect((await res.json()).code).toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
