// x-codeSamples for each operation, generated at build time from the operation's own examples:
// our TypeScript client, curl, and the official Node SDK.

const js = (value, indent) =>
  JSON.stringify(value, null, 2)
    .replace(/"([a-z_][a-z0-9_]*)":/gi, '$1:')
    .replace(/"/g, "'")
    .replace(/\n/g, `\n${indent}`);
const NAMED = new Set(['addTaskCollaborators', 'removeTaskCollaborator', 'addTasklistMembers']);

export function codeSamples(spec, path, method, pathItem, operation) {
  const params = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => p);
  const pathParams = Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, p.example]));
  const query = Object.fromEntries(
    params.filter((p) => p.in === 'query' && p.example !== undefined).map((p) => [p.name, p.example]),
  );
  const examples = operation.requestBody?.content?.['application/json']?.examples;
  const body = examples ? Object.values(examples)[0].value : undefined;
  const server = spec.servers[0].url;
  const concrete = path.replace(/\{([^}]+)\}/g, (_, name) => pathParams[name]);
  const qs = new URLSearchParams(query).toString();
  const secured = (operation.security ?? []).length > 0;
  const input = [
    `path: ${js(pathParams, '  ')}`,
    Object.keys(query).length && `query: ${js(query, '  ')}`,
    body && `body: ${js(body, '  ')}`,
  ].filter(Boolean);

  const ts = NAMED.has(operation.operationId)
    ? `import { createClient } from '@feishu-task/client';

const client = createClient({
  domain: 'feishu', // or 'lark', or the mock: 'http://127.0.0.1:4010'
  auth: { appId: process.env.APP_ID!, appSecret: process.env.APP_SECRET! },
});

const data = await client.${operation.operationId}({
  ${input.join(',\n  ')},
});
console.log(data);`
    : `import { createClient } from '@feishu-task/client';

// The client exchanges app credentials by itself (auth: { appId, appSecret });
// the raw typed call is there when you need the answer directly.
const client = createClient({ domain: 'feishu', auth: { tenantAccessToken: 'unused' } });
const { data, error } = await client.raw.${method.toUpperCase()}('${path}', {
  body: ${js(body, '  ')},
});`;

  const curl = [
    `curl -i -X ${method.toUpperCase()} '${server}${concrete}${qs ? `?${qs}` : ''}'`,
    secured && `  -H 'Authorization: Bearer t-7f1b******8e560'`,
    body && `  -H 'Content-Type: application/json; charset=utf-8'`,
    body && `  -d '${JSON.stringify(body)}'`,
  ]
    .filter(Boolean)
    .join(' \\\n');

  const sdkMethod = operation['x-feishu-sdk-method'];
  const sdkArgs = [
    Object.keys(pathParams).length && `path: ${js(pathParams, '  ')}`,
    Object.keys(query).length && `params: ${js(query, '  ')}`,
    body && `data: ${js(body, '  ')}`,
  ].filter(Boolean);
  const sdk = `const lark = require('@larksuiteoapi/node-sdk');

const client = new lark.Client({ appId: 'app id', appSecret: 'app secret' });

client.${sdkMethod}({
  ${sdkArgs.join(',\n  ')},
}).then((res) => console.log(res));`;

  return [
    { lang: 'TypeScript', label: 'TypeScript (@feishu-task/client)', source: ts },
    { lang: 'curl', label: 'curl', source: curl },
    ...(sdkMethod ? [{ lang: 'Node.js', label: 'Node.js (official SDK)', source: sdk }] : []),
  ];
}
