// Runs every code sample the pages show against the Prism mock (@feishu-task/mock on a free port): curl
// as written, the TypeScript samples type-checked (strict, NodeNext) then run as ES modules, the
// official SDK's samples with @larksuiteoapi/node-sdk, and the introduction's quickstart. Every sample
// must print its result, send nothing the spec marks deprecated, and take its host from FEISHU_DOMAIN.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Mock, startMock } from '@feishu-task/mock';
import { loadSpec, operations } from '@feishu-task/spec-tools';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
const spec = loadSpec(import.meta.url, 'dereferenced');
const reference = (lang: string) => JSON.parse(readFileSync(join(pkg, 'dist', lang, 'reference.json'), 'utf8'));
const pageOps = (lang: string) => [...operations(reference(lang))].map(({ operation }) => operation as any);

let mock: Mock;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'docs-samples-'));
  symlinkSync(join(pkg, 'node_modules'), join(dir, 'node_modules'), 'dir');
  env = {
    PATH: process.env.PATH,
    FEISHU_DOMAIN: mock.url,
    APP_ID: 'cli_docs_sample',
    APP_SECRET: 'docs-sample-secret',
    TENANT_ACCESS_TOKEN: 't-docs-sample-token',
  };
});
afterAll(async () => {
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Type-checks a TypeScript module the way a consumer's strict NodeNext project would. */
function typecheck(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(pkg, 'node_modules/@types')],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

async function runTypeScript(name: string, source: string) {
  const file = join(dir, `${name}.mts`);
  writeFileSync(file, source);
  expect(typecheck(file), `${name} type-checks`).toEqual([]);
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(join(dir, `${name}.mjs`), js);
  return run(process.execPath, [join(dir, `${name}.mjs`)], { env, cwd: dir, timeout: 30_000 });
}

// A sample's code without its comments (whole-line `//` and `#` comments, trailing `// ...`).
const code = (source: string) =>
  source
    .split('\n')
    .filter((l) => !/^\s*(\/\/|#)/.test(l))
    .map((l) => l.replace(/\s+\/\/ [^'`]*$/, ''))
    .join('\n');

describe('the samples are the same on both pages', () => {
  it('en and zh show identical code, commented in their own language', () => {
    const samples = (lang: string) =>
      pageOps(lang).map((op) => op['x-codeSamples'].map((s: any) => ({ lang: s.lang, code: code(s.source) })));
    expect(samples('zh')).toEqual(samples('en'));
    const comments = (lang: string) =>
      pageOps(lang)
        .flatMap((op) => op['x-codeSamples'].map((s: any) => s.source as string))
        .flatMap((src) => src.split('\n').filter((l) => /^\s*(\/\/|#)/.test(l)));
    expect(comments('zh').length).toBeGreaterThan(0);
    for (const line of comments('zh')) expect(line, 'a zh comment is Chinese').toMatch(/\p{Script=Han}/u);
    for (const line of comments('en')) expect(line, 'an en comment is English').not.toMatch(/\p{Script=Han}/u);
  });
});

describe.each(pageOps('en').map((op) => [op.operationId, op]))('%s samples', (id, op) => {
  const sample = (lang: string) => op['x-codeSamples'].find((s: any) => s.lang === lang)?.source as string;
  const original = [...operations(spec)].find((o) => o.operation.operationId === id)?.operation;
  const deprecated = Object.entries<any>(original.requestBody?.content?.['application/json']?.schema?.properties ?? {})
    .filter(([, s]) => s.deprecated)
    .map(([name]) => name);

  it('send no deprecated field and explain the one domain choice', () => {
    for (const s of op['x-codeSamples']) {
      for (const field of deprecated)
        expect(s.source, `${s.lang} sends deprecated ${field}`).not.toMatch(
          new RegExp(`["']?\\b${field}\\b["']?\\s*:`),
        );
      expect(s.source, s.lang).toContain('FEISHU_DOMAIN');
      expect(s.source, s.lang).toContain('https://open.feishu.cn');
    }
  });

  it('curl prints the answer (the token endpoint: keeps the token, never prints it)', async () => {
    const before = mock.violations.length;
    const { stdout } = await run('bash', ['-c', sample('curl')], { env, timeout: 30_000 });
    console.log(`${id} curl:\n${stdout.slice(0, 400)}`);
    if (id === 'getTenantAccessToken') {
      expect(stdout).toMatch(/^token set \(\d+ characters\)$/m);
      expect(stdout).not.toMatch(/t-[0-9a-z]{8,}/i);
    } else {
      expect(stdout).toMatch(/^HTTP\/1\.1 200/m);
      expect(stdout).toMatch(/"code":\s*0/);
    }
    expect(mock.violations.slice(before)).toEqual([]);
  });

  it('the client sample type-checks, runs as an ES module (.mjs) and prints the answer', async () => {
    const before = mock.violations.length;
    const source = sample('JavaScript');
    expect(source).toMatch(/ES module: save as sample\.mjs/);
    const { stdout } = await runTypeScript(`ts-${id}`, source);
    console.log(`${id} TypeScript:\n${stdout.slice(0, 400)}`);
    expect(stdout.trim().length).toBeGreaterThan(0);
    if (id === 'getTenantAccessToken') {
      expect(stdout).toMatch(/^200 0 \S+ token expires in \d+ s/);
      expect(stdout).not.toMatch(/t-[0-9a-f]{20,}/);
    } else expect(JSON.parse(stdout)).toBeTypeOf('object');
    expect(mock.violations.slice(before)).toEqual([]);
  });

  it('the official SDK sample runs and prints the answer', async () => {
    const source = sample('Node.js');
    if (!op['x-feishu-sdk-method']) return expect(source).toBeUndefined();
    expect(source).toMatch(/ES module: save as sample\.mjs/);
    const file = join(dir, `sdk-${id}.mjs`);
    writeFileSync(file, source);
    const { stdout } = await run(process.execPath, [file], { env, cwd: dir, timeout: 30_000 });
    console.log(`${id} SDK:\n${stdout.slice(0, 400)}`);
    if (id === 'getTenantAccessToken') {
      expect(stdout).toMatch(/^0 \S+ token expires in \d+ s/);
      expect(stdout).not.toMatch(/t-[0-9a-f]{20,}/);
    } else expect(JSON.parse(stdout).code).toBe(0);
  });
});

describe.each(['en', 'zh'])('%s quickstart', (lang) => {
  it('installs with npm i @feishu-task/client, says it is ESM, and its first call runs', async () => {
    const intro = reference(lang).info.description as string;
    expect(intro).toContain('npm i @feishu-task/client');
    expect(intro).toMatch(/ES module|ES 模块/);
    expect(intro).toContain('npx @feishu-task/mock');
    expect(intro).not.toMatch(/npx feishu-task-mock/);
    expect(intro).toContain('npx @feishu-task/emulator');
    const blocks = [...intro.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const [i, code] of blocks.entries()) {
      const { stdout } = await runTypeScript(`quickstart-${lang}-${i}`, code);
      console.log(`${lang} quickstart ${i}: ${stdout.trim()}`);
      expect(stdout.trim().length).toBeGreaterThan(0);
    }
  });
});

// Getting started, as a reader follows it: every shell block in order in one shell (the App Secret typed
// at the prompt), then the two .mjs files it shows, against the mock; the token is never printed.
const pageBlocks = (lang: string) => {
  const html = readFileSync(join(pkg, 'dist', lang, 'getting-started.html'), 'utf8');
  const unescapeHtml = (s: string) =>
    s.replace(/&(lt|gt|quot|#39|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e as 'lt']!);
  return [...html.matchAll(/<code class="language-(sh|js)">([\s\S]*?)<\/code>/g)].map((m) => ({
    lang: m[1]!,
    source: unescapeHtml(m[2]!),
  }));
};

describe.each(['en', 'zh'])('%s getting started', (lang) => {
  it('its shell steps and first calls run as written and never print the token', async () => {
    const blocks = pageBlocks(lang);
    const files = blocks
      .filter((b) => b.lang === 'js')
      .map((b) => ({ name: /^\/\/ ([\w-]+\.mjs)/.exec(b.source)?.[1], source: b.source }));
    expect(files.map((f) => f.name)).toEqual(['first-call.mjs', 'first-call-sdk.mjs']);
    const work = mkdtempSync(join(dir, `gs-${lang}-`));
    symlinkSync(join(pkg, 'node_modules'), join(work, 'node_modules'), 'dir');
    for (const f of files) writeFileSync(join(work, f.name!), f.source);
    const script = [
      ...blocks.filter((b) => b.lang === 'sh').map((b) => b.source),
      ...files.map((f) => `node ${f.name}`),
    ].join('\n');
    const token = (
      await (
        await fetch(`${mock.url}/open-apis/auth/v3/tenant_access_token/internal`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ app_id: 'cli_a', app_secret: 's' }),
        })
      ).json()
    ).tenant_access_token as string;
    const { stdout } = await new Promise<{ stdout: string }>((resolveRun, reject) => {
      const child = execFile(
        'bash',
        ['-euo', 'pipefail', '-c', script],
        { cwd: work, env: { PATH: env.PATH, FEISHU_DOMAIN: mock.url }, timeout: 60_000 },
        (error, out, err) =>
          error ? reject(new Error(`${error.message}\n${out}\n${err}`)) : resolveRun({ stdout: out }),
      );
      child.stdin!.end('docs-sample-secret\n');
    });
    console.log(`${lang} getting started:\n${stdout}`);
    expect(stdout).toMatch(/(token set|已获取访问凭证)/);
    expect(stdout).toMatch(/"code":\s*0/);
    expect(stdout).toMatch(/^(tasklist|清单) [0-9a-f-]{36}/m);
    expect(stdout).toMatch(/^0 \S+ [0-9a-f-]{36}$/m);
    expect(stdout).not.toContain(token);
  });
});
