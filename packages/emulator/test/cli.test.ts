// The bin: listens on 127.0.0.1:4020 by default (pnpm start keeps 4010), --port or PORT to change, --help, and a bad flag gives
// one line and the usage with exit code 2.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli.js';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/feishu-task-emulator.js');

const run = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, ...env }, timeout: 10_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });

describe('feishu-task-emulator', () => {
  it('--help prints the usage and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: feishu-task-emulator/);
  });

  it('a bad flag: one line naming it, then the usage; exit 2', async () => {
    for (const args of [['--bogus'], ['--port', 'abc'], ['--port', '70000'], ['extra']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      const [first, second] = r.stderr.split('\n');
      expect(first).toMatch(/^feishu-task-emulator: /);
      expect(second).toMatch(/^Usage: /);
    }
  });

  it('defaults to 127.0.0.1:4020; --port wins over PORT', () => {
    expect(parseCli([], {})).toMatchObject({ host: '127.0.0.1', port: 4020 });
    expect(parseCli([], { PORT: '5000' }).port).toBe(5000);
    expect(parseCli(['--port', '6000'], { PORT: '5000' }).port).toBe(6000);
  });

  it('serves on the port PORT gives and stops on SIGTERM', async () => {
    const child: ChildProcess = spawn(process.execPath, [bin], { env: { ...process.env, PORT: '0' } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (c: Buffer) => {
          out += c;
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/__emulator/health`)).json()).toEqual({ ok: true });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
