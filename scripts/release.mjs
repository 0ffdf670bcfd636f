// pnpm release (maintainers, never in CI): build, run every test, then publish with changesets.
// `--dry-run` builds, tests and packs without publishing.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--help')) {
  console.log(`usage: pnpm release [--dry-run]

Builds every package, runs pnpm test, then changeset publish (npm credentials needed).
--dry-run stops before publishing.`);
  process.exit(0);
}
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
try {
  run(join(root, 'node_modules/.bin/turbo'), ['run', 'build']);
  run(process.execPath, [join(root, 'scripts/test.mjs')]);
  if (!process.argv.includes('--dry-run')) run(join(root, 'node_modules/.bin/changeset'), ['publish']);
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status || 1 : 1);
}
