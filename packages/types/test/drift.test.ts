// Generation policy: src/generated is built from the spec by `generate` (a turbo dependency of build and
// test) and never committed, so it cannot drift from the spec in git. These tests hold that policy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errors, operations, servers } from '../src/index.js';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: pkg, encoding: 'utf8' }).trim();
const inGit = (() => {
  try {
    return git('rev-parse', '--is-inside-work-tree') === 'true';
  } catch {
    return false;
  }
})();

describe('generated code', () => {
  it.skipIf(!inGit)('is never committed: src/generated is ignored by git and tracks no file', () => {
    expect(git('ls-files', 'src/generated')).toBe('');
    expect(git('check-ignore', 'src/generated/openapi.ts')).toBe('src/generated/openapi.ts');
  });

  it('src/generated is exactly what the generator makes from the current spec (no hand edits)', () => {
    const out = mkdtempSync(join(tmpdir(), 'types-gen-'));
    try {
      execFileSync(process.execPath, [join(pkg, 'scripts/generate.mjs'), '--out', out], { stdio: 'pipe' });
      expect(readdirSync(out).sort()).toEqual(readdirSync(join(pkg, 'src/generated')).sort());
      for (const file of readdirSync(out)) {
        const built = readFileSync(join(pkg, 'src/generated', file), 'utf8');
        expect(built, `src/generated/${file} differs: run \`pnpm generate\``).toBe(
          readFileSync(join(out, file), 'utf8'),
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('tables carry the spec facts the client depends on', () => {
    expect(servers).toEqual({ feishu: 'https://open.feishu.cn', lark: 'https://open.larksuite.com' });
    expect(operations.addTasklistMembers.arrayLimits.members).toEqual({ minItems: 1, maxItems: 500 });
    // A task's 50 collaborators cap what the task holds, not a request: no maxItems for a validator to
    // turn into 99992402; the cap and the inferred answer to one request over it are state limits.
    expect(operations.addTaskCollaborators.arrayLimits).toEqual({ id_list: { minItems: 1 } });
    expect(operations.addTaskCollaborators.stateLimits).toEqual({
      collaboratorsPerTask: {
        resource: 'task',
        field: 'id_list',
        max: 50,
        code: 1470429,
        source: 'page',
        oneRequestOverMax: { code: 1470429, source: 'unsourced' },
      },
    });
    expect(operations.addTasklistMembers.stateLimits).toEqual({});
    expect(operations.addTasklistMembers.requestRules).toEqual({
      memberWithoutId: { field: 'members', itemWithout: 'id', code: 1470400, source: 'unsourced' },
    });
    expect(operations.addTaskCollaborators.retry).toEqual({ idempotent: false, replayedSuccessCodes: [1470431] });
    expect(operations.removeTaskCollaborator.retry).toEqual({ idempotent: false, replayedSuccessCodes: [1470700] });
    expect(operations.addTasklistMembers.retry).toEqual({ idempotent: true, replayedSuccessCodes: [] });
    expect(operations.getTenantAccessToken.retry).toEqual({ idempotent: true, replayedSuccessCodes: [] });
    const members = operations.addTasklistMembers.input.body.props.members;
    expect(members).toMatchObject({ t: 'a', min: 1, max: 500 });
    // A member's id is optional, as on the page: the input rules require no key (the request rule answers 1470400).
    expect(members.items).toMatchObject({ t: 'o' });
    expect(members.items).not.toHaveProperty('req');
    expect(members.items).not.toHaveProperty('closed'); // the spec accepts and ignores unknown fields
    expect(members.items.props.role).toEqual({ t: 's', enum: ['editor', 'viewer'], max: 20 });
    expect(members.items.props.id).toEqual({ t: 's', min: 1, max: 100 });
    expect(operations.addTasklistMembers.input.query.user_id_type.enum).toEqual(['open_id', 'union_id', 'user_id']);
    expect(operations.removeTaskCollaborator.input.req).toEqual(['path.task_id', 'path.collaborator_id']);
    expect(operations.addTasklistMembers.input.req).toEqual(['path.tasklist_guid', 'body']);
    expect(errors.addTaskCollaborators[1470404]).toMatchObject({
      status: 400,
      name: 'TaskUpdateRefused',
      kind: 'permission',
    });
    expect(errors.addTasklistMembers[1470404]).toMatchObject({
      status: 404,
      name: 'TasklistNotFound',
      kind: 'not_found',
    });
    expect(errors.addTaskCollaborators[1470450].status).toBe(429);
    expect(errors.removeTaskCollaborator[1470450].status).toBe(400);
    expect(errors.addTaskCollaborators[1470403].status).toBe(401);
    expect(errors.removeTaskCollaborator[1470403].status).toBe(403);
  });
});
