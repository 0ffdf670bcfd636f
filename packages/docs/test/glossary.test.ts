// One word per concept on the zh site (scripts/glossary.mjs): every Chinese text the site publishes (the
// content pages, the changelog, the viewer's labels, the summary cards, the error tables, the samples'
// comments and menu, the try-it panel, and the spec's own texts in reference.json and openapi.yaml/json)
// uses the glossary's word and none it lists to avoid; every glossary word is on the built site. Only the
// official pages' words that the spec quotes verbatim (QUOTES) keep the page's word, and each quote must
// be on the site and, where the pages are at hand, on its page.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSeeds, seedsDir } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { avoidedWords, GLOSSARY, QUOTES } from '../scripts/glossary.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(pkg, 'dist');
const TEXT = new Set(['.html', '.js', '.css', '.json', '.yaml', '.svg']);
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
/** Every text file the site publishes, by its path under dist/. */
const published = Object.fromEntries(
  walk(dist)
    .filter((f) => TEXT.has(extname(f)))
    .map((f) => [relative(dist, f), readFileSync(f, 'utf8')]),
);
const zhReference = published['zh/reference.json'] as string;

describe('the zh glossary', () => {
  it('no published text uses a word the glossary avoids (the pages’ quotes aside)', () => {
    expect(Object.keys(published)).toEqual(
      expect.arrayContaining(['zh/reference.json', 'zh/index.html', 'zh/changelog.html', 'openapi.yaml']),
    );
    const found = Object.entries(published).flatMap(([where, text]) =>
      avoidedWords(text).map((f: any) => `${where}: "${f.word}" (use "${f.use}")`),
    );
    expect(found).toEqual([]);
  });

  it('every glossary word is on the built zh site', () => {
    const site = Object.entries(published)
      .filter(([where]) => where.startsWith('zh/'))
      .map(([, text]) => text)
      .join('\n');
    const missing = Object.entries<any>(GLOSSARY)
      .filter(([, entry]) => !site.includes(entry.zh))
      .map(([key, entry]) => `${key}: ${entry.zh}`);
    expect(missing).toEqual([]);
  });

  it('each quote exempted from the glossary is needed and on the zh site', () => {
    for (const quote of QUOTES) {
      const avoided = Object.values<any>(GLOSSARY).flatMap((e) => e.avoid);
      expect(
        avoided.some((w) => quote.text.includes(w)),
        `${quote.text} holds no avoided word`,
      ).toBe(true);
      expect(zhReference.includes(quote.text), `${quote.text} is not on the zh site`).toBe(true);
    }
  });

  const seeds = seedsDir();
  it.skipIf(!seeds)('each quote is on the official page it names (../shared/seeds)', () => {
    for (const quote of QUOTES) {
      const pages = loadSeeds(seeds).filter((s: any) => s.source === quote.page && s.readableProse);
      expect(pages.length, `no readable seed for ${quote.page}`).toBeGreaterThan(0);
      for (const page of pages) expect(readFileSync(join(seeds as string, page.file), 'utf8')).toContain(quote.text);
    }
  });
});
