// What the control shows of one operation, read from the spec the engine runs: its route, its path and
// query parameters with their examples, the request body example, and its documented errors.
// @ts-expect-error plain ESM helper of the docs build, without types
import { requestBodyExample } from '../../scripts/code-samples.mjs';
import { spec } from './engine.js';
import type { Lang } from './labels.js';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked dynamically
type Json = Record<string, any>;

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  example: string;
  enum: string[] | undefined;
}

export interface DocumentedError {
  name: string;
  code: number;
  status: number;
  summary: Record<Lang, string>;
}

export interface TryOperation {
  id: string;
  summary: Record<Lang, string>;
  method: string;
  path: string;
  secured: boolean;
  params: Param[];
  /** The request body example, as JSON text (undefined: the operation takes no body). */
  body: string | undefined;
  errors: DocumentedError[];
  /** The most requests one quota window of x-feishu-rate-limit lets through (0: no quota). */
  quota: number;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function findOperation(id: string): TryOperation | undefined {
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {}))
    for (const [method, op] of Object.entries<Json>(item))
      if (op?.operationId === id) return describe(path, method, item, op);
  return undefined;
}

function describe(path: string, method: string, item: Json, op: Json): TryOperation {
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])]
    .filter((p: Json) => p.in === 'path' || p.in === 'query')
    .map(
      (p: Json): Param => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        example: text(p.example ?? p.schema?.example),
        enum: Array.isArray(p.schema?.enum) ? p.schema.enum.map(String) : undefined,
      }),
    );
  const body = op.requestBody ? requestBodyExample(op) : undefined;
  const errors: DocumentedError[] = [];
  for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
    if (!/^[45]/.test(status)) continue;
    for (const [name, example] of Object.entries<Json>(response.content?.['application/json']?.examples ?? {})) {
      if (typeof example.value?.code !== 'number') continue;
      const en = text(example.summary) || `${example.value.code}`;
      errors.push({
        name,
        code: example.value.code,
        status: Number(status),
        summary: { en, zh: text(example['x-i18n']?.zh?.summary) || en },
      });
    }
  }
  return {
    id: op.operationId,
    summary: { en: text(op.summary), zh: text(op['x-i18n']?.zh?.summary) || text(op.summary) },
    method: method.toUpperCase(),
    path,
    secured: (op.security ?? spec.security ?? []).some((s: Json) => Object.keys(s).length > 0),
    params,
    body: body === undefined ? (op.requestBody ? '{}' : undefined) : JSON.stringify(body, null, 2),
    errors,
    quota: Math.max(
      0,
      ...Object.values<unknown>(op['x-feishu-rate-limit'] ?? {}).filter((v): v is number => typeof v === 'number'),
    ),
  };
}

/** The path with its parameters filled in (percent-encoded) and the query string. */
export function requestUrl(op: TryOperation, values: Record<string, string>) {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  const query = new URLSearchParams();
  for (const p of op.params) if (p.in === 'query' && values[p.name]) query.set(p.name, values[p.name] as string);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
