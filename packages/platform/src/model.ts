// The platform's operations, read from the dereferenced spec (Redocly's bundle, no `$ref` left) and the
// generated operation table: each one's route, parameters and body (with the JSON pointers of their
// schemas), token need, quota windows, array limits, and every documented answer by name and by code;
// plus the gateway's own answers for requests that reach no operation.
import { type OperationId, operationErrors, operations as operationTable } from '@feishu-task/types';
import type { Json } from './json.js';
import { quotaWindows, type Window } from './quotas.js';

/** The documented error names of an operation, as the generated tables spell them. */
export type ErrorName<Op extends OperationId = OperationId> = Op extends OperationId
  ? (typeof operationErrors)[Op][keyof (typeof operationErrors)[Op]] extends readonly [number, infer N]
    ? N & string
    : never
  : never;

export interface DocumentedAnswer {
  name: string;
  status: number;
  code: number;
  /** The example's whole value (`{code, msg, ...}`). */
  value: Json;
  kind: string | undefined;
  /** The spec's answer to invalid fields (x-feishu-error.answersInvalidFields). */
  answersInvalidFields: boolean;
  /** Documented by the operation's own page (x-source kind page), not by the platform. */
  fromPage: boolean;
}

export interface ParamModel {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  pointer: string[];
  default: unknown;
  example: unknown;
}

export interface PlatformOperation {
  id: OperationId;
  method: string;
  template: string;
  pattern: RegExp;
  pathNames: string[];
  params: ParamModel[];
  /** Where the body's schema is, or undefined when the operation takes no body. */
  bodyPointer: string[] | undefined;
  bodyRequired: boolean;
  /** Body fields the spec marks secret (`format: password` or `writeOnly`): never journaled or echoed. */
  secretFields: string[];
  secured: boolean;
  /** The generated table's rate limit, as windows (requests per window length in ms). */
  quotas: Window[];
  /** The body's top-level arrays with a documented `maxItems`. */
  maxItems: [string, number][];
  /** Caps on what a resource holds in all (x-feishu-state-limits), by name. */
  stateLimits: Record<string, { field: string; max: number; code: number; oneRequestOverMax: { code: number } }>;
  /** Requests the schema allows but the service refuses (x-feishu-request-rules), by name. */
  requestRules: Record<string, { field: string; itemWithout: string; code: number }>;
  /** Every documented HTTP status. */
  statuses: Set<number>;
  /** Documented error answers by code (an operation answers one code under one status only). */
  errors: Map<number, DocumentedAnswer>;
  /** Every documented answer (success examples included) by example name. */
  byName: Map<string, DocumentedAnswer>;
  /** Example names by HTTP status (what a `Prefer: example=` may name). */
  examplesByStatus: Map<number, string[]>;
  /** The answer to a request that fails validation: the operation's own code when its page documents one. */
  invalid: DocumentedAnswer;
  /** The operation's first documented server failure (5xx), for what fails inside a double. */
  serverFailure: DocumentedAnswer | undefined;
  successExample: Json | undefined;
  /** A request the operation answers 2xx with the spec's examples (readiness probes). */
  probe: { path: string; body?: string };
  operation: Json;
}

export interface Platform {
  spec: Json;
  operations: PlatformOperation[];
  gateway: { badRequest: DocumentedAnswer; unavailable: DocumentedAnswer };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function answersOf(status: number, response: Json | undefined): DocumentedAnswer[] {
  return Object.entries<Json>(response?.content?.['application/json']?.examples ?? {})
    .filter(([, ex]) => typeof ex.value?.code === 'number')
    .map(([name, ex]) => ({
      name,
      status,
      code: ex.value.code,
      value: ex.value,
      kind: ex['x-feishu-error']?.kind,
      answersInvalidFields: ex['x-feishu-error']?.answersInvalidFields === true,
      fromPage: ex['x-source']?.kind === 'page',
    }));
}

function modelOperation(spec: Json, id: OperationId): PlatformOperation | undefined {
  const { method, path: template, arrayLimits } = operationTable[id];
  const stateLimits = (operationTable[id] as { stateLimits?: PlatformOperation['stateLimits'] }).stateLimits ?? {};
  const requestRules = (operationTable[id] as { requestRules?: PlatformOperation['requestRules'] }).requestRules ?? {};
  const lower = method.toLowerCase();
  const pathItem: Json = spec.paths?.[template] ?? {};
  const operation: Json | undefined = pathItem[lower];
  if (!operation) return undefined;
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
        example: p.example ?? p.schema?.example,
      });
    });
  collect(pathItem.parameters, base);
  collect(operation.parameters, [...base, lower]);
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
  const all = Object.entries<Json>(operation.responses ?? {}).flatMap(([s, r]) => answersOf(Number(s), r));
  const errors = new Map<number, DocumentedAnswer>();
  for (const e of all) if (e.status >= 400 && !errors.has(e.code)) errors.set(e.code, e);
  const candidates = all.filter((e) => e.status === 400 && e.answersInvalidFields);
  const invalid = candidates.find((e) => e.fromPage) ?? candidates[0];
  if (!invalid) throw new Error(`${id}: the spec documents no 400 answer to invalid fields (answersInvalidFields)`);
  const examplesByStatus = new Map<number, string[]>();
  for (const e of all) examplesByStatus.set(e.status, [...(examplesByStatus.get(e.status) ?? []), e.name]);
  const bodyExample = Object.values<Json>(body?.examples ?? {})[0]?.value;
  const exampleOf = (name: string) =>
    params.find((p) => p.in === 'path' && p.name === name)?.example ?? params.find((p) => p.name === name)?.example;
  return {
    id,
    method,
    template,
    pattern,
    pathNames,
    params,
    bodyPointer: body?.schema ? [...base, lower, 'requestBody', 'content', 'application/json', 'schema'] : undefined,
    bodyRequired: operation.requestBody?.required === true,
    secretFields: Object.entries<Json>(body?.schema?.properties ?? {})
      .filter(([, p]) => p.format === 'password' || p.writeOnly === true)
      .map(([name]) => name),
    secured: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
    quotas: quotaWindows(operationTable[id].rateLimit),
    maxItems: Object.entries<{ maxItems?: number }>(arrayLimits as Record<string, { maxItems?: number }>).flatMap(
      ([name, l]) => (typeof l.maxItems === 'number' ? [[name, l.maxItems] as [string, number]] : []),
    ),
    stateLimits,
    requestRules,
    statuses: new Set(Object.keys(operation.responses ?? {}).map(Number)),
    errors,
    byName: new Map(all.map((e) => [e.name, e])),
    examplesByStatus,
    invalid,
    serverFailure: [...errors.values()].find((e) => e.status >= 500),
    successExample: Object.values<Json>(operation.responses?.['200']?.content?.['application/json']?.examples ?? {})[0]
      ?.value,
    probe: {
      path: template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(exampleOf(name) ?? 'x'))),
      ...(bodyExample === undefined ? {} : { body: JSON.stringify(bodyExample) }),
    },
    operation,
  };
}

/** The platform a dereferenced spec describes (the spec is an argument: no file is read here). */
export function createPlatform(spec: Json): Platform {
  const operations = (Object.keys(operationTable) as OperationId[]).flatMap((id) => modelOperation(spec, id) ?? []);
  const gatewayAnswer = (status: number) => {
    const found = answersOf(status, spec['x-feishu-gateway-responses']?.[status])[0];
    if (!found) throw new Error(`the spec has no x-feishu-gateway-responses.${status} example`);
    return found;
  };
  return { spec, operations, gateway: { badRequest: gatewayAnswer(400), unavailable: gatewayAnswer(503) } };
}

/** Each operation's documented error codes by name, from the generated table (for typed handlers). */
export const errorNames = operationErrors;

/**
 * The answer to a body that names more distinct items than a state limit allows in all
 * (x-feishu-state-limits' oneRequestOverMax): such a request can never succeed, whatever the state.
 */
export function overStateLimit(op: PlatformOperation, body: unknown): DocumentedAnswer | undefined {
  for (const limit of Object.values(op.stateLimits)) {
    const items = (body as Record<string, unknown> | null)?.[limit.field];
    if (Array.isArray(items) && new Set(items).size > limit.max) return op.errors.get(limit.oneRequestOverMax.code);
  }
  return undefined;
}
