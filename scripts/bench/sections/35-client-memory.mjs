// Memory of redaction: one client, many distinct user tokens (each scrubbed from its own error). Each
// client keeps a bounded list of its own secrets and a call's user token is never stored, so the heap
// must not grow with the number of tokens. (The test suite proves the bounded list with 500 calls.)
import { runWorker } from '../lib.mjs';

export const title = 'Client memory: distinct user tokens through one client';

export async function run({ quick }) {
  const n = quick ? 20_000 : 200_000;
  const { grownKb } = runWorker('memory-worker.mjs', [String(n)], ['--expose-gc']);
  return [
    `${n.toLocaleString('en')} calls through one client, each with its own user token and each failing with an answer that echoes it (so each error is built and scrubbed), after 20,000 warm-up calls; heap after collection (\`--expose-gc\`), one process.`,
    '',
    '| calls with distinct user tokens | heap growth (KB) |',
    '| ---: | ---: |',
    `| ${n.toLocaleString('en')} | ${grownKb.toFixed(0)} |`,
  ];
}
