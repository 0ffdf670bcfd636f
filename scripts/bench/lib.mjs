// Shared helpers of the bench sections: medians, fresh worker processes, verdict text.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '../..');

/** The value below which a share `q` of `xs` lies (no interpolation). */
export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
export const median = (xs) => quantile(xs, 0.5);
export const verdict = (ok) => (ok ? 'met' : '**missed**');
export const kb = (bytes) => (bytes / 1024).toFixed(2);

// Workers are plain child processes (no IPC channel: it slows a process's module loading) that print
// one JSON line last.
export function runWorker(file, args, execArgv = []) {
  const out = execFileSync(process.execPath, [...execArgv, join(here, file), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** A port that was free a moment ago, for a server started in another process. */
export async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}
