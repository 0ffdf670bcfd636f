// Loads the bundled spec (spec/dist/openapi.json) and walks its operations and error examples.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const bundledSpecPath = resolve(here, '../../spec/dist/openapi.json');

export function loadBundledSpec(path = bundledSpecPath) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error(`cannot read the bundled spec at ${path}; run \`pnpm bundle\` first`, { cause });
  }
}

/** Follows a local `#/...` reference. */
export function deref(spec, node) {
  let out = node;
  while (out && typeof out === 'object' && typeof out.$ref === 'string') {
    out = out.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((acc, key) => acc?.[key], spec);
  }
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

export function* operations(spec) {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    const pathItem = deref(spec, item);
    for (const method of METHODS) {
      if (pathItem[method]) yield { path, method, pathItem, operation: pathItem[method] };
    }
  }
}

/** Every named error example of an operation: {status, name, code, message, advice, summary}. */
export function errorExamples(spec, operation) {
  const out = [];
  for (const [status, raw] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    const response = deref(spec, raw);
    for (const media of Object.values(response.content ?? {})) {
      for (const [name, rawExample] of Object.entries(media.examples ?? {})) {
        const example = deref(spec, rawExample);
        out.push({
          status: Number(status),
          name,
          code: example.value.code,
          message: example.value.msg,
          advice: example['x-feishu-error']?.advice,
          summary: example.summary,
          meta: example['x-feishu-error'],
        });
      }
    }
  }
  return out;
}
