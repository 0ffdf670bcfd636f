// pnpm bench: our client vs raw fetch vs @larksuiteoapi/node-sdk, against one local HTTP server, in one
// run; plus bundle size, import cost and the mock's start time and throughput. Writes BENCHMARKS.md.
import { execFileSync, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock } from '@feishu-task/mock';
import { bundleSize } from './bundle-size.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const CALLS = Number(process.env.BENCH_CALLS ?? 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Workers are plain child processes (no IPC channel: it slows a process's module loading) that print
// one JSON line.
const runWorker = (file, args, execArgv = []) => {
  const out = execFileSync(process.execPath, [...execArgv, join(here, file), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1));
};

const server = fork(join(here, 'server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const { port } = await new Promise((r) => server.once('message', r));
const base = `http://127.0.0.1:${port}`;

console.log(`CPU per call: ${ROUNDS} rounds x ${CALLS} calls each, interleaved`);
const cpu = { raw: [], ours: [], sdk: [] };
const wall = { raw: [], ours: [], sdk: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const impl of ['raw', 'ours', 'sdk']) {
    const r = runWorker('cpu-worker.mjs', [impl, base, String(CALLS)]);
    cpu[impl].push(r.cpuUsPerCall);
    wall[impl].push(r.wallUsPerCall);
    console.log(`  round ${round + 1} ${impl.padEnd(4)} ${r.cpuUsPerCall.toFixed(1)} us CPU/call`);
  }
}
server.kill();

console.log('bundle sizes');
const size = { ours: await bundleSize('ours'), openapiFetch: await bundleSize('openapiFetch'), sdk: await bundleSize('sdk') };

console.log('import cost: 7 fresh processes each for time, 3 for memory');
const imports = { ours: [], sdk: [] };
const memory = { ours: [], sdk: [] };
for (let i = 0; i < 7; i++) for (const impl of ['ours', 'sdk']) imports[impl].push(runWorker('import-worker.mjs', [impl]));
for (let i = 0; i < 3; i++) for (const impl of ['ours', 'sdk']) memory[impl].push(runWorker('import-worker.mjs', [impl], ['--expose-gc']));
const imp = (impl, key) => median((key === 'importMs' ? imports : memory)[impl].map((r) => r[key]));

console.log('mock: start time (3 starts) and throughput');
const starts = [];
let rps = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const mock = await startMock({ port: 0 });
  starts.push(performance.now() - t0);
  if (i === 2) {
    const url = `${mock.url}/open-apis/task/v2/tasklists/g/add_members`;
    const init = { method: 'POST', headers: { authorization: 'Bearer t-x', 'content-type': 'application/json' }, body: '{"members":[{"id":"ou_1"}]}' };
    const total = 3000;
    let sent = 0;
    const worker = async () => {
      while (sent < total) {
        sent++;
        const res = await fetch(url, init);
        await res.arrayBuffer();
      }
    };
    for (let w = 0; w < 50; w++) await (await fetch(url, init)).arrayBuffer();
    const t1 = performance.now();
    await Promise.all(Array.from({ length: 16 }, worker));
    rps = total / ((performance.now() - t1) / 1000);
  }
  await mock.close();
}

const m = { raw: median(cpu.raw), ours: median(cpu.ours), sdk: median(cpu.sdk) };
const w = { raw: median(wall.raw), ours: median(wall.ours), sdk: median(wall.sdk) };
const kb = (b) => (b / 1024).toFixed(2);
const verdict = (ok) => (ok ? 'met' : '**missed**');
const lines = [
  '# Benchmarks',
  '',
  'Measured by `pnpm bench` (`scripts/bench/run.mjs`); numbers from the last run, not edited by hand.',
  '',
  `- Date: ${new Date().toISOString().slice(0, 10)}; Node ${process.version}; ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  `- Each client runs in its own fresh process against the same local HTTP server (another process), ${CALLS} sequential \`add_members\` calls after a warm-up of ${Math.min(500, CALLS)}; median of ${ROUNDS} interleaved rounds. CPU is the client process's user+system time (\`process.cpuUsage\`). Our client runs with \`throttle: false\` (otherwise the quota from the spec's `x-feishu-rate-limit` is the bottleneck, by design).`,
  '',
  '## CPU per call',
  '',
  '| client | CPU per call (µs) | wall per call (µs) | vs raw fetch |',
  '| --- | ---: | ---: | ---: |',
  `| raw \`fetch\` + \`JSON.parse\` | ${m.raw.toFixed(1)} | ${w.raw.toFixed(1)} | 1.00x |`,
  `| @feishu-task/client | ${m.ours.toFixed(1)} | ${w.ours.toFixed(1)} | ${(m.ours / m.raw).toFixed(2)}x |`,
  `| @larksuiteoapi/node-sdk 1.74.0 | ${m.sdk.toFixed(1)} | ${w.sdk.toFixed(1)} | ${(m.sdk / m.raw).toFixed(2)}x |`,
  '',
  `Targets: at most the official SDK's (${verdict(m.ours <= m.sdk)}), at most 1.15x raw fetch (${verdict(m.ours <= 1.15 * m.raw)}: ${(m.ours / m.raw).toFixed(2)}x).`,
  '',
  `Every round (µs CPU per call; this 2-core machine is noisy, hence the median): raw ${cpu.raw.map((x) => x.toFixed(0)).join(', ')}; ours ${cpu.ours.map((x) => x.toFixed(0)).join(', ')}; SDK ${cpu.sdk.map((x) => x.toFixed(0)).join(', ')}.`,
  '',
  '## One-call app, bundled with esbuild (minified, then gzip -9)',
  '',
  '| app | min (KB) | min+gzip (KB) |',
  '| --- | ---: | ---: |',
  `| @feishu-task/client (platform browser) | ${kb(size.ours.minBytes)} | ${kb(size.ours.gzipBytes)} |`,
  `| reference: bare openapi-fetch, same call, no client features | ${kb(size.openapiFetch.minBytes)} | ${kb(size.openapiFetch.gzipBytes)} |`,
  `| @larksuiteoapi/node-sdk (platform node) | ${kb(size.sdk.minBytes)} | ${kb(size.sdk.gzipBytes)} |`,
  '',
  `Target: at most 6 KB min+gzip (${verdict(size.ours.gzipBytes <= 6 * 1024)}${size.ours.gzipBytes > 6 * 1024 ? `: over by ${kb(size.ours.gzipBytes - 6 * 1024)} KB` : ''}).`,
  ...(size.ours.gzipBytes > 6 * 1024
    ? [
        '',
        `Why: the client is built on openapi-fetch, whose own share is ${kb(size.openapiFetch.gzipBytes)} KB of the budget even for one bare call (\`client.POST\` must be on every client, so it cannot be shaken out). ` +
          `The remaining ${kb(size.ours.gzipBytes - size.openapiFetch.gzipBytes)} KB is the client: token cache and single flight, retries with backoff, throttling, timeouts, redaction, the typed error classes, ` +
          'and the documented-error catalogue generated from the spec (name, kind and advice of every code, which every FeishuApiError carries). The Chinese advice and the documented messages are kept out of the bundle (separate exports of @feishu-task/types).',
      ]
    : []),
  '',
  '## Import (fresh process: `import()` + create a client; time: median of 7, memory: median of 3 runs with `--expose-gc`)',
  '',
  '| package | import (ms) | heap growth (KB) | RSS growth (KB) |',
  '| --- | ---: | ---: | ---: |',
  `| @feishu-task/client | ${imp('ours', 'importMs').toFixed(1)} | ${imp('ours', 'heapKb').toFixed(0)} | ${imp('ours', 'rssKb').toFixed(0)} |`,
  `| @larksuiteoapi/node-sdk | ${imp('sdk', 'importMs').toFixed(1)} | ${imp('sdk', 'heapKb').toFixed(0)} | ${imp('sdk', 'rssKb').toFixed(0)} |`,
  '',
  `Target: import at most a quarter of the official SDK's (${verdict(imp('ours', 'importMs') <= imp('sdk', 'importMs') / 4)}: ${((imp('ours', 'importMs') / imp('sdk', 'importMs')) * 100).toFixed(1)}%).`,
  '',
  '## Mock (@feishu-task/mock: Prism 5.16 behind the front server)',
  '',
  `- Start time, \`startMock()\` until it answers: median ${median(starts).toFixed(0)} ms (runs: ${starts.map((s) => s.toFixed(0)).join(', ')} ms)`,
  `- Throughput: ${rps.toFixed(0)} requests/s (3000 valid \`add_members\` requests, 16 concurrent, keep-alive, from this process)`,
  '',
];
writeFileSync(join(root, 'BENCHMARKS.md'), lines.join('\n'));
console.log(lines.join('\n'));
