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
  it('the "testing a workflow" example passes', async () => {
    const section = readme.slice(readme.indexOf('## Testing a workflow'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain("from '@feishu-task/emulator'");
    // Inside the package, so that '@feishu-task/emulator' and '@feishu-task/client' resolve as installed.
    const dir = mkdtempSync(join(pkg, '.readme-'));
    try {
      writeFileSync(join(dir, 'feishu-workflow.test.ts'), code!);
      writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
      const result = await new Promise<{ code: number | null; out: string }>((done) =>
        execFile(
          process.execPath,
          [vitestBin, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')],
          { cwd: dir, timeout: 120_000 },
          (error, stdout, stderr) => done({ code: error ? ((error.code as number) ?? 1) : 0, out: stdout + stderr }),
        ),
      );
      expect(result.out).toMatch(/3 passed/);
      expect(result.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
