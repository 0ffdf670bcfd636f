// Markdown appended to each operation's description, rendered from the spec's extensions (never
// retyped): required scopes, rate limits, token kinds and the table of documented error codes.

const words = {
  en: {
    scopes: 'Required scopes (any one)',
    field: 'Field scopes',
    rate: 'Rate limit',
    perMinute: (n) => `${n} requests per minute`,
    perSecond: (n) => `${n} requests per second`,
    either: 'per app and tenant; either limit triggers HTTP 429',
    none: 'not documented',
    tokens: 'Tokens',
    errors: 'Error codes',
    head: '| HTTP | Code | Message | Advice |',
    apps: 'App types',
  },
  zh: {
    scopes: '所需权限（开启任意一项即可）',
    field: '字段权限',
    rate: '接口频率限制',
    perMinute: (n) => `${n} 次/分钟`,
    perSecond: (n) => `${n} 次/秒`,
    either: '按应用与租户计算，任一限制触发即返回 HTTP 429',
    none: '未说明',
    tokens: '支持的访问凭证',
    errors: '错误码',
    head: '| HTTP | 错误码 | 描述 | 排查建议 |',
    apps: '支持的应用类型',
  },
};

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

export function operationNotes(_spec, operation, lang) {
  const w = words[lang];
  const lines = ['', '---', ''];
  const scopes = operation['x-feishu-scopes'] ?? [];
  const names = operation['x-feishu-scope-names'] ?? {};
  if (scopes.length)
    lines.push(`**${w.scopes}:** ${scopes.map((s) => `\`${s}\`${names[s] ? ` (${names[s]})` : ''}`).join(', ')}`, '');
  for (const f of operation['x-feishu-field-scopes'] ?? [])
    lines.push(`**${w.field}:** \`${f.scope}\` (${f.name}), when \`${f.when}\``, '');
  const rate = operation['x-feishu-rate-limit'] ?? {};
  const parts = [
    rate.per_minute && w.perMinute(rate.per_minute),
    rate.per_second && w.perSecond(rate.per_second),
  ].filter(Boolean);
  lines.push(`**${w.rate}:** ${parts.length ? `${parts.join(', ')} (${w.either})` : w.none}`, '');
  const tokens = (operation.security ?? []).flatMap((s) => Object.keys(s));
  if (tokens.length) lines.push(`**${w.tokens}:** ${tokens.map((t) => `\`${t}\``).join(', ')}`, '');
  if (operation['x-feishu-app-types']) lines.push(`**${w.apps}:** ${operation['x-feishu-app-types'].join(', ')}`, '');

  lines.push(`### ${w.errors}`, '', w.head, '| --- | --- | --- | --- |');
  for (const [status, raw] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    for (const [name, rawEx] of Object.entries(raw.content?.['application/json']?.examples ?? {})) {
      const ex = rawEx;
      const meta = ex['x-feishu-error'];
      lines.push(`| ${status} | **${meta.code}**<br>${name} | ${cell(ex.value.msg)} | ${cell(meta.advice[lang])} |`);
    }
  }
  return lines.join('\n');
}
