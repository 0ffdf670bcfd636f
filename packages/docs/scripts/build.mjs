// pnpm docs: builds dist/en/index.html and dist/zh/index.html with `redocly build-docs` from the
// bundled spec (one language picked per page, code samples and per-operation notes added), and
// dist/index.html linking both.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorExamples, HTTP_METHODS, loadSpec, operations } from '@feishu-task/spec-tools';
import { codeSamples } from './code-samples.mjs';
import { localize } from './localize.mjs';
import { operationNotes } from './operation-notes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const dist = join(pkg, 'dist');
const require = createRequire(import.meta.url);
const spec = loadSpec(import.meta.url, 'dereferenced');
const redocly = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

const LANGS = {
  en: { title: 'Feishu Task API reference', other: 'zh', otherLabel: '中文' },
  zh: { title: '飞书任务 API 参考', other: 'en', otherLabel: 'English' },
};

// The introductions name a few codes and statuses; `{{code NAME}}` and `{{status OPERATION CODE}}` are
// filled in from the spec so that the prose cannot drift from it.
function fillIn(text) {
  const ops = Object.fromEntries([...operations(spec)].map((o) => [o.operation.operationId, o.operation]));
  return text
    .replace(/\{\{code (\w+)\}\}/g, (_, name) => spec.components.examples[name].value.code)
    .replace(
      /\{\{status (\w+) (\d+)\}\}/g,
      (_, op, code) => errorExamples(ops[op]).find((e) => e.code === Number(code)).status,
    )
    .replace(/\{\{[^}]*\}\}/g, (m) => {
      throw new Error(`unknown placeholder ${m}`);
    });
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyFileSync(join(pkg, 'assets/logo.svg'), join(dist, 'logo.svg'));
copyFileSync(join(pkg, 'assets/redocly-attribution.svg'), join(dist, 'redocly-attribution.svg'));

// The pages must work offline: Redoc's sidebar attribution loads its logo from a CDN, so point it at a
// local copy of the attribution, and give every page the favicon.
function offline(html) {
  return html
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, '../redocly-attribution.svg')
    .replace('<head>', '<head>\n<link rel="icon" type="image/svg+xml" href="../logo.svg">');
}

for (const [lang, meta] of Object.entries(LANGS)) {
  const doc = localize(structuredClone(spec), lang);
  doc.info.description = `[${meta.otherLabel}](../${meta.other}/index.html)\n\n${fillIn(readFileSync(join(pkg, `content/intro.${lang}.md`), 'utf8'))}`;
  doc.info['x-logo'] = { url: '../logo.svg', altText: 'Feishu Task API' };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      op.description = `${op.description ?? ''}\n${operationNotes(doc, op, lang)}`;
      op['x-codeSamples'] = codeSamples(doc, path, method, item, op);
    }
  }
  const dir = join(dist, lang);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  execFileSync(
    process.execPath,
    [
      redocly,
      'build-docs',
      file,
      '-o',
      join(dir, 'index.html'),
      '--title',
      meta.title,
      '--inlineBundle',
      '--config',
      join(pkg, 'redocly.yaml'),
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  const html = join(dir, 'index.html');
  writeFileSync(html, offline(readFileSync(html, 'utf8')));
  if (readFileSync(html, 'utf8').includes('cdn.redoc.ly/redoc/logo'))
    throw new Error(`${html} still loads Redoc's logo from a CDN`);
  console.log(`docs: ${html}`);
}

writeFileSync(
  join(dist, 'index.html'),
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feishu Task API</title>
<link rel="icon" type="image/svg+xml" href="logo.svg">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;background:#f5f6f7;color:#1f2329}
main{max-width:720px;margin:12vh auto;padding:40px;background:#fff;border-radius:16px;box-shadow:0 4px 24px rgba(0,0,0,.06)}
h1{margin:16px 0 8px}a.card{display:block;margin:16px 0;padding:18px 22px;border:1px solid #dee0e3;border-radius:12px;color:#3370ff;text-decoration:none;font-size:18px}
a.card:hover{border-color:#3370ff}p{color:#646a73;line-height:1.6}
</style></head>
<body><main>
<img src="logo.svg" alt="Feishu Task API" width="300" height="64">
<h1>Feishu / Lark Task API</h1>
<p>${spec.info.summary} ${Object.keys(spec.paths).length} paths, generated from one OpenAPI ${spec.openapi} description.</p>
<a class="card" href="en/index.html">English reference →</a>
<a class="card" href="zh/index.html">中文参考文档 →</a>
</main></body></html>
`,
);
console.log(`docs: ${join(dist, 'index.html')}`);
