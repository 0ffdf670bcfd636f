// CPU per call: raw fetch vs our client vs the official SDK, each in a worker thread of its own against
// one local server (another process). Every round starts fresh workers: on this kind of machine one
// worker can run the very same code several percent dearer than another for its whole life, so a
// single long run measures the workers as much as the clients. The "raw fetch again" row shows what
// is left of that noise in the same run.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { here, median, quantile, verdict } from '../lib.mjs';

export const title = 'CPU per call';

const ROWS = [
  ['raw', 'raw', 'raw `fetch` + `JSON.parse`'],
  ['control', 'raw', 'control: raw `fetch` again, in another worker (the noise floor of this method)'],
  ['rawAbortable', 'rawAbortable', 'reference: raw `fetch` with an `AbortSignal` and a 30 s timer per request'],
  ['ours', 'ours', '@feishu-task/client, defaults (an abortable 30 s timeout per attempt)'],
  ['oursNoTimeout', 'oursNoTimeout', '@feishu-task/client, `timeoutMs: Infinity` (no per-attempt timeout)'],
  ['sdk', 'sdk', '@larksuiteoapi/node-sdk 1.74.0'],
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

/** One round: fresh workers, a warm-up, then `turns` turns of `block` calls each, in a rotating order. */
async function round(base, index, { warm, turns, block }) {
  // Started in a rotating order too, so no row is always the first worker of a round.
  const order = ROWS.map((_, i) => ROWS[(i + index) % ROWS.length]);
  const clients = order.map(([row, impl]) => [row, startClient(impl, base)]);
  const total = Object.fromEntries(ROWS.map(([row]) => [row, { cpuUs: 0, wallUs: 0 }]));
  try {
    for (const [, c] of clients) await c.ready;
    for (const [, c] of clients) await c.run(warm); // JIT, connections
    for (let t = 0; t < turns; t++) {
      const shift = (t + index) % clients.length;
      for (const [row, c] of [...clients.slice(shift), ...clients.slice(0, shift)]) {
        const r = await c.run(block);
        total[row].cpuUs += r.cpuUs;
        total[row].wallUs += r.wallUs;
      }
    }
  } finally {
    for (const [, c] of clients) await c.stop();
  }
  return total;
}

export async function run({ quick }) {
  const shape = quick ? { warm: 50, turns: 1, block: 100 } : { warm: 300, turns: 4, block: 250 };
  const rounds = quick ? 2 : Number(process.env.BENCH_ROUNDS ?? 30);
  const server = fork(join(here, 'server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((r) => server.once('message', r));
  const results = [];
  try {
    for (let i = 0; i < rounds; i++) results.push(await round(`http://127.0.0.1:${port}`, i, shape));
  } finally {
    server.kill();
  }
  const calls = shape.turns * shape.block;
  const perCall = (row, key) => median(results.map((r) => r[row][key] / calls));
  const ratios = (row) => results.map((r) => r[row].cpuUs / r.raw.cpuUs);
  const ratio = (row) => median(ratios(row));
  const referenceRatios = results.map((r) => r.ours.cpuUs / r.rawAbortable.cpuUs);
  const vsReference = median(referenceRatios);
  const spread = (row) => `${quantile(ratios(row), 0.25).toFixed(3)}–${quantile(ratios(row), 0.75).toFixed(3)}`;
  return [
    `${rounds} rounds. Each round starts one worker thread per row (own heap, fetch and connection pool) in one process, all against the same local HTTP server (another process); each worker makes ${shape.warm} warm-up calls, then the workers take turns, ${shape.block} sequential \`add_members\` calls per turn in a rotating order, ${shape.turns} turn${shape.turns === 1 ? '' : 's'} each (${calls} measured calls per row and round), and the round's workers end. CPU is the worker thread's own user+system time (\`process.threadCpuUsage\`), so neither the server nor the other clients count against it. A row's ratio is the median over the rounds of its CPU divided by the raw row's CPU in the same round; the spread is the middle half of those ratios (25th–75th percentile). Our client runs with \`throttle: false\` (otherwise the quota from the spec's \`x-feishu-rate-limit\` is the bottleneck, by design).`,
    '',
    '| client | CPU per call (µs, median round) | wall per call (µs) | vs raw fetch (median) | middle half of rounds |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...ROWS.map(
      ([row, , label]) =>
        `| ${label} | ${perCall(row, 'cpuUs').toFixed(1)} | ${perCall(row, 'wallUs').toFixed(1)} | ${ratio(row).toFixed(3)}x | ${row === 'raw' ? '' : spread(row)} |`,
    ),
    '',
    quick
      ? 'Quick mode: too few calls and rounds to judge the targets; `pnpm bench` judges them.'
      : `Targets: at most the official SDK's (${verdict(ratio('ours') <= ratio('sdk'))}); with the defaults at most 1.03x the reference row (raw fetch with an AbortSignal and a timer per request), median over the rounds of the two in the same round: ${verdict(vsReference <= 1.03)} (${vsReference.toFixed(3)}x, middle half ${quantile(referenceRatios, 0.25).toFixed(3)}–${quantile(referenceRatios, 0.75).toFixed(3)}); against raw fetch without a signal, the defaults are ${ratio('ours').toFixed(3)}x and \`timeoutMs: Infinity\` ${ratio('oursNoTimeout').toFixed(3)}x. The reference row is the floor of any client whose per-attempt timeout can abort the request: Node's fetch does abort bookkeeping for every request it is given a signal for. The control row runs the very code of the raw row: how far it sits from 1.000x is how far this run can be trusted.`,
  ];
}
