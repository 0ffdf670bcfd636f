// The command line: `feishu-task-conformance [--target emulator|feishu|lark|URL] [--out DIR] [--plan] ...`.
// Exit 0: no difference; 1: the report lists differences; 2: it could not run (bad flags, missing
// credentials or IDs, unreachable target).
import { parseArgs } from 'node:util';
import { ConformanceUsageError, type RunOptions } from './options.js';
import { formatPlan } from './plan.js';
import { writeReport } from './report.js';
import { plan, runConformance } from './run.js';

export const USAGE = `Usage: feishu-task-conformance [options]

Runs scripted scenarios against a target, checks every answer against the Feishu Task OpenAPI
description, compares it with the emulator's, and writes report.md, report.json and exchanges.jsonl.

Options:
  --target <t>        emulator (in process, default), feishu, lark, or a base URL (http://127.0.0.1:4010)
  --out <dir>         where the report goes (default: conformance-report)
  --task <id>         the task to use (a real tenant: required; else the spec's example task)
  --tasklist <guid>   the tasklist to use (a real tenant: required)
  --members <ids>     comma-separated user (ou_), chat (oc_) and app (cli_) ids (a real tenant: required)
  --user-token <t>    a user access token of a user with no rights on them (or FEISHU_USER_ACCESS_TOKEN)
  --only <ids>        comma-separated scenario ids
  --probe-limits      also run the scenarios that probe limits (their request budget is in the plan)
  --task-gap-ms <n>   least time between two requests to one task (default 1000 on a real tenant, else 120)
  --plan              print every request it would send, send nothing
  -h, --help          print this help

A real tenant (--target feishu or lark) needs FEISHU_APP_ID and FEISHU_APP_SECRET.
Exit status: 0 no difference, 1 differences found, 2 could not run.`;

const list = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

export function parseCli(argv: string[]): { options: RunOptions; out: string; plan: boolean; help: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: 'string' },
        out: { type: 'string' },
        task: { type: 'string' },
        tasklist: { type: 'string' },
        members: { type: 'string' },
        'user-token': { type: 'string' },
        only: { type: 'string' },
        'probe-limits': { type: 'boolean' },
        'task-gap-ms': { type: 'string' },
        plan: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ConformanceUsageError((error as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const gap = values['task-gap-ms'];
  if (gap !== undefined && !/^\d+$/.test(String(gap)))
    throw new ConformanceUsageError(`--task-gap-ms must be a whole number of milliseconds, got "${gap}"`);
  const options: RunOptions = {};
  if (typeof values.target === 'string') options.target = values.target;
  if (typeof values.task === 'string') options.task = values.task;
  if (typeof values.tasklist === 'string') options.tasklist = values.tasklist;
  const members = list(values.members);
  if (members) options.members = members;
  if (typeof values['user-token'] === 'string') options.userToken = values['user-token'];
  const only = list(values.only);
  if (only) options.only = only;
  if (values['probe-limits'] === true) options.probeLimits = true;
  if (gap !== undefined) options.taskGapMs = Number(gap);
  return {
    options,
    out: typeof values.out === 'string' ? values.out : 'conformance-report',
    plan: values.plan === true,
    help: values.help === true,
  };
}

export async function main(
  argv = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
  io: { out: (s: string) => void; err: (s: string) => void } = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  },
): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
    if (parsed.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const planned = plan(parsed.options, env);
    if (parsed.plan) {
      io.out(`${formatPlan(planned.resolved, planned.scenarios)}\n`);
      return 0;
    }
  } catch (error) {
    io.err(`feishu-task-conformance: ${(error as Error).message}\n`);
    if (error instanceof ConformanceUsageError) io.err(`Run with --help for the options.\n`);
    return 2;
  }
  try {
    const report = await runConformance({ ...parsed.options, onProgress: (line) => io.out(`${line}\n`) }, env);
    const paths = await writeReport(report, parsed.out);
    const n = report.summary.differences;
    io.out(
      `${n === 0 ? 'No difference' : `${n} difference(s)`} in ${report.summary.requests} request(s); report: ${paths.markdown}\n`,
    );
    return n === 0 ? 0 : 1;
  } catch (error) {
    io.err(`feishu-task-conformance: could not run: ${(error as Error).message}\n`);
    return 2;
  }
}
