// The engine runs unchanged in a browser: `@feishu-task/emulator/engine` bundles for the browser platform
// with no node: module in it (the spec loader reaches Node only through process.getBuiltinModule), and the bundle
// answers a standard Request with a standard Response.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const require = createRequire(import.meta.url);

it('bundles for the browser without node: modules and answers a Fetch Request', async () => {
  const result = await build({
    stdin: {
      contents: "export { createEmulator } from '@feishu-task/emulator/engine';",
      resolveDir: import.meta.dirname,
      loader: 'js',
    },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  const { createEmulator } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const spec = JSON.parse(readFileSync(require.resolve('@feishu-task/openapi/openapi.dereferenced.json'), 'utf8'));
  const emulator = createEmulator({ spec });
  const response: Response = await emulator.fetch(
    new Request('https://open.feishu.cn/open-apis/auth/v3/tenant_access_token/internal', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"app_id":"cli_browser","app_secret":"s"}',
    }),
  );
  expect([response.status, (await response.json()).code]).toEqual([200, 0]);
  const unknown = await emulator.fetch(new Request('https://open.feishu.cn/nothing'));
  expect([unknown.status, (await unknown.json()).code]).toEqual([400, 9499]);
});
