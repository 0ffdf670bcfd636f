// pnpm start checks its ports and environment before it builds: each problem is one line naming the
// variable to change, and it exits 1 at once (no build ran: the answer comes in well under the build's time).
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo.js';

const root = repoRoot ?? '';
const start = async (env: Record<string, string>, args: string[] = []) => {
  try {
    await promisify(execFile)(process.execPath, [join(root, 'scripts/start.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      timeout: 20_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
};

describe.skipIf(!repoRoot)('pnpm start, before the build', () => {
  it.each([
    [{ EMULATOR_PORT: 'abc' }, /^pnpm start: EMULATOR_PORT must be a port from 0 to 65535 .*got "abc"\n$/],
    [{ EMULATOR_PORT: '' }, /^pnpm start: EMULATOR_PORT is set but empty; .*unset it for 4010\n$/],
    [{ DOCS_PORT: '99999' }, /^pnpm start: DOCS_PORT must be a port from 0 to 65535 .*got "99999"\n$/],
    [
      { MOCK_PORT: '4010' },
      /^pnpm start: EMULATOR_PORT and MOCK_PORT are both 4010; give each service its own port\n$/,
    ],
  ])('%o is one line naming the variable', async (env, message) => {
    const result = await start(env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it('--smoke checks the variables too (a smoke run tries the ports you mean to use)', async () => {
    const result = await start({ EMULATOR_PORT: 'abc' }, ['--smoke']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pnpm start: EMULATOR_PORT must be a port from 0 to 65535 .*got "abc"\n$/);
  });

  it('a taken port is one line naming the variable', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = String((taken.address() as { port: number }).port);
    try {
      // The other two on free ports, so that the test binds no fixed port.
      const result = await start({ EMULATOR_PORT: '0', MOCK_PORT: port, DOCS_PORT: '0' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`^pnpm start: port ${port} is already in use .*set MOCK_PORT to another port`),
      );
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    } finally {
      taken.close();
    }
  });
});
