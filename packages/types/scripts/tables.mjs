// Turns the spec's extensions into TypeScript constants: servers, operations (method, path, rate
// limit, retry safety, scopes, array limits, input rules, what its requests go one at a time per) and each
// operation's documented errors keyed by code.
import { errorExamples, oneAtATime, requestSchema, operations as walk } from '@feishu-task/spec-tools';
import { inputRules } from './input-rules.mjs';

function arrayLimits(operation) {
  const out = {};
  for (const [name, p] of Object.entries(requestSchema(operation)?.properties ?? {})) {
    if (p.type === 'array' && (p.minItems !== undefined || p.maxItems !== undefined)) {
      out[name] = { minItems: p.minItems, maxItems: p.maxItems };
    }
  }
  return out;
}

function errorsOf(operation) {
  const out = {};
  for (const e of errorExamples(operation)) {
    if (out[e.code]) throw new Error(`${operation.operationId}: code ${e.code} documented twice`);
    out[e.code] = { status: e.status, name: e.name, kind: e.kind, message: e.message, advice: e.advice.en };
  }
  return out;
}

// Caps on what a resource holds in all (x-feishu-state-limits), with whether each part is a page's word
// or inferred: a validator must not turn them into a per-request limit.
function stateLimits(operation) {
  const out = {};
  for (const [name, l] of Object.entries(operation['x-feishu-state-limits'] ?? {})) {
    out[name] = {
      resource: l.resource,
      field: l.field,
      max: l.max,
      code: l.code,
      source: l['x-source'].kind,
      oneRequestOverMax: { code: l.oneRequestOverMax.code, source: l.oneRequestOverMax['x-source'].kind },
    };
  }
  return out;
}

// Requests the schema allows but the service refuses whatever the state (x-feishu-request-rules), with
// whether each is a page's word or inferred.
function requestRules(operation) {
  const out = {};
  for (const [name, r] of Object.entries(operation['x-feishu-request-rules'] ?? {})) {
    const documented = errorExamples(operation).some((e) => e.code === r.code);
    if (!documented)
      throw new Error(`${operation.operationId}: request rule ${name} answers ${r.code}, not documented`);
    out[name] = { field: r.field, itemWithout: r.itemWithout, code: r.code, source: r['x-source'].kind };
  }
  return out;
}

const adviceZhOf = (operation) => Object.fromEntries(errorExamples(operation).map((e) => [e.code, e.advice.zh]));

const lit = (value) => JSON.stringify(value, null, 2);

// Each operation on its own, as the client's per-operation modules need it: an app that imports one
// operation bundles only that operation's constant (one export each, so bundlers drop the others).
// errors: code -> [HTTP status, example name, kind]; advice texts stay in the tables above.
export function buildPerOperation(spec) {
  let out = `
/**
 * The client's view of one operation: what it sends, its quota, retry safety, input rules (the array
 * limits per request among them) and error codes.
 */
export interface OperationSpec {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly rateLimit: { readonly perMinute: number | null; readonly perSecond: number | null };
  readonly retry: { readonly idempotent: boolean; readonly replayedSuccessCodes: readonly number[] };
  readonly input: unknown;
  readonly errors: { readonly [code: number]: readonly [status: number, name: string, kind: string] };
  /**
   * Requests that name the same value of the path parameter \`per\` go one at a time: the server answers
   * \`code\` to one made while another is in flight (x-feishu-error.concurrent). Absent: no such rule.
   */
  readonly oneAtATime?: { readonly per: string; readonly code: number };
}
`;
  for (const { path, method, pathItem, operation: op } of walk(spec)) {
    const retry = op['x-feishu-retry'];
    const rate = op['x-feishu-rate-limit'] ?? {};
    const errors = Object.fromEntries(errorExamples(op).map((e) => [e.code, [e.status, e.name, e.kind]]));
    const serial = oneAtATime(op, path);
    const value = {
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      rateLimit: { perMinute: rate.per_minute ?? null, perSecond: rate.per_second ?? null },
      retry: { idempotent: retry.idempotent, replayedSuccessCodes: retry.replayedSuccessCodes },
      input: inputRules(pathItem, op),
      errors,
      ...(serial ? { oneAtATime: { per: serial.per, code: serial.code } } : {}),
    };
    out += `\n/** ${method.toUpperCase()} ${path} */\nexport const ${op.operationId} = ${lit(value).replace(/\[\s+(\d+),\s+("[^"]+"),\s+("[^"]+")\s+\]/g, '[$1, $2, $3]')} as const satisfies OperationSpec;\n`;
  }
  return out;
}

export function buildTables(spec) {
  const servers = Object.fromEntries(spec.servers.map((s) => [s['x-deployment'], s.url]));
  const operations = {};
  const errors = {};
  const adviceZh = {};
  for (const { path, method, pathItem, operation: op } of walk(spec)) {
    const rate = op['x-feishu-rate-limit'] ?? {};
    const retry = op['x-feishu-retry'];
    if (typeof retry?.idempotent !== 'boolean' || !Array.isArray(retry.replayedSuccessCodes))
      throw new Error(`${op.operationId}: x-feishu-retry { idempotent, replayedSuccessCodes } is missing`);
    operations[op.operationId] = {
      method: method.toUpperCase(),
      path,
      rateLimit: { perMinute: rate.per_minute ?? null, perSecond: rate.per_second ?? null },
      retry: { idempotent: retry.idempotent, replayedSuccessCodes: retry.replayedSuccessCodes },
      scopes: op['x-feishu-scopes'] ?? [],
      arrayLimits: arrayLimits(op),
      stateLimits: stateLimits(op),
      requestRules: requestRules(op),
      input: inputRules(pathItem, op),
      oneAtATime: oneAtATime(op, path) ?? null,
    };
    errors[op.operationId] = errorsOf(op);
    adviceZh[op.operationId] = adviceZhOf(op);
  }
  // The client ships a compact form: one catalogue entry per error name (code, kind, advice), and per
  // operation only code -> [status, name]. The names are the spec's example names, global in meaning.
  const catalog = {};
  const byOperation = {};
  for (const [opId, table] of Object.entries(errors)) {
    byOperation[opId] = {};
    for (const [code, e] of Object.entries(table)) {
      const entry = { code: Number(code), kind: e.kind, advice: e.advice };
      const seen = catalog[e.name];
      if (seen && JSON.stringify(seen) !== JSON.stringify(entry))
        throw new Error(`error name ${e.name} means two things: ${JSON.stringify(seen)} / ${JSON.stringify(entry)}`);
      catalog[e.name] = entry;
      byOperation[opId][code] = [e.status, e.name];
    }
  }
  return `
/** The deployments, from the spec's servers. */
export const servers = ${lit(servers)} as const;

/**
 * Every operation: method, path template, rate limit (x-feishu-rate-limit), retry safety (x-feishu-retry:
 * may it be resent when the first attempt's outcome is unknown, and which codes answered to such a resend
 * mean the first attempt applied), scopes, array limits (per request), state limits (what a resource
 * holds in all: x-feishu-state-limits, each part's source 'page' or 'unsourced'), request rules (what the schema
 * allows but the service refuses: x-feishu-request-rules, with the code answered), the rules its input is checked against
 * before sending (t: s(tring) | a(rray) | o(bject); min/max: length or count; req: required keys), and what its
 * requests go one at a time per (x-feishu-error.concurrent: the path parameter, the code the server answers to
 * one made while another on the same value is in flight, the reading's source; null: no such rule).
 */
export const operations = ${lit(operations)} as const;

/** Each operation's documented errors by code: HTTP status, example name, kind, message, advice. */
export const errors = ${lit(errors)} as const;

/** Every documented error by its name: code, kind and English advice (compact form for the client). */
export const errorCatalog = ${lit(catalog)} as const;

/** Every documented error's English advice by its name (createClient's; the client's advice entry). */
export const adviceEn = ${lit(Object.fromEntries(Object.entries(catalog).map(([name, e]) => [name, e.advice])))} as const;

/** Each operation's documented codes: [HTTP status, error name] (compact form for the client). */
export const operationErrors = ${JSON.stringify(byOperation, null, 2).replace(/\[\s+(\d+),\s+("[^"]+")\s+\]/g, '[$1, $2]')} as const;

/** The pages' Chinese troubleshooting advice, by operation and code (kept apart so apps can leave it out). */
export const adviceZh = ${lit(adviceZh)} as const;

export type OperationId = keyof typeof operations;
export type ErrorKind = (typeof errors)[OperationId][keyof (typeof errors)[OperationId]]['kind'];
`;
}
