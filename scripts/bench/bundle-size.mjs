// min+gzip size of a one-call app bundled with esbuild: ours (browser, fetch only; the modular form and
// createClient) vs the official SDK (node).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createClientApp, oneCallApp, otherOneCallApps } from './budget.mjs';

const apps = {
  ours: { platform: 'browser', file: oneCallApp },
  // The one-call apps of the other two operations (addTaskCollaborators, removeTaskCollaborator).
  oursCollaborators: { platform: 'browser', file: otherOneCallApps[0] },
  oursRemove: { platform: 'browser', file: otherOneCallApps[1] },
  // The same call through createClient (all three methods, app credentials and English advice built in).
  oursClient: { platform: 'browser', file: createClientApp },
  // The same call through the raw entry: what an app that wants openapi-fetch's { data, error } pays.
  oursRaw: {
    platform: 'browser',
    code: `import { createClient } from '@feishu-task/client';
import { createRawClient } from '@feishu-task/client/raw';
const raw = createRawClient(createClient({ auth: { tenantAccessToken: globalThis.TOKEN } }));
raw.POST('/open-apis/task/v2/tasklists/{tasklist_guid}/add_members', { params: { path: { tasklist_guid: 'g' } }, body: { members: [{ id: 'ou_1' }] } }).then(console.log);`,
  },
  // Reference: the same call on bare openapi-fetch (no auth, retries, throttling or typed errors).
  openapiFetch: {
    platform: 'browser',
    code: `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://open.feishu.cn', headers: { authorization: 'Bearer ' + globalThis.TOKEN } });
client.POST('/open-apis/task/v2/tasklists/{tasklist_guid}/add_members', { params: { path: { tasklist_guid: 'g' } }, body: { members: [{ id: 'ou_1' }] } }).then(console.log);`,
  },
  sdk: {
    platform: 'node',
    code: `import * as lark from '@larksuiteoapi/node-sdk';
const client = new lark.Client({ appId: 'cli_x', appSecret: globalThis.SECRET });
client.task.v2.tasklist.addMembers({ path: { tasklist_guid: 'g' }, data: { members: [{ id: 'ou_1', type: 'user', role: 'editor' }] } }).then(console.log);`,
  },
};

export async function bundleSize(name) {
  const app = apps[name];
  const result = await build({
    ...(app.file
      ? { entryPoints: [app.file] }
      : { stdin: { contents: app.code, resolveDir: process.cwd(), loader: 'js' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: app.platform,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const bytes = result.outputFiles[0].contents;
  return { minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}
