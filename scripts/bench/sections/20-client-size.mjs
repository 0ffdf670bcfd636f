// Size of a one-call app bundled with esbuild: ours (the release checks' size/one-call.js, under the one
// budget in size/budget.json) vs bare openapi-fetch vs the official SDK.
import { budget } from '../budget.mjs';
import { bundleSize } from '../bundle-size.mjs';
import { kb, verdict } from '../lib.mjs';

export const title = 'One-call app, bundled with esbuild (minified, then gzip -9)';

export async function run() {
  const size = {
    ours: await bundleSize('ours'),
    openapiFetch: await bundleSize('openapiFetch'),
    sdk: await bundleSize('sdk'),
  };
  const over = size.ours.gzipBytes - budget.gzipBytes;
  return [
    '| app | min (KB) | min+gzip (KB) |',
    '| --- | ---: | ---: |',
    `| @feishu-task/client (platform browser; \`packages/release-checks/size/${budget.file}\`) | ${kb(size.ours.minBytes)} | ${kb(size.ours.gzipBytes)} |`,
    `| reference: bare openapi-fetch, same call, no client features | ${kb(size.openapiFetch.minBytes)} | ${kb(size.openapiFetch.gzipBytes)} |`,
    `| @larksuiteoapi/node-sdk (platform node) | ${kb(size.sdk.minBytes)} | ${kb(size.sdk.gzipBytes)} |`,
    '',
    `Budget (\`packages/release-checks/size/budget.json\`, also enforced by size-limit in the test command): ${kb(budget.gzipBytes)} KB min+gzip (${verdict(over <= 0)}${over > 0 ? `: over by ${kb(over)} KB` : ''}).`,
  ];
}
