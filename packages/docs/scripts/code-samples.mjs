// x-codeSamples for each operation, generated at build time from the operation's own examples: our
// TypeScript client, curl, and the official Node SDK. Every sample picks its host the same way: the
// FEISHU_DOMAIN environment variable, https://open.feishu.cn when it is unset (Lark tenants set
// https://open.larksuite.com, the mock its own URL). Bodies never carry a deprecated field.

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

const NAMED = new Set(['addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers']);

export function codeSamples(path, method, pathItem, operation) {
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

  const header = `// npm i @feishu-task/client — an ES module: save as sample.mts (or .mjs), or use "type": "module".
// FEISHU_DOMAIN picks the host: ${DEFAULT_DOMAIN} by default, https://open.larksuite.com for Lark.`;
  const ts = NAMED.has(id)
    ? `${header}
import { createClient } from '@feishu-task/client';

const client = createClient({
  domain: process.env.FEISHU_DOMAIN ?? '${DEFAULT_DOMAIN}',
  auth: { appId: process.env.APP_ID ?? '', appSecret: process.env.APP_SECRET ?? '' },
});

const data = await client.${id}({
  ${input.join(',\n  ')},
});
console.log(JSON.stringify(data, null, 2));`
    : `// An ES module (save as sample.mts or .mjs); the client does this exchange by itself when given
// auth: { appId, appSecret }. FEISHU_DOMAIN picks the host: ${DEFAULT_DOMAIN} by default.
const domain = process.env.FEISHU_DOMAIN ?? '${DEFAULT_DOMAIN}';
const response = await fetch(\`\${domain}${path}\`, {
  method: '${method.toUpperCase()}',
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ app_id: process.env.APP_ID, app_secret: process.env.APP_SECRET }),
});
const answer = await response.json();
// Never print the token itself: it is a credential.
console.log(response.status, answer.code, answer.msg, \`token expires in \${answer.expire} s\`);`;

  const curlBody =
    id === 'getTenantAccessToken'
      ? `  -d "{\\"app_id\\":\\"$APP_ID\\",\\"app_secret\\":\\"$APP_SECRET\\"}"`
      : body && `  -d '${JSON.stringify(body)}'`;
  const curl = [
    `# FEISHU_DOMAIN picks the host (${DEFAULT_DOMAIN} when unset).`,
    [
      `curl -sS -i -X ${method.toUpperCase()} "\${FEISHU_DOMAIN:-${DEFAULT_DOMAIN}}${concrete}${qs ? `?${qs}` : ''}"`,
      secured && `  -H "Authorization: Bearer $TENANT_ACCESS_TOKEN"`,
      body && `  -H 'Content-Type: application/json; charset=utf-8'`,
      curlBody,
    ]
      .filter(Boolean)
      .join(' \\\n'),
  ].join('\n');

  const sdkMethod = operation['x-feishu-sdk-method']?.method;
  const sdkArgs = [
    Object.keys(pathParams).length && `path: ${js(pathParams, '  ')}`,
    Object.keys(query).length && `params: ${js(query, '  ')}`,
    body && id !== 'getTenantAccessToken' && `data: ${js(body, '  ')}`,
    id === 'getTenantAccessToken' && `data: { app_id: process.env.APP_ID, app_secret: process.env.APP_SECRET }`,
  ].filter(Boolean);
  const sdk = `// npm i @larksuiteoapi/node-sdk (CommonJS). FEISHU_DOMAIN picks the host, as above.
const lark = require('@larksuiteoapi/node-sdk');

const client = new lark.Client({
  appId: process.env.APP_ID,
  appSecret: process.env.APP_SECRET,
  domain: process.env.FEISHU_DOMAIN ?? '${DEFAULT_DOMAIN}', // Lark: lark.Domain.Lark
  loggerLevel: lark.LoggerLevel.error,
});

client.${sdkMethod}({
  ${sdkArgs.join(',\n  ')},
}).then(
  (res) => console.log(${id === 'getTenantAccessToken' ? "res.code, res.msg, 'token expires in', res.expire, 's'" : 'JSON.stringify(res, null, 2)'}),
  (err) => {
    console.error(err.message);
    process.exitCode = 1;
  },
);`;

  return [
    { lang: 'TypeScript', label: 'TypeScript', source: ts },
    { lang: 'curl', label: 'curl', source: curl },
    ...(sdkMethod ? [{ lang: 'Node.js', label: 'Node.js (official SDK)', source: sdk }] : []),
  ];
}
