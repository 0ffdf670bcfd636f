// Counts, on a rendered page, the text in the other language: English-only strings on the zh page,
// Chinese-only strings on the en page. What stays English on purpose is not counted (the README lists
// it with the reasons): code and literal values, identifiers, URLs and paths, HTTP methods, JSON Schema
// type words, property and parameter names, product and format names, the developer console's labels
// the Chinese console also shows in English (App ID, App Secret), and anything marked with its own
// `lang` (the language switch, the changelog's entries quoted in their original English).
import type { Page } from 'playwright-core';

export function readCeiling(readme: string, lang: 'en' | 'zh'): number {
  const m = new RegExp(`^- ${lang} page: at most (\\d+) `, 'm').exec(readme);
  if (!m) throw new Error(`README.md states no ceiling for the ${lang} page ("- ${lang} page: at most N ...")`);
  return Number(m[1]);
}

export async function countForeignTexts(page: Page, lang: 'en' | 'zh', names: string[]): Promise<string[]> {
  return page.evaluate(
    ({ lang, names }) => {
      const NAMES = new Set(names);
      const KEEP_ENGLISH = new Set(
        'string strings integer integers number numbers boolean booleans object objects array arrays null or of items non-empty password uri email date-time uuid yaml json openapi feishu lark redocly typescript node.js curl mit http https sdk api id ctrl+k esc english'.split(
          ' ',
        ),
      );
      // The Feishu developer console's own labels, in English in its Chinese interface too.
      const CONSOLE_LABELS = /\bApp (ID|Secret)\b/g;
      const METHOD = /^(get|post|put|patch|delete|head|options)$/i;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement as HTMLElement;
        const text = (n.nodeValue ?? '').trim();
        if (!text || el.closest('code, pre, kbd, samp, script, style, svg, noscript')) continue;
        const marked = el.closest('[lang]')?.getAttribute('lang') ?? '';
        if (marked && marked !== document.documentElement.lang) continue;
        if (METHOD.test(text) || NAMES.has(text)) continue;
        const han = /\p{Script=Han}/u.test(text);
        const words = text
          .replace(CONSOLE_LABELS, ' ')
          .replace(/https?:\/\/\S+/g, ' ')
          .replace(/(^|\s)\/\S*/g, ' ')
          .replace(/[A-Za-z0-9]+(?:[_.:/-][A-Za-z0-9]+)+/g, ' ')
          .match(/[A-Za-z][A-Za-z+.]*[A-Za-z]|[A-Za-z]{2,}/g)
          ?.filter((w) => !KEEP_ENGLISH.has(w.toLowerCase()));
        const latin = (words?.length ?? 0) > 0;
        if (lang === 'zh' ? latin && !han : han && !latin) found.push(text.slice(0, 120));
      }
      return found;
    },
    { lang, names },
  );
}
