// pnpm version-packages (maintainers): apply the pending changesets (versions and changelogs), then set the
// spec's info.version, record the released spec as the breaking-change gate's baseline and rewrite
// spec/CHANGELOG.md. Commit the result as "Version Packages".
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliArgs } from './cli-args.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
cliArgs(
  'pnpm version-packages',
  `usage: pnpm version-packages

Runs changeset version, then spec/scripts/update-baseline.mjs and spec/scripts/changelog.mjs.
It consumes the pending changesets: run it only to cut a release.`,
  {},
);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
try {
  run(join(root, 'node_modules/.bin/changeset'), ['version']);
  run(process.execPath, [join(root, 'spec/scripts/update-baseline.mjs')]);
  run(process.execPath, [join(root, 'spec/scripts/changelog.mjs')]);
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status || 1 : 1);
}
