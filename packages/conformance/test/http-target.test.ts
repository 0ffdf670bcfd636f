// Over HTTP against startEmulator() with its defaults (the spec's example IDs, quotas and the per-task
// frequency limit on): `--target URL --out DIR` alone runs, and the report is empty.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@feishu-task/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../src/index.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu?.close());

it('finds no difference over HTTP; without a user token the user scenario is skipped, not failed', async () => {
  const out = mkdtempSync(join(tmpdir(), 'conformance-http-'));
  const lines: string[] = [];
  const code = await main(
    ['--target', emu.url, '--out', out],
    {},
    { out: (s) => lines.push(s), err: (s) => lines.push(s) },
  );
  expect(lines.join(''), lines.join('')).toContain('No difference');
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(report.target).toEqual({ kind: 'http', url: emu.url });
  const user = report.scenarios.find((s: { id: string }) => s.id === 'user-without-rights');
  expect(user).toMatchObject({ status: 'skipped', reason: expect.stringContaining('--user-token') });
  // What the emulator saw is what the report recorded.
  expect(emu.emulator.journal({ limit: 1000 }).length).toBe(report.summary.requests);
});
