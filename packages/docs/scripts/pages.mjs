// Every `content/<name>.<lang>.md` but the reference's introduction becomes the page
// `dist/<lang>/<name>.html` (getting started, the conformance report, ...), listed in the bar of
// every page of that language (by its title up to a colon), getting started first. A heading's `{% #id %}` (the viewer's syntax)
// becomes its id, the same in both languages, so the language switch keeps the reader's section.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';

const FIRST = ['getting-started'];

/** The content pages of one language: [{ name, title, markdown }], in bar order. */
export function contentPages(dir, lang) {
  return readdirSync(dir)
    .map((f) => new RegExp(`^([\\w-]+)\\.${lang}\\.md$`).exec(f)?.[1])
    .filter((name) => name && name !== 'intro')
    .sort((a, b) => {
      const rank = (n) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length);
      return rank(a) - rank(b) || a.localeCompare(b);
    })
    .map((name) => {
      const markdown = readFileSync(join(dir, `${name}.${lang}.md`), 'utf8');
      const title = /^# (.+?)(?:\s*\{%[^%]*%\})?\s*$/m.exec(markdown)?.[1] ?? name;
      // The bar names a page by its title up to the first colon ("Conformance: hold ..." -> "Conformance").
      return { name, title, nav: title.split(/[:：]/)[0].trim(), markdown };
    });
}

/** Markdown to HTML; `{% #id %}` after a heading's text becomes the heading's id. */
export function renderContent(markdown) {
  return marked
    .parse(markdown)
    .replace(/<h([1-6])>(.*?)\s*\{% #([\w-]+) %\}<\/h\1>/g, '<h$1 id="$3">$2</h$1>')
    .replace(/<pre><code/g, '<pre tabindex="0"><code');
}
