// Contract: every answer the emulator gives, over a scripted workflow, validates against the spec's
// schema for its status (an Ajv independent of the engine's own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { contractProblems, workflowFixture } from './helpers.js';
import { runWorkflow, type Step } from './workflow-script.js';

let emu: RunningEmulator;
let steps: Step[];
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
  steps = await runWorkflow(emu.url, emu.emulator);
});
afterAll(() => emu.close());

describe('contract over a scripted workflow', () => {
  it('meets the answers the pages document, each under its own status', () => {
    expect(steps.map((s) => `${s.status} ${s.body.code}`)).toEqual([
      '200 0',
      '400 10014',
      '200 0',
      '400 1470431',
      '200 0',
      '200 0',
      '404 1470700',
      '400 1470602',
      '400 99991661',
      '400 99991671',
      '400 99991663',
      '400 99991668',
      '200 0',
      '200 0',
      '200 0',
      '403 1470403',
      '404 1470404',
      '400 1470612',
      '500 1470500',
      '500 1470702',
      '429 99991400',
    ]);
  });

  it('every answer validates against the schema for its status, and carries a fresh X-Tt-Logid', () => {
    const problems = steps.flatMap((s) => contractProblems(s.method, s.path, s.status, s.body));
    expect(problems).toEqual([]);
    const logIds = steps.map((s) => s.headers.get('x-tt-logid'));
    expect(logIds.every((l) => typeof l === 'string' && /^\d{14}[0-9A-F]+$/.test(l))).toBe(true);
    expect(new Set(logIds).size).toBe(steps.length);
    expect(emu.emulator.contractViolations()).toEqual([]);
  });

  it('reads and answers ids in the requested user_id_type: one user, three ids', () => {
    // on_s1 is the union_id of ou_s1, already a collaborator.
    expect(steps[3]!.body.code).toBe(1470431);
    expect(steps[4]!.body.data.collaborator.id_list).toEqual(['s1', 's2', 's3']);
    const users = emu.emulator.snapshot().users!;
    expect(users.find((u) => u.user_id === 's3')).toMatchObject({ open_id: 'ou_s3', union_id: 'on_s3' });
  });

  it('a fault 429 carries the reset it was given', () => {
    const limited = steps.at(-1)!;
    expect(limited.headers.get('x-ogw-ratelimit-reset')).toBe('7');
    expect(limited.headers.get('x-ogw-ratelimit-limit')).toBe('100');
  });
});
