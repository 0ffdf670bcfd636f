// Pack every package, install the tarballs into a fresh project outside the workspace (with the
// machine's npm), type-check a strict TypeScript file that uses the client, and run it against the
// mock on Node 20, 22 and 24, Bun, Deno, workerd (Miniflare) and headless Chromium. Every runtime comes
// from the npm registry into the consumer project (Node 20 and 22 as aliases of the npm package `node`),
// so the result does not depend on the machine's own Node.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const TOOLS = {
  typescript: '5.9.3',
  esbuild: '0.28.2',
  bun: '1.4.5',
  deno: '2.9.6',
  miniflare: '4.20260730.0',
  'playwright-core': '1.65.1',
  node20: 'npm:node@20.20.2',
  node22: 'npm:node@22.23.3',
};
/** The Node majors the packages promise (besides the toolchain's own Node 24, which runs this test). */
const NODES = { 20: 'node20', 22: 'node22' } as const;
const EXPECTED = [
  'added ou_99e1a581b36ecc4862cbfbce473f3123',
  'removed',
  'tasklist cc371766-6584-cf50-a222-c22cd9055004',
  'raw 200 cc371766-6584-cf50-a222-c22cd9055004',
  'error 1470404 TasklistNotFound 404',
  'core cc371766-6584-cf50-a222-c22cd9055004',
  'core error TasklistNotFound advice',
];

let dir: string;
let mock: { url: string; close(): Promise<void>; violations: unknown[] };
const bin = (name: string) => join(dir, 'node_modules/.bin', name);
// The consumer is not a pnpm project: drop what pnpm says about itself and this package, keep the
// rest (the machine's CA certificates and registry settings among it).
const env = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(npm_(package|lifecycle|command|execpath|node_execpath)|npm_config_user_agent$|pnpm_|PNPM_)/.test(k),
    ),
  );
// Asynchronous on purpose: the mock's front server runs in this process and must keep answering.
const runLines = async (cmd: string, args: string[]) => {
  const { stdout } = await promisify(execFile)(cmd, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env(), MOCK_URL: mock.url },
    timeout: 120_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feishu-task-consumer-'));
  cpSync(join(here, '../consumer'), dir, { recursive: true });
  const tarballs = inject('tarballs');
  const dependencies = {
    ...Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`])),
    ...TOOLS,
  };
  // npm 11 skips dependencies' install scripts unless package.json allows them: Bun's (and the other
  // runtimes') must run; Prism's telemetry (@scarf/scarf) must not.
  const allowScripts = { bun: true, deno: true, workerd: true, esbuild: true, node: true, '@scarf/scarf': false };
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, allowScripts }, null, 2),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: env(),
    timeout: 540_000,
  });
  const { startMock } = await import(pathToFileURL(join(dir, 'node_modules/@feishu-task/mock/dist/index.js')).href);
  mock = await startMock({ port: 0 });
});

afterAll(async () => {
  await mock?.close();
  if (dir && !process.env.KEEP_CONSUMER) rmSync(dir, { recursive: true, force: true });
});

describe('a consumer project installed from the tarballs', () => {
  it('installed the packed packages, not the workspace', () => {
    for (const name of ['client', 'types', 'mock', 'openapi']) {
      const pkg = join(dir, 'node_modules/@feishu-task', name);
      expect(existsSync(join(pkg, 'package.json')), name).toBe(true);
      expect(existsSync(join(pkg, 'test')), `${name} has no tests in it`).toBe(false);
    }
    // Every install script ran (Bun's included): npm has nothing left unreviewed.
    expect(execFileSync('npm', ['install-scripts', 'ls'], { cwd: dir, encoding: 'utf8', env: env() })).toContain(
      'No packages with unreviewed install scripts',
    );
  });

  it('type-checks a strict TypeScript file that uses the client (and tsc rejects a wrong one)', () => {
    execFileSync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', dir], {
      cwd: dir,
      stdio: 'pipe',
    });
    expect(existsSync(join(dir, 'build/app.js'))).toBe(true);
    writeFileSync(
      join(dir, 'wrong.ts'),
      `import { createClient } from '@feishu-task/client';\nawait createClient({ auth: { tenantAccessToken: 't' } }).addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members: [{ id: 'x', role: 'owner' }] } });\n`,
    );
    let failed = '';
    try {
      execFileSync(
        process.execPath,
        [
          join(dir, 'node_modules/typescript/bin/tsc'),
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--target',
          'es2022',
          join(dir, 'wrong.ts'),
        ],
        { cwd: dir, stdio: 'pipe' },
      );
    } catch (e: any) {
      failed = String(e.stdout);
    }
    expect(failed).toMatch(/"owner"/);
  });

  // The emulator from its tarball, in process, on every Node the packages promise: a token, then a call.
  const EMULATE = `import { startEmulator } from '@feishu-task/emulator';
const emu = await startEmulator({ port: 0 });
const post = (path, body, auth) => fetch(emu.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth && { authorization: 'Bearer ' + auth }) }, body: JSON.stringify(body) }).then((r) => r.json());
const token = await post('/open-apis/auth/v3/tenant_access_token/internal', { app_id: 'cli_consumer', app_secret: 's' });
const missing = await post('/open-apis/task/v2/tasklists/no-such-list/add_members', { members: [{ id: 'ou_1' }] }, token.tenant_access_token);
await emu.close();
console.log(JSON.stringify([token.code, missing.code]));`;
  for (const [major, node] of [
    ...Object.entries(NODES).map(([m, a]) => [m, `node_modules/${a}/bin/node`]),
    ['24', ''],
  ]) {
    it(`the emulator answers from its tarball on Node ${major}`, async () => {
      writeFileSync(join(dir, 'emulate.mjs'), EMULATE);
      expect(await runLines(node ? join(dir, node) : process.execPath, ['emulate.mjs'])).toEqual([0, 1470404]);
    });
  }

  // The mock from its tarball, started on every Node the mock's engines promise: its front and Prism
  // both run on that Node (no FEISHU_MOCK_NODE), a valid call answers 0 and a body nested too deep is
  // refused in front (400 / 9499), not by a crashed Prism.
  const MOCKED = `import { startMock } from '@feishu-task/mock';
const mock = await startMock({ port: 0 });
const add = (body) => fetch(mock.url + '/open-apis/task/v2/tasklists/g/add_members', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer t-any' }, body }).then((r) => r.json());
const ok = await add(JSON.stringify({ members: [{ id: 'ou_1' }] }));
const deep = await add('{"members":' + '['.repeat(3000) + ']'.repeat(3000) + '}');
await mock.close();
console.log(JSON.stringify([process.version.split('.')[0], ok.code, deep.code]));`;
  for (const [major, node] of [
    ...Object.entries(NODES).map(([m, a]) => [m, `node_modules/${a}/bin/node`]),
    ['24', ''],
  ]) {
    it(`the mock starts and answers from its tarball on Node ${major} (Prism on that Node too)`, async () => {
      writeFileSync(join(dir, 'mocked.mjs'), MOCKED);
      expect(await runLines(node ? join(dir, node) : process.execPath, ['mocked.mjs'])).toEqual([`v${major}`, 0, 9499]);
    });
  }

  for (const [major, alias] of Object.entries(NODES)) {
    it(`runs on Node ${major}`, async () => {
      const node = join(dir, 'node_modules', alias, 'bin/node');
      expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(new RegExp(`^v${major}\\.`));
      expect(await runLines(node, ['main.mjs'])).toEqual(EXPECTED);
    });
  }

  it('runs on the pinned Node 24', async () => {
    expect(process.version).toMatch(/^v24\./);
    expect(await runLines(process.execPath, ['main.mjs'])).toEqual(EXPECTED);
  });

  it('runs on Bun', async () => {
    expect(execFileSync(bin('bun'), ['--version'], { encoding: 'utf8' })).toMatch(/^1\./);
    expect(await runLines(bin('bun'), ['main.mjs'])).toEqual(EXPECTED);
  });

  it('runs on Deno', async () => {
    expect(
      await runLines(bin('deno'), [
        'run',
        '--allow-net',
        '--allow-env',
        '--allow-read',
        '--node-modules-dir=manual',
        'main.mjs',
      ]),
    ).toEqual(EXPECTED);
  });

  it('runs on workerd (Miniflare)', async () => {
    execFileSync(
      bin('esbuild'),
      ['worker.mjs', '--bundle', '--format=esm', '--platform=neutral', '--outfile=worker.bundle.js'],
      { cwd: dir, stdio: 'pipe' },
    );
    const { Miniflare } = await import(pathToFileURL(join(dir, 'node_modules/miniflare/dist/src/index.js')).href);
    // workerd refuses private addresses on its own; the outbound service carries the worker's fetches
    // to the mock on loopback, unchanged.
    const mf = new Miniflare({
      modules: true,
      script: readFileSync(join(dir, 'worker.bundle.js'), 'utf8'),
      compatibilityDate: '2025-01-01',
      bindings: { MOCK_URL: mock.url },
      outboundService: async (req: Request) => {
        const body = ['GET', 'HEAD'].includes(req.method) ? undefined : await req.arrayBuffer();
        const res = await fetch(req.url, { method: req.method, headers: Object.fromEntries(req.headers), body });
        return new Response(await res.arrayBuffer(), { status: res.status, headers: Object.fromEntries(res.headers) });
      },
    });
    try {
      const res = await mf.dispatchFetch('http://localhost/');
      expect(await res.json()).toEqual(EXPECTED);
    } finally {
      await mf.dispose();
    }
  });

  it('runs in headless Chromium', async () => {
    execFileSync(
      bin('esbuild'),
      ['browser.mjs', '--bundle', '--format=esm', '--platform=browser', '--outfile=browser.bundle.js'],
      { cwd: dir, stdio: 'pipe' },
    );
    const server: Server = createServer((req, res) => {
      const file = join(
        dir,
        (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!.slice(1),
      );
      if (!resolve(file).startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
      res
        .writeHead(200, { 'content-type': extname(file) === '.html' ? 'text/html' : 'text/javascript' })
        .end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { chromium } = await import(pathToFileURL(join(dir, 'node_modules/playwright-core/index.mjs')).href);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e: Error) => errors.push(e.message));
      const port = (server.address() as { port: number }).port;
      await page.goto(`http://127.0.0.1:${port}/?mock=${encodeURIComponent(mock.url)}`);
      const result = await page.evaluate(() => (window as any).result);
      expect(result).toEqual({ lines: EXPECTED });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  });

  it('the mock saw no invalid request from any runtime', () => {
    expect(mock.violations).toEqual([]);
  });
});
