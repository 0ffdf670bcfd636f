// One ESM file per entry (the generated tables inlined, openapi-fetch and ioredis left as dependencies),
// with what entries share split into chunks beside them: the error classes and the registry of operations
// exist once, so `instanceof` holds across entries. The raw client, the Redis store, app credentials,
// advice texts and each operation are entries of their own, so an app bundles only the ones it imports.
// tsc emits the .d.ts files beside them.
import { build } from 'esbuild';

await build({
  entryPoints: {
    index: 'src/index.ts',
    'core-entry': 'src/core-entry.ts',
    'operations/add-tasklist-members': 'src/operations/add-tasklist-members.ts',
    'operations/add-task-collaborators': 'src/operations/add-task-collaborators.ts',
    'operations/remove-task-collaborator': 'src/operations/remove-task-collaborator.ts',
    'app-credentials': 'src/app-credentials.ts',
    advice: 'src/advice.ts',
    raw: 'src/raw.ts',
    redis: 'src/redis.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['openapi-fetch', 'ioredis'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
