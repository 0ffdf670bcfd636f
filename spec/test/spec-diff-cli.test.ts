// `pnpm spec:diff <old> <new>` (spec/scripts/spec-diff.mjs) on entry files and on bundles: one line per
// change, the level last; a usage error says how to call it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(specDir, 'scripts/spec-diff.mjs');
// As if typed in spec/: pnpm's INIT_CWD (where a `pnpm --filter … test` was typed) must not leak in.
const specDiff = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    cwd: specDir,
    env: { ...process.env, INIT_CWD: specDir },
  });
const lastLine = (out: string) => out.trimEnd().split('\n').at(-1);

// A copy of the source tree with the Task v1 quota lowered.
const copy = mkdtempSync(join(tmpdir(), 'spec-diff-cli-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
cpSync(join(specDir, '../redocly.yaml'), join(copy, 'redocly.yaml'));
for (const part of ['openapi.yaml', 'paths', 'components', 'plugins', 'extensions'])
  cpSync(join(specDir, part), join(copy, 'spec', part), { recursive: true });
symlinkSync(join(specDir, 'node_modules'), join(copy, 'spec/node_modules'), 'dir');
const file = join(copy, 'spec/paths/task-v1-collaborators.yaml');
writeFileSync(file, readFileSync(file, 'utf8').replace('    per_minute: 100\n', '    per_minute: 50\n'));

describe('pnpm spec:diff', () => {
  it('a bundle against its entry file, unchanged: the only line is none', () => {
    const run = specDiff('dist/openapi.yaml', 'openapi.yaml');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('none\n');
  });

  it('a bundle against a changed entry file: the change, then its level', () => {
    const run = specDiff('dist/openapi.json', join(copy, 'spec/openapi.yaml'));
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      'major  rate-limit-lowered  POST /open-apis/task/v1/tasks/{task_id}/collaborators: x-feishu-rate-limit.per_minute: per_minute 100 -> 50',
      'major',
    ]);
  });

  it('YAML and JSON bundles of the same spec: none', () => {
    expect(lastLine(specDiff('dist/openapi.yaml', 'dist/openapi.dereferenced.json').stdout)).toBe('none');
  });

  it('says how to call it when an argument is missing, and names a file it cannot read', () => {
    const usage = specDiff('openapi.yaml');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: pnpm spec:diff <old> <new>/);
    const missing = specDiff('openapi.yaml', 'nope.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file: .*nope\.yaml/);
  });
});
