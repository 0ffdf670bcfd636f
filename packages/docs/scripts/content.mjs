// The hand-written pages (content/<name>.<lang>.md) name facts the spec and the workspace know; they
// write placeholders, filled in here at build time, so the prose cannot drift from either:
//   {{code NAME}}                  the code of the spec's example NAME
//   {{status OPERATION CODE}}      the HTTP status OPERATION answers CODE with
//   {{officialPages}}              the official pages, one link each
//   {{scopes}}                     a table: each operation, its scopes and field scopes
//   {{firstErrors CODE ...}}       a table: where each code is documented, its status and advice
//   {{install PACKAGE [dev]}}      today's install line (the packed tarballs); {{registry PACKAGE [dev]}}
//   {{pnpm}} {{repo}} {{pack}} {{packs}}  the pinned pnpm, the repository, the pack command, its folder
import { errorExamples, operations } from '@feishu-task/spec-tools';
import { installFacts, PACKS } from './install.mjs';
import { pickText } from './localize.mjs';

const words = {
  en: {
    scopesHead: ['Operation', 'Scopes (enable any one)', 'Field scope'],
    when: 'only when',
    none: '—',
    errorsHead: ['Code', 'Where', 'What it means'],
  },
  zh: {
    scopesHead: ['接口', '权限（开通任意一项即可）', '字段权限'],
    when: '仅当',
    none: '—',
    errorsHead: ['错误码', '出现于', '含义'],
  },
};

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');

export function contentFiller(spec, root) {
  const ops = Object.fromEntries([...operations(spec)].map((o) => [o.operation.operationId, o.operation]));
  const summary = (op, lang) => (lang === 'zh' ? (op['x-i18n']?.zh?.summary ?? op.summary) : op.summary);
  let install;
  const facts = () => {
    install ??= installFacts(root);
    return install;
  };

  function officialPages(lang) {
    const pages = new Map();
    for (const { operation } of operations(spec)) {
      const url =
        operation['x-feishu-source']?.url ?? (operation['x-source']?.kind === 'page' && operation['x-source'].url);
      if (url && !pages.has(url)) pages.set(url, summary(operation, lang));
    }
    return [...pages].map(([url, title]) => `- [${title}](${url})`).join('\n');
  }

  function scopes(lang) {
    const w = words[lang];
    const rows = Object.values(ops)
      .filter((op) => (op['x-feishu-scopes'] ?? []).length)
      .map((op) => {
        const names = lang === 'zh' ? (op['x-i18n']?.zh?.['x-feishu-scope-names'] ?? {}) : {};
        const scopeNames = { ...(op['x-feishu-scope-names'] ?? {}), ...names };
        const list = op['x-feishu-scopes']
          .map((s) => `\`${s}\`${scopeNames[s] ? ` (${pickText(scopeNames[s], lang)})` : ''}`)
          .join('<br>');
        const field = (op['x-feishu-field-scopes'] ?? [])
          .map((f) => {
            const name = lang === 'zh' ? (f['x-i18n']?.zh?.name ?? f.name) : f.name;
            return `\`${f.scope}\` (${pickText(name, lang)}), ${w.when} \`${f.when}\``;
          })
          .join('<br>');
        return `| ${cell(summary(op, lang))} | ${list} | ${field || w.none} |`;
      });
    return [`| ${w.scopesHead.join(' | ')} |`, '| --- | --- | --- |', ...rows].join('\n');
  }

  function firstErrors(codes, lang) {
    const w = words[lang];
    const rows = [];
    for (const code of codes) {
      const places = [];
      let advice = '';
      for (const op of Object.values(ops)) {
        const found = errorExamples(op).find((e) => e.code === code);
        if (!found) continue;
        const meta = Object.values(op.responses[found.status].content['application/json'].examples).find(
          (ex) => ex['x-feishu-error']?.code === code,
        )?.['x-feishu-error'];
        places.push(`${summary(op, lang)} (HTTP ${found.status})`);
        const text = meta?.advice?.[lang] ?? meta?.advice?.en ?? '';
        if (text && !advice.includes(text)) advice = advice ? `${advice} / ${text}` : text;
      }
      if (!places.length) throw new Error(`{{firstErrors}}: no operation documents ${code}`);
      rows.push(`| **${code}** | ${cell(places.join(lang === 'zh' ? '；' : '; '))} | ${cell(advice)} |`);
    }
    return [`| ${w.errorsHead.join(' | ')} |`, '| --- | --- | --- |', ...rows].join('\n');
  }

  return function fillIn(text, lang) {
    return text
      .replace(/\{\{code (\w+)\}\}/g, (_, name) => spec.components.examples[name].value.code)
      .replace(
        /\{\{status (\w+) (\d+)\}\}/g,
        (_, op, code) => errorExamples(ops[op]).find((e) => e.code === Number(code)).status,
      )
      .replace('{{officialPages}}', () => officialPages(lang))
      .replace('{{scopes}}', () => scopes(lang))
      .replace(/\{\{firstErrors ([\d ]+)\}\}/g, (_, codes) => firstErrors(codes.trim().split(/\s+/).map(Number), lang))
      .replace(/\{\{install (\S+)( dev)?\}\}/g, (_, name, dev) => facts().installToday(name, { dev: !!dev }))
      .replace(/\{\{registry (\S+)( dev)?\}\}/g, (_, name, dev) => facts().installRegistry(name, { dev: !!dev }))
      .replaceAll('{{pnpm}}', () => facts().pnpm)
      .replaceAll('{{repo}}', () => facts().repo)
      .replaceAll('{{pack}}', () => facts().packCommand)
      .replaceAll('{{packs}}', PACKS)
      .replace(/\{\{[^}]*\}\}/g, (m) => {
        throw new Error(`unknown placeholder ${m}`);
      });
  };
}
