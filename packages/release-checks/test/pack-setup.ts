import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pnpm, published, root } from './packages.js';

let dir: string;

export function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), 'feishu-task-packs-'));
  const tarballs: Record<string, string> = {};
  for (const [name, folder] of Object.entries(published)) {
    const before = new Set(readdirSync(dir));
    execFileSync('npx', [...pnpm, 'pack', '--pack-destination', dir], { cwd: join(root, folder), stdio: 'ignore' });
    const made = readdirSync(dir).filter((f) => !before.has(f));
    if (made.length !== 1) throw new Error(`pnpm pack in ${folder} made ${made.join(', ') || 'nothing'}`);
    tarballs[name] = join(dir, made[0]!);
  }
  project.provide('tarballs', tarballs);
}

export function teardown() {
  if (dir && !process.env.KEEP_PACKS) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    tarballs: Record<string, string>;
  }
}
