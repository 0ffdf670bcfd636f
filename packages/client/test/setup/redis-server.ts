// Starts a real redis-server (Debian's package; `pnpm test` installs it with the other system packages)
// on a free port for the Redis quota tests, and stops it afterwards. Nothing is written to disk.
import type { TestProject } from 'vitest/node';
import { startRedis } from '../helpers/redis.js';

let stop: (() => void) | undefined;

export async function setup(project: TestProject) {
  const redis = await startRedis();
  stop = redis.stop;
  project.provide('redisUrl', redis.url);
}

export async function teardown() {
  stop?.();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
