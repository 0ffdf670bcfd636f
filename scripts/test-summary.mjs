// Sums vitest's per-package "Tests N passed | M failed | K skipped" lines from a test log into one
// plain closing line, "N passed, M failed" (with ", K skipped" when any were skipped).
import { readFileSync } from 'node:fs';

const log = readFileSync(process.argv[2], 'utf8').replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
const total = { passed: 0, failed: 0, skipped: 0 };
let files = 0;
for (const line of log.split('\n')) {
  const m = /\bTests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (!m) continue;
  files++;
  for (const [, n, kind] of m[1].matchAll(/(\d+) (passed|failed|skipped)/g)) total[kind] += Number(n);
}
if (files === 0) {
  console.log('0 passed, 1 failed');
  console.error('no test summary found in the log: no test ran');
  process.exit(1);
}
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
