// pnpm test: every test of the repository. System packages first (apt, when missing and allowed), then the
// changeset check, the formatter and linter, and every package's tests through turbo.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--help')) {
  console.log(`usage: pnpm test [-- turbo options]

Runs, in order: scripts/system-deps.mjs (installs chromium, fonts-wqy-microhei, redis-server with apt-get
when missing), scripts/check-changesets.mjs, biome check ., then turbo run test (every package).
Extra arguments go to turbo, e.g. pnpm test --filter=@feishu-task/client.`);
  process.exit(0);
}
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const bin = (name) => join(root, 'node_modules/.bin', name);
try {
  run(process.execPath, [join(root, 'scripts/system-deps.mjs')]);
  run(process.execPath, [join(root, 'scripts/check-changesets.mjs')]);
  run(bin('biome'), ['check', '.']);
  // --continue: every package's tests run and report, even after one fails.
  run(bin('turbo'), ['run', 'test', '--concurrency=1', '--continue', ...process.argv.slice(2)]);
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status || 1 : 1);
}
