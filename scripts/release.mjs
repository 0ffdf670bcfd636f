// pnpm release (maintainers, never in CI): build, run every test, then publish with changesets.
// `--dry-run` builds, tests and packs without publishing.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliArgs } from './cli-args.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage = `usage: pnpm release [--dry-run]

Builds every package, runs pnpm test, then changeset publish (npm credentials needed).
  --dry-run   stop before publishing`;
const values = cliArgs('pnpm release', usage, { 'dry-run': { type: 'boolean' } });
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
try {
  run(join(root, 'node_modules/.bin/turbo'), ['run', 'build']);
  run(process.execPath, [join(root, 'scripts/test.mjs')]);
  if (!values['dry-run']) run(join(root, 'node_modules/.bin/changeset'), ['publish']);
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status || 1 : 1);
}
