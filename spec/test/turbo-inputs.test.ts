// turbo hashes the spec's lint and bundle tasks from their sources only: a build output (dist/), the
// released baseline or a test never changes their hash, so a second `pnpm start` right after the first is
// fully cached.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(specDir, '..');
const turbo = join(root, 'node_modules/.bin/turbo');

describe.skipIf(!existsSync(turbo) || !existsSync(join(root, 'turbo.json')))('turbo inputs of the spec tasks', () => {
  it('lint and bundle hash the sources, not dist/, baseline/ or test/', () => {
    const out = execFileSync(turbo, ['run', 'lint', 'bundle', '--filter=@feishu-task/openapi', '--dry=json'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
    });
    const tasks = JSON.parse(out.slice(out.indexOf('{'))).tasks as { taskId: string; inputs: Record<string, string> }[];
    expect(tasks.map((t) => t.taskId).sort()).toEqual(['@feishu-task/openapi#bundle', '@feishu-task/openapi#lint']);
    for (const t of tasks) {
      const files = Object.keys(t.inputs);
      expect(files, t.taskId).toContain('openapi.yaml');
      expect(files, t.taskId).toContain('plugins/feishu.mjs');
      expect(
        files.filter((f) => /^(dist|baseline|test|node_modules)\//.test(f)),
        t.taskId,
      ).toEqual([]);
    }
  });
});
