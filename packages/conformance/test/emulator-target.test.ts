// Against the emulator (the default target) every answer is the documented one and the reference
// emulator agrees: the report is empty, the exit status 0, and the three files are written.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main, operationFacts, scenarios } from '../src/index.js';
import { plan } from '../src/run.js';

it('finds no difference against the in-process emulator and writes the report', async () => {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  const lines: string[] = [];
  const code = await main(['--out', out], {}, { out: (s) => lines.push(s), err: (s) => lines.push(s) });
  expect(lines.join('')).toContain('No difference');
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(report.differences).toEqual([]);
  expect(report.summary.ran).toBeGreaterThanOrEqual(8);
  expect(report.scenarios.find((s: { id: string }) => s.id === 'probe-collaborator-cap').status).toBe('skipped');
  expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('**0 difference(s)**');
  const exchanges = readFileSync(join(out, 'exchanges.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(exchanges.filter((e) => e.side === 'target')).toHaveLength(report.summary.requests);
  expect(exchanges.every((e) => e.response?.logId)).toBe(true);
});

it('states, for every scenario, spec facts that the spec documents', () => {
  const facts = operationFacts();
  const { scenarios: planned } = plan({ probeLimits: true });
  expect(planned.map((p) => p.scenario.id)).toEqual(scenarios.map((s) => s.id));
  for (const p of planned) {
    expect(p.facts.length, p.scenario.id).toBeGreaterThan(0);
    for (const f of p.facts) expect(facts.get(f.operation)?.byName.has(f.name), `${f.operation}.${f.name}`).toBe(true);
  }
  const covered = new Set(planned.flatMap((p) => p.facts.map((f) => `${f.operation}.${f.name}`)));
  for (const fact of [
    'addTaskCollaborators.AlreadyCollaborators',
    'addTaskCollaborators.CollaboratorLimitExceeded',
    'removeTaskCollaborator.CollaboratorNotFound',
    'addTasklistMembers.TasklistNotFound',
    'addTasklistMembers.TasklistEditPermissionMissing',
    'getTenantAccessToken.AppSecretInvalid',
  ])
    expect(covered.has(fact), fact).toBe(true);
});

it('runs the probe only when asked, and stays within the budget its plan states', async () => {
  const out = mkdtempSync(join(tmpdir(), 'conformance-'));
  const { scenarios: planned } = plan({ probeLimits: true, only: ['probe-collaborator-cap'] });
  const budget = planned[0]?.budget ?? 0;
  const code = await main(
    ['--probe-limits', '--only', 'probe-collaborator-cap', '--out', out],
    {},
    {
      out: () => {},
      err: () => {},
    },
  );
  expect(code).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(report.summary.requests).toBeGreaterThan(0);
  expect(report.summary.requests).toBeLessThanOrEqual(budget);
});
