// Builds "Try it" into try-it/dist/ (the docs build runs this, then copies dist/ beside the pages):
//   try-it.js          the small entry every reference page loads: finds each [data-try-it] mount, adds
//                      the button, and loads the rest on first use
//   chunk-<hash>.js    the panel and the emulator engine, with the spec it emulates (slimmed)
// The engine is @feishu-task/emulator's, unchanged: its three Node-only imports (node:fs, node:module,
// node:crypto) are replaced by the small browser versions in stubs/.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analyzeMetafile, build } from 'esbuild';
import { slimSpec } from './slim-spec.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const require = createRequire(import.meta.url);
const emulatorDir = dirname(require.resolve('@feishu-task/emulator/package.json'));
const spec = JSON.parse(readFileSync(require.resolve('@feishu-task/openapi/openapi.dereferenced.json'), 'utf8'));

/** Each operation's summary in both languages: the entry's button names its operation before the spec loads. */
const summaries = {};
for (const item of Object.values(spec.paths))
  for (const op of Object.values(item))
    if (op?.operationId) summaries[op.operationId] = { en: op.summary, zh: op['x-i18n']?.zh?.summary ?? op.summary };

const STUBS = {
  'node:fs': 'node-fs.js',
  'node:module': 'node-module.js',
  'node:crypto': 'node-crypto.js',
  'node:net': 'node-net.js',
};
const browserOnly = {
  name: 'try-it-browser',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|module|crypto|net)$/ }, (args) => ({ path: args.path, namespace: 'try-it-stub' }));
    // The stubs import Ajv as the emulator does, so they resolve it from the emulator's own dependencies.
    b.onLoad({ filter: /.*/, namespace: 'try-it-stub' }, (args) => ({
      contents: readFileSync(join(here, 'stubs', STUBS[args.path]), 'utf8'),
      resolveDir: emulatorDir,
      loader: 'js',
    }));
    b.onResolve({ filter: /^try-it:(spec|summaries)$/ }, (args) => ({ path: args.path, namespace: 'try-it-data' }));
    b.onLoad({ filter: /.*/, namespace: 'try-it-data' }, (args) => ({
      // JSON.parse of a string literal parses faster than the same object as a JavaScript literal.
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(args.path === 'try-it:spec' ? slimSpec(spec) : summaries))});`,
      loader: 'js',
    }));
  },
};

rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: { 'try-it': join(here, 'src/main.ts') },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  // The emulator's server and CLI modules (node:http, node:net, node:util) are never imported by the
  // engine; sideEffects: false lets esbuild drop them, and the check below proves none is left.
  external: ['node:*'],
  plugins: [browserOnly],
});

for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const node = output.imports.filter((i) => i.path.startsWith('node:'));
  if (node.length) throw new Error(`try-it: ${file} still imports ${node.map((i) => i.path).join(', ')}`);
}

let total = 0;
let gzip = 0;
for (const file of Object.keys(result.metafile.outputs)) {
  const bytes = readFileSync(file);
  total += statSync(file).size;
  gzip += gzipSync(bytes, { level: 9 }).length;
  console.log(
    `try-it: ${file.replace(`${here}/`, '')} ${bytes.length} B, ${gzipSync(bytes, { level: 9 }).length} B gzip`,
  );
}
console.log(`try-it: ${total} B in all, ${gzip} B gzip`);
// TRY_IT_ANALYZE=1 node build.mjs: what each chunk is made of.
if (process.env.TRY_IT_ANALYZE) console.log(await analyzeMetafile(result.metafile));
