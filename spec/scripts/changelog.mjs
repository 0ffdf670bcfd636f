// Writes spec/CHANGELOG.md: the released versions (sections `## x.y.z`, written by `changeset version`)
// under an `## Unreleased` section rendered from the pending changesets that name @feishu-task/openapi.
// Run by the version command after `changeset version`, and after adding a changeset for the spec:
//   pnpm --filter @feishu-task/openapi run changelog        (`--check` only says whether it is current)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const NAME = '@feishu-task/openapi';
const TITLES = { major: 'Major Changes', minor: 'Minor Changes', patch: 'Patch Changes' };

/** The CHANGELOG.md text for the spec package at `specDir`, with the changesets of `changesetDir`. */
export function renderChangelog(specDir, changesetDir) {
  const file = join(specDir, 'CHANGELOG.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const firstRelease = current.search(/^#{1,6}\s+\d+\.\d+/m);
  const released = firstRelease >= 0 ? current.slice(firstRelease).trimEnd() : '';
  const pending = { major: [], minor: [], patch: [] };
  const files = existsSync(changesetDir) ? readdirSync(changesetDir).sort() : [];
  for (const f of files.filter((x) => x.endsWith('.md') && x !== 'README.md')) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(readFileSync(join(changesetDir, f), 'utf8'));
    const bump = m && new RegExp(`^\\s*["']?${NAME}["']?\\s*:\\s*(major|minor|patch)\\s*$`, 'm').exec(m[1])?.[1];
    if (bump) pending[bump].push(m[2].trim().replace(/\n/g, '\n  '));
  }
  const unreleased = Object.entries(pending)
    .filter(([, lines]) => lines.length)
    .map(([bump, lines]) => `### ${TITLES[bump]}\n\n${lines.map((l) => `- ${l}`).join('\n')}`);
  return [`# ${NAME}`, unreleased.length ? `## Unreleased\n\n${unreleased.join('\n\n')}` : '', released]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const specDir = resolve(here, '..');
  const text = renderChangelog(specDir, resolve(specDir, '../.changeset'));
  const file = join(specDir, 'CHANGELOG.md');
  if (process.argv.includes('--check')) {
    const same = existsSync(file) && readFileSync(file, 'utf8') === text;
    if (!same)
      console.error('spec/CHANGELOG.md is not current: run `pnpm --filter @feishu-task/openapi run changelog`.');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
