// The HTML shell of one language page. It carries no viewer code: the shared, hashed viewer and boot
// scripts and the theme are loaded from /assets/, the page's own spec from reference.json beside it.
import { readFileSync } from 'node:fs';
import { term } from './glossary.mjs';
import { PRERENDER_SCROLL } from './prerender.mjs';

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export const CHROME = {
  en: {
    htmlLang: 'en',
    title: 'Feishu Task API reference',
    brand: 'Feishu Task API',
    tagline: 'collaborators · tasklist members',
    other: 'zh',
    otherLabel: '中文',
    otherLang: 'zh-CN',
    switchLabel: '切换到中文',
    nav: 'Site',
    changelog: term('changelog', 'en'),
    loading: 'Loading the reference…',
    noscript: 'This reference needs JavaScript. The description itself is plain YAML and JSON:',
  },
  zh: {
    htmlLang: 'zh-CN',
    title: '飞书任务 API 参考',
    brand: '飞书任务 API',
    tagline: '执行者 · 清单成员',
    other: 'en',
    otherLabel: 'English',
    otherLang: 'en',
    switchLabel: 'Switch to English',
    nav: '站点导航',
    changelog: term('changelog', 'zh'),
    loading: '正在加载参考文档…',
    noscript: '本参考文档需要 JavaScript。接口描述本身为 YAML 与 JSON 文件：',
  },
};

/**
 * The bar on every page: brand, the content pages of this language (getting started, ...), the
 * changelog, the downloads and the language switch. `current` is the page's name ('index' for the
 * reference); the switch goes to the same page in the other language.
 */
// The bar's mark is inline: the browser fetches logo-mark.svg once, for the tab's icon, not twice.
const LOGO_MARK = readFileSync(new URL('../assets/logo-mark.svg', import.meta.url), 'utf8')
  .replace(/<\?xml[^>]*>\s*/, '')
  .replace(
    /<svg[^>]*>/,
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 64 64" aria-hidden="true" focusable="false">',
  )
  .trim();

export function header(lang, { pages = [], current = 'index', root = '..' } = {}) {
  const c = CHROME[lang];
  const link = (name, label) =>
    `<a href="${root}/${lang}/${name}.html"${name === current ? ' aria-current="page"' : ''}>${esc(label)}</a>`;
  const target = `${root}/${c.other}/${current}.html`;
  return `<header class="docs-bar" role="banner">
  <a class="docs-brand" href="${root}/${lang}/index.html">${LOGO_MARK}<span>${esc(c.brand)}</span></a>
  <nav class="docs-links" aria-label="${esc(c.nav)}">
    ${[...pages.map((p) => link(p.name, p.nav ?? p.title)), link('changelog', c.changelog)].join('\n    ')}
    <a class="docs-download" href="${root}/openapi.yaml" download>YAML</a>
    <a class="docs-download" href="${root}/openapi.json" download>JSON</a>
    <a class="docs-switch" data-lang-switch="${target}" href="${target}" hreflang="${c.otherLang}" lang="${c.otherLang}" aria-label="${esc(c.switchLabel)}">${esc(c.otherLabel)}</a>
  </nav>
</header>`;
}

// The viewer's colour mode (its switch stores it), else the system's: set before the first paint, on
// every page, so the bar and the plain pages follow it too.
const COLOR_MODE = `<script>try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")m=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.add(m)}catch(e){}</script>`;

/** The start of every page, up to its own head elements: language, title, icon, theme. */
const pageStart = (c, title, assets) => `<!doctype html>
<html lang="${c.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" type="image/svg+xml" href="../logo-mark.svg">
<link rel="stylesheet" href="../assets/${assets.theme}">
${COLOR_MODE}`;

/** Where "Try it" renders for one operation (after its summary card); see the README's "Try it hook". */
export const tryItMount = (operationId) => `<div class="docs-try-it" data-try-it="${esc(operationId)}"></div>`;

export function referencePage({ lang, assets, config, pages = [], prerendered = '', tryIt = false }) {
  const c = CHROME[lang];
  return `${pageStart(c, c.title, assets)}
<link rel="alternate" hreflang="${c.otherLang}" href="../${c.other}/index.html">
<link rel="modulepreload" href="../assets/${assets.viewer}">
<link rel="preload" href="reference.json" as="fetch" crossorigin>
<script type="application/json" id="docs-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script type="module" src="../assets/${assets.boot}"></script>${tryIt ? '\n<script type="module" src="../try-it/try-it.js"></script>' : ''}
</head>
<body>
${header(lang, { pages })}
<div id="redoc" class="docs-main">${prerendered || `<p class="docs-loading">${esc(c.loading)}</p>`}</div>
${prerendered ? PRERENDER_SCROLL : ''}
<noscript><p>${esc(c.noscript)} <a href="../openapi.yaml">openapi.yaml</a> · <a href="../openapi.json">openapi.json</a></p></noscript>
</body>
</html>
`;
}

// Plain pages keep the reader's section across the switch: the id of the last heading above the top.
const KEEP_SECTION = `<script>document.querySelector("[data-lang-switch]").addEventListener("click",function(){var b="";document.querySelectorAll("main [id]").forEach(function(h){if(h.getBoundingClientRect().top<=64)b="#"+h.id});this.href=this.dataset.langSwitch+b})</script>`;

export function plainPage({ lang, title, body, assets, pages = [], current }) {
  const c = CHROME[lang];
  return `${pageStart(c, title, assets)}
<link rel="alternate" hreflang="${c.otherLang}" href="../${c.other}/${current}.html">
</head>
<body class="docs-plain">
${header(lang, { pages, current })}
<main class="docs-article">
${body}
</main>
${KEEP_SECTION}
</body>
</html>
`;
}
