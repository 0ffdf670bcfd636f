// Every command in the README's command table runs as written: the table's last column says how (a quick
// or --help form, run here with the pinned pnpm), or names the CI script that runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pnpm, repoRoot } from './repo.js';

const root = repoRoot ?? '';
const readme = repoRoot ? readFileSync(join(root, 'README.md'), 'utf8') : '';
const rows = readme
  .split('## Commands')[1]
  ?.split('\n')
  .filter((line) => /^\| `pnpm /.test(line))
  .map((line) => {
    const [command, does, check] = line
      .split('|')
      .slice(1, 4)
      .map((c) => c.trim().replace(/^`|`$/g, ''));
    return { command: command ?? '', does: does ?? '', check: check ?? '' };
  });

describe.skipIf(!repoRoot)("the README's commands", () => {
  it('opens with exactly two commands, the main job and the tests, both run by CI or a check below', () => {
    const blocks = [...readme.matchAll(/```sh\n([^`]*)```/g)].map((m) => m[1]?.trim());
    expect(blocks.slice(0, 2)).toEqual([
      'npx -y pnpm@10.34.8 install --frozen-lockfile && npx -y pnpm@10.34.8 start',
      'npx -y pnpm@10.34.8 install --frozen-lockfile && npx -y pnpm@10.34.8 test',
    ]);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toContain('npx -y pnpm@10.34.8 install --frozen-lockfile');
    expect(ci).toContain('npx -y pnpm@10.34.8 test');
  });

  it('has a table of commands, each with a check that runs the command itself', () => {
    expect(rows?.length).toBeGreaterThanOrEqual(10);
    for (const row of rows ?? []) {
      if (row.check === '.ci/run') continue;
      expect(row.check.startsWith(row.command), `${row.command} is checked as ${row.check}`).toBe(true);
    }
  });

  for (const row of rows ?? []) {
    if (row.check === '.ci/run') {
      it(`${row.command}: run by .ci/run as written`, () => {
        expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain(row.command.replace(/^pnpm /, 'pnpm@10.34.8 '));
      });
      continue;
    }
    it(`${row.check} exits 0`, () => {
      const r = pnpm(row.check.split(' ').slice(1), root);
      expect(r.timedOut, `${row.check} did not finish`).toBe(false);
      expect(r.status, r.output.slice(-3000)).toBe(0);
    });
  }
});
