// The main entry is fetch only: a browser bundle of it carries none of the Redis store, which lives in
// its own entry (@feishu-task/client/redis).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = async (entry: string) => {
  const result = await build({
    entryPoints: [join(pkg, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    external: ['ioredis'],
  });
  return result.outputFiles[0]!.text;
};

describe('entries', () => {
  it('a browser bundle of the main entry has no Redis side', async () => {
    const main = await bundle('src/index.ts');
    expect(main).toContain('MemoryQuotaStore');
    expect(main).not.toMatch(/ZREMRANGEBYSCORE|ioredis|createRedisQuotaStore/);
  });

  it('the redis entry holds the Redis store', async () => {
    expect(await bundle('src/redis.ts')).toMatch(/ZREMRANGEBYSCORE[\s\S]*createRedisQuotaStore/);
  });
});
