// The committed src/generated/ must be exactly what the generator makes from the current spec.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errors, operations, servers } from '../src/index.js';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The build graph regenerates src/generated before the tests run, so the working copy cannot show drift:
// compare with what is committed (the working copy only outside a git checkout, e.g. an unpacked tarball).
function committed(file: string): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: pkg, encoding: 'utf8' }).trim();
    const rel = join(pkg, 'src/generated', file).slice(top.length + 1);
    return execFileSync('git', ['show', `HEAD:${rel}`], { cwd: top, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return readFileSync(join(pkg, 'src/generated', file), 'utf8');
  }
}

describe('generated code', () => {
  it('the committed src/generated has not drifted from the spec (run `pnpm generate` and commit)', () => {
    const out = mkdtempSync(join(tmpdir(), 'types-gen-'));
    try {
      execFileSync(process.execPath, [join(pkg, 'scripts/generate.mjs'), '--out', out], { stdio: 'pipe' });
      expect(readdirSync(out).sort()).toEqual(readdirSync(join(pkg, 'src/generated')).sort());
      for (const file of readdirSync(out)) {
        expect(committed(file), `src/generated/${file} is stale`).toBe(readFileSync(join(out, file), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('tables carry the spec facts the client depends on', () => {
    expect(servers).toEqual({ feishu: 'https://open.feishu.cn', lark: 'https://open.larksuite.com' });
    expect(operations.addTasklistMembers.arrayLimits.members).toEqual({ minItems: 1, maxItems: 500 });
    expect(errors.addTaskCollaborators[1470404]).toMatchObject({ status: 400, name: 'TaskUpdateRefused', kind: 'permission' });
    expect(errors.addTasklistMembers[1470404]).toMatchObject({ status: 404, name: 'TasklistNotFound', kind: 'not_found' });
    expect(errors.addTaskCollaborators[1470450].status).toBe(429);
    expect(errors.removeTaskCollaborator[1470450].status).toBe(400);
    expect(errors.addTaskCollaborators[1470403].status).toBe(401);
    expect(errors.removeTaskCollaborator[1470403].status).toBe(403);
  });
});
