// Sharing one server across parallel test files: runs vitest on the two files of ./namespaces at once
// (two workers, one emulator from a global setup); each file works in its own namespace and waits
// for the other before it starts, so they overlap.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';
import { Namespaces } from '../src/namespaces.js';

const here = dirname(fileURLToPath(import.meta.url));
// The package's bin (not in its exports map): beside its package.json.
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

it('two parallel vitest files share one server, each in its own namespace', async () => {
  const result = await new Promise<{ code: number | null; out: string }>((resolve) =>
    execFile(
      process.execPath,
      [vitest, 'run', '--config', join(here, 'namespaces/vitest.config.ts')],
      { cwd: join(here, '..'), timeout: 120_000, env: { ...process.env, NO_COLOR: '1', CI: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, out: stdout + stderr }),
    ),
  );
  expect(result.out).toMatch(/Test Files\s+2 passed/);
  expect(result.code, result.out).toBe(0);
});

it('refuses a bad namespace name and more namespaces than its limit', () => {
  const ns = new Namespaces(createEmulator({ fixture: 'empty' }), { fixture: 'empty' }, 1);
  expect(() => ns.get('../x')).toThrow(/namespace "..\/x" must be/);
  expect(ns.resolve('/__ns/one/open-apis/x?y=1', undefined).url).toBe('/open-apis/x?y=1');
  expect(ns.resolve('/open-apis/x', 'one').emulator).toBe(ns.get('one'));
  expect(() => ns.get('two')).toThrow(/at most 1 namespaces/);
});
