// What "Try it" costs a reader: the entry every reference page loads stays small (the panel, the engine
// and the spec load only when a reader opens Try it), and the whole control stays within a budget.
// Measured on the built files, gzip level 9 as the build prints them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';

// The copy the site serves (turbo restores the docs' dist/ from its cache, not try-it/dist/).
const dist = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist', 'try-it');
const gzip = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

// 96 KB: the engine's strict control API brought TypeBox (~10 KB gzip even imported as a namespace that
// esbuild can shake); the panel still loads only on first use, so no page pays it up front.
it('the entry is under 3 KB gzip and everything under 96 KB gzip', () => {
  const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
  const entry = gzip('try-it.js');
  const total = files.reduce((sum, f) => sum + gzip(f), 0);
  console.log(`try-it: entry ${entry} B gzip, all ${files.length} files ${total} B gzip`);
  expect(entry).toBeLessThan(3 * 1024);
  expect(total).toBeLessThan(96 * 1024);
  // The entry does not carry the engine or the spec: they are in a chunk it imports on first use.
  expect(readFileSync(join(dist, 'try-it.js'), 'utf8')).toMatch(/import\("\.\/panel-[A-Z0-9]+\.js"\)/);
});
