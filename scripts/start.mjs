// pnpm start (the main job): build spec -> types -> client -> docs, then serve the stateful emulator,
// the Prism mock and the docs locally until Ctrl+C. No credentials needed. `--smoke` serves on free
// ports (those the environment names, else free ones), checks that each answers, and exits (the README
// test runs it).
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliArgs } from './cli-args.mjs';
import { checkFree, listenProblem, PortProblem, portsFromEnv } from './start-ports.mjs';

const usage = `usage: pnpm start [--smoke]

Builds everything, then serves until Ctrl+C:
  the emulator (stateful)  http://127.0.0.1:4010  (EMULATOR_PORT)
  the mock (Prism)         http://127.0.0.1:4011  (MOCK_PORT)
  the docs                 http://127.0.0.1:8080  (DOCS_PORT)
  --smoke   serve on the ports the variables name (free ones where unset), check that each
            answers, then stop`;
const values = cliArgs('pnpm start', usage, { smoke: { type: 'boolean' } });

// Ports and environment first: a bad value or a taken port is found in a moment, not after the build.
let ports;
try {
  ports = portsFromEnv(process.env, values.smoke ? 0 : undefined);
  await checkFree(ports);
} catch (error) {
  if (!(error instanceof PortProblem)) throw error;
  console.error(`pnpm start: ${error.message}`);
  process.exit(1);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(join(root, 'node_modules/.bin/turbo'), ['run', 'bundle', 'generate', 'build', 'docs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
});

const { startEmulator } = await import('@feishu-task/emulator');
const { startMock } = await import('@feishu-task/mock');
const { serveStatic } = await import('../packages/docs/scripts/serve.mjs');
// A port taken during the build (two starts at once) still ends in one line naming the variable.
const started = [];
const start = async (variable, run) => {
  try {
    const service = await run(ports[variable]);
    started.push(service);
    return service;
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    console.error(`pnpm start: ${listenProblem(error, variable, ports[variable])}`);
    process.exit(1);
  }
};
const emulator = await start('EMULATOR_PORT', (port) => startEmulator({ port }));
const mock = await start('MOCK_PORT', (port) => startMock({ port, keepProcessAlive: !values.smoke }));
const docs = await start('DOCS_PORT', async (port) => {
  const served = await serveStatic(join(root, 'packages/docs/dist'), port);
  return { ...served, close: () => new Promise((r) => served.server.close(r)) };
});

const stop = async () => {
  docs.server.close();
  await Promise.all([mock.close(), emulator.close()]);
};

const removeOne = (url) =>
  fetch(`${url}/open-apis/task/v1/tasks/t1/collaborators/ou_1`, {
    method: 'DELETE',
    headers: { authorization: 'Bearer t-any' },
  });

if (values.smoke) {
  const token = await fetch(`${emulator.url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: 'cli_smoke', app_secret: 'smoke' }),
  });
  const checks = { emulator: token, mock: await removeOne(mock.url), docs: await fetch(`${docs.url}/en/`) };
  await stop();
  for (const [name, res] of Object.entries(checks)) console.log(`${name}: HTTP ${res.status}`);
  process.exit(Object.values(checks).every((r) => r.ok) ? 0 : 1);
}

console.log(`
  Emulator (stateful):  ${emulator.url}
                        try: curl -X POST ${emulator.url}/open-apis/auth/v3/tenant_access_token/internal -H 'Content-Type: application/json' -d '{"app_id":"cli_try","app_secret":"any"}'
                        state: curl ${emulator.url}/__emulator/state
  Mock (Prism):         ${mock.url}
                        try: curl -X DELETE ${mock.url}/open-apis/task/v1/tasks/t1/collaborators/ou_1 -H 'Authorization: Bearer t-any'
  Docs:                 ${docs.url}/  (English: ${docs.url}/en/  中文: ${docs.url}/zh/)
  Spec:                 spec/dist/openapi.yaml, spec/dist/openapi.json

  Ctrl+C stops them all.
`);
const exit = async () => {
  await stop();
  process.exit(0);
};
process.on('SIGINT', exit);
process.on('SIGTERM', exit);
