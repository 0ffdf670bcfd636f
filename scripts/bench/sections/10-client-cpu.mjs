// CPU per call: raw fetch vs our client vs the official SDK, each in a worker thread of its own against
// one local server (another process), taking turns in small blocks so the machine's drift hits all alike.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { here, verdict } from '../lib.mjs';

export const title = 'CPU per call';

const ROWS = [
  ['raw', 'raw `fetch` + `JSON.parse`'],
  ['rawAbortable', 'reference: raw `fetch` with an `AbortSignal` and a 30 s timer per request'],
  ['ours', '@feishu-task/client, defaults (an abortable 30 s timeout per attempt)'],
  ['oursNoTimeout', '@feishu-task/client, `timeoutMs: Infinity` (no per-attempt timeout)'],
  ['sdk', '@larksuiteoapi/node-sdk 1.74.0'],
];

function startClient(impl, base) {
  const worker = new Worker(join(here, 'cpu-worker.mjs'), { workerData: { impl, base } });
  const next = () =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  return {
    ready: next(),
    /** Runs `calls` calls in the worker; resolves with its thread's CPU and the wall time, in µs. */
    run: (calls) => {
      const done = next();
      worker.postMessage(calls);
      return done;
    },
    stop: () => worker.terminate(),
  };
}

export async function run({ quick }) {
  const block = quick ? 100 : 250;
  const blocks = quick ? 3 : Number(process.env.BENCH_BLOCKS ?? 40);
  const warm = quick ? 1 : 4;
  const server = fork(join(here, 'server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((r) => server.once('message', r));
  const clients = ROWS.map(([impl]) => [impl, startClient(impl, `http://127.0.0.1:${port}`)]);
  const total = Object.fromEntries(ROWS.map(([impl]) => [impl, { cpuUs: 0, wallUs: 0 }]));
  try {
    for (const [, c] of clients) await c.ready;
    for (let b = 0; b < warm + blocks; b++) {
      // The order rotates every block, so no client always runs first (or right after another).
      const shift = b % clients.length;
      for (const [impl, c] of [...clients.slice(shift), ...clients.slice(0, shift)]) {
        const r = await c.run(block);
        if (b < warm) continue; // warm-up: JIT, connections
        total[impl].cpuUs += r.cpuUs;
        total[impl].wallUs += r.wallUs;
      }
    }
  } finally {
    for (const [, c] of clients) await c.stop();
    server.kill();
  }
  const calls = block * blocks;
  const per = (impl, key) => total[impl][key] / calls;
  const ratio = (impl) => per(impl, 'cpuUs') / per('raw', 'cpuUs');
  return [
    `Each client runs in a worker thread of its own (own heap, fetch and connection pool) in one process, against the same local HTTP server (another process). The clients take turns, ${block} sequential \`add_members\` calls each per turn, in a rotating order, ${blocks} turns each after a warm-up of ${warm} turn${warm === 1 ? '' : 's'}: ${calls} measured calls per client. CPU is the client thread's own user+system time (\`process.threadCpuUsage\`), so neither the server nor the other clients count against it. Our client runs with \`throttle: false\` (otherwise the quota from the spec's \`x-feishu-rate-limit\` is the bottleneck, by design).`,
    '',
    '| client | CPU per call (µs) | wall per call (µs) | vs raw fetch |',
    '| --- | ---: | ---: | ---: |',
    ...ROWS.map(
      ([impl, label]) =>
        `| ${label} | ${per(impl, 'cpuUs').toFixed(1)} | ${per(impl, 'wallUs').toFixed(1)} | ${ratio(impl).toFixed(3)}x |`,
    ),
    '',
    `Targets: at most the official SDK's (${verdict(ratio('ours') <= ratio('sdk'))}), at most 1.05x raw fetch: with the defaults ${verdict(ratio('ours') <= 1.05)} (${ratio('ours').toFixed(3)}x), with \`timeoutMs: Infinity\` ${verdict(ratio('oursNoTimeout') <= 1.05)} (${ratio('oursNoTimeout').toFixed(3)}x). The reference row is the floor of any client whose per-attempt timeout can abort the request: Node's fetch does abort bookkeeping for every request it is given a signal for.`,
  ];
}
