import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The published packages and their folders. */
export const published = {
  '@feishu-task/openapi': 'spec',
  '@feishu-task/types': 'packages/types',
  '@feishu-task/client': 'packages/client',
  '@feishu-task/platform': 'packages/platform',
  '@feishu-task/mock': 'packages/mock',
  '@feishu-task/emulator': 'packages/emulator',
  '@feishu-task/conformance': 'packages/conformance',
} as const;
export type Published = keyof typeof published;

/** `npx -y pnpm@<packageManager version>`: the same pnpm the repository pins. */
export const pnpm = [
  '-y',
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/\+.*$/, ''),
];
