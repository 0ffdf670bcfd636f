// The README states codes, statuses and defaults in prose. They are written by hand, so this test holds
// each to the generated tables of the spec and to the emulator's own settings: a spec or default change
// that the README misses fails here.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationErrors, operations } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { ASSUMED, createEmulator } from '../src/index.js';

const readme = readFileSync(join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'README.md'), 'utf8').replace(
  /\s+/g,
  ' ',
);
type Op = keyof typeof operationErrors;
const documented = (ops: Op[]) =>
  new Map(ops.flatMap((op) => Object.entries(operationErrors[op]).map(([code, [status]]) => [Number(code), status])));
const everywhere = documented(Object.keys(operationErrors) as Op[]);
const codesIn = (text: string) => [...text.matchAll(/\b(?:1470\d{3}|9999\d{4}|100\d{2})\b/g)].map((m) => Number(m[0]));
/** The row of the "What it models" table whose first cell is `area`. */
const row = (area: string) => readme.match(new RegExp(`\\| ${area} \\|([^|]*)\\|`))?.[1] ?? '';
const defaults = createEmulator().settings();

describe("the facts the README states are the spec's and the emulator's", () => {
  it('every code it names is documented by the spec', () => {
    const named = codesIn(readme);
    expect(named.length).toBeGreaterThan(10);
    for (const code of named) expect([...everywhere.keys()], `README names ${code}`).toContain(code);
  });

  it('the codes and statuses of each modelled area are those of its operations', () => {
    const areas: [string, Op[]][] = [
      ['Task v1 collaborators', ['addTaskCollaborators', 'removeTaskCollaborator']],
      ['Task v2 tasklist members', ['addTasklistMembers']],
      ['Tokens', ['addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers']],
    ];
    for (const [area, ops] of areas) {
      const text = row(area);
      const codes = documented(ops);
      expect(codesIn(text).length, area).toBeGreaterThan(0);
      for (const code of codesIn(text)) expect([...codes.keys()], `${area}: ${code}`).toContain(code);
      // "404 / 1470700": the status the spec documents for that code.
      for (const [, status, code] of text.matchAll(/\b(\d{3}) \/ (\d{7,8})\b/g))
        expect(codes.get(Number(code)), `${area}: ${status} / ${code}`).toBe(Number(status));
    }
  });

  it('the defaults it states are the emulator’s, and those from the spec are the spec’s', () => {
    const collaborators = operations.addTaskCollaborators.stateLimits.collaboratorsPerTask.max;
    expect(defaults.collaboratorLimit).toBe(collaborators);
    expect(readme).toContain(`\`collaboratorLimit\` (1470429; default ${collaborators}, the page's)`);
    expect(readme).toContain(`a ${collaborators + 1}st answers 1470429`);
    // Limits no page states are off by default; the strict profile's assumed values are the README's.
    expect(defaults.tasklistMemberLimit).toBeNull();
    expect(readme).toContain('`tasklistMemberLimit` (1470612; default none)');
    expect(readme).toContain(`(unknown: ${ASSUMED.tasklistMemberLimit.value} assumed in the strict profile)`);
    expect(readme).toContain(`| ${ASSUMED.tasklistMemberLimit.value} (unsourced: no page states the number) |`);
    expect(defaults.taskFrequency).toBeNull();
    expect(ASSUMED.taskFrequency.value.windowMs).toBe(1000);
    expect(readme).toContain('`taskFrequency: { max, windowMs } | false` (1470451 by rate; default off)');
    expect(readme).toContain(`| ${ASSUMED.taskFrequency.value.max} per second per task (unsourced:`);
    expect(readme).toContain(`(1470451 for overlapping requests; default ${defaults.taskConcurrency?.holdMs} ms)`);
    // Which operations hold a task, and on which parameter, is the spec's (oneAtATime).
    const held = Object.values(operations).flatMap((o) => (o.oneAtATime ? [o.oneAtATime] : []));
    expect(held.map((o) => o.code)).toEqual([1470451, 1470451]);
    expect(readme).toContain(`(\`x-feishu-error.concurrent\`: add and remove collaborators, per \`${held[0]?.per}\`;`);
    expect(readme).toContain(`\`userLimit\` (default ${defaults.userLimit})`);
    expect(readme).toContain(`\`tokenTtlSeconds\` (default the spec's ${defaults.tokenTtlSeconds})`);
    expect(defaults.autoRegisterUsers).toBe(true);
    expect(readme).toContain('`autoRegisterUsers` (default true)');
  });

  it('every documented code of the three pages is in the codes table: by state, by fault only or not modelled', () => {
    for (const code of everywhere.keys()) {
      const rows = [...readme.matchAll(new RegExp(`\\| ${code} \\|[^|]*\\|([^|]*)\\|`, 'g'))].map((m) => m[1]!.trim());
      expect(rows.length, `${code} has a row`).toBeGreaterThan(0);
      for (const how of rows) expect(how, String(code)).toMatch(/^(by state|by fault only \(|not modelled \()/);
    }
  });

  it("each of the spec's request rules is in the codes table, by state, under its code", () => {
    const rules = Object.values(operations).flatMap((op) => Object.values(op.requestRules));
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const rows = [...readme.matchAll(new RegExp(`\\| ${rule.code} \\|[^|]*\\|([^|]*)\\|`, 'g'))].map((m) => m[1]!);
      expect(
        rows.some((how) => how.trim().startsWith('by state') && how.includes(`without \`${rule.itemWithout}\``)),
        `${rule.code}: ${rule.field} item without ${rule.itemWithout}`,
      ).toBe(true);
    }
  });
});
