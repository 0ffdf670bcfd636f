// What follows an operation's responses, as the official pages order it: the table of documented
// error codes, then where each fact comes from (collapsed, in plain words). HTML, written by the build
// into the page's reference.json (`x-docs-after`) and into the pre-rendered page; the boot script puts
// it after the viewer's responses. Long identifiers may break only between their words (<wbr>).
import { marked } from 'marked';
import { term } from './glossary.mjs';
import { errorRows, unsourcedMark } from './operation-card.mjs';

const words = {
  en: {
    head: ['HTTP', 'Code', 'Message and advice'],
    sourcesIntro:
      'Where each fact on this page comes from. Facts marked unsourced were observed or inferred: no page states them.',
    kinds: { page: 'Official page', platform: 'Platform documentation', unsourced: 'Unsourced' },
    operation: 'the operation',
    header: (n) => `header ${n}`,
    error: (n) => `error ${n}`,
    field: (n) => `field ${n}`,
    and: ', ',
  },
  zh: {
    head: ['HTTP', '错误码', '描述与排查建议'],
    sourcesIntro: '本页各项内容的出处。标为“无出处”的内容来自观察或推断，没有页面说明。',
    kinds: { page: '官方文档', platform: '开放平台通用文档', unsourced: '无出处' },
    operation: '接口本身',
    header: (n) => `响应头 ${n}`,
    error: (n) => `错误 ${n}`,
    field: (n) => `字段 ${n}`,
    and: '、',
  },
};

const esc = (s) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** An identifier with break opportunities between its words only: camelCase humps, _ . / - */
export const breakable = (text) =>
  esc(text)
    .replace(/([a-z0-9])([A-Z])/g, '$1<wbr>$2')
    .replace(/([_./-])(?=\w)/g, '$1<wbr>');

const inline = (md) => marked.parseInline(String(md ?? ''));

/** Route ids: the viewer's section id of the operation, plus the two headings written here. */
export const afterIds = (sectionId) => ({
  // The id the error table had when it was part of the description: old links keep landing.
  errors: `${sectionId}/request/error-codes`,
  sources: `${sectionId}/sources`,
});

function errorTable(operation, lang) {
  const w = words[lang];
  const rows = errorRows(operation).map(({ status, name, example }) => {
    const meta = example['x-feishu-error'];
    const advice = meta.advice?.[lang] ?? meta.advice?.en ?? '';
    const mark = unsourcedMark(example, lang);
    return `<tr><td>${status}</td><td><strong>${meta.code}</strong> <code class="docs-name">${breakable(name)}</code></td><td><code>${esc(example.value?.msg)}</code> ${inline(advice)}${mark ? ` ${inline(mark.trim())}` : ''}</td></tr>`;
  });
  return `<div class="docs-errors-table"><table><thead><tr>${w.head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

/** Every x-source under a node, with the path to it. */
function sourcesOf(node, at = [], found = []) {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) sourcesOf(n, at.concat(String(i)), found);
  } else if (node && typeof node === 'object') {
    if (node['x-source']) found.push({ at, source: node['x-source'] });
    for (const [key, value] of Object.entries(node)) if (key !== 'x-source') sourcesOf(value, at.concat(key), found);
  }
  return found;
}

/** A path into the operation in plain words: "header X-Tt-Logid", "error TaskUpdateRefused", "field `members[].id`". */
function placeOf(at, lang, original) {
  const w = words[lang];
  const i = at.indexOf('examples');
  if (i >= 0 && at[i + 1] && at[i - 1] !== 'schema') return w.error(at[i + 1]);
  const h = at.indexOf('headers');
  if (h >= 0 && at[h + 1]) return w.header(at[h + 1]);
  if (at[0]?.startsWith('x-feishu-')) return `\`${at[0]}\``;
  if (at[0] === 'parameters' && original.parameters?.[at[1]]?.name)
    return w.field(`\`${original.parameters[at[1]].name}\``);
  const names = at
    .filter((p, k) => at[k - 1] === 'properties' || p === 'items')
    .map((p) => (p === 'items' ? '[]' : `.${p}`))
    .join('')
    .replace(/^\./, '');
  return names ? w.field(`\`${names}\``) : w.operation;
}

function sourcesList(original, lang) {
  const w = words[lang];
  // One line per source (kind, page, note), with every place it covers.
  const groups = new Map();
  for (const { at, source } of sourcesOf(original)) {
    const note = source.note && typeof source.note === 'object' ? (source.note[lang] ?? source.note.en) : source.note;
    const key = `${source.kind}|${source.url ?? ''}|${note ?? ''}`;
    if (!groups.has(key)) groups.set(key, { source, note, places: new Set() });
    groups.get(key).places.add(at.length ? placeOf(at, lang, original) : w.operation);
  }
  const order = { page: 0, platform: 1, unsourced: 2 };
  const items = [...groups.values()]
    .sort((a, b) => (order[a.source.kind] ?? 3) - (order[b.source.kind] ?? 3))
    .map(({ source, note, places }) => {
      const kind = w.kinds[source.kind] ?? source.kind;
      const link = source.url ? ` <a href="${esc(source.url)}">${esc(source.url.replace(/^https:\/\//, ''))}</a>` : '';
      const cls = source.kind === 'unsourced' ? ' class="docs-unsourced"' : '';
      return `<li${cls}><strong>${kind}</strong>${link}${lang === 'zh' ? '：' : ': '}${inline([...places].join(w.and))}${note ? `${lang === 'zh' ? '。' : '. '}${inline(note)}` : ''}</li>`;
    });
  return `<p>${w.sourcesIntro}</p>\n<ul>\n${items.join('\n')}\n</ul>`;
}

/**
 * The HTML after an operation's responses. `operation` is the localized operation, `original` the
 * spec's; `sectionId` the viewer's section id (tag/operationid, without the leading slash).
 */
export function afterResponses({ operation, original = operation, lang, sectionId }) {
  const ids = afterIds(sectionId);
  return `<h3 class="docs-after-heading" id="${esc(ids.errors)}"><a class="docs-anchor" href="#/${esc(ids.errors)}">${term('errorCode', lang)}</a></h3>
${errorTable(operation, lang)}
<details class="docs-sources"><summary id="${esc(ids.sources)}">${term('sources', lang)}</summary>
${sourcesList(original, lang)}
</details>`;
}
