// The summary card that opens each operation, in the official pages' order: method and path, scopes
// (and field scopes), rate limit, tokens and app types, then retry safety and the official page; all
// read from the spec's extensions, never retyped. A fact the spec marks `x-source: unsourced` says so
// in place, with the spec's note. Markdown, rendered by the viewer as the operation's description.
import { term } from './glossary.mjs';
import { pickText } from './localize.mjs';

const words = {
  en: {
    endpoint: 'Method and path',
    official: 'Official page',
    updated: 'updated',
    scopes: 'Required scopes (any one)',
    noScopes: 'none',
    field: 'Field scopes',
    when: 'when',
    perMinute: (n) => `${n} requests per minute`,
    perSecond: (n) => `${n} requests per second`,
    either: 'per app and tenant; either limit answers HTTP 429',
    none: 'not documented',
    tokens: 'Access tokens',
    noToken: 'none (this call makes the token)',
    apps: 'App types',
    retry: 'Retry safety',
    idempotent: 'idempotent: a request whose outcome is unknown may be sent again as is',
    notIdempotent: 'not idempotent: resending a request whose outcome is unknown may apply it twice',
    replayed: (codes) => `${codes} answered to a resend means the first attempt applied`,
    sdk: 'Official SDK method',
    errors: 'Error codes',
    errorsLink: (n) => `${n} documented, listed after the responses`,
    itemNote: (name) => `Each item of \`${name}\``,
  },
  zh: {
    endpoint: '请求方法与路径',
    official: '官方文档',
    updated: '更新于',
    scopes: '所需权限（开通任意一项即可）',
    noScopes: '无',
    field: '字段权限',
    when: '条件：',
    perMinute: (n) => `${n} 次/分钟`,
    perSecond: (n) => `${n} 次/秒`,
    either: '按应用与租户计算，任一限制触发即返回 HTTP 429',
    none: '未说明',
    tokens: '支持的访问凭证',
    noToken: '无（本接口用于获取访问凭证）',
    apps: '支持的应用类型',
    retry: '重试安全性',
    idempotent: '幂等：结果未知的请求可原样重新发送',
    notIdempotent: '非幂等：重发结果未知的请求可能使其生效两次',
    replayed: (codes) => `重发后若返回 ${codes}，表示第一次请求已生效`,
    sdk: '官方 SDK 方法',
    errors: '错误码',
    errorsLink: (n) => `共 ${n} 个，列于响应之后`,
    itemNote: (name) => `\`${name}\` 的每一项`,
  },
};

const noteText = (note, lang) => (note && typeof note === 'object' ? (note[lang] ?? note.en) : note);

/** " (Unsourced: note)" after a fact the spec marks unsourced; '' otherwise. */
export function unsourcedMark(node, lang) {
  const source = node && typeof node === 'object' ? node['x-source'] : undefined;
  if (source?.kind !== 'unsourced') return '';
  const note = noteText(source.note, lang);
  return lang === 'zh'
    ? ` _（**${term('unsourced', lang)}**${note ? `：${note}` : ''}）_`
    : ` _(**${term('unsourced', lang)}**${note ? `: ${note}` : ''})_`;
}

/** The SDK method's name, whether the spec gives it as a string or as an object carrying x-source. */
export const sdkMethodName = (value) =>
  typeof value === 'string' ? value : (value?.method ?? value?.name ?? value?.value);

/**
 * Array properties whose item schema, or a required field of it, or a field a request rule
 * (x-feishu-request-rules) names, carries a description Redoc does not show under the collapsed array
 * (what a member without `members[].id` gets is one). `ruled`: "members[].id" for each rule.
 */
function itemNotes(schema, name = '', found = [], ruled = new Set()) {
  if (!schema || typeof schema !== 'object') return found;
  if (schema.type === 'array' && schema.items?.description) found.push({ name, text: schema.items.description });
  if (schema.type === 'array')
    for (const field of new Set([
      ...(schema.items?.required ?? []),
      ...Object.keys(schema.items?.properties ?? {}).filter((f) => ruled.has(`${name}[].${f}`)),
    ])) {
      const text = schema.items.properties?.[field]?.description;
      if (text) found.push({ name: `${name}[].${field}`, text });
    }
  for (const [prop, sub] of Object.entries(schema.properties ?? {}))
    itemNotes(sub, name ? `${name}.${prop}` : prop, found, ruled);
  if (schema.items) itemNotes(schema.items, `${name}[]`, found, ruled);
  return found;
}

/** Documented error codes of an operation: [{ status, name, example }] in the spec's order. */
export function errorRows(operation) {
  const rows = [];
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    for (const [name, example] of Object.entries(response.content?.['application/json']?.examples ?? {}))
      if (example['x-feishu-error']) rows.push({ status, name, example });
  }
  return rows;
}

/**
 * The card. `operation` is the localized operation, `original` the spec's (x-source notes in both
 * languages), `path` and `method` its place, `errorsHref` the route of its error table.
 */
export function summaryCard({ operation, original = operation, lang, path, method, errorsHref }) {
  const w = words[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const item = (label, value) => `- **${label}**${sep}${value}`;
  // Raw HTML: the path may wrap after a slash (<wbr>), never inside a word.
  const lines = [item(w.endpoint, `<code>${method.toUpperCase()} ${path.replace(/\//g, '/<wbr>')}</code>`)];

  const scopes = operation['x-feishu-scopes'] ?? [];
  const names = operation['x-feishu-scope-names'] ?? {};
  lines.push(
    item(
      w.scopes,
      (scopes.length
        ? scopes
            .map(
              (s) =>
                `\`${s}\`${names[s] ? ` ${lang === 'zh' ? '（' : '('}${pickText(names[s], lang)}${lang === 'zh' ? '）' : ')'}` : ''}`,
            )
            .join(lang === 'zh' ? '、' : ', ')
        : w.noScopes) + unsourcedMark(original['x-feishu-scopes'], lang),
    ),
  );
  for (const f of operation['x-feishu-field-scopes'] ?? [])
    lines.push(
      item(
        w.field,
        lang === 'zh'
          ? `\`${f.scope}\`（${pickText(f.name, lang)}），${w.when}\`${f.when}\``
          : `\`${f.scope}\` (${pickText(f.name, lang)}), ${w.when} \`${f.when}\``,
      ),
    );

  const rate = operation['x-feishu-rate-limit'] ?? {};
  const parts = [rate.per_minute && w.perMinute(rate.per_minute), rate.per_second && w.perSecond(rate.per_second)]
    .filter(Boolean)
    .join(lang === 'zh' ? '，' : ', ');
  lines.push(
    item(
      term('rateLimit', lang),
      `${parts ? `${parts} ${lang === 'zh' ? `（${w.either}）` : `(${w.either})`}` : w.none}${unsourcedMark(original['x-feishu-rate-limit'], lang)}`,
    ),
  );

  const tokens = (operation.security ?? []).flatMap((s) => Object.keys(s));
  lines.push(
    item(w.tokens, tokens.length ? tokens.map((t) => `\`${t}\``).join(lang === 'zh' ? '、' : ', ') : w.noToken),
  );
  if (operation['x-feishu-app-types'])
    lines.push(item(w.apps, operation['x-feishu-app-types'].map((t) => `\`${t}\``).join(lang === 'zh' ? '、' : ', ')));

  const retry = operation['x-feishu-retry'];
  if (retry) {
    const codes = (retry.replayedSuccessCodes ?? []).map((c) => `\`${c}\``).join(', ');
    lines.push(
      item(
        w.retry,
        `${retry.idempotent ? w.idempotent : w.notIdempotent}${codes ? `${lang === 'zh' ? '；' : '; '}${w.replayed(codes)}` : ''}${unsourcedMark(original['x-feishu-retry'], lang)}`,
      ),
    );
  }
  const sdk = original['x-feishu-sdk-method'];
  if (sdk) lines.push(item(w.sdk, `\`client.${sdkMethodName(sdk)}\`${unsourcedMark(sdk, lang)}`));

  const official =
    original['x-feishu-source']?.url ?? (original['x-source']?.kind === 'page' ? original['x-source'].url : undefined);
  if (official) {
    const updated = original['x-feishu-source']?.updated ?? original['x-source']?.updated;
    lines.push(
      item(
        w.official,
        `<${official}>${updated ? ` ${lang === 'zh' ? `（${w.updated} ${updated}）` : `(${w.updated} ${updated})`}` : ''}`,
      ),
    );
  }
  const errors = errorRows(operation);
  if (errors.length) lines.push(item(w.errors, `[${w.errorsLink(errors.length)}](${errorsHref})`));

  const ruled = new Set(
    Object.values(operation['x-feishu-request-rules'] ?? {}).map((rule) => `${rule.field}[].${rule.itemWithout}`),
  );
  const notes = itemNotes(operation.requestBody?.content?.['application/json']?.schema, '', [], ruled).map(
    (note) => `**${w.itemNote(note.name)}**${sep}${note.text.replace(/\n+/g, ' ').trim()}`,
  );
  return ['', lines.join('\n'), ...notes.map((n) => `\n${n}`), ''].join('\n');
}
