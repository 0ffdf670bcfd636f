// changesets: `changeset version` works on the repository as committed, and the changeset check fails
// when a published package changes without a changeset (in a throwaway clone, never in the checkout).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './packages.js';

let clone: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd: clone,
    encoding: 'utf8',
  });
const version = (dir: string) => JSON.parse(readFileSync(join(clone, dir, 'package.json'), 'utf8')).version;
const check = () => {
  try {
    execFileSync(process.execPath, [join(clone, 'scripts/check-changesets.mjs')], {
      cwd: clone,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    return 0;
  } catch (e: any) {
    return e.status as number;
  }
};

beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'feishu-task-changesets-'));
  execFileSync('git', ['clone', '-q', root, clone]);
  // The clone has no node_modules: let its scripts find @changesets/cli in the checkout's, and each
  // workspace package its own links (the spec's gate imports @feishu-task/spec-tools from spec/).
  execFileSync('ln', ['-s', join(root, 'node_modules'), join(clone, 'node_modules')]);
  for (const dir of ['spec', ...readdirSync(join(root, 'packages')).map((d) => `packages/${d}`)])
    if (existsSync(join(root, dir, 'node_modules')) && existsSync(join(clone, dir)))
      execFileSync('ln', ['-s', join(root, dir, 'node_modules'), join(clone, dir, 'node_modules')]);
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('changesets', () => {
  it('every published package has a pending changeset, so the check passes on the repository as committed', () => {
    expect(check()).toBe(0);
  });

  it('the version command bumps the versions, writes changelogs, consumes the changesets and records the spec as released', () => {
    const before = version('packages/client');
    // The repository's own version command (pnpm version-packages): changeset version, then the spec's
    // info.version, baseline and changelog, so the breaking-change gate starts from the released spec.
    execFileSync(process.execPath, [join(clone, 'scripts/version-packages.mjs')], { cwd: clone, stdio: 'pipe' });
    expect(version('packages/client')).not.toBe(before);
    for (const dir of ['spec', 'packages/types', 'packages/client', 'packages/mock']) {
      expect(existsSync(join(clone, dir, 'CHANGELOG.md')), `${dir}/CHANGELOG.md`).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(clone, 'packages/docs/package.json'), 'utf8')).version).toBe('0.1.0');
    git('add', '-A');
    git('commit', '-qm', 'Version Packages');
  });

  it('fails when a published package changes without a changeset, and passes once one is added', () => {
    expect(check()).toBe(0);
    writeFileSync(
      join(clone, 'packages/client/src/redact.ts'),
      `${readFileSync(join(clone, 'packages/client/src/redact.ts'), 'utf8')}\n// a change\n`,
    );
    git('commit', '-qam', 'Change the client');
    expect(check()).toBe(1);
    writeFileSync(join(clone, '.changeset/fix-client.md'), '---\n"@feishu-task/client": patch\n---\n\nA fix.\n');
    git('add', '-A');
    git('commit', '-qm', 'Describe the change');
    expect(check()).toBe(0);
  });
});
