// The changelog page's entries: the pending changesets (.changeset/*.md at the workspace root) and the
// CHANGELOG.md of each published package the docs describe. The workspace root is found by walking up
// from @feishu-task/openapi's own package.json to pnpm-workspace.yaml (DOCS_WORKSPACE_ROOT overrides).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
        .map((file) => ({ file, ...parseChangeset(readFileSync(join(dir, file), 'utf8')) }))
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
