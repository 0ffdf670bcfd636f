// Quotas under load: 3,000 add_members from one process, then from 4 processes sharing one quota in Redis,
// then the official SDK on the same work, against the stateful emulator (@feishu-task/emulator), which
// enforces the spec's quotas per app + tenant + operation in fixed windows and journals every arrival.
// Every client of the run authenticates as one app, so all share one quota. `--quick` shrinks the quota
// (fewer calls, a shorter per-minute window) so CI takes seconds.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorCatalog } from '@feishu-task/types';
import { freePort, here, root, verdict } from '../lib.mjs';

// The answers that mean "too fast", by the spec's names: the platform's quota, v1's per-app limit, and
// v1's "concurrent requests for the same task".
const LIMITED = errorCatalog.PlatformRateLimited.code;
const TOO_FREQUENT = errorCatalog.TooManyRequests.code;
const SAME_TASK = errorCatalog.TaskRequestsTooFrequent.code;
// The mixed run: its tasks, each seeded with collaborators for the removes to take.
const TASKS = 30;
const SEEDS = 5;

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

/** What arrived at the emulator for the operation (or every Task operation), from its journal. */
function arrivals(emulator, operation = OPERATION) {
  const entries = operation
    ? emulator.journal({ operation })
    : emulator.journal({}).filter((e) => e.operation && e.operation !== 'getTenantAccessToken');
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
  const emu = await startEmulator({
    fixture: {
      tasklists: Array.from({ length: LISTS }, (_, i) => ({ guid: `list-${i}`, name: `bench ${i}`, owner })),
      tasks: Array.from({ length: TASKS }, (_, t) => ({
        id: `task-${t}`,
        creator: owner.id,
        collaborators: Array.from({ length: SEEDS }, (_, j) => `seed-${t}-${j}`),
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
    journalSize: n + 1_000,
  });
  const { emulator } = emu;
  // The windows the emulator enforces: the spec's x-feishu-rate-limit as it read them, or quick mode's.
  const windows =
    emulator.settings().quotas.windows?.[OPERATION] ?? emulator.operations.find((o) => o.id === OPERATION).quotas;
  // Our client reads the spec's windows itself; in quick mode it is told the scaled ones, widened as it
  // widens the spec's by default (100 ms or 1% of the window, whichever is more).
  const widen = (ms) => ms + Math.max(100, ms / 100);
  const ours = quick ? JSON.stringify(windows.map((w) => ({ limit: w.limit, windowMs: widen(w.windowMs) }))) : '-';
  const redis = await startRedis();
  const rows = [];
  let mixed;
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
    // one at a time. Too few calls to fill the quotas, so no share of the rate: only what arrived.
    const mixedN = quick ? 60 : 300;
    emulator.reset();
    const startAt = Date.now() + 1_500;
    const mixedResults = await Promise.all(
      [0, 1, 2, 3].map((part) =>
        runWorker(['ours-mixed', emu.url, String(mixedN / 4), ours, redis.url, String(startAt), String(LISTS)], {
          QUOTA_TASKS: String(TASKS),
          QUOTA_PART: String(part),
          QUOTA_PARTS: '4',
        }),
      ),
    );
    const mixedSeen = arrivals(emulator, null);
    const mixedFailed = {};
    for (const r of mixedResults)
      for (const [k, v] of Object.entries(r.codes)) mixedFailed[k] = (mixedFailed[k] ?? 0) + v;
    mixed = { n: mixedN, ok: mixedResults.reduce((a, r) => a + r.ok, 0), seen: mixedSeen, failed: mixedFailed };
    console.log(
      `   mixed: ${mixed.ok}/${mixedN} ok, ${mixedSeen.total} arrived, ${mixedSeen.limited} × 429 / ${LIMITED}, ${mixedSeen.sameTask} × ${SAME_TASK}`,
    );
    const broken = emulator.contractViolations().length;
    if (broken) throw new Error(`the emulator answered ${broken} times outside the spec's schemas`);
  } finally {
    await emu.close();
    redis.stop();
  }
  const fmtWindows = windows
    .map((w) => `${w.limit} per ${w.windowMs >= 1000 ? `${w.windowMs / 1000} s` : `${w.windowMs} ms`}`)
    .join(' and ');
  const lines = [
    `${n} \`add_members\` calls fired at once against the emulator (\`startEmulator()\` in the bench process), which enforces ${fmtWindows} per app + tenant + operation in fixed windows aligned to the clock (${quick ? 'quick mode: a shorter per-minute window and scaled-down limits, set with its `quotas.windows` option' : "the spec's x-feishu-rate-limit"}) and answers a request over the limit 429 / ${LIMITED} with \`x-ogw-ratelimit-reset\`. Every client authenticates with the same app credentials at the emulator's token endpoint, so all share one quota; a fresh emulator state for each row. Arrivals are counted from the emulator's journal. "Share of the rate" is the time the fastest possible schedule under the limits needs for the calls that succeeded, divided by the time from the first to the last arrival. Our client runs with its defaults (each window widened by 100 ms or 1%, whichever is more) except \`maxRetries: 0\`.`,
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
  lines.push(
    `| @feishu-task/client, mixed: add_members, add and remove collaborators in turn (${TASKS} tasks), 4 processes sharing Redis | ${mixed.ok} / ${mixed.n} | ${mixed.seen.total} | ${mixed.seen.limited} | ${mixed.seen.tooFrequent} | ${mixed.seen.sameTask} | ${tally(mixed.seen.other)} | ${tally(mixed.failed)} | ${((mixed.seen.last - mixed.seen.first) / 1000).toFixed(1)} | n/a (too few calls to fill the quotas) |`,
  );
  const [one, four, sdk] = rows;
  const clean = (r, count = n) =>
    r.seen.limited === 0 && r.seen.tooFrequent === 0 && r.seen.sameTask === 0 && r.ok === count && r.seen.ok === count;
  const pct = (r) => (r.ok === n ? `${(r.share * 100).toFixed(1)}%` : `${n - r.ok} calls failed`);
  lines.push(
    '',
    `Targets: one process at least 95% of the rate (${verdict(one.ok === n && one.share >= 0.95)}: ${pct(one)}), four processes sharing Redis at least 90% (${verdict(four.ok === n && four.share >= 0.9)}: ${pct(four)}), and no 429 / ${LIMITED} / ${TOO_FREQUENT} / ${SAME_TASK} answer for our client, mixed run included (${verdict(clean(one) && clean(four) && clean(mixed, mixed.n))}). Our client runs with \`maxRetries: 0\`, so no retry hides an answer. The official SDK got ${sdk.seen.limited} rate-limit answers (429 / ${LIMITED}) and ${sdk.seen.tooFrequent} × ${TOO_FREQUENT} at the emulator, and ${n - sdk.ok} failed calls, on the same work.`,
  );
  return lines;
}
