// The changelog page, for API readers: first the changes to the API description (the spec), newest
// first and dated: the pending changesets that name @feishu-task/openapi, then the spec's released
// versions from spec/CHANGELOG.md. Below, the package changes, grouped per published package.
// Entries are written in English (they are the changesets, one text per change, read by the release
// tooling too): the zh page keeps its own words (headings, notes, dates, bump names) Chinese and quotes
// each entry in its original English, as a quote block marked lang="en", and says so above them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { changelogEntries, specReleases, workspaceRoot } from './changelog.mjs';
import { term } from './glossary.mjs';
import { workspacePackages } from './install.mjs';

const SPEC = '@feishu-task/openapi';
const words = {
  en: {
    api: 'API and description changes',
    apiNote: 'Changes to the OpenAPI description: endpoints, fields, codes, limits, scopes. Newest first.',
    unreleased: 'Not yet released',
    packages: 'Package changes',
    packagesNote: 'Changes to the client, the mock, the emulator and the other packages, by package.',
    none: 'None yet.',
    bump: { major: 'major', minor: 'minor', patch: 'patch' },
    note: 'Entries come from the repository’s changesets.',
    original: (html) => `<div lang="en">${html}</div>`,
  },
  zh: {
    api: '接口与接口描述的变更',
    apiNote: 'OpenAPI 接口描述的变更：接口、字段、错误码、限制与权限。按时间倒序排列。',
    unreleased: '尚未发布',
    packages: '各软件包的变更',
    packagesNote: '客户端、mock、模拟器及其他软件包的变更，按包分组。',
    none: '暂无。',
    bump: { major: '主版本', minor: '次版本', patch: '修订版本' },
    note: '各条目取自仓库的 changeset，以英文原文引用（左侧带竖线的引用块）。',
    original: (html) => `<blockquote class="docs-original" lang="en">${html}</blockquote>`,
  },
};

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const byDateDesc = (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.file?.localeCompare(b.file ?? '');

export function changelogBody(lang, root = workspaceRoot()) {
  const w = words[lang];
  const { pending } = changelogEntries(root);
  const entry = (c, packages = true) =>
    `<li><p class="docs-bumps"><time datetime="${c.date}">${c.date}</time>${
      packages ? ` · ${c.packages.map((p) => `<code>${esc(p.name)}</code> ${w.bump[p.bump]}`).join(', ')}` : ''
    }</p>${w.original(marked.parse(c.body))}</li>`;

  const specPending = pending.filter((c) => c.packages.some((p) => p.name === SPEC)).sort(byDateDesc);
  const releases = specReleases(root);
  const api = [
    specPending.length
      ? `<h3>${w.unreleased}</h3>\n<ul class="docs-changes">${specPending.map((c) => entry(c)).join('\n')}</ul>`
      : '',
    ...releases.map(
      (r) =>
        `<h3>${esc(r.version)}${r.date ? ` · <time datetime="${r.date}">${r.date}</time>` : ''}</h3>\n${w.original(marked.parse(r.markdown.replace(/^### /gm, '#### ')))}`,
    ),
  ].filter(Boolean);

  const published = workspacePackages(root).filter((p) => !p.private && p.name !== SPEC);
  const groups = published.map((pkg) => {
    const own = pending
      .filter((c) => c.packages.some((p) => p.name === pkg.name))
      .sort(byDateDesc)
      .map((c) => ({ ...c, body: c.body }));
    const file = join(root, pkg.dir, 'CHANGELOG.md');
    const released = existsSync(file)
      ? marked.parse(
          readFileSync(file, 'utf8')
            .replace(/^# .*\n/, '')
            .replace(/^## /gm, '#### '),
        )
      : '';
    if (!own.length && !released) return '';
    const bumpOf = (c) => c.packages.find((p) => p.name === pkg.name).bump;
    return `<h3 id="${esc(pkg.name.replace(/^@/, '').replace('/', '-'))}"><code>${esc(pkg.name)}</code></h3>
${own.length ? `<h4>${w.unreleased}</h4>\n<ul class="docs-changes">${own.map((c) => entry({ ...c, packages: [{ name: pkg.name, bump: bumpOf(c) }] })).join('\n')}</ul>` : ''}
${released ? w.original(released) : ''}`;
  });

  return `<h1 id="changelog">${term('changelog', lang)}</h1>
<p>${w.note}</p>
<h2 id="api">${w.api}</h2>
<p>${w.apiNote}</p>
${api.length ? api.join('\n') : `<p>${w.none}</p>`}
<h2 id="packages">${w.packages}</h2>
<p>${w.packagesNote}</p>
${groups.filter(Boolean).join('\n') || `<p>${w.none}</p>`}`;
}
