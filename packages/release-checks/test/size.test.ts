// size-limit: the one-call apps stay within their budgets (size/budget.json); BENCHMARKS.md has the story.
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('size budget', () => {
  it('the modular one-call app of each operation and the createClient one are each within their size-limit budget', () => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [join(pkg, 'node_modules/size-limit/bin.js'), '--json'], {
        cwd: pkg,
        encoding: 'utf8',
      });
    } catch (e: any) {
      out = e.stdout;
    }
    const results = JSON.parse(out);
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(result.size).toBeGreaterThan(1000);
      expect(result, `${result.name}: ${result.size} bytes > budget ${result.sizeLimit}`).toMatchObject({
        passed: true,
      });
    }
  });
});
