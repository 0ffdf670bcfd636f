// The published dereferenced spec, read once per process. Node's modules are reached through
// process.getBuiltinModule (Node 20.16+), not imported, so the engine bundles for a browser as it is;
// there, with no process, `createEmulator({ spec })` is the way.
import type { Json } from '@feishu-task/platform';

export type { Json };

type GetBuiltin = (id: string) => unknown;
let cached: Json | undefined;

export function loadBundledSpec(): Json {
  if (cached) return cached;
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process?.getBuiltinModule;
  if (!getBuiltin)
    throw new TypeError(
      'the emulator outside Node needs the dereferenced spec: createEmulator({ spec: await (await fetch(url)).json() }) (@feishu-task/openapi/openapi.dereferenced.json)',
    );
  const { createRequire } = getBuiltin('node:module') as typeof import('node:module');
  const { readFileSync } = getBuiltin('node:fs') as typeof import('node:fs');
  const path = createRequire(import.meta.url).resolve('@feishu-task/openapi/openapi.dereferenced.json');
  cached = JSON.parse(readFileSync(path, 'utf8')) as Json;
  return cached;
}
