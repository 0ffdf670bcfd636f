// Prism in proxy mode, in front of the emulator, checks every request and answer of the scripted
// workflow against the spec and reports zero violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { workflowFixture } from './helpers.js';
import { bundledSpecPath, type Prism, startPrism } from './prism.js';
import { runWorkflow, type Step } from './workflow-script.js';

let emu: RunningEmulator;
let prism: Prism;
let steps: Step[];
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
  prism = await startPrism(['proxy', bundledSpecPath(), emu.url, '--errors']);
  steps = await runWorkflow(prism.url, emu.emulator, true);
}, 120_000);
afterAll(async () => {
  await prism?.close();
  await emu?.close();
});

describe('prism proxy --errors in front of the emulator', () => {
  it('reports zero violations over the workflow', () => {
    expect(steps.length).toBeGreaterThan(15);
    const violations = steps.flatMap((s) => {
      const header = s.headers.get('sl-violations');
      return header ? [{ step: `${s.method} ${s.path} ${s.status}`, violations: JSON.parse(header) }] : [];
    });
    expect(violations).toEqual([]);
  });

  it('passes every answer through unchanged (each request reached the emulator)', () => {
    const journal = emu.emulator.journal();
    expect(steps.map((s) => `${s.status} ${s.body.code}`)).toEqual(journal.map((e) => `${e.status} ${e.code}`));
  });
});
