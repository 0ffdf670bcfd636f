// What the engine needs to know of each operation, read from the dereferenced spec: its route, its
// parameters and body with the JSON pointers of their schemas, its quotas, and its documented answers.
import { operations as operationTable } from '@feishu-task/types';
import type { Json } from './spec.js';

export interface DocumentedError {
  status: number;
  name: string;
  code: number;
  kind: string | undefined;
  /** The spec's answer to invalid fields (x-feishu-error.answersInvalidFields). */
  answersInvalidFields: boolean;
  /** Documented by the operation's own page (x-source kind page), not by the platform. */
  fromPage: boolean;
  body: { code: number; msg: string };
}

export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  pointer: string[];
  default: unknown;
}

export interface OperationModel {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathNames: string[];
  params: ParamModel[];
  bodyPointer: string[] | undefined;
  bodyRequired: boolean;
  /** Body fields the spec marks secret (`format: password` or `writeOnly`): never journaled or echoed. */
  secretFields: string[];
  secured: boolean;
  /** From x-feishu-rate-limit: requests per window, by window length in ms. */
  quotas: { windowMs: number; limit: number }[];
  /** Documented errors by code (an operation may answer one code under one status only). */
  errors: Map<number, DocumentedError>;
  byName: Map<string, DocumentedError>;
  responseStatuses: Set<number>;
  successExample: Json | undefined;
  retry: { idempotent: boolean; replayedSuccessCodes: number[] } | undefined;
  operation: Json;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function quotasOf(operation: Json): OperationModel['quotas'] {
  const limit = operation['x-feishu-rate-limit'] ?? {};
  const out: OperationModel['quotas'] = [];
  if (typeof limit.per_second === 'number') out.push({ windowMs: 1000, limit: limit.per_second });
  if (typeof limit.per_minute === 'number') out.push({ windowMs: 60_000, limit: limit.per_minute });
  return out;
}

function errorsOf(operation: Json) {
  const errors = new Map<number, DocumentedError>();
  const byName = new Map<string, DocumentedError>();
  for (const [status, response] of Object.entries<Json>(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    for (const [name, example] of Object.entries<Json>(response.content?.['application/json']?.examples ?? {})) {
      const value = example.value;
      if (typeof value?.code !== 'number') continue;
      const documented: DocumentedError = {
        status: Number(status),
        name,
        code: value.code,
        kind: example['x-feishu-error']?.kind,
        answersInvalidFields: example['x-feishu-error']?.answersInvalidFields === true,
        fromPage: example['x-source']?.kind === 'page',
        body: { code: value.code, msg: String(value.msg ?? '') },
      };
      if (!errors.has(value.code)) errors.set(value.code, documented);
      byName.set(name, documented);
    }
  }
  return { errors, byName };
}

/** Every operation of the spec, ready for routing. */
export function modelSpec(spec: Json): OperationModel[] {
  const out: OperationModel[] = [];
  // The operations are the generated table's (each one's method and path template), looked up in the spec.
  for (const { method: upper, path: template } of Object.values(operationTable)) {
    const method = upper.toLowerCase();
    const pathItem: Json = spec.paths?.[template] ?? {};
    const operation = pathItem[method];
    if (!operation) continue;
    const base = ['paths', template];
    const params: ParamModel[] = [];
    const collect = (list: Json[] | undefined, at: string[]) =>
      (list ?? []).forEach((p, i) => {
        params.push({
          name: p.name,
          in: p.in,
          required: p.required === true,
          pointer: [...at, 'parameters', String(i), 'schema'],
          default: p.schema?.default,
        });
      });
    collect(pathItem.parameters, base);
    collect(operation.parameters, [...base, method]);
    const pathNames: string[] = [];
    const pattern = new RegExp(
      `^${template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (!name) return escapeRegExp(part);
          pathNames.push(name);
          return '([^/]+)';
        })
        .join('')}$`,
    );
    const body = operation.requestBody?.content?.['application/json'];
    const security: Json[] = operation.security ?? spec.security ?? [];
    const { errors, byName } = errorsOf(operation);
    out.push({
      id: operation.operationId,
      method: method.toUpperCase(),
      template,
      pattern,
      pathNames,
      params,
      bodyPointer: body?.schema ? [...base, method, 'requestBody', 'content', 'application/json', 'schema'] : undefined,
      bodyRequired: operation.requestBody?.required === true,
      secretFields: Object.entries<Json>(body?.schema?.properties ?? {})
        .filter(([, p]) => p.format === 'password' || p.writeOnly === true)
        .map(([name]) => name),
      secured: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
      quotas: quotasOf(operation),
      errors,
      byName,
      responseStatuses: new Set(Object.keys(operation.responses ?? {}).map(Number)),
      successExample: Object.values<Json>(
        operation.responses?.['200']?.content?.['application/json']?.examples ?? {},
      )[0]?.value,
      retry: operation['x-feishu-retry'],
      operation,
    });
  }
  return out;
}

/** The operation a request names, or undefined. Path parameters are percent-decoded. */
export function route(models: OperationModel[], method: string, path: string) {
  for (const op of models) {
    if (op.method !== method) continue;
    const m = op.pattern.exec(path);
    if (!m) continue;
    const pathParams: Record<string, string> = {};
    let ok = true;
    op.pathNames.forEach((name, i) => {
      try {
        pathParams[name] = decodeURIComponent(m[i + 1] ?? '');
      } catch {
        ok = false;
      }
    });
    if (ok) return { op, pathParams };
  }
  return undefined;
}
