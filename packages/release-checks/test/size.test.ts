// size-limit: the one-call app stays within its budget (.size-limit.json); BENCHMARKS.md has the story.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('size budget', () => {
  it('the one-call app is within its size-limit budget', () => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [join(pkg, 'node_modules/size-limit/bin.js'), '--json'], {
        cwd: pkg,
        encoding: 'utf8',
      });
    } catch (e: any) {
      out = e.stdout;
    }
    const [result] = JSON.parse(out);
    expect(result.size).toBeGreaterThan(1000);
    expect(result, `${result.size} bytes > budget ${result.sizeLimit}`).toMatchObject({ passed: true });
  });
});
