// Sharing one server across parallel test files: runs vitest on the two files of ./namespaces at once
// (two workers, one emulator from a global setup); each file works in its own namespace and waits
// for the other before it starts, so they overlap.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createEmulator, startEmulator } from '../src/index.js';
import { NamespaceError, Namespaces, namespaceRefusal } from '../src/namespaces.js';

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

it('an empty namespace header is refused naming the header, not sent to the default namespace', async () => {
  const emu = await startEmulator({ fixture: 'empty' });
  try {
    const res = await fetch(`${emu.url}/__emulator/health`, { headers: { 'x-emulator-namespace': '' } });
    expect(res.status).toBe(400);
    // The control API's error shape, over HTTP too (not a Feishu envelope: no page documents a code for it).
    expect(await res.json()).toMatchObject({
      error: expect.stringMatching(/the x-emulator-namespace header is empty/),
      field: 'x-emulator-namespace',
      name: 'NamespaceError',
    });
  } finally {
    await emu.close();
  }
});

it("a refused namespace answers the control API's error shape, naming where the name came from", () => {
  const ns = new Namespaces(createEmulator({ fixture: 'empty' }), { fixture: 'empty' });
  const refusal = (url: string, header?: string) => {
    try {
      ns.resolve(url, header);
    } catch (error) {
      expect(error).toBeInstanceOf(NamespaceError);
      return namespaceRefusal(error);
    }
    throw new Error(`${url} was not refused`);
  };
  expect(refusal('/open-apis/x', ' ')).toMatchObject({
    status: 400,
    body: { error: expect.stringMatching(/header is empty/), field: 'x-emulator-namespace', name: 'NamespaceError' },
  });
  expect(refusal('/open-apis/x', 'a b').body).toEqual({
    error: 'emulator: the x-emulator-namespace header: namespace "a b" must be 1-64 of A-Z a-z 0-9 . _ -',
    field: 'x-emulator-namespace',
    name: 'NamespaceError',
  });
  expect(refusal('/__ns/%E0%A4%A/__emulator/health').body).toMatchObject({ field: 'path', name: 'NamespaceError' });
});
