// The CLI: --help, and one line plus the usage with exit code 2 for a bad flag or value.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/feishu-task-mock.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('feishu-task-mock CLI', () => {
  it('--help prints the usage and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: feishu-task-mock \[--port <n>\]/);
    expect(r.stdout).toContain('--verbose');
  });

  it.each([
    [['--prot', '4010'], "Unknown option '--prot'"],
    [['--port=-1'], '--port must be a whole number from 0 to 65535, not "-1"'],
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, not "abc"'],
    [['--port', '70000'], '--port must be a whole number from 0 to 65535, not "70000"'],
    [['serve'], "Unexpected argument 'serve'"],
  ])('%j: one line, the usage, exit 2', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    const [first, ...rest] = r.stderr.split('\n');
    expect(first?.startsWith(`feishu-task-mock: ${message}`), first).toBe(true);
    expect(rest.join('\n')).toMatch(/^Usage: feishu-task-mock/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
