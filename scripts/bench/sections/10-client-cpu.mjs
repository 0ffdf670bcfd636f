// CPU per call: raw fetch vs our client vs the official SDK, each in a fresh process against one local server.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { here, median, runWorker, verdict } from '../lib.mjs';

export const title = 'CPU per call';

export async function run({ quick }) {
  const calls = quick ? 300 : Number(process.env.BENCH_CALLS ?? 3000);
  const rounds = quick ? 1 : Number(process.env.BENCH_ROUNDS ?? 5);
  const server = fork(join(here, 'server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((r) => server.once('message', r));
  const base = `http://127.0.0.1:${port}`;
  const cpu = { raw: [], ours: [], sdk: [] };
  const wall = { raw: [], ours: [], sdk: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const impl of ['raw', 'ours', 'sdk']) {
        const r = runWorker('cpu-worker.mjs', [impl, base, String(calls)]);
        cpu[impl].push(r.cpuUsPerCall);
        wall[impl].push(r.wallUsPerCall);
        console.log(`   round ${round + 1} ${impl.padEnd(4)} ${r.cpuUsPerCall.toFixed(1)} us CPU/call`);
      }
    }
  } finally {
    server.kill();
  }
  const m = { raw: median(cpu.raw), ours: median(cpu.ours), sdk: median(cpu.sdk) };
  const w = { raw: median(wall.raw), ours: median(wall.ours), sdk: median(wall.sdk) };
  return [
    `Each client runs in its own fresh process against the same local HTTP server (another process), ${calls} sequential \`add_members\` calls after a warm-up of ${Math.min(500, calls)}; median of ${rounds} interleaved rounds. CPU is the client process's user+system time (\`process.cpuUsage\`). Our client runs with \`throttle: false\` (otherwise the quota from the spec's \`x-feishu-rate-limit\` is the bottleneck, by design).`,
    '',
    '| client | CPU per call (µs) | wall per call (µs) | vs raw fetch |',
    '| --- | ---: | ---: | ---: |',
    `| raw \`fetch\` + \`JSON.parse\` | ${m.raw.toFixed(1)} | ${w.raw.toFixed(1)} | 1.00x |`,
    `| @feishu-task/client | ${m.ours.toFixed(1)} | ${w.ours.toFixed(1)} | ${(m.ours / m.raw).toFixed(2)}x |`,
    `| @larksuiteoapi/node-sdk 1.74.0 | ${m.sdk.toFixed(1)} | ${w.sdk.toFixed(1)} | ${(m.sdk / m.raw).toFixed(2)}x |`,
    '',
    `Targets: at most the official SDK's (${verdict(m.ours <= m.sdk)}), at most 1.05x raw fetch (${verdict(m.ours <= 1.05 * m.raw)}: ${(m.ours / m.raw).toFixed(2)}x).`,
    '',
    `Every round (µs CPU per call; this 2-core machine is noisy, hence the median): raw ${cpu.raw.map((x) => x.toFixed(0)).join(', ')}; ours ${cpu.ours.map((x) => x.toFixed(0)).join(', ')}; SDK ${cpu.sdk.map((x) => x.toFixed(0)).join(', ')}.`,
  ];
}
