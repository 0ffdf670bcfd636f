// Fails when a published package changed since the last release without a changeset describing it, or
// when the spec changed since its last release (spec/baseline/openapi.yaml) by more than the pending
// changesets bump @feishu-task/openapi and the published packages built from it (the breaking-change gate,
// spec/scripts/breaking-gate.mjs: a breaking change needs major changesets).
// The last release is the newest "Version Packages" commit (what `changeset version` is committed as),
// else the repository's first commit. `--since REF` overrides.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const flag = process.argv.indexOf('--since');
const since =
  flag > 0
    ? process.argv[flag + 1]
    : git('log', '--format=%H', '--grep=^Version Packages', '-n', '1') ||
      git('rev-list', '--max-parents=0', 'HEAD').split('\n').at(-1);

const require = createRequire(join(process.cwd(), 'package.json'));
const cli = join(dirname(require.resolve('@changesets/cli/package.json')), 'bin.js');
try {
  execFileSync(process.execPath, [cli, 'status', `--since=${since}`], { stdio: 'inherit' });
} catch {
  console.error(
    `\nA published package changed since ${since.slice(0, 12)} without a changeset: run \`pnpm changeset\`.`,
  );
  process.exit(1);
}

try {
  execFileSync(process.execPath, [join(process.cwd(), 'spec/scripts/breaking-gate.mjs')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
