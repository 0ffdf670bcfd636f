// The README stays true: its first example runs as written (the package resolves itself by name).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { scenarios } from '../src/index.js';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(pkg, 'README.md'), 'utf8');

it('the first example runs and finds no difference', async () => {
  const code = /```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  expect(code).toContain("from '@feishu-task/conformance'");
  const dir = mkdtempSync(join(pkg, '.readme-'));
  try {
    writeFileSync(join(dir, 'conformance.mjs'), code);
    const out = await new Promise<string>((done, fail) =>
      execFile(process.execPath, ['conformance.mjs'], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) =>
        error ? fail(new Error(stderr || error.message)) : done(stdout),
      ),
    );
    expect(out).toMatch(/^0 difference\(s\) in \d+ requests$/m);
    expect(out).toContain('report: conformance-report/report.md');
    expect(readFileSync(join(dir, 'conformance-report/report.md'), 'utf8')).toContain('**0 difference(s)**');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('lists every scenario in its table', () => {
  for (const s of scenarios) expect(readme).toContain(`| \`${s.id}\` |`);
});
