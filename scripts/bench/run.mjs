// pnpm bench: every section in sections/ (in file-name order), each side by side with its alternative in the
// same run. `--quick` (or BENCH_QUICK=1) uses small counts so CI can run it every time; it writes
// artifacts/bench-quick.md and leaves BENCHMARKS.md, which keeps the numbers of the last full run.
// `--only name,name` runs some sections.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cliArgs } from '../cli-args.mjs';
import { here, root } from './lib.mjs';

const usage = `usage: pnpm bench [--quick] [--only name,name]

Runs every section in scripts/bench/sections/ and rewrites BENCHMARKS.md (a full run takes minutes).
  --quick        small counts; writes artifacts/bench-quick.md instead of BENCHMARKS.md
  --only a,b     only the sections whose file names contain a or b`;
const values = cliArgs('pnpm bench', usage, { quick: { type: 'boolean' }, only: { type: 'string' } });
const quick = values.quick || process.env.BENCH_QUICK === '1';
const only = values.only?.split(',');
const files = readdirSync(join(here, 'sections'))
  .filter((f) => f.endsWith('.mjs'))
  .sort()
  .filter((f) => !only || only.some((o) => f.includes(o)));

const lines = [
  '# Benchmarks',
  '',
  'Measured by `pnpm bench` (`scripts/bench/run.mjs`, one file per section in `scripts/bench/sections/`); numbers',
  'from the last full run, not edited by hand. `pnpm bench --quick` (run by `.ci/run`) uses small counts and',
  'writes `artifacts/bench-quick.md` instead, so the bench cannot rot.',
  '',
  `- Date: ${new Date().toISOString().slice(0, 10)}; Node ${process.version}; ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  '',
];
for (const file of files) {
  const section = await import(join(here, 'sections', file));
  console.log(`\n== ${section.title}${quick ? ' (quick)' : ''}`);
  const t0 = performance.now();
  const out = await section.run({ quick });
  console.log(`   (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  lines.push(`## ${section.title}`, '', ...out, '');
}
const text = lines.join('\n');
const target = quick ? join(root, 'artifacts/bench-quick.md') : join(root, 'BENCHMARKS.md');
mkdirSync(join(target, '..'), { recursive: true });
writeFileSync(target, text);
console.log(`\n${text}\nwrote ${target}`);
