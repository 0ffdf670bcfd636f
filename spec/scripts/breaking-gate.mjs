// The breaking-change gate: compares the spec with the last released one (baseline/openapi.yaml, written
// by the version command) by the spec's own promises (the rules of `pnpm spec:diff`, @feishu-task/spec-tools
// diffSpecs; table in spec/README.md), and fails when the change needs a bigger release than the pending
// changesets give @feishu-task/openapi and every published package built from it.
//   node spec/scripts/breaking-gate.mjs            (run by scripts/check-changesets.mjs in `pnpm test`)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffSpecs, LEVELS } from '@feishu-task/spec-tools';
import { formatChanges } from './spec-diff.mjs';
import { bundle, loadDescription } from './spec-load.mjs';

export { bundle };

const here = dirname(fileURLToPath(import.meta.url));
export const SPEC_PACKAGE = '@feishu-task/openapi';

/**
 * The release level the change from `baseline` (a bundled file) to the spec at `entry` needs, with the
 * changes that need it (`reasons`, one line each) and every change found.
 */
export function specBump({ baseline, entry, config }) {
  const { level, changes } = diffSpecs(loadDescription(baseline, config), loadDescription(entry, config));
  return { bump: level, reasons: formatChanges(changes.filter((c) => c.level === level)), changes };
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The workspace's package folders (the globs of pnpm-workspace.yaml: `dir` or `dir/*`). */
function workspaceDirs(root) {
  const globs = [
    ...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/gm),
  ]
    .map((m) => m[1])
    .filter((g) => !g.includes(':'));
  return globs
    .flatMap((g) =>
      g.endsWith('/*')
        ? readdirSync(join(root, g.slice(0, -2)), { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => join(root, g.slice(0, -2), d.name))
        : [join(root, g)],
    )
    .filter((d) => existsSync(join(d, 'package.json')));
}

/** @feishu-task/openapi and every published package that depends on it, directly or through another. */
export function specPackages(root) {
  const pkgs = workspaceDirs(root).map((d) => readJson(join(d, 'package.json')));
  const deps = (p) => Object.keys({ ...p.dependencies, ...p.devDependencies, ...p.peerDependencies });
  const affected = new Set([SPEC_PACKAGE]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of pkgs)
      if (!p.private && !affected.has(p.name) && deps(p).some((d) => affected.has(d))) {
        affected.add(p.name);
        grew = true;
      }
  }
  return [...affected].sort();
}

/** The biggest bump each package gets from the pending changesets in `dir` (.changeset). */
export function pendingBumps(dir) {
  const bumps = {};
  if (!existsSync(dir)) return bumps;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
    for (const m of front.matchAll(
      /^\s*["']?(@?[^"'\s:]+(?:\/[^"'\s:]+)?)["']?\s*:\s*(major|minor|patch|none)\s*$/gm,
    )) {
      if (LEVELS.indexOf(m[2]) > LEVELS.indexOf(bumps[m[1]] ?? 'none')) bumps[m[1]] = m[2];
    }
  }
  return bumps;
}

/** The gate's verdict for the repository at `root`. */
export function checkGate(root, { specDir = join(root, 'spec') } = {}) {
  const baseline = join(specDir, 'baseline/openapi.yaml');
  if (!existsSync(baseline))
    return { ok: true, bump: 'none', missing: [], reasons: [], note: 'no baseline (nothing released)' };
  const { bump, reasons } = specBump({
    baseline,
    entry: join(specDir, 'openapi.yaml'),
    config: join(root, 'redocly.yaml'),
  });
  const pending = pendingBumps(join(root, '.changeset'));
  const missing = specPackages(root)
    .filter((name) => LEVELS.indexOf(pending[name] ?? 'none') < LEVELS.indexOf(bump))
    .map((name) => ({ name, need: bump, have: pending[name] ?? 'none' }));
  return { ok: missing.length === 0, bump, missing, reasons };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(here, '../..');
  const result = checkGate(root);
  if (result.note) console.log(`spec gate: ${result.note}`);
  else if (result.bump === 'none') console.log('spec gate: the API is unchanged since the last release.');
  else if (result.ok)
    console.log(`spec gate: a ${result.bump} change since the last release, covered by the pending changesets.`);
  else {
    console.error(`spec gate: the spec's change since the last release is ${result.bump.toUpperCase()}:`);
    for (const r of result.reasons.slice(0, 20)) console.error(`  ${r}`);
    if (result.reasons.length > 20) console.error(`  ... and ${result.reasons.length - 20} more (pnpm spec:diff)`);
    console.error('\nIt needs a changeset giving at least that bump to:');
    for (const m of result.missing) console.error(`  - ${m.name}: needs ${m.need}, pending changesets give ${m.have}`);
    console.error('\nRun `pnpm changeset` (or undo the change).');
    process.exit(1);
  }
}
