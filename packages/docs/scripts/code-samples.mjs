// x-codeSamples for each operation, generated at build time from the operation's own examples: our
// client, curl, and the official Node SDK (ES modules, saved as .mjs), commented in the page's
// language. Every sample picks its host the same way: the FEISHU_DOMAIN environment variable, https://open.feishu.cn when it is unset (Lark tenants set
// https://open.larksuite.com, the mock its own URL). Bodies never carry a deprecated field.

import { term } from './glossary.mjs';
import { sdkMethodName } from './operation-card.mjs';

export const DEFAULT_DOMAIN = 'https://open.feishu.cn';

const js = (value, indent) =>
  JSON.stringify(value, null, 2)
    .replace(/"([a-z_][a-z0-9_]*)":/gi, '$1:')
    .replace(/'/g, "\\'")
    .replace(/"/g, "'")
    .replace(/\n/g, `\n${indent}`);

const deprecatedFields = (schema) =>
  Object.entries(schema?.properties ?? {})
    .filter(([, s]) => s.deprecated)
    .map(([name]) => name);

/** The first request example that sends no deprecated field (else the first, without them). */
export function requestBodyExample(operation) {
  const media = operation.requestBody?.content?.['application/json'];
  if (!media?.examples) return undefined;
  const deprecated = deprecatedFields(media.schema);
  const values = Object.values(media.examples).map((e) => e.value);
  const clean = values.find((v) => !deprecated.some((f) => f in v));
  if (clean) return clean;
  const first = structuredClone(values[0]);
  for (const f of deprecated) delete first[f];
  return first;
}

// The samples' menu and comments in the page's language (the code is the same on both pages).
export const LABELS = {
  en: { client: 'Client', sdk: term('officialSdk', 'en').replace(/^o/, 'O') },
  zh: { client: '客户端', sdk: term('officialSdk', 'zh') },
};
const COMMENTS = {
  en: {
    client: 'npm i @feishu-task/client (see Install). An ES module: save as sample.mjs, run with node sample.mjs.',
    tokenModule:
      'An ES module: save as sample.mjs. The client does this exchange by itself when given auth: { appId, appSecret }.',
    domain: `FEISHU_DOMAIN picks the host: ${DEFAULT_DOMAIN} by default, https://open.larksuite.com for Lark.`,
    neverPrint: 'Never print the token itself: it is a credential.',
    curlHost: `FEISHU_DOMAIN picks the host (${DEFAULT_DOMAIN} when unset).`,
    curlToken2: 'TENANT_ACCESS_TOKEN: see Getting started, step 6 (getting-started.html#token).',
    curlToken: 'Keeps the token in TENANT_ACCESS_TOKEN without printing it.',
    sdk: 'npm i @larksuiteoapi/node-sdk. An ES module: save as sample.mjs, run with node sample.mjs.',
    lark: 'Lark: https://open.larksuite.com',
  },
  zh: {
    client: 'npm i @feishu-task/client（见“安装”）。这是 ES 模块：保存为 sample.mjs，用 node sample.mjs 运行。',
    tokenModule: '这是 ES 模块：保存为 sample.mjs。向客户端传入 auth: { appId, appSecret } 时，它会自行完成这一步。',
    domain: `FEISHU_DOMAIN 决定请求的域名：默认 ${DEFAULT_DOMAIN}，Lark 租户使用 https://open.larksuite.com。`,
    neverPrint: '不要打印访问凭证本身：它是敏感凭据。',
    curlHost: `FEISHU_DOMAIN 决定请求的域名（未设置时为 ${DEFAULT_DOMAIN}）。`,
    curlToken2: 'TENANT_ACCESS_TOKEN 的获取方法见“开始使用”第 6 步（getting-started.html#token）。',
    curlToken: '把访问凭证保存在 TENANT_ACCESS_TOKEN 中，不打印出来。',
    sdk: 'npm i @larksuiteoapi/node-sdk。这是 ES 模块：保存为 sample.mjs，用 node sample.mjs 运行。',
    lark: 'Lark：https://open.larksuite.com',
  },
};

const NAMED = new Set(['addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers']);

export function codeSamples(path, method, pathItem, operation, lang = 'en') {
  const params = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])];
  const pathParams = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, p.example]));
  const query = Object.fromEntries(
    params.filter((p) => p.in === 'query' && p.example !== undefined).map((p) => [p.name, p.example]),
  );
  const body = requestBodyExample(operation);
  const concrete = path.replace(/\{([^}]+)\}/g, (_, name) => pathParams[name]);
  const qs = new URLSearchParams(query).toString();
  const secured = (operation.security ?? []).length > 0;
  const id = operation.operationId;
  const input = [
    Object.keys(pathParams).length && `path: ${js(pathParams, '  ')}`,
    Object.keys(query).length && `query: ${js(query, '  ')}`,
    body && `body: ${js(body, '  ')}`,
  ].filter(Boolean);

  const c = COMMENTS[lang];
  const ts = NAMED.has(id)
    ? `// ${c.client}
// ${c.domain}
import { createClient } from '@feishu-task/client';

const client = createClient({
  domain: process.env.FEISHU_DOMAIN ?? '${DEFAULT_DOMAIN}',
  auth: { appId: process.env.APP_ID ?? '', appSecret: process.env.APP_SECRET ?? '' },
});

const data = await client.${id}({
  ${input.join(',\n  ')},
});
console.log(JSON.stringify(data, null, 2));`
    : `// ${c.tokenModule}
// ${c.domain}
const domain = process.env.FEISHU_DOMAIN ?? '${DEFAULT_DOMAIN}';
const response = await fetch(\`\${domain}${path}\`, {
  method: '${method.toUpperCase()}',
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ app_id: process.env.APP_ID, app_secret: process.env.APP_SECRET }),
});
const answer = await response.json();
// ${c.neverPrint}
console.log(response.status, answer.code, answer.msg, \`token expires in \${answer.expire} s\`);`;

  // The token endpoint: keep the token in the shell, never print it (getting started, step 6).
  const curl =
    id === 'getTenantAccessToken'
      ? [
          `# ${c.curlToken}`,
          `export TENANT_ACCESS_TOKEN=$(curl -s -X POST "\${FEISHU_DOMAIN:-${DEFAULT_DOMAIN}}${concrete}" \\`,
          `  -H 'Content-Type: application/json; charset=utf-8' \\`,
          `  -d "{\\"app_id\\":\\"$APP_ID\\",\\"app_secret\\":\\"$APP_SECRET\\"}" | jq -r .tenant_access_token)`,
          `test -n "$TENANT_ACCESS_TOKEN" && echo "token set (\${#TENANT_ACCESS_TOKEN} characters)"`,
        ].join('\n')
      : [
          `# ${c.curlHost}`,
          `# ${c.curlToken2}`,
          [
            `curl -sS -i -X ${method.toUpperCase()} "\${FEISHU_DOMAIN:-${DEFAULT_DOMAIN}}${concrete}${qs ? `?${qs}` : ''}"`,
            secured && `  -H "Authorization: Bearer $TENANT_ACCESS_TOKEN"`,
            body && `  -H 'Content-Type: application/json; charset=utf-8'`,
            body && `  -d '${JSON.stringify(body)}'`,
          ]
            .filter(Boolean)
            .join(' \\\n'),
        ].join('\n');

  const sdkMethod = sdkMethodName(operation['x-feishu-sdk-method']);
  const sdkArgs = [
    Object.keys(pathParams).length && `path: ${js(pathParams, '  ')}`,
    Object.keys(query).length && `params: ${js(query, '  ')}`,
    body && id !== 'getTenantAccessToken' && `data: ${js(body, '  ')}`,
    id === 'getTenantAccessToken' &&
      `data: { app_id: process.env.APP_ID ?? '', app_secret: process.env.APP_SECRET ?? '' }`,
  ].filter(Boolean);
  const sdk = `// ${c.sdk}
// ${c.domain}
import lark from '@larksuiteoapi/node-sdk';

const client = new lark.Client({
  appId: process.env.APP_ID ?? '',
  appSecret: process.env.APP_SECRET ?? '',
  domain: process.env.FEISHU_DOMAIN ?? '${DEFAULT_DOMAIN}', // ${c.lark}
  loggerLevel: lark.LoggerLevel.error,
});

const res = await client.${sdkMethod}({
  ${sdkArgs.join(',\n  ')},
});
${id === 'getTenantAccessToken' ? `// ${c.neverPrint}\nconsole.log(res.code, res.msg, 'token expires in', res.expire, 's');` : 'console.log(JSON.stringify(res, null, 2));'}`;

  return [
    { lang: 'JavaScript', label: LABELS[lang].client, source: ts },
    { lang: 'curl', label: 'curl', source: curl },
    ...(sdkMethod ? [{ lang: 'Node.js', label: LABELS[lang].sdk, source: sdk }] : []),
  ];
}
