// One word per concept on the zh site (scripts/glossary.mjs): the words the docs write themselves (the
// content pages, the viewer's labels, the summary cards, the error tables' and sources' labels, the
// samples' comments and menu) use the glossary's word and none it lists to avoid; every glossary word is
// on the built site. Texts the spec quotes from the official pages keep the pages' words (printed).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { avoidedWords, GLOSSARY } from '../scripts/glossary.mjs';
// @ts-expect-error plain ESM helper without types
import { zhLabels, zhSearchPlaces, zhTexts } from '../scripts/labels.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reference = JSON.parse(readFileSync(join(pkg, 'dist/zh/reference.json'), 'utf8'));
const operations = Object.values<any>(reference.paths).flatMap((item) =>
  Object.values<any>(item).filter((op) => op?.operationId),
);
/** What the build wrote around the spec's texts: the card (before the try-it mount) and the labels. */
const card = (op: any) => String(op.description).split('<div class="docs-try-it"')[0]!;
const stripSpec = (html: string) => html.replace(/<td>[\s\S]*?<\/td>|<li[\s\S]*?<\/li>/g, ' ');

describe('the zh glossary', () => {
  const own: Record<string, string> = {
    ...Object.fromEntries(
      readdirSync(join(pkg, 'content'))
        .filter((f) => f.endsWith('.zh.md'))
        .map((f) => [`content/${f}`, readFileSync(join(pkg, 'content', f), 'utf8')]),
    ),
    'scripts/labels.mjs': JSON.stringify([zhLabels, zhTexts, zhSearchPlaces]),
    ...Object.fromEntries(operations.map((op) => [`${op.operationId} card`, card(op)])),
    ...Object.fromEntries(
      operations.map((op) => [`${op.operationId} errors and sources`, stripSpec(op['x-docs-after'])]),
    ),
    ...Object.fromEntries(
      operations.map((op) => [
        `${op.operationId} samples`,
        op['x-codeSamples']
          .map(
            (s: any) =>
              `${s.label}\n${s.source
                .split('\n')
                .filter((l: string) => /^\s*(\/\/|#)/.test(l))
                .join('\n')}`,
          )
          .join('\n'),
      ]),
    ),
  };

  it('the docs’ own Chinese uses no word the glossary avoids', () => {
    const found = Object.entries(own).flatMap(([where, text]) =>
      avoidedWords(text).map((f: any) => `${where}: "${f.word}" (use "${f.use}")`),
    );
    expect(found).toEqual([]);
  });

  it('every glossary word is on the built zh site', () => {
    const site = [
      JSON.stringify(reference),
      ...readdirSync(join(pkg, 'dist/zh'))
        .filter((f) => f.endsWith('.html'))
        .map((f) => readFileSync(join(pkg, 'dist/zh', f), 'utf8')),
    ].join('\n');
    const missing = Object.entries<any>(GLOSSARY)
      .filter(([, entry]) => !site.includes(entry.zh))
      .map(([key, entry]) => `${key}: ${entry.zh}`);
    expect(missing).toEqual([]);
    // The spec's own texts (quoted from the pages) may say otherwise: listed, for the spec's owner.
    const quoted = avoidedWords(JSON.stringify(reference.paths)).map((f: any) => f.word);
    if (quoted.length)
      console.log(`zh words the spec's texts use (quoted from the pages): ${[...new Set(quoted)].join(', ')}`);
  });
});
