// Reads the dereferenced spec that @feishu-task/openapi publishes (Redocly's own dereferenced bundle, no
// `$ref` left), so the emulator works installed from a tarball without any of the repository's tooling.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked dynamically
export type Json = Record<string, any>;

let cached: Json | undefined;

/** The published dereferenced spec, read once per process. */
export function loadBundledSpec(): Json {
  if (!cached) {
    const path = createRequire(import.meta.url).resolve('@feishu-task/openapi/openapi.dereferenced.json');
    cached = JSON.parse(readFileSync(path, 'utf8')) as Json;
  }
  return cached;
}
