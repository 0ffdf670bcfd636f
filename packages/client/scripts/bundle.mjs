// dist/index.js is one ESM file (the generated tables inlined, openapi-fetch left as a dependency):
// fewer modules to resolve makes the import cheaper. tsc emits the .d.ts files beside it.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['openapi-fetch'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
