// What the spec says, per operation, in the form the checks need: each documented code with its status,
// name, msg and source (x-source), the operation's answer to invalid fields, and each status's response
// schema and headers. Codes, statuses and names come from @feishu-task/types' generated tables; sources,
// schemas and headers from @feishu-task/openapi's dereferenced bundle. Nothing here is typed in by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { errors as errorTable, type OperationId, operations as operationTable } from '@feishu-task/types';

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked dynamically
export type Json = Record<string, any>;

export interface Source {
  kind: string;
  url?: string;
  updated?: string;
  /** kind observed: the date the real service was seen to answer so. */
  observed?: string;
  note?: { en?: string; zh?: string };
  /** On an error example: the source of its HTTP status, where it differs from that of its code and msg. */
  status?: Source;
}

export interface DocumentedAnswer {
  code: number;
  name: string;
  status: number;
  msg: string;
  source: Source;
}

export interface OperationFacts {
  id: OperationId;
  method: string;
  path: string;
  source: Source;
  success: DocumentedAnswer;
  byCode: Map<number, DocumentedAnswer>;
  byName: Map<string, DocumentedAnswer>;
  /** The documented answers to a request whose fields fail validation (x-feishu-error.answersInvalidFields). */
  invalidFields: string[];
  /** Response schema (JSON Schema) and header names, by HTTP status. */
  responses: Map<number, { schema: Json | undefined; headers: { name: string; source: Source }[] }>;
}

let cachedSpec: Json | undefined;

/** The published dereferenced spec (no `$ref` left), read once per process. */
export function loadSpec(): Json {
  if (!cachedSpec) {
    const path = createRequire(import.meta.url).resolve('@feishu-task/openapi/openapi.dereferenced.json');
    cachedSpec = JSON.parse(readFileSync(path, 'utf8')) as Json;
  }
  return cachedSpec;
}

const sourceOf = (node: Json | undefined, fallback: Source): Source => {
  const s = node?.['x-source'];
  return s && typeof s.kind === 'string' ? (s as Source) : fallback;
};

let cachedFacts: Map<OperationId, OperationFacts> | undefined;

/** Every operation's facts, keyed by operation id (the published spec's are read once per process). */
export function operationFacts(spec?: Json): Map<OperationId, OperationFacts> {
  if (spec) return factsOf(spec);
  cachedFacts ??= factsOf(loadSpec());
  return cachedFacts;
}

function factsOf(spec: Json): Map<OperationId, OperationFacts> {
  const out = new Map<OperationId, OperationFacts>();
  for (const [id, row] of Object.entries(operationTable) as [OperationId, (typeof operationTable)[OperationId]][]) {
    const operation: Json | undefined = spec.paths?.[row.path]?.[row.method.toLowerCase()];
    if (!operation) continue;
    const opSource = sourceOf(operation, { kind: 'unsourced' });
    const byCode = new Map<number, DocumentedAnswer>();
    const byName = new Map<string, DocumentedAnswer>();
    const invalidFields: string[] = [];
    // Examples of each status: their x-source (and which one answers invalid fields).
    const exampleNodes = new Map<string, Json>();
    const responses: OperationFacts['responses'] = new Map();
    for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
      const media = response.content?.['application/json'];
      responses.set(Number(status), {
        schema: media?.schema,
        headers: Object.entries<Json>(response.headers ?? {}).map(([name, header]) => ({
          name,
          source: sourceOf(header, opSource),
        })),
      });
      for (const [name, example] of Object.entries<Json>(media?.examples ?? {})) {
        exampleNodes.set(name, example);
        if (example['x-feishu-error']?.answersInvalidFields === true) invalidFields.push(name);
      }
    }
    for (const [code, row2] of Object.entries((errorTable as Json)[id] ?? {}) as [string, Json][]) {
      const answer: DocumentedAnswer = {
        code: Number(code),
        name: row2.name,
        status: row2.status,
        msg: row2.message,
        source: sourceOf(exampleNodes.get(row2.name), opSource),
      };
      byCode.set(answer.code, answer);
      byName.set(answer.name, answer);
    }
    const successExample: Json | undefined = Object.values<Json>(
      operation.responses?.['200']?.content?.['application/json']?.examples ?? {},
    )[0]?.value;
    const success: DocumentedAnswer = {
      code: 0,
      name: 'success',
      status: 200,
      msg: String(successExample?.msg ?? ''),
      source: opSource,
    };
    byName.set('success', success);
    out.set(id, {
      id,
      method: row.method,
      path: row.path,
      source: opSource,
      success,
      byCode,
      byName,
      invalidFields,
      responses,
    });
  }
  return out;
}

/** "page https://… (updated 2024-04-15)", "unsourced: <note>", "observed (2026-01-02): <note>": where a fact comes from. */
export function describeSource(source: Source): string {
  const when = source.observed ?? source.updated;
  const parts = [source.kind];
  if (source.url) parts.push(source.url);
  if (when) parts.push(`(${source.kind === 'page' ? 'updated ' : ''}${when})`);
  const text = parts.join(' ');
  return source.note?.en && source.kind !== 'page' ? `${text}: ${source.note.en}` : text;
}
