// Runs the install instructions the docs show (the introduction's "Install" section, both languages)
// and the packages' READMEs show, as written, in a fresh consumer project outside the workspace:
// `pnpm pack` of every published package into ~/feishu-task-packs (HOME is a temporary folder), then
// the `npm i` lines of the tarballs, then the mock from its tarball (`npx @feishu-task/mock`, on a free
// port instead of 4021) and the quickstart against it with the client from its tarball. Two lines are
// checked, not run: `git clone` (this checkout is the clone) and `pnpm install && pnpm build` (turbo
// has built the packages before the docs' tests run; building again here would rewrite the outputs
// other packages' tests are reading).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { workspaceRoot } from '../scripts/changelog.mjs';
// @ts-expect-error plain ESM helper without types
import { installFacts, PACKS } from '../scripts/install.mjs';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root: string = workspaceRoot();
const facts = installFacts(root);
const run = promisify(execFile);
const intro = (lang: string) =>
  JSON.parse(readFileSync(join(pkg, 'dist', lang, 'reference.json'), 'utf8')).info.description as string;

/** The shell lines (comments dropped) of the code blocks of one markdown section. */
function sectionCommands(markdown: string, id: string): string[][] {
  const start = markdown.indexOf(`{% #${id} %}`);
  expect(start, `section #${id}`).toBeGreaterThan(0);
  const end = markdown.indexOf('\n## ', start);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/** The install lines a README shows: `npm i` of the package's tarballs or of the package itself. */
const readmeLines = (file: string) =>
  readFileSync(join(root, file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => /^npm i (-D )?(~\/feishu-task-packs\/|@feishu-task\/)/.test(l));

const README_PACKAGES = {
  'packages/client/README.md': '@feishu-task/client',
  'packages/mock/README.md': '@feishu-task/mock',
  'packages/emulator/README.md': '@feishu-task/emulator',
} as const;

let home: string;
let app: string;
let env: NodeJS.ProcessEnv;
let mock: ChildProcess | undefined;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'docs-install-home-'));
  app = join(home, 'my-app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'my-app', private: true, type: 'module' }));
  // A reader's shell: HOME is theirs (the packs land in it); npm's cache stays the machine's; nothing
  // of pnpm's or this package's own environment leaks in.
  env = {
    ...Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) =>
          !/^(npm_(package|lifecycle|command|execpath|node_execpath|config_user_agent)|pnpm_|PNPM_|VITEST)/.test(k),
      ),
    ),
    HOME: home,
    npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
  };
});
afterAll(() => {
  // The whole group: `npx` runs the mock's bin, which runs Prism; killing npx alone leaves both running.
  if (mock?.pid) {
    try {
      process.kill(-mock.pid, 'SIGTERM');
    } catch {}
  }
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('install instructions', () => {
  const [repoBlock, projectBlock] = sectionCommands(intro('en'), 'install');

  it('say the same in both languages and are computed from the workspace', () => {
    expect(sectionCommands(intro('zh'), 'install')).toEqual(sectionCommands(intro('en'), 'install'));
    expect(repoBlock).toEqual([
      `git clone ${facts.repo} feishu-task-toolkit && cd feishu-task-toolkit`,
      `${facts.pnpm} install --frozen-lockfile && ${facts.pnpm} build`,
      facts.packCommand,
    ]);
    expect(facts.repo).toMatch(/^https:\/\/github\.com\/.+\.git$/);
    for (const name of ['@feishu-task/client', '@feishu-task/mock']) {
      expect(intro('en')).toContain(
        `Once published: ${facts.installRegistry(name, { dev: name !== '@feishu-task/client' })}`,
      );
      expect(intro('zh')).toContain(`发布后：${facts.installRegistry(name, { dev: name !== '@feishu-task/client' })}`);
    }
    // The READMEs show the registry line and today's line of their own package.
    for (const [file, name] of Object.entries(README_PACKAGES)) {
      const dev = name !== '@feishu-task/client';
      expect(readmeLines(file), file).toEqual([
        facts.installRegistry(name, { dev }),
        facts.installToday(name, { dev }),
      ]);
    }
  });

  it('work as written: pack, install the tarballs in a fresh project, run the mock and the quickstart', async () => {
    const bash = (cwd: string, script: string) =>
      run('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, timeout: 300_000 });
    await bash(root, facts.packCommand);
    for (const name of facts.published)
      expect(existsSync(join(home, PACKS.slice(2), `${name.slice(1).replace('/', '-')}.tgz`)), name).toBe(true);

    // Today's lines (the registry's wait for the packages to be published), each once.
    const lines = [...new Set([...projectBlock!, ...Object.keys(README_PACKAGES).flatMap(readmeLines)])].filter((l) =>
      l.includes(PACKS),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) await bash(app, line);
    const installed = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    for (const name of ['@feishu-task/client', '@feishu-task/types', '@feishu-task/mock', '@feishu-task/emulator'])
      expect(installed.dependencies?.[name] ?? installed.devDependencies?.[name], name).toMatch(/^file:/);

    // The mock, as the introduction starts it (a free port for 4021), from the consumer's node_modules.
    const command = /`(npx @feishu-task\/mock --port) 4021`/.exec(intro('en'))![1]!;
    mock = spawn('bash', ['-c', `exec ${command} 0`], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`the mock did not start: ${out}`)), 120_000);
      const read = (chunk: Buffer) => {
        out += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(out);
        if (found) {
          clearTimeout(timer);
          resolveUrl(found[1]!);
        }
      };
      mock!.stdout!.on('data', read);
      mock!.stderr!.on('data', read);
      mock!.on('exit', (code) => reject(new Error(`the mock exited (${code}): ${out}`)));
    });
    const quickstart = /## Quickstart[\s\S]*?```js\n([\s\S]*?)```/.exec(intro('en'))![1]!;
    writeFileSync(join(app, 'first-call.mjs'), quickstart);
    const { stdout } = await run(process.execPath, ['first-call.mjs'], {
      cwd: app,
      env: { ...env, FEISHU_DOMAIN: url, APP_ID: 'cli_install_test', APP_SECRET: 'install-test-secret' },
      timeout: 60_000,
    });
    expect(stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const emulator = await bash(app, 'npx @feishu-task/emulator --help');
    expect(emulator.stdout).toMatch(/--port/);
  }, 600_000);
});
