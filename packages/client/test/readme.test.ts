// Every js example of the README runs as a new user would run it (and type-checks as TypeScript, as a user
// pastes it into a .mts file): against the mock (and a real
// redis-server for the Redis example), from a temporary folder where `@feishu-task/client` resolves as an
// installed package would.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adviceZh } from '@feishu-task/types';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = resolve(pkg, '../..');
const examples = [...readFileSync(join(pkg, 'README.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'client-readme-'));
  mkdirSync(join(dir, 'node_modules/@feishu-task'), { recursive: true });
  symlinkSync(pkg, join(dir, 'node_modules/@feishu-task/client'), 'dir');
  symlinkSync(join(pkg, 'node_modules/ioredis'), join(dir, 'node_modules/ioredis'), 'dir');
  mkdirSync(join(dir, 'node_modules/@types'));
  symlinkSync(join(workspace, 'node_modules/@types/node'), join(dir, 'node_modules/@types/node'), 'dir');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(code: string): string {
  const file = join(dir, `example-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return execFileSync(process.execPath, [file], {
    env: { ...process.env, FEISHU_DOMAIN: inject('mockUrl'), REDIS_URL: inject('redisUrl') },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('README examples', () => {
  it('are there: the first one first, before the reference', () => {
    expect(examples).toHaveLength(4);
    expect(examples[0]).toContain("from '@feishu-task/client/core'");
  });

  it('the first example, the modular form, runs against the mock: a call, an input error, advice looked up apart', () => {
    const out = run(examples[0]!);
    expect(out).toContain('tasklist cc371766-6584-cf50-a222-c22cd9055004');
    expect(out).toContain(
      'body.members[0].role - addTasklistMembers: body.members[0].role must be one of editor, viewer',
    );
    expect(out).toContain(`1470404 TasklistNotFound - ${adviceZh.addTasklistMembers[1470404]}`);
  });

  it('the createClient example runs against the mock', () => {
    const out = run(examples[1]!);
    expect(out).toContain('tasklist cc371766-6584-cf50-a222-c22cd9055004 has 1 member(s)');
    expect(out).toContain(
      'FeishuInputError body.members[0].role - addTasklistMembers: body.members[0].role must be one of editor, viewer',
    );
  });

  it('the Redis example shares its quota through a real redis-server', () => {
    expect(run(examples[2]!)).toContain('removed {}');
  });

  it('the raw example gets openapi-fetch results through the same client', () => {
    expect(run(examples[3]!)).toContain('raw 200 0 undefined');
  });

  it('every example type-checks as strict TypeScript too, pasted into a .mts file as it is', () => {
    // The TypeScript a user pastes the examples into: strict, Node's own module resolution (the package's
    // exports and .d.ts), skipLibCheck as most projects set it (ioredis 6's own types need it).
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        include: ['typed-*.mts'],
      }),
    );
    for (const [i, code] of examples.entries()) writeFileSync(join(dir, `typed-${i}.mts`), code);
    const tsc = join(workspace, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
