// Try it's words: every Chinese label is Chinese and uses the glossary's word for each concept (none it
// avoids), every English label is English, and both languages have the same labels.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types
import { avoidedWords } from '../scripts/glossary.mjs';
import { labels } from '../try-it/src/labels.ts';

/** Every text a label set can show: strings as they are, functions called with sample values. */
function texts(set: Record<string, unknown>, at = ''): [string, string][] {
  return Object.entries(set).flatMap(([key, value]): [string, string][] => {
    const name = at ? `${at}.${key}` : key;
    if (typeof value === 'string') return [[name, value]];
    if (typeof value === 'function') return [[name, String(value('ou_x', 3))]];
    return texts(value as Record<string, unknown>, name);
  });
}
const HAN = /\p{Script=Han}/u;

describe('try-it labels', () => {
  it('has the same labels in both languages', () => {
    expect(texts(labels.zh).map(([k]) => k)).toEqual(texts(labels.en).map(([k]) => k));
  });
  it('zh: Chinese, in the glossary’s words', () => {
    for (const [key, text] of texts(labels.zh)) {
      // Punctuation alone (the full-width colon) has no language.
      if (/\p{L}/u.test(text)) expect(text, key).toMatch(HAN);
      expect(avoidedWords(text), `${key}: ${text}`).toEqual([]);
    }
  });
  it('en: no Chinese', () => {
    for (const [key, text] of texts(labels.en)) expect(text, key).not.toMatch(HAN);
  });
});
