// The README stays true: its "testing a workflow" example runs, as written, in a vitest of its own.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

describe('README', () => {
  it('the "testing a workflow" examples (a server, MSW) and "testing with the official SDK" pass', async () => {
    const section = readme.slice(
      readme.indexOf('## Testing a workflow'),
      readme.indexOf('## Sharing one server across parallel test files'),
    );
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain("from '@feishu-task/emulator'");
    expect(blocks[1]).toContain("from '@feishu-task/emulator/msw'");
    expect(blocks[2]).toContain("from '@larksuiteoapi/node-sdk'");
    // Inside the package, so that '@feishu-task/emulator' and '@feishu-task/client' resolve as installed.
    const dir = mkdtempSync(join(pkg, '.readme-'));
    try {
      for (const [i, code] of blocks.entries()) writeFileSync(join(dir, `readme-${i}.test.ts`), code);
      writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
      const result = await new Promise<{ code: number | null; out: string }>((done) =>
        execFile(
          process.execPath,
          [vitestBin, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')],
          { cwd: dir, timeout: 120_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
          (error, stdout, stderr) => done({ code: error ? ((error.code as number) ?? 1) : 0, out: stdout + stderr }),
        ),
      );
      expect(result.out).toMatch(/Tests +5 passed \(5\)/);
      expect(result.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
