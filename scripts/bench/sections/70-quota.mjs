// Quotas under load: 3,000 add_members from one process, then from 4 processes sharing one quota in Redis,
// then the official SDK on the same work, against the stateful emulator (@feishu-task/emulator), which
// enforces the spec's quotas per app + tenant + operation in fixed windows and journals every arrival.
// Every client of the run authenticates as one app, so all share one quota. `--quick` shrinks the quota
// (fewer calls, a shorter per-minute window) so CI takes seconds.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorCatalog, operations } from '@feishu-task/types';
import { freePort, here, root, verdict } from '../lib.mjs';
import { mixSchedule, programOrderSpans } from '../quota-mix.mjs';

// The answers that mean "too fast", by the spec's names: the platform's quota and v1's per-app limit; and
// the spec's answer to concurrent requests for the same task (x-feishu-error.concurrent, generated oneAtATime).
const LIMITED = errorCatalog.PlatformRateLimited.code;
const TOO_FREQUENT = errorCatalog.TooManyRequests.code;
const SAME_TASK = operations.addTaskCollaborators.oneAtATime.code;
// The mixed run: 4 processes sharing Redis, each writing to tasks of its own; how many calls of each
// operation (all processes together). The full run makes more of each than one per-minute window holds,
// so each operation's share of its documented rate shows (about a minute: add collaborators allows 100
// per minute); quick mode only checks what arrives. The removes go to TASKS tasks (seeded with the
// collaborators they remove); the adds, in the layout a mixed service runs, to ADD_TASKS others.
const TASKS = 32;
const ADD_TASKS = 16;
const PARTS = 4;
// The two layouts of the mixed run. `own`, the target: each operation's calls depend on no other
// operation's quota, so each row measures the client's quota exactness. `same`: adds and removes
// interleaved on the same tasks; a process's writes to one task go in program order (an add, then a
// remove of the same member, must not swap), so a remove queued behind an add that waits for the next
// minute of the add quota waits with it: that row shows what program order costs, not a quota miss.
const LAYOUTS = [
  ['own', 'adds and removes on tasks of their own'],
  ['same', 'adds and removes on the same tasks (program order)'],
];
const MIX = {
  full: { addTasklistMembers: 1_100, addTaskCollaborators: 200, removeTaskCollaborator: 1_100 },
  quick: { addTasklistMembers: 20, addTaskCollaborators: 20, removeTaskCollaborator: 20 },
};

export const title = 'Quotas under load (add_members, against the emulator)';

const OPERATION = 'addTasklistMembers';
const APP = { appId: 'cli_quota_bench', appSecret: 'quota-bench-secret' };
// Calls spread over this many tasklists, so each answer (the whole tasklist) stays small.
const LISTS = 50;

function runWorker(args, env = {}) {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(here, 'quota-worker.mjs'), ...args],
      // The app's credentials go by environment, not argv (where any `ps` would show them).
      {
        cwd: root,
        maxBuffer: 64 << 20,
        env: { ...process.env, QUOTA_APP_ID: APP.appId, QUOTA_APP_SECRET: APP.appSecret, ...env },
      },
      (e, out) => (e ? reject(e) : resolve(JSON.parse(out.trim().split('\n').at(-1)))),
    ),
  );
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', (c) => String(c).includes('Ready to accept connections') && resolve());
  });
  child.stdout.resume();
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** The fastest any client may send `n` requests under these windows, from empty: an exact sliding log. */
function idealMs(n, windows) {
  const t = [];
  for (let i = 0; i < n; i++) {
    let at = i ? t[i - 1] : 0;
    for (const w of windows) if (i >= w.limit) at = Math.max(at, t[i - w.limit] + w.windowMs);
    t.push(at);
  }
  return t[n - 1] ?? 0;
}

const fmt = (windows) =>
  windows
    .map((w) => `${w.limit} per ${w.windowMs >= 1000 ? `${w.windowMs / 1000} s` : `${w.windowMs} ms`}`)
    .join(' and ');

/** What arrived at the emulator for the operation (or every Task operation), from its journal. */
function arrivals(emulator, operation = OPERATION) {
  const entries = emulator.journal({ operation });
  const count = (test) => entries.filter(test).length;
  const other = {};
  for (const e of entries)
    if (e.code !== 0 && e.status !== 429 && e.code !== LIMITED && e.code !== TOO_FREQUENT && e.code !== SAME_TASK)
      other[e.code ?? e.status] = (other[e.code ?? e.status] ?? 0) + 1;
  return {
    total: entries.length,
    ok: count((e) => e.status === 200 && e.code === 0),
    limited: count((e) => e.status === 429 || e.code === LIMITED),
    tooFrequent: count((e) => e.code === TOO_FREQUENT),
    sameTask: count((e) => e.code === SAME_TASK),
    other,
    first: entries[0]?.at ?? 0,
    last: entries.at(-1)?.at ?? 0,
  };
}

export async function run({ quick }) {
  const n = quick ? 120 : 3_000;
  const { startEmulator } = await import(pathToFileURL(join(root, 'packages/emulator/dist/index.js')).href);
  const owner = { id: 'ou_quota_owner' };
  const mix = quick ? MIX.quick : MIX.full;
  // Enough seeded collaborators on each task for the removes that reach it.
  const seeds = Math.ceil(mix.removeTaskCollaborator / TASKS);
  const emu = await startEmulator({
    fixture: {
      tasklists: Array.from({ length: LISTS }, (_, i) => ({ guid: `list-${i}`, name: `bench ${i}`, owner })),
      tasks: Array.from({ length: TASKS + ADD_TASKS }, (_, t) => ({
        id: `task-${t}`,
        creator: owner.id,
        collaborators: t < TASKS ? Array.from({ length: seeds }, (_, j) => `seed-${t}-${j}`) : [],
      })),
    },
    // Quick: the per-minute window shrunk to 3 s (and its limit to 40, the per-second one to 20) so CI takes
    // seconds; the per-second window keeps its real length, since network jitter does not shrink.
    ...(quick
      ? {
          quotas: {
            windows: {
              [OPERATION]: [
                { limit: 40, windowMs: 3_000 },
                { limit: 20, windowMs: 1_000 },
              ],
            },
          },
        }
      : {}),
    // Room for every call of a case (and the token exchanges) in the journal's ring.
    journalSize:
      Math.max(
        n,
        Object.values(mix).reduce((a, b) => a + b),
      ) + 1_000,
  });
  const { emulator } = emu;
  // The windows the emulator enforces: the spec's x-feishu-rate-limit as it read them, or quick mode's.
  const windowsOf = (operation) =>
    emulator.settings().quotas.windows?.[operation] ?? emulator.operations.find((o) => o.id === operation).quotas;
  const windows = windowsOf(OPERATION);
  // Our client reads the spec's windows itself; in quick mode it is told the scaled ones, widened as it
  // widens the spec's by default (100 ms or 1% of the window, whichever is more).
  const widen = (ms) => ms + Math.max(100, ms / 100);
  const ours = quick ? JSON.stringify(windows.map((w) => ({ limit: w.limit, windowMs: widen(w.windowMs) }))) : '-';
  const redis = await startRedis();
  const rows = [];
  const mixed = [];
  try {
    for (const [label, impl, processes] of [
      ['@feishu-task/client, 1 process', 'ours', 1],
      ['@feishu-task/client, 4 processes sharing Redis', 'ours-redis', 4],
      ['@larksuiteoapi/node-sdk 1.74.0, 1 process (50 in flight)', 'sdk', 1],
    ]) {
      // A fresh tenant for each case: the fixture's tasklists, empty quota windows, an empty journal.
      emulator.reset();
      const startAt = Date.now() + 1_500;
      const results = await Promise.all(
        Array.from({ length: processes }, () =>
          runWorker([impl, emu.url, String(n / processes), ours, redis.url, String(startAt), String(LISTS)]),
        ),
      );
      const seen = arrivals(emulator);
      const ok = results.reduce((a, r) => a + r.ok, 0);
      const failed = {};
      for (const r of results) for (const [k, v] of Object.entries(r.codes)) failed[k] = (failed[k] ?? 0) + v;
      const spanMs = seen.last - seen.first;
      const share = idealMs(seen.ok, windows) / Math.max(1, spanMs);
      rows.push({ label, ok, failed, seen, spanMs, share });
      console.log(
        `   ${label}: ${ok}/${n} ok, ${seen.total} arrived, ${seen.limited} answered 429 / ${LIMITED}, ${(spanMs / 1000).toFixed(1)} s`,
      );
    }
    // All three operations at once, 4 processes sharing Redis: each at its own quota, writes to one task
    // one at a time; once per layout.
    for (const [layout, layoutLabel] of LAYOUTS) {
      emulator.reset();
      const startAt = Date.now() + 1_500;
      const share = Object.fromEntries(Object.entries(mix).map(([operation, count]) => [operation, count / PARTS]));
      const perProcess = Object.values(share).reduce((a, b) => a + b);
      const mixedResults = await Promise.all(
        Array.from({ length: PARTS }, (_, part) =>
          runWorker(['ours-mixed', emu.url, String(perProcess), ours, redis.url, String(startAt), String(LISTS)], {
            QUOTA_TASKS: String(TASKS),
            QUOTA_ADD_TASKS: String(ADD_TASKS),
            QUOTA_LAYOUT: layout,
            QUOTA_PART: String(part),
            QUOTA_PARTS: String(PARTS),
            QUOTA_MIX: JSON.stringify(share),
          }),
        ),
      );
      // The pace program order allows on this layout: a client with answers in no time, keeping only
      // program order and the quotas.
      const orderSpans = programOrderSpans(
        Array.from({ length: PARTS }, (_, part) =>
          mixSchedule({ mix: share, part, parts: PARTS, tasks: TASKS, addTasks: ADD_TASKS, layout }),
        ),
        windowsOf,
      );
      for (const operation of Object.keys(mix)) {
        const seen = arrivals(emulator, operation);
        const failed = {};
        for (const r of mixedResults)
          for (const [k, v] of Object.entries(r.byOperation[operation].codes)) failed[k] = (failed[k] ?? 0) + v;
        const ok = mixedResults.reduce((a, r) => a + r.byOperation[operation].ok, 0);
        const spanMs = seen.last - seen.first;
        const ideal = idealMs(seen.ok, windowsOf(operation));
        // No share when the calls fit in one window at once: then any schedule is "as fast as possible".
        const rate = ideal > 0 ? ideal / Math.max(1, spanMs) : undefined;
        const pace = ideal > 0 ? orderSpans[operation] / Math.max(1, spanMs) : undefined;
        console.log(
          `   mixed (${layout}), ${operation}: ${ok}/${mix[operation]} ok, ${seen.total} arrived, ${seen.limited} × 429 / ${LIMITED}, ${seen.sameTask} × ${SAME_TASK}, ${(spanMs / 1000).toFixed(1)} s${rate === undefined ? '' : `, ${(rate * 100).toFixed(1)}% of the rate, ${(pace * 100).toFixed(1)}% of the program-order pace`}`,
        );
        mixed.push({ layout, layoutLabel, operation, n: mix[operation], ok, seen, failed, spanMs, rate, pace });
      }
    }
    const broken = emulator.contractViolations().length;
    if (broken) throw new Error(`the emulator answered ${broken} times outside the spec's schemas`);
  } finally {
    await emu.close();
    redis.stop();
  }
  const lines = [
    `${n} \`add_members\` calls fired at once against the emulator (\`startEmulator()\` in the bench process), which enforces ${fmt(windows)} per app + tenant + operation in fixed windows aligned to the clock (${quick ? 'quick mode: a shorter per-minute window and scaled-down limits, set with its `quotas.windows` option' : "the spec's x-feishu-rate-limit"}) and answers a request over the limit 429 / ${LIMITED} with \`x-ogw-ratelimit-reset\`. Every client authenticates with the same app credentials at the emulator's token endpoint, so all share one quota; a fresh emulator state for each row. Arrivals are counted from the emulator's journal. "Share of the rate" is the time the fastest possible schedule under the limits needs for the calls that succeeded, divided by the time from the first to the last arrival. Our client runs with its defaults (each window widened by 100 ms or 1%, whichever is more) except \`maxRetries: 0\`.`,
    '',
    `| client | succeeded | arrived at the emulator | 429 / ${LIMITED} | ${TOO_FREQUENT} | ${SAME_TASK} | other answers | failed calls (client side) | first to last arrival (s) | share of the rate |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |',
  ];
  const tally = (o) =>
    Object.entries(o)
      .map(([k, v]) => `${v} × ${k}`)
      .join(', ') || 'none';
  for (const r of rows) {
    const share = r.ok === n ? `${(r.share * 100).toFixed(1)}%` : 'n/a (calls failed)';
    lines.push(
      `| ${r.label} | ${r.ok} / ${n} | ${r.seen.total} | ${r.seen.limited} | ${r.seen.tooFrequent} | ${r.seen.sameTask} | ${tally(r.seen.other)} | ${tally(r.failed)} | ${(r.spanMs / 1000).toFixed(1)} | ${share} |`,
    );
  }
  for (const m of mixed) {
    const rate =
      m.ok !== m.n
        ? 'n/a (calls failed)'
        : m.rate === undefined
          ? 'n/a (fits in one window)'
          : m.layout === 'same'
            ? `${(m.rate * 100).toFixed(1)}% (${(m.pace * 100).toFixed(1)}% of the program-order pace)`
            : `${(m.rate * 100).toFixed(1)}%`;
    lines.push(
      `| @feishu-task/client, mixed run, 4 processes sharing Redis, ${m.layoutLabel}: ${m.operation} (${fmt(windowsOf(m.operation))}) | ${m.ok} / ${m.n} | ${m.seen.total} | ${m.seen.limited} | ${m.seen.tooFrequent} | ${m.seen.sameTask} | ${tally(m.seen.other)} | ${tally(m.failed)} | ${(m.spanMs / 1000).toFixed(1)} | ${rate} |`,
    );
  }
  const counts = Object.entries(mix)
    .map(([operation, count]) => `${count} ${operation}`)
    .join(', ');
  lines.push(
    '',
    `The mixed run: 4 processes sharing one Redis quota store fire ${counts} at once, interleaved (one call of each operation in turn), each process writing to tasks of its own (the client serializes writes to one task within a process, in program order; not across processes). Each operation has its own quota at the emulator (the spec's x-feishu-rate-limit), so each row's share is of its own rate${quick ? '; quick mode makes too few calls to fill a window' : ': the counts are past one per-minute window each, so a run takes about a minute'}. It runs twice, once per layout of the task writes:`,
    '',
    `- **Adds and removes on tasks of their own** (the target): each process removes seeded collaborators from ${TASKS / PARTS} tasks and adds collaborators to ${ADD_TASKS / PARTS} other tasks, so no call waits in a task's line behind a call of another operation. Its rows measure how close the client keeps each operation to its own documented rate while all three run at once; the targets are judged on them.`,
    `- **Adds and removes on the same tasks (program order):** the ${TASKS / PARTS} tasks of each process take both, interleaved. Writes to one task go out in the order they were made (an add, then a remove of the same member, must not swap; the page answers concurrent writes to one task with ${SAME_TASK}), so when an add waits for the next window of its own quota (${fmt(windowsOf('addTaskCollaborators'))}), the removes made after it on that task wait with it, though their own quota has room. Those rows show what keeping program order costs when one operation's quota runs out, not the quota's exactness: a low remove share there is that cost. Their "program-order pace" is the time a client that keeps program order and the quotas and nothing else (answers in no time, each quota first come, first served; \`scripts/bench/quota-mix.mjs\`) takes from its first to its last call of the operation, divided by the measured time: how near the client comes to what ordering allows when calls are served in the order they were made (a scheduler that spent the add quota's first window on whole tasks would hold fewer removes back; the client does not reorder calls for that).`,
  );
  const [one, four, sdk] = rows;
  const target = mixed.filter((m) => m.layout === 'own');
  const clean = (r, count = n) =>
    r.seen.limited === 0 && r.seen.tooFrequent === 0 && r.seen.sameTask === 0 && r.ok === count && r.seen.ok === count;
  const pct = (r) => (r.ok === n ? `${(r.share * 100).toFixed(1)}%` : `${n - r.ok} calls failed`);
  lines.push(
    '',
    `Targets: one process at least 95% of the rate (${verdict(one.ok === n && one.share >= 0.95)}: ${pct(one)}), four processes sharing Redis at least 90% (${verdict(four.ok === n && four.share >= 0.9)}: ${pct(four)}), and no 429 / ${LIMITED} / ${TOO_FREQUENT} / ${SAME_TASK} answer for our client, mixed run included (${verdict(clean(one) && clean(four) && mixed.every((m) => clean(m, m.n)))}); in the mixed run with each operation on tasks of its own, each operation at least 90% of its own rate where its calls need more than one window (${quick ? 'not judged in quick mode' : `${verdict(target.every((m) => m.ok === m.n && m.rate !== undefined && m.rate >= 0.9))}: ${target.map((m) => `${m.operation} ${m.rate === undefined ? 'n/a' : `${(m.rate * 100).toFixed(1)}%`}`).join(', ')}`}). Our client runs with \`maxRetries: 0\`, so no retry hides an answer. The official SDK got ${sdk.seen.limited} rate-limit answers (429 / ${LIMITED}) and ${sdk.seen.tooFrequent} × ${TOO_FREQUENT} at the emulator, and ${n - sdk.ok} failed calls, on the same work.`,
  );
  return lines;
}
