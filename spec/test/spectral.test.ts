// Spectral's `oas` ruleset, unchanged (.spectral.yaml), finds nothing in the bundled files; and it does
// find the problem it used to report (scope names on a bearer requirement), so the check can fail.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@stoplight/spectral-cli/package.json')), 'dist/index.js');
const ruleset = join(specDir, '.spectral.yaml');

type Finding = { code: string; severity: number; message: string; path: string[] };
function spectral(...files: string[]): Finding[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [cli, 'lint', ...files, '--ruleset', ruleset, '-f', 'json', '--quiet'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e: any) {
    out = e.stdout;
  }
  return JSON.parse(out.slice(out.indexOf('[')));
}

describe('spectral (oas ruleset)', () => {
  it('the ruleset is the plain oas one, nothing disabled', () => {
    const text = readFileSync(ruleset, 'utf8').replace(/#.*$/gm, '');
    expect(text.trim()).toBe('extends:\n  - spectral:oas');
  });

  it('finds zero errors and zero warnings in dist/openapi.yaml and dist/openapi.json', () => {
    const findings = spectral(join(specDir, 'dist/openapi.yaml'), join(specDir, 'dist/openapi.json'));
    expect(findings.map((f) => `${f.code} ${f.path.join('.')}: ${f.message}`)).toEqual([]);
  });

  it('fails a spec that names scopes on a bearer requirement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-spectral-'));
    try {
      const spec = JSON.parse(readFileSync(join(specDir, 'dist/openapi.json'), 'utf8'));
      const op = spec.paths['/open-apis/task/v2/tasklists/{tasklist_guid}/add_members'].post;
      op.security = [{ tenant_access_token: op['x-feishu-scopes'] }];
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
      const findings = spectral(join(dir, 'openapi.json'));
      expect(findings.map((f) => f.code)).toContain('oas3-operation-security-defined');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
