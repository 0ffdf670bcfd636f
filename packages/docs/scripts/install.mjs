// The install lines the docs and the packages' READMEs show, computed from the workspace itself (never
// retyped): which packages are published (not `private`), which of them each one depends on, the pnpm
// the repository pins and the repository's address. Until the packages are on the npm registry, a
// reader packs them from a clone (`pnpm pack`, one unversioned tarball per package in PACKS) and
// installs the tarballs of a package and of every workspace package it depends on: npm satisfies the
// dependency from the tarball installed beside it. test/install.test.ts runs these lines as written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './changelog.mjs';

/** Where the pack command writes the tarballs (the shell expands `~`). */
export const PACKS = '~/feishu-task-packs';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every package of the workspace: { name, dir, private, dependencies, bin }. */
export function workspacePackages(root = workspaceRoot()) {
  const globs = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map((line) => /^\s*-\s*['"]?([^'"#]+?)['"]?\s*$/.exec(line)?.[1])
    .filter((g) => g && !g.includes(':'));
  const dirs = globs.flatMap((g) =>
    g.endsWith('/*') ? readdirSync(join(root, g.slice(0, -2))).map((d) => join(g.slice(0, -2), d)) : [g],
  );
  return dirs
    .filter((d) => existsSync(join(root, d, 'package.json')))
    .map((dir) => {
      const pkg = readJson(join(root, dir, 'package.json'));
      return {
        name: pkg.name,
        dir,
        private: pkg.private === true,
        version: pkg.version,
        dependencies: Object.keys(pkg.dependencies ?? {}),
        bin: pkg.bin,
        repository: pkg.repository,
      };
    });
}

export function installFacts(root = workspaceRoot()) {
  const all = workspacePackages(root);
  const published = all.filter((p) => !p.private);
  const byName = new Map(published.map((p) => [p.name, p]));
  const pnpmVersion = readJson(join(root, 'package.json')).packageManager.replace(/\+.*$/, '');
  const pnpm = `npx -y ${pnpmVersion}`;
  const repo = published
    .map((p) => p.repository?.url)
    .find(Boolean)
    ?.replace(/^git\+/, '');
  const tarball = (name) => `${PACKS}/${name.replace(/^@/, '').replace('/', '-')}.tgz`;
  /** The package and every published workspace package it needs, dependencies first. */
  const closure = (name, seen = new Set()) => {
    const pkg = byName.get(name);
    if (!pkg) throw new Error(`install: ${name} is not a published package of the workspace`);
    for (const dep of pkg.dependencies) if (byName.has(dep) && !seen.has(dep)) closure(dep, seen);
    seen.add(name);
    return [...seen];
  };
  return {
    published: published.map((p) => p.name),
    pnpm,
    repo,
    tarball,
    /** From the repository's root: one tarball per published package, into PACKS. */
    packCommand: `${pnpm} -r ${published.map((p) => `--filter ${p.name}`).join(' ')} pack --out ${PACKS}/%s.tgz`,
    /** What works today: the package's tarball and its workspace dependencies' tarballs. */
    installToday: (name, { dev = false } = {}) => `npm i ${dev ? '-D ' : ''}${closure(name).map(tarball).join(' ')}`,
    /** What will work once the packages are published. */
    installRegistry: (name, { dev = false } = {}) => `npm i ${dev ? '-D ' : ''}${name}`,
  };
}
