// The run: each scenario's steps go to the target and, from the equivalent state, to an in-process
// reference emulator. Each answer of the target is checked against the spec and compared with the
// emulator's; every disagreement becomes one difference per aspect (status, code, msg, body, header).
import { createRequire } from 'node:module';
import { DEFAULT_EXPIRE_SECONDS } from '@feishu-task/client';
import { createEmulator, type Emulator } from '@feishu-task/emulator';
import type { OperationId } from '@feishu-task/types';
import { checkAnswer, codeOf, type FactRef, type Finding, factOf, type Observed } from './check.js';
import { emulatorFetch } from './emulator-fetch.js';
import { errorText } from './error-text.js';
import { ConformanceUsageError, type Resolved, type RunOptions, resolveOptions } from './options.js';
import { type PlannedScenario, planScenarios, requestLine } from './plan.js';
import { Redactor } from './redact.js';
import type { Step } from './scenario.js';
import { type Exchange, Side } from './side.js';
import { loadSpec, type OperationFacts, operationFacts } from './spec-facts.js';

/** The target could not be reached or answered nothing at all (exit 2). */
export class ConformanceTargetError extends Error {
  override name = 'ConformanceTargetError';
}

export interface Difference {
  id: number;
  scenario: string;
  step: string;
  title: string;
  operation: string;
  /** `status`, `code`, `msg`, `body`, `header <name>`, `token reuse`, `answer`. */
  aspect: string;
  request: Exchange['request'];
  expected: { spec?: string; emulator?: string };
  observed: string;
  answer?: { status: number; body: unknown };
  logId?: string;
  /** The spec facts it bears on, each with what the spec says and its source. */
  facts: FactRef[];
  /** Which of the two it contradicts: the spec, the emulator, or both. */
  bearsOn: ('spec' | 'emulator')[];
}

export interface ExchangeRecord extends Omit<Exchange, 'response'> {
  response?: { status: number; headers: Record<string, string>; body: unknown; logId?: string | undefined };
  side: 'target' | 'emulator';
  scenario: string;
  step: string;
  role: string;
}

export interface ScenarioResult {
  id: string;
  title: string;
  status: 'ran' | 'skipped';
  reason?: string;
  facts: FactRef[];
  requests: number;
}

export interface ConformanceReport {
  tool: { name: string; version: string };
  spec: { version: string };
  target: { kind: Resolved['kind']; url: string };
  startedAt: string;
  finishedAt: string;
  ids: { task: string; tasklist: string; members: string[] };
  summary: { scenarios: number; ran: number; skipped: number; requests: number; differences: number };
  scenarios: ScenarioResult[];
  differences: Difference[];
  exchanges: ExchangeRecord[];
}

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** The fake users the emulator gives a token to: someone with no rights on anything. */
const OUTSIDER = 'ou_conformance_outsider';

interface StepRun {
  step: Step;
  exchanges: Exchange[];
}

function answerOf(exchanges: Exchange[]): Observed | undefined {
  return exchanges[exchanges.length - 1]?.response;
}

async function runSteps(side: Side, steps: Step[]): Promise<StepRun[]> {
  const runs: StepRun[] = [];
  const atEnd: Step[][] = [];
  for (const step of steps) {
    const exchanges = await side.send(step);
    runs.push({ step, exchanges });
    const answer = answerOf(exchanges);
    if (step.atEndIfSucceeded?.length && answer && codeOf(answer) === 0) atEnd.push(step.atEndIfSucceeded);
  }
  // Undo in reverse order of what was done; the same undo request is sent once.
  const sent = new Set<string>();
  for (const group of atEnd.reverse())
    for (const step of group) {
      const key = requestLine(step);
      if (sent.has(key)) continue;
      sent.add(key);
      runs.push({ step, exchanges: await side.send(step) });
    }
  return runs;
}

function referenceEmulator(resolved: Resolved): Emulator {
  const emulator = createEmulator();
  const state = emulator.snapshot();
  const { task, tasklist } = resolved.ids;
  emulator.seed({
    ...(state.tasks?.some((t) => t.id === task) ? {} : { tasks: [{ id: task }] }),
    ...(state.tasklists?.some((l) => l.guid === tasklist)
      ? {}
      : { tasklists: [{ guid: tasklist, owner: { id: 'ou_conformance_owner' } }] }),
  });
  return emulator;
}

function inProcessSide(name: 'target' | 'emulator', emulator: Emulator, resolved: Resolved, redactor: Redactor) {
  return new Side({
    name,
    baseUrl: 'http://emulator.in-process',
    fetch: emulatorFetch(emulator),
    appId: resolved.appId,
    appSecret: resolved.appSecret,
    userToken: emulator.issueUserToken(OUTSIDER).token,
    wait: async () => {},
    taskGapMs: 0,
    // Virtual time: a second passes before each step, so no per-second limit is ever reached.
    beforeEach: () => emulator.clock.advance(1000),
    timeoutMs: resolved.timeoutMs,
    onSecret: (s) => redactor.add(s),
  });
}

/** The plan of a run (what `--plan` prints), resolved as the run would be. */
export function plan(options: RunOptions = {}, env: Record<string, string | undefined> = {}) {
  const resolved = resolveOptions(options, env);
  return { resolved, scenarios: planScenarios(resolved, options.only) };
}

export async function runConformance(
  options: RunOptions = {},
  env: Record<string, string | undefined> = {},
): Promise<ConformanceReport> {
  const { resolved, scenarios: planned } = plan(options, env);
  const startedAt = new Date().toISOString();
  const redactor = new Redactor();
  const progress = (line: string) => options.onProgress?.(redactor.text(line));
  const facts = operationFacts();

  const target =
    resolved.kind === 'emulator'
      ? inProcessSide('target', createEmulator(), resolved, redactor)
      : new Side({
          name: 'target',
          baseUrl: resolved.baseUrl,
          fetch: (input, init) => globalThis.fetch(input, init),
          appId: resolved.appId,
          appSecret: resolved.appSecret,
          userToken: resolved.userToken,
          wait: (ms) => new Promise((r) => setTimeout(r, ms)),
          taskGapMs: resolved.taskGapMs,
          timeoutMs: resolved.timeoutMs,
          onSecret: (s) => redactor.add(s),
        });
  const reference = inProcessSide('emulator', referenceEmulator(resolved), resolved, redactor);

  const differences: Difference[] = [];
  const exchanges: ExchangeRecord[] = [];
  const results: ScenarioResult[] = [];
  let first = true;
  const probes = planned.filter((p) => p.scenario.probe && !p.skipped);
  if (probes.length)
    progress(
      `--probe-limits: ${probes.map((p) => p.scenario.id).join(', ')}, at most ${probes.reduce((n, p) => n + p.budget, 0)} request(s)`,
    );

  for (const p of planned) {
    const factRefs = p.facts.flatMap((f) => {
      const op = facts.get(f.operation);
      const answer = op?.byName.get(f.name);
      return op && answer ? [factOf(op, answer)] : [];
    });
    if (p.skipped) {
      results.push({
        id: p.scenario.id,
        title: p.scenario.title,
        status: 'skipped',
        reason: p.skipped,
        facts: factRefs,
        requests: 0,
      });
      progress(`- ${p.scenario.id}: skipped (${p.skipped})`);
      continue;
    }
    let onTarget: StepRun[];
    try {
      onTarget = await runSteps(target, p.steps);
    } catch (error) {
      throw new ConformanceTargetError(redactor.text(`${p.scenario.id}: ${errorText(error)}`));
    }
    if (first) {
      first = false;
      const only = onTarget[0]?.exchanges ?? [];
      if (only.length && only.every((e) => !e.response))
        throw new ConformanceTargetError(
          redactor.text(
            `the target ${resolved.baseUrl} did not answer: ${only[only.length - 1]?.error ?? 'no answer'}`,
          ),
        );
    }
    const onEmulator = await runSteps(reference, p.steps);
    const found = compareScenario(p, onTarget, onEmulator, facts, differences.length);
    differences.push(...found);
    for (const [side, runs] of [
      ['target', onTarget],
      ['emulator', onEmulator],
    ] as const)
      for (const run of runs)
        for (const { response, ...e } of run.exchanges)
          exchanges.push({
            ...e,
            ...(response
              ? {
                  response: {
                    status: response.status,
                    headers: response.headers,
                    body: response.json ?? response.text.slice(0, 2000),
                    logId: response.logId,
                  },
                }
              : {}),
            side,
            scenario: p.scenario.id,
            step: run.step.id,
            role: run.step.role ?? 'check',
          });
    const requests = onTarget.reduce((n, r) => n + r.exchanges.length, 0);
    results.push({ id: p.scenario.id, title: p.scenario.title, status: 'ran', facts: factRefs, requests });
    progress(`- ${p.scenario.id}: ${requests} request(s), ${found.length} difference(s)`);
  }

  const ran = results.filter((r) => r.status === 'ran');
  const report: ConformanceReport = {
    tool: { name: pkg.name, version: pkg.version },
    spec: { version: String(loadSpec().info?.version ?? '') },
    target: { kind: resolved.kind, url: resolved.kind === 'emulator' ? 'in-process' : resolved.baseUrl },
    startedAt,
    finishedAt: new Date().toISOString(),
    ids: {
      task: resolved.ids.task,
      tasklist: resolved.ids.tasklist,
      members: [...resolved.ids.users, ...resolved.ids.chats, ...resolved.ids.apps],
    },
    summary: {
      scenarios: results.length,
      ran: ran.length,
      skipped: results.length - ran.length,
      requests: ran.reduce((n, r) => n + r.requests, 0),
      differences: differences.length,
    },
    scenarios: results,
    differences,
    exchanges,
  };
  // Everything leaves through the redactor, which by now knows every token the run saw.
  return redactor.value(report);
}

const statusOf = (o: Observed | undefined) => (o ? `HTTP ${o.status}` : 'no answer');
const codeLabel = (facts: OperationFacts | undefined, o: Observed | undefined) => {
  const code = o ? codeOf(o) : undefined;
  if (code === undefined) return 'no code';
  const name = code === 0 ? 'success' : facts?.byCode.get(code)?.name;
  return name ? `${code} ${name}` : `${code}`;
};
const msgOf = (o: Observed | undefined) => (o?.json?.msg === undefined ? '(no msg)' : JSON.stringify(o.json.msg));

function compareScenario(
  p: PlannedScenario,
  onTarget: StepRun[],
  onEmulator: StepRun[],
  facts: Map<OperationId, OperationFacts>,
  offset: number,
): Difference[] {
  const out: Difference[] = [];
  const emulatorRuns = new Map(onEmulator.map((r) => [r.step.id, r]));
  const tokens = new Map<string, { token: unknown; expire: unknown }>();
  for (const run of onTarget) {
    const { step } = run;
    if (step.tenantOnly) continue;
    const ref = step.role === 'setup' ? undefined : emulatorRuns.get(step.id);
    const refAnswer = ref ? answerOf(ref.exchanges) : undefined;
    run.exchanges.forEach((exchange, i) => {
      const main = i === run.exchanges.length - 1;
      const operation = (main ? step.operation : exchange.operation) as OperationId;
      const opFacts = facts.get(operation);
      if (!opFacts) return;
      const expect = main ? step.expect : ['success'];
      const answer = exchange.response;
      const base = {
        scenario: p.scenario.id,
        step: step.id,
        title: main ? step.title : `${step.title} (the client's token exchange)`,
        operation,
        request: exchange.request,
        ...(answer ? { answer: { status: answer.status, body: answer.json ?? answer.text.slice(0, 500) } } : {}),
        ...(answer?.logId ? { logId: answer.logId } : {}),
      };
      if (!answer) {
        out.push({
          ...base,
          id: 0,
          aspect: 'answer',
          expected: { spec: expect.join(' or ') },
          observed: exchange.error ?? 'no answer',
          facts: [],
          bearsOn: ['spec'],
        });
        return;
      }
      const findings = checkAnswer(opFacts, expect, answer);
      if (main && step.operation === 'getTenantAccessToken' && answer.json) {
        tokens.set(step.id, { token: answer.json.tenant_access_token, expire: answer.json.expire });
        const earlier = step.sameTokenAs ? tokens.get(step.sameTokenAs) : undefined;
        // A new token is due only when the first had less than the least a reissued token has left.
        if (
          earlier &&
          typeof earlier.expire === 'number' &&
          earlier.expire > DEFAULT_EXPIRE_SECONDS &&
          earlier.token !== answer.json.tenant_access_token
        )
          findings.push({
            aspect: 'token reuse',
            expected: 'the same tenant_access_token while more than 30 minutes remain',
            observed: 'a different token',
            facts: [factOf(opFacts, opFacts.success)],
          });
      }
      const emuFindings = main && refAnswer ? checkAnswer(opFacts, expect, refAnswer) : undefined;
      // Per aspect: the spec's finding, and the emulator's view (differs: the target and the emulator disagree).
      const byAspect = new Map<string, { spec?: Finding; emulator?: string; differs?: boolean }>();
      for (const f of findings) byAspect.set(f.aspect, { spec: f });
      if (main && refAnswer && emuFindings) {
        const targetHas = new Set(findings.map((f) => f.aspect));
        const emuHas = new Set(emuFindings.map((f) => f.aspect));
        // A different code says it all: its status and msg are not listed again as differences of their own.
        const otherCode = codeOf(answer) !== codeOf(refAnswer);
        const views: { aspect: string; same: boolean; counts: boolean; view: string }[] = [
          {
            aspect: 'code',
            same: !otherCode,
            counts: true,
            view: `${statusOf(refAnswer)}, ${codeLabel(opFacts, refAnswer)}`,
          },
          { aspect: 'status', same: answer.status === refAnswer.status, counts: !otherCode, view: statusOf(refAnswer) },
          { aspect: 'msg', same: answer.json?.msg === refAnswer.json?.msg, counts: !otherCode, view: msgOf(refAnswer) },
        ];
        for (const aspect of new Set([...targetHas, ...emuHas]))
          if (!['status', 'code', 'msg'].includes(aspect))
            views.push({
              aspect,
              same: targetHas.has(aspect) === emuHas.has(aspect),
              counts: true,
              view: emuHas.has(aspect) ? `fails this check too` : 'passes this check',
            });
        for (const { aspect, same, counts, view } of views) {
          const entry = byAspect.get(aspect);
          if (!same && counts) byAspect.set(aspect, { ...entry, emulator: view, differs: true });
          else if (entry) entry.emulator = same ? `answers the same (${view})` : view;
        }
      }
      for (const [aspect, { spec, emulator, differs }] of byAspect) {
        if (!spec && !differs) continue;
        out.push({
          ...base,
          id: 0,
          aspect,
          expected: { ...(spec ? { spec: spec.expected } : {}), ...(emulator ? { emulator } : {}) },
          observed: spec?.observed ?? observedView(aspect, answer, opFacts),
          facts: spec?.facts ?? [],
          bearsOn: [...(spec ? (['spec'] as const) : []), ...(differs ? (['emulator'] as const) : [])],
        });
      }
    });
  }
  return out.map((d, i) => ({ ...d, id: offset + i + 1 }));
}

function observedView(aspect: string, answer: Observed, facts: OperationFacts): string {
  if (aspect === 'status') return statusOf(answer);
  if (aspect === 'code') return codeLabel(facts, answer);
  if (aspect === 'msg') return msgOf(answer);
  return aspect;
}

export { ConformanceUsageError };
