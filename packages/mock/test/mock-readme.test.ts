// The mock's README stays true: its error table is generated from the spec, and its vitest example runs
// as a user's test file would, against the built package.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { render } from '../scripts/readme-table.mjs';

const require = createRequire(import.meta.url);
const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');

describe('the mock README', () => {
  it('has the error table of the spec', () => {
    expect(render(readme)).toBe(readme);
  });

  it('its vitest example passes', () => {
    const code = /```ts\n(\/\/ feishu\.test\.ts[\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeTruthy();
    const dir = mkdtempSync(join(pkg, '.readme-'));
    try {
      writeFileSync(join(dir, 'feishu.test.ts'), code!);
      writeFileSync(
        join(dir, 'vitest.config.mjs'),
        `export default { resolve: { alias: { '@feishu-task/mock': ${JSON.stringify(join(pkg, 'dist/index.js'))} } }, test: { include: ['feishu.test.ts'] } };`,
      );
      const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
      const r = spawnSync(
        process.execPath,
        [vitest, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')],
        {
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 passed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
