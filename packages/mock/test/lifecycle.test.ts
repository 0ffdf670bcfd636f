// Prism never outlives the process that started it, whatever the way that process ends; checked with
// the process table. Runs the built package (dist/) in a child process, as a library user would.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const parentScript = fileURLToPath(new URL('./fixtures/parent.mjs', import.meta.url));

/** The process table's entry for a pid, or '' when there is none (`ps` exits 1 then). */
function processEntry(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'pid=,ppid=,stat=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}
// A zombie (exited, not yet reaped) counts as gone.
const alive = (pid: number) => {
  const entry = processEntry(pid);
  // The pid may be reused at once by another process: only a Prism counts.
  return /prism-cli/.test(entry) && !entry.split(/\s+/)[2]?.startsWith('Z');
};

async function untilGone(pid: number, ms = 8000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

async function startParent(how: string): Promise<{ child: ChildProcess; prismPid: number; url: string }> {
  const child = spawn(process.execPath, [parentScript, how], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  const { prismPid, url } = JSON.parse(line);
  if (how !== 'forget') expect(processEntry(prismPid)).toMatch(/prism-cli/);
  return { child, prismPid, url };
}

describe('Prism dies with its parent', () => {
  it.each([
    ['SIGHUP', 'wait'],
    ['SIGKILL', 'wait'],
    ['SIGTERM', 'wait'],
    ['process.exit() without close()', 'exit'],
    ['an uncaught exception', 'crash'],
    ['close() forgotten: the parent ends by itself', 'forget'],
  ])(
    '%s',
    async (way, how) => {
      const { child, prismPid } = await startParent(how);
      if (how === 'wait') child.kill(way as NodeJS.Signals);
      if (how === 'exit' || how === 'crash') child.stdin!.write('go\n');
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      if (how === 'wait') expect(signal).toBe(way);
      if (how === 'crash') expect(code).toBe(1);
      if (how === 'exit' || how === 'forget') expect(code).toBe(0);
      expect(await untilGone(prismPid), processEntry(prismPid)).toBe(true);
    },
    30_000,
  );
});
