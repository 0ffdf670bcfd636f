// Credentials and tokens never reach the report, the exchanges file or the progress lines: a planted
// app secret, the user token, and every tenant token the server handed out are searched for in all of
// them (and in a report with differences, where request and answer are quoted).
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@feishu-task/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REDACTED, runConformance, writeReport } from '../src/index.js';
import { type RunningProxy, startProxy } from './proxy.js';

const PLANTED = 'PLANTED-app-secret-0f9e8d7c';
let upstream: RunningEmulator;
let proxy: RunningProxy;
beforeAll(async () => {
  upstream = await startEmulator({ taskFrequency: false });
  // One deviation, so the report quotes a request and an answer in a difference too.
  proxy = await startProxy(upstream.url, [
    {
      name: 'status',
      matches: (a) => a.json?.code === 10014,
      apply: (a) => {
        a.status = 401;
      },
    },
  ]);
});
afterAll(async () => {
  await proxy?.close();
  await upstream?.close();
});

it('keeps the planted secret and every token out of every file and line it writes', async () => {
  const userToken = upstream.emulator.issueUserToken('ou_conformance_outsider').token;
  const lines: string[] = [];
  const report = await runConformance({
    target: proxy.url,
    taskGapMs: 0,
    appId: 'cli_planted',
    appSecret: PLANTED,
    userToken,
    onProgress: (line) => lines.push(line),
  });
  const out = mkdtempSync(join(tmpdir(), 'conformance-redaction-'));
  await writeReport(report, out);
  expect(report.differences.map((d) => d.step)).toEqual(['wrong-secret']);
  expect(proxy.tokens.length).toBeGreaterThan(0);

  const written = [...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')), lines.join('\n')].join('\n');
  for (const secret of [PLANTED, userToken, ...proxy.tokens]) expect(written).not.toContain(secret);
  // What is there instead: the fields, redacted, and the wrong secret with its secret part redacted.
  expect(written).toContain(`"app_secret":"${REDACTED}"`);
  expect(written).toContain(`"tenant_access_token":"${REDACTED}"`);
  expect(written).toContain(`"authorization":"Bearer ${REDACTED}"`);
  expect(written).toContain('cli_planted');
});

it('replaces a known secret wherever it appears, not only in the fields that carry secrets', async () => {
  const { Redactor } = await import('../src/redact.js');
  const r = new Redactor();
  r.add(PLANTED);
  r.add('abc'); // too short to be a secret: left alone, or ordinary text would be blanked out
  expect(r.value({ msg: `echoed ${PLANTED}!`, list: [`x${PLANTED}`], abc: 'abc' })).toEqual({
    msg: `echoed ${REDACTED}!`,
    list: [`x${REDACTED}`],
    abc: 'abc',
  });
  expect(r.text(`line ${PLANTED}`)).toBe(`line ${REDACTED}`);
});
