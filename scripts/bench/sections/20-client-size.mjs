// Size of a one-call app bundled with esbuild: ours (the release checks' size/one-call*.js, a core and one
// operation, for each operation, and size/create-client.js, the same call through createClient, under the budgets in
// size/budget.json) vs bare openapi-fetch vs the official SDK; then what each part of the modular app costs.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budget } from '../budget.mjs';
import { bundleSize } from '../bundle-size.mjs';
import { kb, root, verdict } from '../lib.mjs';

export const title = 'One-call app, bundled with esbuild (minified, then gzip -9)';

// What each feature is made of: the client's source files by job, the generated tables. openapi-fetch is
// not part of it: only the raw entry (@feishu-task/client/raw) brings it, measured as an app of its own.
const PARTS = [
  [
    'generated spec of the one operation: error codes, quota, retry safety, input rules',
    /generated\/(tables|per-operation)/,
  ],
  ['URL building (path and query serialization, as openapi-fetch does it)', /src\/url\.ts/],
  [
    'quotas: sliding-window store, waiting line (a shared store brings its own timeout and fallback)',
    /src\/(quota\/|fingerprint\.ts)/,
  ],
  ['writes to one task one at a time (only the task operations bring it)', /src\/(one-at-a-time|task-writes)\.ts/],
  ['input checks (interpreter of the generated rules)', /src\/input-check\.ts/],
  ['send loop, attempt (body cap), retry policy, abort handling', /src\/(send|attempt|retry|abort|stopped)\.ts/],
  ['typed errors (messages, redacted JSON and inspect output)', /src\/errors\//],
  ['bulk: de-duplication, chunks, exact outcome', /src\/bulk\.ts/],
  ['auth: a static token or a provider (app credentials are an entry of their own)', /src\/auth\.ts/],
  ['redaction and logging', /src\/(redact|logger)\.ts/],
  ['the core: option checks, auth, quota setup, the named call', /src\/(core|internals|operation|options-check)\.ts/],
  ['the operation module (addTasklistMembers)', /src\/operations\//],
];

async function breakdown() {
  const result = await build({
    stdin: {
      contents: `import { createCore } from './packages/client/src/core-entry.ts';
import { addTasklistMembers } from './packages/client/src/operations/add-tasklist-members.ts';
addTasklistMembers(createCore({ auth: { tenantAccessToken: globalThis.TOKEN } }), { path: { tasklist_guid: 'g' }, body: { members: [{ id: 'ou_1' }] } }).then(console.log);`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    // As the published bundle does (packages/client/scripts/bundle.mjs): internal names are shortened.
    mangleProps: /[^_]_$/,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const bytes = result.outputFiles[0].contents;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  const total = inputs.reduce((a, [, v]) => a + v.bytesInOutput, 0);
  return PARTS.map(([label, re]) => {
    const min = inputs.filter(([f]) => re.test(f)).reduce((a, [, v]) => a + v.bytesInOutput, 0);
    return { label, min, gzip: (min / total) * gzip };
  });
}

export async function run() {
  const size = {
    ours: await bundleSize('ours'),
    oursCollaborators: await bundleSize('oursCollaborators'),
    oursRemove: await bundleSize('oursRemove'),
    oursClient: await bundleSize('oursClient'),
    oursRaw: await bundleSize('oursRaw'),
    openapiFetch: await bundleSize('openapiFetch'),
    sdk: await bundleSize('sdk'),
  };
  // The budget holds for the largest of the three one-call apps.
  const largest = Math.max(size.ours.gzipBytes, size.oursCollaborators.gzipBytes, size.oursRemove.gzipBytes);
  const over = largest - budget.gzipBytes;
  const overClient = size.oursClient.gzipBytes - budget.createClient.gzipBytes;
  const parts = await breakdown();
  return [
    '| app | min (KB) | min+gzip (KB) |',
    '| --- | ---: | ---: |',
    `| @feishu-task/client, \`createCore\` + \`@feishu-task/client/add-tasklist-members\` (platform browser; \`packages/release-checks/size/${budget.file}\`) | ${kb(size.ours.minBytes)} | ${kb(size.ours.gzipBytes)} |`,
    `| @feishu-task/client, \`createCore\` + \`@feishu-task/client/add-task-collaborators\` (\`packages/release-checks/size/${budget.others[0].file}\`) | ${kb(size.oursCollaborators.minBytes)} | ${kb(size.oursCollaborators.gzipBytes)} |`,
    `| @feishu-task/client, \`createCore\` + \`@feishu-task/client/remove-task-collaborator\` (\`packages/release-checks/size/${budget.others[1].file}\`) | ${kb(size.oursRemove.minBytes)} | ${kb(size.oursRemove.gzipBytes)} |`,
    `| @feishu-task/client, the first row's call through \`createClient\` (\`packages/release-checks/size/${budget.createClient.file}\`) | ${kb(size.oursClient.minBytes)} | ${kb(size.oursClient.gzipBytes)} |`,
    `| @feishu-task/client, the first row's call through \`createRawClient\` (\`@feishu-task/client/raw\`, which brings openapi-fetch) | ${kb(size.oursRaw.minBytes)} | ${kb(size.oursRaw.gzipBytes)} |`,
    `| reference: bare openapi-fetch, same call, no client features | ${kb(size.openapiFetch.minBytes)} | ${kb(size.openapiFetch.gzipBytes)} |`,
    `| @larksuiteoapi/node-sdk (platform node) | ${kb(size.sdk.minBytes)} | ${kb(size.sdk.gzipBytes)} |`,
    '',
    `Budgets (\`packages/release-checks/size/budget.json\`, also enforced by size-limit in the test command): each modular one-call app ${kb(budget.gzipBytes)} KB min+gzip (the largest, ${kb(largest)} KB: ${verdict(over <= 0)}${over > 0 ? `: over by ${kb(over)} KB` : ''}; the issue's target is 6 KB: ${verdict(largest <= 6144)}); the createClient app ${kb(budget.createClient.gzipBytes)} KB (${verdict(overClient <= 0)}${overClient > 0 ? `: over by ${kb(overClient)} KB` : ''}).`,
    '',
    'What each KB of the modular app buys (the same app bundled from the sources; min+gzip shared out by minified bytes, so approximate):',
    '',
    '| part | min (KB) | ≈ min+gzip (KB) |',
    '| --- | ---: | ---: |',
    ...parts.map((p) => `| ${p.label} | ${kb(p.min)} | ${kb(p.gzip)} |`),
    '',
    `Every part the app bundles is named above (the ${kb(parts.reduce((a, p) => a + p.min, 0))} KB they add up to, of ${kb(size.ours.minBytes)} KB minified, leaves only the app's own lines unnamed).`,
  ];
}
