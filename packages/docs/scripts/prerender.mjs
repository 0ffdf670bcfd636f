// The reference as plain HTML, written into each language page at build time so that it reads before
// the viewer's script has run (and without it): the introduction, then each operation with its title,
// method and path, summary card, parameters, request body fields, responses and the error table. The
// viewer replaces it when it renders. Ids are the viewer's routes, so a link to a section shows that
// section at once (a small inline script scrolls to it).
import { HTTP_METHODS } from '@feishu-task/spec-tools';
import { marked } from 'marked';
import { term } from './glossary.mjs';
import { zhLabels } from './labels.mjs';

const esc = (s) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const words = {
  en: {
    params: 'Parameters',
    body: 'Request body',
    responses: 'Responses',
    required: 'required',
    head: ['Name', 'In', 'Type', 'Description'],
    bodyHead: ['Field', 'Type', 'Description'],
    respHead: ['Status', 'Description'],
    in: { path: 'path', query: 'query', header: 'header' },
  },
  // The words the viewer's zh labels use, so the page reads the same before and after it renders.
  zh: {
    params: zhLabels.parameters,
    body: term('requestBody', 'zh'),
    responses: term('response', 'zh'),
    required: zhLabels.required,
    head: ['名称', '位置', '类型', '说明'],
    bodyHead: ['字段', '类型', '说明'],
    respHead: ['状态码', '说明'],
    in: { path: zhLabels.path, query: zhLabels.query, header: zhLabels.header },
  },
};

/** Markdown as the viewer writes it, Markdoc annotations (`{% #id %}`) read as ids, raw HTML kept. */
const md = (text) =>
  marked
    .parse(String(text ?? ''))
    .replace(/<h([1-6])>(.*?)\s*\{% #([\w-]+) %\}<\/h\1>/g, '<h$1 id="$3">$2</h$1>')
    .replace(/\{%[^%]*%\}/g, '');
const inline = (text) => marked.parseInline(String(text ?? '').split(/\n\s*\n/)[0]);

const typeOf = (schema) => {
  if (!schema) return '';
  if (schema.type === 'array') return `array of ${typeOf(schema.items) || 'any'}`;
  if (schema.enum) return `${schema.type ?? ''} (${schema.enum.join(' | ')})`.trim();
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? (schema.anyOf ? 'any of' : ''));
};
const table = (head, rows) =>
  rows.length
    ? `<div class="docs-pre-table"><table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : '';

function operationHtml(path, method, op, pathItem, lang) {
  const w = words[lang];
  const tag = String(op.tags?.[0] ?? '')
    .toLowerCase()
    .replace(/\s+/g, '-');
  const id = `${tag}/${op.operationId.toLowerCase()}`;
  const params = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])].map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code>${p.required ? ` <em>${w.required}</em>` : ''}</td><td>${w.in[p.in] ?? p.in}</td><td>${esc(typeOf(p.schema))}</td><td>${inline(p.description)}</td></tr>`,
  );
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const props = Object.entries(schema?.properties ?? {}).map(
    ([name, s]) =>
      `<tr><td><code>${esc(name)}</code>${schema.required?.includes(name) ? ` <em>${w.required}</em>` : ''}</td><td>${esc(typeOf(s))}</td><td>${inline(s.description)}</td></tr>`,
  );
  const responses = Object.entries(op.responses ?? {}).map(
    ([status, r]) => `<tr><td>${esc(status)}</td><td>${inline(r.description)}</td></tr>`,
  );
  return `<section class="docs-pre-op" id="${esc(id)}">
<h2>${esc(op.summary)}</h2>
<p class="docs-pre-endpoint"><code>${method.toUpperCase()} ${esc(path).replace(/\//g, '/<wbr>')}</code></p>
${md(op.description).replace(/<div class="docs-try-it"[^>]*><\/div>/g, '')}
<h3 id="${esc(id)}/request">${w.params}</h3>
${table(w.head, params)}
${props.length ? `<h3>${w.body}</h3>\n${table(w.bodyHead, props)}` : ''}
<h3 id="${esc(id)}/responses">${w.responses}</h3>
${table(w.respHead, responses)}
${op['x-docs-after'] ?? ''}
</section>`;
}

/** The pre-rendered reference for one localized document (after the build has added its notes). */
export function prerender(doc, lang) {
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of HTTP_METHODS)
      if (item[method]) ops.push(operationHtml(path, method, item[method], item, lang));
  return `<div class="docs-prerender">
<section class="docs-pre-intro"><h1>${esc(doc.info.title)}</h1>
${md(doc.info.description)}</section>
${ops.join('\n')}
</div>`;
}

// Shows the section the address names while the viewer loads (its own routing takes over after).
export const PRERENDER_SCROLL = `<script>try{var t=document.getElementById(decodeURIComponent(location.hash.replace(/^#\\/?/,"")).replace(/\\/request\\/.*$/,""));if(t)t.scrollIntoView()}catch(e){}</script>`;
