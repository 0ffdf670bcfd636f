// What the front needs to know of the spec, read once from @feishu-task/openapi's dereferenced bundle
// (Redocly's own, no $ref left) and @feishu-task/types' operation table (method, path, rate limit), both
// generated from the one spec: each operation's route, token need, documented answers, and the
// gateway's own answers for requests that reach no operation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { operations as operationTable } from '@feishu-task/types';

// biome-ignore lint/suspicious/noExplicitAny: the spec is an arbitrary JSON document
type Json = Record<string, any>;

export interface Example {
  name: string;
  status: number;
  code: number;
  value: Json;
  kind?: string;
  /** Documented by the operation's own page (x-source kind page), not by the platform. */
  fromPage?: boolean;
  /** The spec's answer to invalid fields (x-feishu-error.answersInvalidFields). */
  answersInvalidFields?: boolean;
}

export interface IndexedOperation {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  secured: boolean;
  /** False when the spec declares no request body. */
  hasBody: boolean;
  /** Every documented HTTP status. */
  statuses: Set<number>;
  /** Every documented error example. */
  errors: Example[];
  /** Prefer-able examples: `${status}` -> names. */
  examplesByStatus: Map<number, string[]>;
  /** The answer to a request that fails validation (x-feishu-error.answersInvalidFields): the operation's
   * own code when its page documents one (v2's 1470400), else the platform's 99992402. */
  invalid: Example;
  /** The answer to a missing or malformed Authorization header. */
  tokenMissing?: Example;
  rateLimit: { perMinute: number | null; perSecond: number | null };
  /** The body's top-level arrays with a documented `maxItems`. */
  maxItems: [string, number][];
  /** A request Prism answers 2xx: the readiness probe. */
  probe: { path: string; body?: string };
}

export interface MockSpec {
  operations: IndexedOperation[];
  gateway: { badRequest: Example; unavailable: Example };
  /** Every code of the platform (the gateway's and the examples under components). */
  platformCodes: Set<number>;
}

const require = createRequire(import.meta.url);

/** The bundled spec Prism serves. */
export const bundledSpecPath = (): string => require.resolve('@feishu-task/openapi/openapi.json');
const dereferencedSpecPath = (): string => require.resolve('@feishu-task/openapi/openapi.dereferenced.json');

function examplesOf(status: number, response: Json): Example[] {
  const media = response?.content?.['application/json'];
  return Object.entries<Json>(media?.examples ?? {}).map(([name, ex]) => ({
    name,
    status,
    code: ex.value?.code,
    value: ex.value,
    kind: ex['x-feishu-error']?.kind,
    fromPage: ex['x-source']?.kind === 'page',
    answersInvalidFields: ex['x-feishu-error']?.answersInvalidFields === true,
  }));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function index(spec: Json, id: string, method: string, template: string): IndexedOperation {
  const pathItem = spec.paths[template];
  const op = pathItem[method.toLowerCase()];
  const byStatus = Object.entries<Json>(op.responses ?? {}).map(([s, r]) => examplesOf(Number(s), r));
  const all = byStatus.flat();
  const errors = all.filter((e) => e.status >= 400);
  const bad = errors.filter((e) => e.status === 400);
  const answers = bad.filter((e) => e.answersInvalidFields);
  const invalid = answers.find((e) => e.fromPage) ?? answers[0];
  if (!invalid) throw new Error(`${id}: the spec documents no 400 validation answer`);
  const security = op.security ?? spec.security ?? [];
  const params: Json[] = [...(pathItem.parameters ?? []), ...(op.parameters ?? [])];
  const example = (name: string) =>
    params.find((p) => p.in === 'path' && p.name === name)?.example ??
    params.find((p) => p.name === name)?.schema?.example;
  const bodyExample = Object.values<Json>(op.requestBody?.content?.['application/json']?.examples ?? {})[0]?.value;
  return {
    id,
    method,
    template,
    pattern: new RegExp(`^${escapeRegExp(template).replace(/\\\{[^}]+\\\}/g, '[^/]+')}$`),
    secured: security.length > 0 && !security.some((s: Json) => Object.keys(s).length === 0),
    hasBody: op.requestBody !== undefined,
    statuses: new Set(Object.keys(op.responses ?? {}).map(Number)),
    errors,
    examplesByStatus: new Map(all.map((e) => [e.status, all.filter((x) => x.status === e.status).map((x) => x.name)])),
    invalid,
    tokenMissing: errors.find((e) => e.name === 'TokenMissing'),
    rateLimit: operationTable[id as keyof typeof operationTable]?.rateLimit ?? { perMinute: null, perSecond: null },
    maxItems: Object.entries<{ maxItems?: number }>(
      (operationTable[id as keyof typeof operationTable]?.arrayLimits ?? {}) as Record<string, { maxItems?: number }>,
    ).flatMap(([name, l]) => (typeof l.maxItems === 'number' ? [[name, l.maxItems] as [string, number]] : [])),
    probe: {
      path: template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(example(name) ?? 'x'))),
      body: bodyExample === undefined ? undefined : JSON.stringify(bodyExample),
    },
  };
}

export function indexSpec(path = dereferencedSpecPath()): MockSpec {
  const spec = JSON.parse(readFileSync(path, 'utf8')) as Json;
  const operations = Object.entries(operationTable)
    .filter(([, o]) => spec.paths?.[o.path]?.[o.method.toLowerCase()])
    .map(([id, o]) => index(spec, id, o.method, o.path));
  // The gateway's answers to requests no operation serves, by HTTP status (x-feishu-gateway-responses).
  const gatewayExample = (status: number) => {
    const found = examplesOf(0, spec['x-feishu-gateway-responses']?.[status] ?? {})[0];
    if (!found) throw new Error(`the spec has no x-feishu-gateway-responses.${status} example`);
    return { ...found, status };
  };
  const badRequest = gatewayExample(400);
  const unavailable = gatewayExample(503);
  const platformCodes = new Set<number>(
    Object.values<Json>(spec.components?.examples ?? {})
      .map((e) => e.value?.code)
      .filter((c) => typeof c === 'number'),
  );
  return { operations, gateway: { badRequest, unavailable }, platformCodes };
}
