// `redocly lint` is clean on the spec, and the project's own rules fail a spec that regresses.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = resolve(specDir, '../redocly.yaml');
const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

type Problem = { ruleId: string; severity: string; message: string };
function lint(dir: string): { totals: { errors: number; warnings: number }; problems: Problem[] } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [cli, 'lint', 'openapi.yaml', '--config', config, '--format=json'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  } catch (e: any) {
    out = e.stdout;
  }
  return JSON.parse(out.slice(out.indexOf('{')));
}

function mutated(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'spec-lint-'));
  cpSync(specDir, dir, { recursive: true, filter: (src) => !/node_modules|dist/.test(src) });
  const target = join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = edit(before);
  expect(after, 'the mutation changed nothing').not.toBe(before);
  writeFileSync(target, after);
  try {
    return lint(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ruleIds = (r: ReturnType<typeof lint>) => r.problems.map((p) => p.ruleId);

describe('redocly lint', () => {
  it('passes with zero errors and zero warnings', () => {
    const result = lint(specDir);
    expect(result.problems).toEqual([]);
    expect(result.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('fails when a Task operation loses its rate limit', () => {
    const r = mutated('paths/task-v1-collaborators.yaml', (t) =>
      t.replace(/ {2}x-feishu-rate-limit:\n {4}per_minute: 100\n {4}x-source:\n(?: {6}.*\n)+/, ''),
    );
    expect(ruleIds(r)).toContain('rule/task-operation-has-rate-limit');
  });

  it('fails when a Task operation loses its scopes', () => {
    const r = mutated('paths/task-v2-tasklist-add-members.yaml', (t) =>
      t.replace(/ {2}x-feishu-scopes:\n {4}- task:tasklist:write\n/, ''),
    );
    expect(ruleIds(r)).toContain('rule/task-operation-has-scopes');
  });

  it('fails when an error response has no example', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace(/ {10}examples:\n {12}CollaboratorNotFound:[\s\S]*?msg: task collaborator not found\n/, ''),
    );
    expect(ruleIds(r)).toContain('rule/error-response-has-examples');
  });

  it('fails when an error example loses its x-feishu-error', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace(
        / {14}x-feishu-error:\n {16}code: 1470700\n[\s\S]*?zh: 执行者ID无法找到，请检查执行者 ID 的有效性\n/,
        '',
      ),
    );
    expect(ruleIds(r)).toContain('rule/error-example-has-code');
  });

  it('fails when an example does not match its schema', () => {
    const r = mutated('paths/task-v2-tasklist-add-members.yaml', (t) =>
      t.replace('role: editor\n          chatAndApp', 'role: owner\n          chatAndApp'),
    );
    expect(ruleIds(r)).toContain('no-invalid-media-type-examples');
  });

  it('fails when an English text holds Chinese (feishu/bilingual-text)', () => {
    const r = mutated('components/schemas/Tasklist.yaml', (t) =>
      t.replace("description: The tasklist's name.", "description: The tasklist's name. 清单名。"),
    );
    expect(ruleIds(r)).toContain('feishu/bilingual-text');
  });

  it('fails when a text has no Chinese version (feishu/bilingual-text)', () => {
    const r = mutated('components/headers.yaml', (t) =>
      t.replace(/ {2}x-i18n:\n {4}zh:\n {6}description: 触发限流的窗口内允许的请求数。\n/, ''),
    );
    expect(ruleIds(r)).toContain('feishu/bilingual-text');
  });

  it('fails when an error advice is English in its zh half (feishu/bilingual-text)', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace('zh: 执行者ID无法找到，请检查执行者 ID 的有效性\n', 'zh: The collaborator ID could not be found.\n'),
    );
    expect(ruleIds(r)).toContain('feishu/bilingual-text');
  });

  it('fails when an enum note has no Chinese version (feishu/bilingual-text)', () => {
    const r = mutated('components/schemas/MemberInput.yaml', (t) =>
      t.replace('          viewer: 可阅读。\n    enum:', '    enum:'),
    );
    expect(ruleIds(r)).toContain('feishu/bilingual-text');
  });

  it('fails when x-feishu-retry changes shape (feishu/extension-shapes)', () => {
    const r = mutated('paths/task-v2-tasklist-add-members.yaml', (t) =>
      t.replace('    idempotent: true\n    replayedSuccessCodes: []\n', '    idempotent: yes\n'),
    );
    expect(r.problems.filter((p) => p.ruleId === 'feishu/extension-shapes').map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/x-feishu-retry/)]),
    );
  });

  it('fails when x-feishu-rate-limit goes back to {documented: false} (feishu/extension-shapes)', () => {
    const r = mutated('paths/auth-v3-tenant-access-token-internal.yaml', (t) =>
      t.replace(/ {2}x-feishu-rate-limit:\n(?: {4}.*\n)+/, '  x-feishu-rate-limit:\n    documented: false\n'),
    );
    expect(ruleIds(r)).toContain('feishu/extension-shapes');
  });

  it('fails when x-feishu-field-scopes is a map again (feishu/extension-shapes)', () => {
    const r = mutated('components/parameters.yaml', (t) =>
      t.replace(
        / {2}x-feishu-field-scopes:\n(?: {4}.*\n)+/,
        '  x-feishu-field-scopes:\n    user_id:\n      - contact:user.employee_id:readonly\n',
      ),
    );
    expect(ruleIds(r)).toContain('feishu/extension-shapes');
  });

  it('fails on an x-feishu-* extension with no JSON Schema (feishu/extension-shapes)', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace('  x-feishu-app-types:\n', '  x-feishu-undocumented: true\n  x-feishu-app-types:\n'),
    );
    expect(r.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/x-feishu-undocumented has no JSON Schema/),
    );
  });

  it('fails when an error names a one-at-a-time parameter its path does not have (feishu/concurrent-per-path-parameter)', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace('concurrent:\n                  per: task_id\n', 'concurrent:\n                  per: task_guid\n'),
    );
    expect(r.problems.filter((p) => p.ruleId === 'feishu/concurrent-per-path-parameter').map((p) => p.message)).toEqual(
      [
        'x-feishu-error.concurrent.per is "task_guid", not a path parameter of /open-apis/task/v1/tasks/{task_id}/collaborators/{collaborator_id} (task_id, collaborator_id).',
      ],
    );
  });

  it('fails when x-feishu-error.concurrent is not {per, x-source?} (feishu/extension-shapes)', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace('concurrent:\n                  per: task_id\n', 'concurrent: task_id\n'),
    );
    expect(r.problems.filter((p) => p.ruleId === 'feishu/extension-shapes').map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/x-feishu-error\/concurrent must be object/)]),
    );
  });

  it('fails when an x-source of kind page has no url (feishu/extension-shapes)', () => {
    const r = mutated('components/schemas/Member.yaml', (t) =>
      t.replace(
        '  kind: page\n  url: https://open.feishu.cn/document/task-v2/tasklist/add_members\n',
        '  kind: page\n',
      ),
    );
    expect(ruleIds(r)).toContain('feishu/extension-shapes');
  });

  it('fails when an operation loses x-feishu-retry', () => {
    const r = mutated('paths/task-v1-collaborator.yaml', (t) =>
      t.replace(
        / {2}x-feishu-retry:\n {4}idempotent: false\n {4}replayedSuccessCodes:\n {6}- 1470700\n(?: {4,}.*\n)+/,
        '',
      ),
    );
    expect(ruleIds(r)).toContain('rule/operation-has-retry-safety');
  });

  it('fails when an error example loses its x-source', () => {
    const r = mutated('paths/auth-v3-tenant-access-token-internal.yaml', (t) =>
      t.replace('              x-source: *observed\n', ''),
    );
    expect(ruleIds(r)).toContain('rule/error-example-has-code');
  });

  it('fails when a Chinese text carries an English sentence (feishu/bilingual-text)', () => {
    const r = mutated('components/schemas/Tasklist.yaml', (t) =>
      t.replace('description: 清单名。', 'description: 清单名。The name of the tasklist as shown.'),
    );
    expect(r.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/holds an English sentence/));
  });

  it('fails when two Chinese sentences run together across a line break (feishu/bilingual-text)', () => {
    // The advice text as it was: no 。 before the added sentence.
    const r = mutated('paths/task-v1-collaborators.yaml', (t) => t.replace('不能重复添加。\n', '不能重复添加\n'));
    expect(r.problems.map((p) => `${p.ruleId} ${p.message}`)).toContainEqual(
      expect.stringMatching(/^feishu\/bilingual-text .*"加 若" runs them together/),
    );
  });
});
