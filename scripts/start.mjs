// pnpm start (the main job): build spec -> types -> client -> docs, then serve the mock and the docs
// locally until Ctrl+C. No credentials needed.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const turbo = join(root, 'node_modules/.bin/turbo');
execFileSync(turbo, ['run', 'bundle', 'generate', 'build', 'docs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

const { startMock } = await import('@feishu-task/mock');
const { serveStatic } = await import('../packages/docs/scripts/serve.mjs');
const mockPort = Number(process.env.MOCK_PORT ?? 4010);
const docsPort = Number(process.env.DOCS_PORT ?? 8080);
const mock = await startMock({ port: mockPort, keepProcessAlive: true });
const docs = await serveStatic(join(root, 'packages/docs/dist'), docsPort);

console.log(`
  Mock (Prism):  ${mock.url}
                 try: curl -X DELETE ${mock.url}/open-apis/task/v1/tasks/t1/collaborators/ou_1 -H 'Authorization: Bearer t-any'
  Docs:          ${docs.url}/  (English: ${docs.url}/en/  中文: ${docs.url}/zh/)
  Spec:          spec/dist/openapi.yaml, spec/dist/openapi.json

  Ctrl+C stops both.
`);
const stop = async () => {
  docs.server.close();
  await mock.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
