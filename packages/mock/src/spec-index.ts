import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// What the front server needs to know of the spec: each operation's path pattern, whether it needs
// a token, and its documented error examples by status.
export interface Example {
  name: string;
  value: unknown;
}
export interface IndexedOperation {
  id: string;
  method: string;
  pattern: RegExp;
  secured: boolean;
  /** False when the spec declares no request body. */
  hasBody: boolean;
  examples: Map<number, Example[]>;
}

type Json = Record<string, any>;

export function specPath(): string {
  return createRequire(import.meta.url).resolve('@feishu-task/openapi/openapi.json');
}

function deref(spec: Json, node: Json): Json {
  let out = node;
  while (out?.$ref)
    out = out.$ref
      .slice(2)
      .split('/')
      .map((p: string) => p.replace(/~1/g, '/'))
      .reduce((a: Json, k: string) => a[k], spec);
  return out;
}

export function indexSpec(path = specPath()): IndexedOperation[] {
  const spec = JSON.parse(readFileSync(path, 'utf8')) as Json;
  const out: IndexedOperation[] = [];
  for (const [template, rawItem] of Object.entries<Json>(spec.paths)) {
    const item = deref(spec, rawItem);
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const examples = new Map<number, Example[]>();
      for (const [status, raw] of Object.entries<Json>(op.responses)) {
        const media = deref(spec, raw).content?.['application/json'];
        const list = Object.entries<Json>(media?.examples ?? {}).map(([name, ex]) => ({
          name,
          value: deref(spec, ex).value,
        }));
        if (list.length) examples.set(Number(status), list);
      }
      const security = op.security ?? spec.security ?? [];
      out.push({
        id: op.operationId,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        secured: security.length > 0 && !security.some((s: Json) => Object.keys(s).length === 0),
        hasBody: op.requestBody !== undefined,
        examples,
      });
    }
  }
  return out;
}
