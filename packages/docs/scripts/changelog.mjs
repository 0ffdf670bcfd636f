// The changelog page's entries: the pending changesets (.changeset/*.md at the workspace root) and the
// CHANGELOG.md of each published package the docs describe. The workspace root is found by walking up
// from @feishu-task/openapi's own package.json to pnpm-workspace.yaml (DOCS_WORKSPACE_ROOT overrides).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGES = ['@feishu-task/openapi', '@feishu-task/client', '@feishu-task/mock'];

export function workspaceRoot() {
  if (process.env.DOCS_WORKSPACE_ROOT) return process.env.DOCS_WORKSPACE_ROOT;
  let dir = dirname(require.resolve('@feishu-task/openapi/package.json'));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no pnpm-workspace.yaml above @feishu-task/openapi');
    dir = up;
  }
  return dir;
}

/** `---\n"pkg": bump\n---\nbody` -> { packages: [{ name, bump }], body } */
export function parseChangeset(text) {
  const m = /^---\s*\n([\s\S]*?)\n---\s*\n?([\s\S]*)$/.exec(text.trim());
  if (!m) throw new Error('a changeset must start with a --- front matter block');
  const packages = [...m[1].matchAll(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/gm)].map((p) => ({
    name: p[1].trim(),
    bump: p[2],
  }));
  return { packages, body: m[2].trim() };
}

export function changelogEntries(root = workspaceRoot()) {
  const dir = join(root, '.changeset');
  const pending = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
        .sort()
        .map((file) => ({
          file,
          date: addedOn(root, join('.changeset', file)),
          ...parseChangeset(readFileSync(join(dir, file), 'utf8')),
        }))
    : [];
  const released = [];
  for (const name of PACKAGES) {
    let pkgDir;
    try {
      pkgDir = dirname(require.resolve(`${name}/package.json`));
    } catch {
      continue;
    }
    const file = join(pkgDir, 'CHANGELOG.md');
    if (existsSync(file)) released.push({ name, markdown: readFileSync(file, 'utf8') });
  }
  return { pending, released };
}

/** The day a file was added to the repository (git), else its modification day (not committed yet). */
export function addedOn(root, file) {
  try {
    const day = execFileSync('git', ['log', '--diff-filter=A', '--format=%cs', '-1', '--', file], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  } catch {}
  return statSync(join(root, file)).mtime.toISOString().slice(0, 10);
}

/**
 * The spec's released versions from spec/CHANGELOG.md (`## x.y.z` sections, written by `changeset
 * version`), each dated by the day its heading entered the file. Its `## Unreleased` section is rendered
 * from the pending changesets that name @feishu-task/openapi (spec/scripts/changelog.mjs): the page
 * shows those changesets themselves, each with its own date.
 */
export function specReleases(root = workspaceRoot()) {
  const file = join(root, 'spec', 'CHANGELOG.md');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^## (\d+\.\d+\.\d+\S*)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)].map(([, version, body]) => {
    let date = '';
    try {
      date = execFileSync('git', ['log', '--reverse', '--format=%cs', `-S## ${version}`, '--', 'spec/CHANGELOG.md'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .trim()
        .split('\n')[0];
    } catch {}
    return { version, date, markdown: body.trim() };
  });
}
