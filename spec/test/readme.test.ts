// The README's example runs against the bundled spec (self-referenced by package name, as a consumer
// would import it) and prints what its comments say.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(resolve(specDir, 'README.md'), 'utf8');
const example = /```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('README', () => {
  it('has a runnable example first', () => {
    expect(readme.indexOf('```js')).toBeLessThan(readme.indexOf('## '));
  });

  it('the example prints the paths and the retry safety it promises', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', example], {
      cwd: specDir,
      encoding: 'utf8',
    });
    expect(out).toContain("'/open-apis/task/v2/tasklists/{tasklist_guid}/add_members'");
    expect(out).toContain('{ idempotent: false, replayedSuccessCodes: [ 1470431 ] }');
    expect(out).toContain('\nunsourced\n');
  });
});
