// Import cost in a fresh process: our client vs the official SDK.
import { median, runWorker, verdict } from '../lib.mjs';

export const title = 'Import (fresh process: `import()` + create a client)';

export async function run({ quick }) {
  const times = quick ? 1 : 7;
  const mems = quick ? 1 : 3;
  const imports = { ours: [], sdk: [] };
  const memory = { ours: [], sdk: [] };
  for (let i = 0; i < times; i++)
    for (const impl of ['ours', 'sdk']) imports[impl].push(runWorker('import-worker.mjs', [impl]));
  for (let i = 0; i < mems; i++)
    for (const impl of ['ours', 'sdk']) memory[impl].push(runWorker('import-worker.mjs', [impl], ['--expose-gc']));
  const imp = (impl, key) => median((key === 'importMs' ? imports : memory)[impl].map((r) => r[key]));
  const ratio = imp('ours', 'importMs') / imp('sdk', 'importMs');
  return [
    `Time: median of ${times}; memory: median of ${mems} runs with \`--expose-gc\`.`,
    '',
    '| package | import (ms) | heap growth (KB) | RSS growth (KB) |',
    '| --- | ---: | ---: | ---: |',
    `| @feishu-task/client | ${imp('ours', 'importMs').toFixed(1)} | ${imp('ours', 'heapKb').toFixed(0)} | ${imp('ours', 'rssKb').toFixed(0)} |`,
    `| @larksuiteoapi/node-sdk | ${imp('sdk', 'importMs').toFixed(1)} | ${imp('sdk', 'heapKb').toFixed(0)} | ${imp('sdk', 'rssKb').toFixed(0)} |`,
    '',
    `Target: import at most a tenth of the official SDK's (${verdict(ratio <= 0.1)}: ${(ratio * 100).toFixed(1)}%).`,
  ];
}
