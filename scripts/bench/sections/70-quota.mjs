// Quotas under load: 3,000 add_members from one process, then from 4 processes sharing one quota in Redis,
// then the official SDK on the same work, against a local server that enforces the spec's quota in fixed
// windows and counts what arrives. `--quick` scales the quota down (fewer calls, shorter windows).
import { execFile, fork, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { operations } from '@feishu-task/types';
import { here, root, verdict } from '../lib.mjs';

export const title = 'Quotas under load (add_members, fixed-window server)';

function runWorker(args) {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(here, 'quota-worker.mjs'), ...args],
      { cwd: root, maxBuffer: 1 << 20 },
      (e, out) => (e ? reject(e) : resolve(JSON.parse(out.trim().split('\n').at(-1)))),
    ),
  );
}

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
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
  return t[n - 1];
}

export async function run({ quick }) {
  const { perMinute, perSecond } = operations.addTasklistMembers.rateLimit;
  // Quick: the per-minute window shrunk to 3 s (and its limit to 40, the per-second one to 20) so CI
  // takes seconds; the per-second window keeps its real length, since network jitter does not shrink.
  const windows = quick
    ? [
        { limit: 40, windowMs: 3_000 },
        { limit: 20, windowMs: 1_000 },
      ]
    : [
        { limit: perMinute, windowMs: 60_000 },
        { limit: perSecond, windowMs: 1_000 },
      ];
  const n = quick ? 120 : 3_000;
  // Our client reads the spec's windows itself; in quick mode it is told the scaled ones, widened as it
  // widens the spec's by default (100 ms or 1% of the window, whichever is more).
  const widen = (ms) => ms + Math.max(100, ms / 100);
  const ours = quick ? JSON.stringify(windows.map((w) => ({ limit: w.limit, windowMs: widen(w.windowMs) }))) : '-';
  const server = fork(join(here, 'quota-server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (msg, key) =>
    new Promise((r) => {
      const on = (m) => {
        if (m[key] === undefined) return;
        server.off('message', on);
        r(m[key]);
      };
      server.on('message', on);
      server.send(msg);
    });
  const { port } = await new Promise((r) => server.once('message', r));
  const base = `http://127.0.0.1:${port}`;
  const redis = await startRedis();
  const rows = [];
  try {
    for (const [label, impl, processes] of [
      ['@feishu-task/client, 1 process', 'ours', 1],
      ['@feishu-task/client, 4 processes sharing Redis', 'ours-redis', 4],
      ['@larksuiteoapi/node-sdk 1.74.0, 1 process (50 in flight)', 'sdk', 1],
    ]) {
      await ask({ windows }, 'ready');
      const startAt = Date.now() + 1_500;
      const results = await Promise.all(
        Array.from({ length: processes }, () =>
          runWorker([impl, base, String(n / processes), ours, redis.url, String(startAt)]),
        ),
      );
      const stats = await ask('stats', 'stats');
      const ok = results.reduce((a, r) => a + r.ok, 0);
      const failed = {};
      for (const r of results) for (const [k, v] of Object.entries(r.codes)) failed[k] = (failed[k] ?? 0) + v;
      const spanMs = stats.last - stats.first;
      const share = idealMs(stats.ok, windows) / Math.max(1, spanMs);
      rows.push({ label, impl, processes, ok, failed, stats, spanMs, share });
      console.log(
        `   ${label}: ${ok}/${n} ok, ${stats.limited} rate limited at the server, ${(spanMs / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    server.kill();
    redis.stop();
  }
  const fmtWindows = windows
    .map((w) => `${w.limit} per ${w.windowMs >= 1000 ? `${w.windowMs / 1000} s` : `${w.windowMs} ms`}`)
    .join(' and ');
  const lines = [
    `${n} \`add_members\` calls fired at once against a local server that enforces ${fmtWindows} in fixed windows aligned to the clock (${quick ? 'quick mode: a scaled-down quota' : "the spec's x-feishu-rate-limit"}), counting arrivals; a request over the limit is answered 429 / 99991400 with \`x-ogw-ratelimit-reset\`. "Share of the rate" is the time the fastest possible schedule under the limits needs for the calls that succeeded, divided by the time the client took (first to last arrival). Our client runs with its defaults (each window widened by 100 ms or 1%, whichever is more).`,
    '',
    '| client | succeeded | 429 / 99991400 at the server | failed calls | first to last arrival (s) | share of the rate |',
    '| --- | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const r of rows) {
    const failed =
      Object.entries(r.failed)
        .map(([k, v]) => `${v} × ${k}`)
        .join(', ') || 'none';
    const share = r.ok === n ? `${(r.share * 100).toFixed(1)}%` : 'n/a (calls failed)';
    lines.push(
      `| ${r.label} | ${r.ok} / ${n} | ${r.stats.limited} | ${failed} | ${(r.spanMs / 1000).toFixed(1)} | ${share} |`,
    );
  }
  const [one, four, sdk] = rows;
  const clean = (r) => r.stats.limited === 0 && r.ok === n;
  lines.push(
    '',
    `Targets: one process at least 95% of the rate (${verdict(one.share >= 0.95)}: ${(one.share * 100).toFixed(1)}%), four processes sharing Redis at least 90% (${verdict(four.share >= 0.9)}: ${(four.share * 100).toFixed(1)}%), and no 429 / 99991400 / 1470450 answer for our client (${verdict(clean(one) && clean(four))}). The official SDK got ${sdk.stats.limited} rate-limit answers and ${n - sdk.ok} failed calls on the same work.`,
  );
  return lines;
}
