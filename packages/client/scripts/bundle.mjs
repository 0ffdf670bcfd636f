// dist/index.js, dist/raw.js and dist/redis.js are each one ESM file (the generated tables inlined,
// openapi-fetch left as a dependency): fewer modules to resolve makes the import cheaper. The raw client
// and the Redis store are entries of their own, so apps that do not use them never bundle them. tsc emits the .d.ts files beside them.
import { build } from 'esbuild';

await build({
  entryPoints: { index: 'src/index.ts', raw: 'src/raw.ts', redis: 'src/redis.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['openapi-fetch', 'ioredis'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
