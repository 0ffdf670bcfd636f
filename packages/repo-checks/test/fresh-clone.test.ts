// A fresh clone with no folder beside it (no ../shared/seeds) passes its spec tests: the facts of the
// official pages come from the committed fixture, and the test that re-reads the pages says it skipped.
// It clones what is committed (HEAD), as a newcomer would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pnpm, repoRoot } from './repo.js';

const parent = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
const clone = join(parent, 'repo');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe.skipIf(!repoRoot)('a fresh clone in an empty folder', () => {
  it('has nothing beside it', () => {
    execFileSync('git', ['clone', '--quiet', repoRoot ?? '', clone]);
    expect(readdirSync(parent)).toEqual(['repo']);
    expect(existsSync(join(dirname(clone), 'shared'))).toBe(false);
  });

  it('installs and passes the spec tests, saying that the page comparison was skipped', () => {
    const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
    delete env.FEISHU_SEEDS_DIR;
    const install = pnpm(['install', '--frozen-lockfile', '--prefer-offline'], clone, 300_000, env);
    expect(install.status, install.output.slice(-3000)).toBe(0);
    const test = pnpm(['exec', 'turbo', 'run', 'test', '--filter=@feishu-task/openapi'], clone, 300_000, env);
    expect(test.status, test.output.slice(-3000)).toBe(0);
    expect(test.output).toContain('[seed-pages] SKIPPED');
    expect(test.output).toMatch(/Tests\s+.*\d+ passed/);
  });
});
