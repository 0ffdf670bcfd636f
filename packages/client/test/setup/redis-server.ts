// Starts a real redis-server (Debian's package; `pnpm test` installs it with the other system packages)
// on a free port for the Redis quota tests, and stops it afterwards. Nothing is written to disk.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort } from '../helpers/free-port.js';

let server: ChildProcess | undefined;

function findRedis(): string {
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

export async function setup(project: TestProject) {
  const bin = findRedis();
  const port = await freePort();
  server = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  server.stdout!.resume();
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
}

export async function teardown() {
  if (server?.pid) server.kill();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
