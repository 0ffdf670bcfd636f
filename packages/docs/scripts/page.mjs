// The HTML shell of one language page. It carries no viewer code: the shared, hashed viewer and boot
// scripts and the theme are loaded from /assets/, the page's own spec from reference.json beside it.
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
    downloads: 'Download the description',
    changelog: 'Changelog',
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
    downloads: '下载接口描述',
    changelog: '更新日志',
    loading: '正在加载参考文档…',
    noscript: '本参考文档需要 JavaScript。接口描述本身为 YAML 与 JSON 文件：',
  },
};

export function header(lang, { home = '../index.html', root = '..' } = {}) {
  const c = CHROME[lang];
  return `<header class="docs-bar" role="banner">
  <a class="docs-brand" href="${home}"><img src="${root}/logo-mark.svg" alt="" width="24" height="24"><span>${esc(c.brand)}</span></a>
  <nav class="docs-links" aria-label="${esc(c.downloads)}">
    <a href="${root}/openapi.yaml" download>YAML</a>
    <a href="${root}/openapi.json" download>JSON</a>
    <a href="${root}/${lang}/changelog.html">${esc(c.changelog)}</a>
    <a class="docs-switch" data-lang-switch="${root}/${c.other}/index.html" href="${root}/${c.other}/index.html" hreflang="${c.otherLang}" lang="${c.otherLang}" aria-label="${esc(c.switchLabel)}">${esc(c.otherLabel)}</a>
  </nav>
</header>`;
}

/** The start of every page, up to its own head elements: language, title, icon, theme. */
const pageStart = (c, title, assets) => `<!doctype html>
<html lang="${c.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" type="image/svg+xml" href="../logo-mark.svg">
<link rel="stylesheet" href="../assets/${assets.theme}">`;

/** Where "Try it" renders for one operation (after its summary card); see the README's "Try it hook". */
export const tryItMount = (operationId) => `<div class="docs-try-it" data-try-it="${esc(operationId)}"></div>`;

export function referencePage({ lang, assets, config, tryIt = false }) {
  const c = CHROME[lang];
  return `${pageStart(c, c.title, assets)}
<link rel="alternate" hreflang="${c.otherLang}" href="../${c.other}/index.html">
<link rel="modulepreload" href="../assets/${assets.viewer}">
<link rel="preload" href="reference.json" as="fetch" crossorigin>
<script>try{var m=localStorage.getItem("redoc.colorMode");if(m!=="light"&&m!=="dark")m=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.add(m)}catch(e){}</script>
<script type="application/json" id="docs-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script type="module" src="../assets/${assets.boot}"></script>${tryIt ? '\n<script type="module" src="../try-it/try-it.js"></script>' : ''}
</head>
<body>
${header(lang)}
<div id="redoc" class="docs-main"><p class="docs-loading">${esc(c.loading)}</p></div>
<noscript><p>${esc(c.noscript)} <a href="../openapi.yaml">openapi.yaml</a> · <a href="../openapi.json">openapi.json</a></p></noscript>
</body>
</html>
`;
}

export function plainPage({ lang, title, body, assets }) {
  const c = CHROME[lang];
  return `${pageStart(c, title, assets)}
</head>
<body class="docs-plain">
${header(lang).replace(`data-lang-switch="../${c.other}/index.html" href="../${c.other}/index.html"`, `href="../${c.other}/changelog.html"`)}
<main class="docs-article">
${body}
</main>
</body>
</html>
`;
}
