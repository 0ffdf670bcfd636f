// pnpm build:docs (turbo task `docs`): builds dist/ from the bundled spec:
//   dist/en/index.html, dist/zh/index.html   one small shell per language (lang="en" / lang="zh-CN")
//   dist/<lang>/reference.json               that language's spec, with notes and code samples added
//   dist/<lang>/changelog.html               the changelog, from the changesets
//   dist/assets/*.<hash>.*                   the one shared viewer, boot script and theme
//   dist/openapi.yaml, dist/openapi.json     the description, for download
//   dist/index.html                          links both languages
// and a .br and .gz copy of every text file, which `pnpm start` (scripts/serve.mjs) serves.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { HTTP_METHODS, loadSpec } from '@feishu-task/spec-tools';
import { transformSync } from 'esbuild';
import { workspaceRoot } from './changelog.mjs';
import { changelogBody } from './changelog-page.mjs';
import { codeSamples, LABELS } from './code-samples.mjs';
import { contentFiller } from './content.mjs';
import { checkChinese, term } from './glossary.mjs';
import { zhLabels, zhSearchPlaces, zhTexts } from './labels.mjs';
import { foreignTexts, localize } from './localize.mjs';
import { afterIds, afterResponses } from './operation-after.mjs';
import { summaryCard } from './operation-card.mjs';
import { CHROME, plainPage, referencePage, tryItMount } from './page.mjs';
import { contentPages, renderContent } from './pages.mjs';
import { prerender } from './prerender.mjs';
import { markUnsourced } from './unsourced.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
// DOCS_DIST builds elsewhere (a scratch copy that a running server or test is not reading).
const dist = process.env.DOCS_DIST ? resolve(process.env.DOCS_DIST) : join(pkg, 'dist');
const require = createRequire(import.meta.url);
const spec = loadSpec(import.meta.url, 'dereferenced');

const { viewerSource } = await import('./viewer.mjs');

// The hand-written pages name facts through placeholders (scripts/content.mjs), filled in from the spec
// and the workspace so that the prose cannot drift from either.
const fillIn = contentFiller(spec, workspaceRoot());

const minify = (code, loader) =>
  transformSync(code, {
    loader,
    minify: true,
    target: loader === 'js' ? 'es2022' : undefined,
    format: loader === 'js' ? 'esm' : undefined,
  }).code;

const hashed = (name, content) => {
  const ext = extname(name);
  return `${name.slice(0, -ext.length)}.${createHash('sha256').update(content).digest('hex').slice(0, 10)}${ext}`;
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'assets'), { recursive: true });
for (const f of ['logo-mark.svg', 'redocly-attribution.svg']) copyFileSync(join(pkg, 'assets', f), join(dist, f));
for (const f of ['openapi.yaml', 'openapi.json'])
  copyFileSync(require.resolve(`@feishu-task/openapi/${f}`), join(dist, f));

// "Try it" (packages/docs/try-it, its own folder and build): when its bundle exists it is copied to
// dist/try-it/ and every reference page loads it; each operation gets an empty mount point after its
// summary card. The docs build runs try-it/build.mjs first when there is one. README: "Try it hook".
const tryItDir = join(pkg, 'try-it');
if (existsSync(join(tryItDir, 'build.mjs')))
  execFileSync(process.execPath, [join(tryItDir, 'build.mjs')], { stdio: 'inherit', cwd: tryItDir });
const tryIt = existsSync(join(tryItDir, 'dist', 'try-it.js'));
if (tryIt) cpSync(join(tryItDir, 'dist'), join(dist, 'try-it'), { recursive: true });

const viewer = viewerSource();
const assets = { viewer: `redoc.${viewer.hash}.js` };
writeFileSync(join(dist, 'assets', assets.viewer), viewer.code);
// The boot script and the theme are minified (esbuild): about 2.5 KiB brotli saved, so the page weighs
// less than before the viewer's slices and patches (0.7 KiB more in the viewer).
const boot = minify(
  readFileSync(join(pkg, 'assets/boot.js'), 'utf8').replace('__VIEWER__', `./${assets.viewer}`),
  'js',
);
assets.boot = hashed('boot.js', boot);
writeFileSync(join(dist, 'assets', assets.boot), boot);
const theme = minify(readFileSync(join(pkg, 'assets/theme.css'), 'utf8'), 'css');
assets.theme = hashed('theme.css', theme);
writeFileSync(join(dist, 'assets', assets.theme), theme);

const report = {};
for (const lang of Object.keys(CHROME)) {
  const stats = { split: 0 };
  const doc = localize(structuredClone(spec), lang, stats);
  stats.unsourced = markUnsourced(doc, lang);
  doc.info.description = fillIn(readFileSync(join(pkg, `content/intro.${lang}.md`), 'utf8'), lang);
  const pages = contentPages(join(pkg, 'content'), lang).map((p) => ({ ...p, markdown: fillIn(p.markdown, lang) }));
  doc.info['x-logo'] = { url: 'logo.svg', altText: CHROME[lang].brand };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const original = spec.paths[path][method];
      const sectionId = `${String(op.tags[0]).toLowerCase().replace(/\s+/g, '-')}/${op.operationId.toLowerCase()}`;
      const errorsHref = `#/${afterIds(sectionId).errors}`;
      // The summary card first, then the mount point for "Try it", then the page's own description.
      op.description = `${summaryCard({ operation: op, original, lang, path, method, errorsHref })}\n${tryItMount(op.operationId)}\n\n${op.description ?? ''}`;
      op['x-docs-after'] = afterResponses({ operation: op, original, lang, sectionId });
      op['x-codeSamples'] = codeSamples(path, method, item, op, lang);
    }
  }
  const dir = join(dist, lang);
  mkdirSync(dir, { recursive: true });
  // The logo's title and tagline in the page's language.
  writeFileSync(
    join(dir, 'logo.svg'),
    readFileSync(join(pkg, 'assets/logo.template.svg'), 'utf8').replace(
      /\{\{(brand|tagline)\}\}/g,
      (_, k) => CHROME[lang][k],
    ),
  );
  writeFileSync(join(dir, 'reference.json'), JSON.stringify(doc));
  const config = {
    lang,
    spec: 'reference.json',
    labels: lang === 'zh' ? zhLabels : {},
    texts: lang === 'zh' ? zhTexts : {},
    searchPlaces: lang === 'zh' ? zhSearchPlaces : [],
    options: {
      disableTelemetry: true,
      // The bar above the viewer (theme.css --docs-bar-height): the viewer's own scrolling clears it.
      scrollYOffset: 48,
      skipBundle: true,
      hideDownloadButtons: false,
      downloadUrls: [
        { title: 'openapi.yaml', url: '../openapi.yaml' },
        { title: 'openapi.json', url: '../openapi.json' },
      ],
      codeSamples: {
        languages: [
          { lang: 'JavaScript', label: LABELS[lang].client },
          { lang: 'curl' },
          { lang: 'Node.js', label: LABELS[lang].sdk },
        ],
      },
      jsonSamplesExpandLevel: 3,
      sortRequiredPropsFirst: true,
    },
  };
  writeFileSync(
    join(dir, 'index.html'),
    referencePage({ lang, assets, config, pages, tryIt, prerendered: prerender(doc, lang) }),
  );
  writeFileSync(join(dir, 'changelog.html'), changelogPage(lang, pages));
  for (const page of pages)
    writeFileSync(
      join(dir, `${page.name}.html`),
      plainPage({
        lang,
        title: `${page.title} · ${CHROME[lang].brand}`,
        body: renderContent(page.markdown),
        assets,
        pages,
        current: page.name,
      }),
    );
  // The zh site says each concept with one word (scripts/glossary.mjs): the sources, by name, first;
  // every published file, the spec's texts included, is checked below.
  if (lang === 'zh') {
    for (const f of readdirSync(join(pkg, 'content')).filter((f) => f.endsWith('.zh.md')))
      checkChinese(readFileSync(join(pkg, 'content', f), 'utf8'), `content/${f}`);
    checkChinese(JSON.stringify(config.labels) + JSON.stringify(config.texts), 'scripts/labels.mjs');
  }
  const foreign = foreignTexts(doc, lang);
  report[lang] = {
    split: stats.split,
    untranslated: foreign.filter((f) => !f.mixed).length,
    mixed: foreign.filter((f) => f.mixed).length,
  };
  if (report[lang].mixed)
    throw new Error(`${lang}: mixed-language texts left: ${JSON.stringify(foreign.filter((f) => f.mixed))}`);
}

function changelogPage(lang, pages) {
  const title = `${term('changelog', lang)} · ${CHROME[lang].brand}`;
  return plainPage({ lang, title, body: changelogBody(lang), assets, pages, current: 'changelog' });
}

writeFileSync(
  join(dist, 'index.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feishu Task API</title>
<link rel="icon" type="image/svg+xml" href="logo-mark.svg">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="assets/${assets.theme}">
</head>
<body class="docs-home"><main>
<img src="en/logo.svg" alt="Feishu Task API" width="300" height="64" class="docs-home-logo">
<h1>Feishu / Lark Task API</h1>
<p>${spec.info.summary} ${Object.keys(spec.paths).length} paths, generated from one OpenAPI ${spec.openapi} description.</p>
<p lang="zh-CN">${spec.info['x-i18n']?.zh?.summary ?? ''}</p>
<a class="card" href="en/index.html">English reference →</a>
<a class="card" href="zh/index.html" lang="zh-CN">中文参考文档 →</a>
<p><a href="openapi.yaml">openapi.yaml</a> · <a href="openapi.json">openapi.json</a> · <a href="en/changelog.html">Changelog</a> · <a href="zh/changelog.html" lang="zh-CN">更新日志</a></p>
</main></body></html>
`,
);

// Precompressed copies for the server: brotli (best) and gzip, for every text file.
const TEXT = new Set(['.html', '.js', '.css', '.json', '.yaml', '.svg']);
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
// One word per concept in every Chinese text the site publishes (the spec's, the samples', try-it's),
// the official pages' quoted words excepted (scripts/glossary.mjs).
for (const file of walk(dist))
  if (TEXT.has(extname(file))) checkChinese(readFileSync(file, 'utf8'), relative(pkg, file));
let raw = 0;
let br = 0;
for (const file of walk(dist)) {
  if (!TEXT.has(extname(file))) continue;
  const content = readFileSync(file);
  const b = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${file}.br`, b);
  writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  raw += content.length;
  br += b.length;
}
console.log(`docs: viewer Redoc ${viewer.version} (patched) as assets/${assets.viewer}`);
console.log(`docs: ${Math.round(raw / 1024)} KiB of text, ${Math.round(br / 1024)} KiB brotli`);
for (const [lang, r] of Object.entries(report))
  console.log(
    `docs: ${lang}: ${r.untranslated} spec texts not yet in this language, ${r.split} mixed texts split by script`,
  );
