// Before anything is sent: a real tenant without credentials or IDs, a bad flag, `--plan`; and a target
// that does not answer. Each "could not run" exits 2 with a message that says what to do.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import { main, plan } from '../src/index.js';
import { requestLine } from '../src/plan.js';
import { startProxy } from './proxy.js';

const run = async (argv: string[], env: Record<string, string | undefined> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
};

afterEach(() => vi.restoreAllMocks());

it('--target feishu without FEISHU_APP_ID / FEISHU_APP_SECRET stops with exit 2 before sending anything', async () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const r = await run(['--target', 'feishu', '--task', 't', '--tasklist', 'l', '--members', 'ou_a,ou_b']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('set FEISHU_APP_ID and FEISHU_APP_SECRET');
  expect(r.err).toContain('nothing was sent');
  const lark = await run(['--target', 'lark'], { FEISHU_APP_ID: 'cli_x' });
  expect(lark.code).toBe(2);
  expect(lark.err).toContain('FEISHU_APP_SECRET');
  expect(fetchSpy).not.toHaveBeenCalled();
});

it('a real tenant needs the IDs to touch: none are defaulted', async () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const r = await run(['--target', 'feishu', '--task', 't'], {
    FEISHU_APP_ID: 'cli_x',
    FEISHU_APP_SECRET: 'shh-secret',
  });
  expect(r.code).toBe(2);
  expect(r.err).toContain('give --tasklist, --members');
  expect(r.err).not.toContain('shh-secret');
  expect(fetchSpy).not.toHaveBeenCalled();
});

it('bad flags exit 2 and point to --help', async () => {
  for (const argv of [['--nope'], ['--target', 'ftp://x'], ['--task-gap-ms', 'soon'], ['--only', 'no-such']]) {
    const r = await run(argv);
    expect(r.code, argv.join(' ')).toBe(2);
    expect(r.err).toMatch(/^feishu-task-conformance: /);
  }
  expect((await run(['--help'])).out).toContain('Exit status: 0 no difference, 1 differences found, 2 could not run');
});

it('--plan prints every request of the run and sends none', async () => {
  const upstream = createServer((_, res) => res.end('{}'));
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const proxy = await startProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
  try {
    const r = await run(['--target', proxy.url, '--plan', '--probe-limits']);
    expect(r.code).toBe(0);
    expect(proxy.received).toEqual([]);
    const { scenarios } = plan({ target: proxy.url, probeLimits: true });
    for (const p of scenarios.filter((s) => !s.skipped))
      for (const step of p.steps) expect(r.out).toContain(requestLine(step));
    expect(r.out).toContain('probe-collaborator-cap');
    expect(r.out).toMatch(/at most \d+ request\(s\), the client's token exchange included/);
    expect(r.out).toContain('{"app_id":"{{app_id}}","app_secret":"{{app_secret}}"}');
  } finally {
    await proxy.close();
    await new Promise((r) => upstream.close(r));
  }
});

it('an unreachable target exits 2', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  const r = await run(['--target', `http://127.0.0.1:${port}`, '--out', '/tmp/never-written']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('could not run');
  expect(r.err).toContain(`127.0.0.1:${port}`);
  // The root cause from the error's `cause`, not fetch's bare "fetch failed".
  expect(r.err).toContain(`did not answer: fetch failed (ECONNREFUSED 127.0.0.1:${port})`);
});

it('app credentials the target refuses stop the run with exit 2, naming the answer and not the secret', async () => {
  const { startEmulator } = await import('@feishu-task/emulator');
  const emu = await startEmulator({
    fixture: { restrictApps: true, apps: [{ app_id: 'cli_other', app_secret: 'x-secret' }] },
  });
  try {
    const r = await run(['--target', emu.url, '--only', 'collaborators', '--out', '/tmp/never-written']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the app's token exchange failed");
    expect(r.err).toMatch(/code 10003/);
  } finally {
    await emu.close();
  }
});
