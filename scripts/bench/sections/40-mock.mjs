// The mock (@feishu-task/mock: Prism behind the front server): start time and throughput.
import { startMock } from '@feishu-task/mock';
import { median } from '../lib.mjs';

export const title = 'Mock (@feishu-task/mock: Prism behind the front server)';

export async function run({ quick }) {
  const starts = [];
  const total = quick ? 300 : 3000;
  let rps = 0;
  const runs = quick ? 1 : 3;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const mock = await startMock({ port: 0 });
    starts.push(performance.now() - t0);
    try {
      if (i === runs - 1) {
        const url = `${mock.url}/open-apis/task/v2/tasklists/g/add_members`;
        const init = {
          method: 'POST',
          headers: { authorization: 'Bearer t-x', 'content-type': 'application/json' },
          body: '{"members":[{"id":"ou_1"}]}',
        };
        let sent = 0;
        const worker = async () => {
          while (sent < total) {
            sent++;
            await (await fetch(url, init)).arrayBuffer();
          }
        };
        for (let w = 0; w < 50; w++) await (await fetch(url, init)).arrayBuffer();
        const t1 = performance.now();
        await Promise.all(Array.from({ length: 16 }, worker));
        rps = total / ((performance.now() - t1) / 1000);
      }
    } finally {
      await mock.close();
    }
  }
  return [
    `- Start time, \`startMock()\` until it answers: median ${median(starts).toFixed(0)} ms (runs: ${starts.map((s) => s.toFixed(0)).join(', ')} ms)`,
    `- Throughput: ${rps.toFixed(0)} requests/s (${total} valid \`add_members\` requests, 16 concurrent, keep-alive, from this process)`,
  ];
}
