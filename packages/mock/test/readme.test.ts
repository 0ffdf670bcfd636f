// The READMEs stay true: the error table is generated from the spec, and the client README's example
// runs against the mock as a new user would run it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { render } from '../scripts/readme-table.mjs';
import { mockUrl } from './helpers.js';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('READMEs', () => {
  it('the mock README error table matches the spec', () => {
    const readme = readFileSync(join(pkg, 'README.md'), 'utf8');
    expect(render(readme)).toBe(readme);
    expect(readme).toContain('`Prefer: code=404, example=TasklistNotFound`');
  });

  it("the client README's example runs against the mock", () => {
    const readme = readFileSync(join(pkg, '../client/README.md'), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeTruthy();
    // Written inside the client package so that `@feishu-task/client` resolves as an installed package would.
    const dir = mkdtempSync(join(pkg, '../client/.readme-'));
    try {
      writeFileSync(join(dir, 'example.mjs'), code!);
      const out = execFileSync(process.execPath, [join(dir, 'example.mjs')], {
        env: { ...process.env, FEISHU_DOMAIN: mockUrl() },
        encoding: 'utf8',
      });
      expect(out).toContain('tasklist cc371766-6584-cf50-a222-c22cd9055004 has 1 member(s)');
      expect(out).toContain('FeishuInputError removeTaskCollaborator: path.task_id must be a non-empty string');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
