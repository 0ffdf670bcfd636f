// Where the repository is, and how to run its pinned pnpm from a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository's top folder, or undefined outside a git checkout (an unpacked tarball, say). */
export const repoRoot: string | undefined = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: here, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
})();

export const PNPM = ['-y', 'pnpm@10.34.8'];

/** Runs `pnpm <args>` (the pinned pnpm, through npx) in `cwd`; never throws. */
export function pnpm(args: string[], cwd: string, timeoutMs = 300_000, env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync('npx', [...PNPM, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs, env });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, timedOut: r.error !== undefined };
}
