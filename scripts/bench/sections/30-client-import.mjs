// Import cost in a fresh process: our client vs the official SDK; and until a first call is answered.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { here, median, runWorker, verdict } from '../lib.mjs';

export const title = 'Import (fresh process: `import()` + create a client)';

export async function run({ quick }) {
  const times = quick ? 1 : 7;
  const mems = quick ? 1 : 3;
  const server = fork(join(here, 'server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((r) => server.once('message', r));
  const imports = { ours: [], sdk: [] };
  const memory = { ours: [], sdk: [] };
  try {
    for (let i = 0; i < times; i++)
      for (const impl of ['ours', 'sdk'])
        imports[impl].push(runWorker('import-worker.mjs', [impl, `http://127.0.0.1:${port}`]));
  } finally {
    server.kill();
  }
  for (let i = 0; i < mems; i++)
    for (const impl of ['ours', 'sdk']) memory[impl].push(runWorker('import-worker.mjs', [impl], ['--expose-gc']));
  const imp = (impl, key) => median((key === 'heapKb' || key === 'rssKb' ? memory : imports)[impl].map((r) => r[key]));
  const ratio = imp('ours', 'importMs') / imp('sdk', 'importMs');
  return [
    `Time: median of ${times}; memory: median of ${mems} runs with \`--expose-gc\` (import and create only). "Until the first answer" adds one \`add_members\` call to a local server, so it includes loading the HTTP stack: Node's built-in fetch for ours (loaded on first use), axios and \`node:http\` for the SDK (loaded by its import).`,
    '',
    '| package | import + create (ms) | until the first answer (ms) | heap growth (KB) | RSS growth (KB) |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| @feishu-task/client | ${imp('ours', 'importMs').toFixed(1)} | ${imp('ours', 'firstCallMs').toFixed(1)} | ${imp('ours', 'heapKb').toFixed(0)} | ${imp('ours', 'rssKb').toFixed(0)} |`,
    `| @larksuiteoapi/node-sdk | ${imp('sdk', 'importMs').toFixed(1)} | ${imp('sdk', 'firstCallMs').toFixed(1)} | ${imp('sdk', 'heapKb').toFixed(0)} | ${imp('sdk', 'rssKb').toFixed(0)} |`,
    '',
    `Target: import at most a tenth of the official SDK's (${verdict(ratio <= 0.1)}: ${(ratio * 100).toFixed(1)}%).`,
  ];
}
