// The breaking-change gate (scripts/breaking-gate.mjs) on temporary copies of the repository: each
// breaking mutation needs a major changeset for @feishu-task/openapi and every published package built
// from it; an added optional field and a known value of an open enum are minor; a failing run says so.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without types
import { checkGate, pendingBumps, specPackages } from '../scripts/breaking-gate.mjs';
// @ts-expect-error: plain ESM script without types
import { renderChangelog } from '../scripts/changelog.mjs';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(specDir, '..');
const PUBLISHED = [
  '@feishu-task/client',
  '@feishu-task/conformance',
  '@feishu-task/emulator',
  '@feishu-task/mock',
  '@feishu-task/openapi',
  '@feishu-task/platform',
  '@feishu-task/types',
];

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'spec-gate-test-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the repository's parts the gate reads, with its baseline made from the unmutated spec. */
function copy(
  name: string,
  edit?: { file: string; from: string | RegExp; to: string },
  changesets: Record<string, string> = {},
) {
  const dir = join(scratch, name);
  for (const f of ['redocly.yaml', 'pnpm-workspace.yaml']) cpSync(join(root, f), join(dir, f));
  for (const part of ['openapi.yaml', 'package.json', 'paths', 'components', 'plugins', 'extensions'])
    cpSync(join(specDir, part), join(dir, 'spec', part), { recursive: true });
  symlinkSync(join(specDir, 'node_modules'), join(dir, 'spec/node_modules'), 'dir');
  for (const pkg of readdirSync(join(root, 'packages'))) {
    mkdirSync(join(dir, 'packages', pkg), { recursive: true });
    cpSync(join(root, 'packages', pkg, 'package.json'), join(dir, 'packages', pkg, 'package.json'));
  }
  mkdirSync(join(dir, '.changeset'));
  for (const [file, text] of Object.entries(changesets)) writeFileSync(join(dir, '.changeset', file), text);
  // The unmutated spec's bundle is the baseline (dist/ is built from the same source before the tests).
  mkdirSync(join(dir, 'spec/baseline'));
  cpSync(join(specDir, 'dist/openapi.yaml'), join(dir, 'spec/baseline/openapi.yaml'));
  if (edit) {
    const target = join(dir, 'spec', edit.file);
    const before = readFileSync(target, 'utf8');
    const after = before.replace(edit.from, edit.to);
    expect(after, `the mutation of ${edit.file} changed nothing`).not.toBe(before);
    writeFileSync(target, after);
  }
  return dir;
}

const changeset = (bump: string, names = PUBLISHED) =>
  `---\n${names.map((n) => `"${n}": ${bump}`).join('\n')}\n---\n\nA change.\n`;

// The gate on source edits, as a maintainer makes them: the issue's cases the old, generic diff missed
// (a closed open enum, a changed default, a flipped retry flag, a lowered quota) and the usual ones. Each
// rule alone is held to a mutation in spec-diff-rules.test.ts.
const BREAKING = {
  'a removed response field': {
    file: 'components/schemas/Tasklist.yaml',
    from: /\n {2}url:\n {4}type: string\n(?: {4}.*\n| {6}.*\n| {8}.*\n)*/,
    to: '\n',
  },
  'a narrowed request enum': {
    file: 'components/schemas/MemberInput.yaml',
    from: '      - chat\n      - app\n    default: user',
    to: '      - chat\n    default: user',
  },
  'a changed error status': { file: 'paths/task-v1-collaborator.yaml', from: "    '404':\n", to: "    '410':\n" },
  'a lowered maxItems': { file: 'paths/task-v2-tasklist-add-members.yaml', from: 'maxItems: 500', to: 'maxItems: 400' },
  'a closed open response enum': {
    file: 'components/schemas/Member.yaml',
    from: /( {10}- creator\n) {6}- type: string\n/,
    to: '$1',
  },
  'a changed parameter default': {
    file: 'components/schemas/UserIdType.yaml',
    from: 'default: open_id',
    to: 'default: user_id',
  },
  'a flipped x-feishu-retry.idempotent': {
    file: 'paths/task-v2-tasklist-add-members.yaml',
    from: '  x-feishu-retry:\n    idempotent: true',
    to: '  x-feishu-retry:\n    idempotent: false',
  },
  'a lowered quota': {
    file: 'paths/task-v1-collaborators.yaml',
    from: '    per_minute: 100\n',
    to: '    per_minute: 50\n',
  },
};

const OPTIONAL_FIELD = {
  file: 'components/schemas/Tasklist.yaml',
  from: '  archive_msec:\n',
  to: '  color:\n    type: string\n    description: A colour.\n    x-i18n:\n      zh:\n        description: 颜色。\n  archive_msec:\n',
};

describe('the breaking-change gate', () => {
  it('finds the published packages built from the spec (directly or through another)', () => {
    expect(specPackages(root)).toEqual(PUBLISHED);
  });

  it('passes an unchanged spec with no changeset', () => {
    expect(checkGate(copy('unchanged'))).toMatchObject({ ok: true, bump: 'none' });
  });

  for (const [what, edit] of Object.entries(BREAKING)) {
    it(`${what} is major and fails with only minor changesets`, () => {
      const result = checkGate(copy(`${what}-minor`, edit, { 'minor.md': changeset('minor') }));
      expect(result.bump).toBe('major');
      expect(result.ok).toBe(false);
      expect(result.missing.map((m: { name: string }) => m.name)).toEqual(PUBLISHED);
    });
  }

  it('a major change passes with a major changeset for every package built from the spec', () => {
    expect(
      checkGate(copy('major', BREAKING['a closed open response enum'], { 'major.md': changeset('major') })),
    ).toMatchObject({ ok: true, bump: 'major' });
  });

  it('a major changeset for the spec alone is not enough', () => {
    const result = checkGate(
      copy('spec-only', BREAKING['a lowered maxItems'], { 'major.md': changeset('major', ['@feishu-task/openapi']) }),
    );
    expect(result.ok).toBe(false);
    expect(result.missing.map((m: { name: string }) => m.name)).toEqual(
      PUBLISHED.filter((n) => n !== '@feishu-task/openapi'),
    );
  });

  it('an added optional field is minor: it passes with minor changesets and fails without any', () => {
    expect(checkGate(copy('optional-minor', OPTIONAL_FIELD, { 'minor.md': changeset('minor') }))).toMatchObject({
      ok: true,
      bump: 'minor',
    });
    expect(checkGate(copy('optional-none', OPTIONAL_FIELD))).toMatchObject({ ok: false, bump: 'minor' });
  });

  it('a known value added to an open response enum is minor, not a false alarm', () => {
    const follower = {
      file: 'components/schemas/Member.yaml',
      from: /( {10}- creator\n)/,
      to: '$1          - follower\n',
    };
    expect(checkGate(copy('follower', follower, { 'minor.md': changeset('minor') }))).toMatchObject({
      ok: true,
      bump: 'minor',
    });
  });

  it('a failing run says only that it fails, with the changes and what is missing', () => {
    const dir = copy('message', BREAKING['a lowered quota'], { 'minor.md': changeset('minor') });
    cpSync(join(specDir, 'scripts'), join(dir, 'spec/scripts'), { recursive: true });
    const run = spawnSync(process.execPath, [join(dir, 'spec/scripts/breaking-gate.mjs')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    const out = run.stdout + run.stderr;
    expect(out).not.toMatch(/covered by the pending changesets/);
    expect(out).toMatch(/^spec gate: the spec's change since the last release is MAJOR:\n/);
    expect(out).toContain(
      'major  rate-limit-lowered  POST /open-apis/task/v1/tasks/{task_id}/collaborators: x-feishu-rate-limit.per_minute: per_minute 100 -> 50',
    );
    expect(out).toContain('@feishu-task/client: needs major, pending changesets give minor');
  });

  it('reads the biggest bump per package from the changesets', () => {
    const dir = join(scratch, 'changesets');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), changeset('minor'));
    writeFileSync(join(dir, 'b.md'), "---\n'@feishu-task/types': major\n---\n\nx\n");
    writeFileSync(join(dir, 'README.md'), '---\n"@feishu-task/mock": major\n---\n');
    expect(pendingBumps(dir)).toMatchObject({ '@feishu-task/types': 'major', '@feishu-task/mock': 'minor' });
  });
});

describe('the released baseline and the version policy', () => {
  it('the committed baseline is the current spec, or the pending changesets cover the difference', () => {
    const result = checkGate(root);
    expect(result.missing).toEqual([]);
  });

  it("info.version is @feishu-task/openapi's version", () => {
    const pkg = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8'));
    expect(/^ {2}version: (.*)$/m.exec(readFileSync(join(specDir, 'openapi.yaml'), 'utf8'))?.[1]).toBe(pkg.version);
    const baseline = readFileSync(join(specDir, 'baseline/openapi.yaml'), 'utf8');
    expect(/^ {2}version: (.*)$/m.exec(baseline)?.[1]).toBe(pkg.version);
  });
});

describe('the changelog (CHANGELOG.md, shipped for the docs)', () => {
  it('is current: released versions under an Unreleased section from the pending changesets', () => {
    expect(
      readFileSync(join(specDir, 'CHANGELOG.md'), 'utf8'),
      'run `pnpm --filter @feishu-task/openapi run changelog`',
    ).toBe(renderChangelog(specDir, join(root, '.changeset')));
  });

  it("keeps released sections and lists only the spec package's pending changes", () => {
    const dir = join(scratch, 'changelog');
    mkdirSync(join(dir, '.changeset'), { recursive: true });
    writeFileSync(
      join(dir, 'CHANGELOG.md'),
      '# @feishu-task/openapi\n\n## Unreleased\n\n- stale\n\n## 0.2.0\n\n- old\n',
    );
    writeFileSync(
      join(dir, '.changeset/a.md'),
      changeset('major', ['@feishu-task/openapi']).replace('A change.', 'Dropped x.'),
    );
    writeFileSync(
      join(dir, '.changeset/b.md'),
      changeset('minor', ['@feishu-task/client']).replace('A change.', 'Client.'),
    );
    expect(renderChangelog(dir, join(dir, '.changeset'))).toBe(
      '# @feishu-task/openapi\n\n## Unreleased\n\n### Major Changes\n\n- Dropped x.\n\n## 0.2.0\n\n- old\n',
    );
  });
});
