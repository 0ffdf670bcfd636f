// The plan: every request the scenarios would send, in order, with the undo steps that follow a
// success, before anything is sent. Nothing in it is secret (credentials show as placeholders).
import { operations } from '@feishu-task/types';
import type { Resolved } from './options.js';
import { type Fact, factsOf, type Scenario, type Step } from './scenario.js';
import { scenarios as all } from './scenarios/index.js';

export interface PlannedScenario {
  scenario: Scenario;
  facts: Fact[];
  steps: Step[];
  skipped?: string;
  /** Most requests it can send: every step, every undo, and one token exchange. */
  budget: number;
}

const count = (steps: Step[]): number => steps.reduce((n, s) => n + 1 + count(s.atEndIfSucceeded ?? []), 0);

export function planScenarios(resolved: Resolved, only?: string[]): PlannedScenario[] {
  const unknown = (only ?? []).filter((id) => !all.some((s) => s.id === id));
  if (unknown.length)
    throw new TypeError(`unknown scenario ${unknown.join(', ')} (have ${all.map((s) => s.id).join(', ')})`);
  return all
    .filter((s) => !only?.length || only.includes(s.id))
    .map((scenario) => {
      const steps = scenario.steps(resolved.ids);
      const skipped =
        scenario.probe && !resolved.ids.probeLimits
          ? 'a probe: runs only with --probe-limits'
          : scenario.skip?.(resolved.ids);
      const real = resolved.kind === 'feishu' || resolved.kind === 'lark';
      const keep = (list: Step[]): Step[] =>
        list
          .filter((s) => real || !s.tenantOnly)
          .map((s) => (s.atEndIfSucceeded ? { ...s, atEndIfSucceeded: keep(s.atEndIfSucceeded) } : s));
      const kept = keep(steps);
      return {
        scenario,
        facts: factsOf(steps),
        steps: kept,
        ...(skipped ? { skipped } : {}),
        budget: skipped ? 0 : count(kept) + 1,
      };
    });
}

export function requestLine(step: Step): string {
  const op = operations[step.operation];
  const template = step.tenantOnly?.path ?? op.path;
  let path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(step.path?.[name] ?? `{${name}}`),
  );
  const query = new URLSearchParams(step.query ?? {}).toString();
  if (query) path += `?${query}`;
  const body = step.body === undefined ? '' : ` ${JSON.stringify(step.body)}`;
  return `${step.tenantOnly?.method ?? op.method} ${path}${body}`;
}

/** The plan as text: what `--plan` prints. */
export function formatPlan(resolved: Resolved, planned: PlannedScenario[]): string {
  const lines: string[] = [
    `Plan against ${resolved.kind === 'emulator' ? 'the in-process emulator' : resolved.baseUrl}`,
    `IDs: task ${resolved.ids.task}, tasklist ${resolved.ids.tasklist}, ${resolved.ids.users.length} user(s), ${resolved.ids.chats.length} chat(s), ${resolved.ids.apps.length} app(s)`,
    '',
  ];
  const step = (s: Step, indent: string, n: string) => {
    const auth = s.auth === 'tenant' ? '' : ` [auth: ${s.auth}]`;
    const note = s.tenantOnly ? ` (${s.tenantOnly.note}; not checked)` : ` -> expect ${s.expect.join(' | ')}`;
    lines.push(`${indent}${n}. ${requestLine(s)}${auth}${note}`);
    if (s.atEndIfSucceeded?.length) {
      lines.push(`${indent}   if it succeeds, at the end of the scenario:`);
      for (const [i, u] of s.atEndIfSucceeded.entries()) step(u, `${indent}     `, `${n}.${i + 1}`);
    }
  };
  let total = 0;
  for (const p of planned) {
    lines.push(`## ${p.scenario.id}: ${p.scenario.title}${p.skipped ? ` (skipped: ${p.skipped})` : ''}`);
    lines.push(`   facts: ${p.facts.map((f) => `${f.operation}.${f.name}`).join(', ')}`);
    if (!p.skipped) {
      lines.push(`   at most ${p.budget} request(s), the client's token exchange included`);
      for (const [i, s] of p.steps.entries()) step(s, '   ', String(i + 1));
    }
    lines.push('');
    total += p.budget;
  }
  lines.push(
    `At most ${total} request(s) in all, paced by the spec's quotas and ${resolved.taskGapMs} ms between requests to one task.`,
  );
  return lines.join('\n');
}
