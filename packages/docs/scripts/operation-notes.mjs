// Markdown appended to each operation's description, rendered from the spec's extensions (never
// retyped): the official page, required scopes, rate limits, token kinds, retry safety, the sources
// and unsourced facts, notes hidden inside array items, and the table of documented error codes.
import { pickText } from './localize.mjs';

const words = {
  en: {
    official: 'Official reference page',
    updated: 'updated',
    scopes: 'Required scopes (any one)',
    field: 'Field scopes',
    when: 'when',
    rate: 'Rate limit',
    perMinute: (n) => `${n} requests per minute`,
    perSecond: (n) => `${n} requests per second`,
    either: 'per app and tenant; either limit triggers HTTP 429',
    none: 'not documented',
    tokens: 'Tokens',
    apps: 'App types',
    retry: 'Retry safety',
    idempotent:
      'idempotent: a request whose outcome is unknown (connection lost after sending) may be sent again as is',
    notIdempotent: 'not idempotent: resending a request whose outcome is unknown may apply it twice',
    replayed: (codes) => `answered to such a resend, ${codes} means the first attempt applied`,
    sources: 'Sources',
    kinds: {
      page: 'official page',
      platform: 'platform documentation',
      unsourced: 'unsourced (observed or inferred; no page states it)',
    },
    itemNote: (name) => `Each item of \`${name}\``,
    errors: 'Error codes',
    head: ['HTTP', 'Code', 'Message and advice'],
  },
  zh: {
    official: '官方文档页面',
    updated: '更新于',
    scopes: '所需权限（开启任意一项即可）',
    field: '字段权限',
    when: '条件',
    rate: '接口频率限制',
    perMinute: (n) => `${n} 次/分钟`,
    perSecond: (n) => `${n} 次/秒`,
    either: '按应用与租户计算，任一限制触发即返回 HTTP 429',
    none: '未说明',
    tokens: '支持的访问凭证',
    apps: '支持的应用类型',
    retry: '重试安全性',
    idempotent: '幂等：请求结果未知（发送后连接中断）时，可原样重新发送',
    notIdempotent: '非幂等：重发结果未知的请求可能使其生效两次',
    replayed: (codes) => `重发后若返回 ${codes}，表示第一次请求已生效`,
    sources: '信息来源',
    kinds: {
      page: '官方文档页面',
      platform: '开放平台通用文档',
      unsourced: '无文档来源（观察或推断所得，没有页面说明）',
    },
    itemNote: (name) => `\`${name}\` 的每一项`,
    errors: '错误码',
    head: ['HTTP', '错误码', '描述与排查建议'],
  },
};

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

const noteText = (note, lang) => (note && typeof note === 'object' ? (note[lang] ?? note.en) : note);

/** Every x-source under a node, with a readable place (the last property or example names). */
function sources(node, at = [], found = []) {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) sources(n, at.concat(String(i)), found);
  } else if (node && typeof node === 'object') {
    if (node['x-source']) found.push({ at, source: node['x-source'] });
    for (const [key, value] of Object.entries(node)) if (key !== 'x-source') sources(value, at.concat(key), found);
  }
  return found;
}
const SKIP = new Set([
  'properties',
  'items',
  'content',
  'application/json',
  'schema',
  'examples',
  'responses',
  'requestBody',
  'value',
  'parameters',
]);
const placeOf = (at) => at.filter((p) => !SKIP.has(p) && !/^\d+$/.test(p)).join('.') || '—';

/**
 * Array properties whose item schema, or a required field of it, carries a description Redoc does not
 * show under the collapsed array (why `members[].id` is required is one).
 */
function itemNotes(schema, name = '', found = []) {
  if (!schema || typeof schema !== 'object') return found;
  if (schema.type === 'array' && schema.items?.description) found.push({ name, text: schema.items.description });
  if (schema.type === 'array')
    for (const field of schema.items?.required ?? []) {
      const text = schema.items.properties?.[field]?.description;
      if (text) found.push({ name: `${name}[].${field}`, text });
    }
  for (const [prop, sub] of Object.entries(schema.properties ?? {}))
    itemNotes(sub, name ? `${name}.${prop}` : prop, found);
  if (schema.items) itemNotes(schema.items, `${name}[]`, found);
  return found;
}

export function operationNotes(operation, lang, original = operation) {
  const w = words[lang];
  const lines = ['', '---', ''];
  const official =
    original['x-feishu-source']?.url ?? (original['x-source']?.kind === 'page' ? original['x-source'].url : undefined);
  if (official) {
    const updated = original['x-feishu-source']?.updated;
    lines.push(`**${w.official}:** [${official}](${official})${updated ? ` (${w.updated} ${updated})` : ''}`, '');
  }
  const scopes = operation['x-feishu-scopes'] ?? [];
  const names = operation['x-feishu-scope-names'] ?? {};
  if (scopes.length)
    lines.push(
      `**${w.scopes}:** ${scopes.map((s) => `\`${s}\`${names[s] ? ` (${pickText(names[s], lang)})` : ''}`).join(', ')}`,
      '',
    );
  for (const f of operation['x-feishu-field-scopes'] ?? [])
    lines.push(`**${w.field}:** \`${f.scope}\` (${pickText(f.name, lang)}), ${w.when} \`${f.when}\``, '');
  const rate = operation['x-feishu-rate-limit'] ?? {};
  const parts = [
    rate.per_minute && w.perMinute(rate.per_minute),
    rate.per_second && w.perSecond(rate.per_second),
  ].filter(Boolean);
  lines.push(`**${w.rate}:** ${parts.length ? `${parts.join(', ')} (${w.either})` : w.none}`, '');
  const tokens = (operation.security ?? []).flatMap((s) => Object.keys(s));
  if (tokens.length) lines.push(`**${w.tokens}:** ${tokens.map((t) => `\`${t}\``).join(', ')}`, '');
  if (operation['x-feishu-app-types'])
    lines.push(`**${w.apps}:** ${operation['x-feishu-app-types'].map((t) => `\`${t}\``).join(', ')}`, '');
  const retry = operation['x-feishu-retry'];
  if (retry) {
    const codes = (retry.replayedSuccessCodes ?? []).map((c) => `\`${c}\``).join(', ');
    lines.push(
      `**${w.retry}:** ${retry.idempotent ? w.idempotent : w.notIdempotent}${codes ? `; ${w.replayed(codes)}` : ''}.`,
      '',
    );
  }
  for (const note of itemNotes(operation.requestBody?.content?.['application/json']?.schema, ''))
    lines.push(`**${w.itemNote(note.name)}:** ${note.text.replace(/\n+/g, ' ')}`, '');

  const found = sources(original).filter((s) => s.at.length);
  if (found.length) {
    lines.push(`**${w.sources}:**`, '');
    for (const { at, source } of found) {
      const link = source.url ? ` — [${source.url}](${source.url})` : '';
      const note = noteText(source.note, lang);
      lines.push(`- \`${placeOf(at)}\`: ${w.kinds[source.kind] ?? source.kind}${link}${note ? ` — ${note}` : ''}`);
    }
    lines.push('');
  }

  lines.push(`### ${w.errors} {% #error-codes %}`, '', `| ${w.head.join(' | ')} |`, '| --- | --- | --- |');
  for (const [status, raw] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    for (const [name, ex] of Object.entries(raw.content?.['application/json']?.examples ?? {})) {
      const meta = ex['x-feishu-error'];
      if (!meta) continue;
      const advice = meta.advice?.[lang] ?? meta.advice?.en;
      lines.push(`| ${status} | **${meta.code}** \`${name}\` | \`${cell(ex.value.msg)}\` ${cell(advice)} |`);
    }
  }
  return lines.join('\n');
}
