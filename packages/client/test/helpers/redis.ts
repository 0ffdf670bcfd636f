// A real redis-server (Debian's package; `pnpm test` installs it with the other system packages) on a
// free port, nothing written to disk; the outage tests stop and pause it mid-run.
import { execFileSync, spawn } from 'node:child_process';
import { freePort } from './free-port.js';

export function findRedis(): string {
  for (const bin of ['redis-server', '/usr/bin/redis-server']) {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore' });
      return bin;
    } catch {
      // try the next
    }
  }
  throw new Error(
    'redis-server not found: run `node scripts/system-deps.mjs` at the repository root (pnpm test does), or `apt-get install redis-server`',
  );
}

export async function startRedis() {
  const bin = findRedis();
  const port = await freePort();
  const server = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  server.stdout!.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Ends the server (SIGKILL: no goodbye to its clients). */
    stop: () => {
      if (server.exitCode === null) server.kill('SIGKILL');
    },
    /** Freezes it: connections stay open and nothing answers. */
    pause: () => server.kill('SIGSTOP'),
    resume: () => server.kill('SIGCONT'),
  };
}
