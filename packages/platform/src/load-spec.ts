// The bundled spec read from @feishu-task/openapi. Node only, and kept apart from listen.ts so that a
// browser bundle of the engine (the docs' "Try it") that stubs node:fs does not pull in node:net.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Json } from './json.js';

let cached: Json | undefined;
/** @feishu-task/openapi's dereferenced spec, read once per process. */
export function loadBundledSpec(): Json {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve('@feishu-task/openapi/openapi.dereferenced.json');
    cached = JSON.parse(readFileSync(path, 'utf8')) as Json;
  }
  return cached;
}
