// Checks a call's input against the rules generated from the spec (@feishu-task/types: operations[op].input)
// before anything is sent, so JavaScript callers (and `as any`) get the same guarantees as typed ones.
import { FeishuInputError } from './errors/input-error.js';

/** A generated rule: t = s(tring) | a(rray) | o(bject); min/max = length or count. */
interface Rule {
  t: string;
  min?: number;
  max?: number;
  enum?: readonly string[];
  items?: Rule;
  props?: Record<string, Rule>;
  req?: readonly string[];
  /** Alternatives: every key of at least one of them must be present. */
  any?: readonly (readonly string[])[];
  closed?: number;
}
export interface InputRules {
  path: Record<string, Rule>;
  query: Record<string, Rule>;
  req?: readonly string[];
  body?: Rule;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// A problem found: where (built only on the way out, so valid input allocates no field names) and what.
type Problem = [where: string, what: string];
const at = (prefix: string, p: Problem | undefined): Problem | undefined => p && [prefix + p[0], p[1]];

/** `chunkedKey`: the key of this object whose array is split into requests (its maxItems is per request). */
function check(value: unknown, rule: Rule, chunkedKey?: string, skipMax = false): Problem | undefined {
  if (rule.t === 's') {
    if (typeof value !== 'string') return ['', 'must be a string'];
    if (rule.enum && !rule.enum.includes(value)) return ['', `must be one of ${rule.enum.join(', ')}`];
    if (value.length < (rule.min ?? 0)) return ['', `must be at least ${rule.min} character(s) long`];
    if (rule.max !== undefined && value.length > rule.max) return ['', `must be at most ${rule.max} characters long`];
  } else if (rule.t === 'a') {
    if (!Array.isArray(value)) return ['', 'must be an array'];
    if (value.length < (rule.min ?? 0)) return ['', `must have at least ${rule.min} item(s)`];
    if (rule.max !== undefined && !skipMax && value.length > rule.max)
      return ['', `must have at most ${rule.max} items`];
    for (let i = 0; rule.items && i < value.length; i++) {
      const problem = check(value[i], rule.items);
      if (problem) return at(`[${i}]`, problem);
    }
  } else {
    if (!isObject(value)) return ['', 'must be an object'];
    for (const key of rule.req ?? []) if (value[key] === undefined) return [`.${key}`, 'is required'];
    if (rule.any && !rule.any.some((keys) => keys.every((key) => value[key] !== undefined)))
      return ['', `needs ${rule.any.map((keys) => keys.join(' and ')).join(' or ')}`];
    for (const key in value) {
      const sub = rule.props?.[key];
      if (!sub) {
        if (rule.closed) return [`.${key}`, 'is not a known field'];
      } else if (value[key] !== undefined) {
        const problem = check(value[key], sub, undefined, chunkedKey === key);
        if (problem) return at(`.${key}`, problem);
      }
    }
  }
  return undefined;
}

// What checking needs from an operation's rules, derived once: each required input split into where and
// key ('path.task_id' -> path, task_id), and the closed object rule of its path and of its query.
interface Compiled {
  required: [name: string, where: string, key: string | undefined][];
  params: [where: 'path' | 'query', rule: Rule][];
}
const compiled = new WeakMap<InputRules, Compiled>();
function compile(rules: InputRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    c = {
      required: (rules.req ?? []).map((name) => {
        const [where, key] = name.split('.') as [string, string | undefined];
        return [name, where, key];
      }),
      params: (['path', 'query'] as const).map((where) => [where, { t: 'o', props: rules[where], closed: 1 }]),
    };
    compiled.set(rules, c);
  }
  return c;
}

/**
 * Throws a FeishuInputError naming the first field that breaks a rule. `chunked` names an array the
 * caller splits into requests of at most its maxItems, so its count is not capped here.
 */
export function checkInput(operation: string, rules: InputRules, input: unknown, chunked?: string): void {
  const fail = (field: string, what: string): never => {
    throw new FeishuInputError(operation, field, what);
  };
  if (!isObject(input)) fail('input', 'must be an object');
  const given = input as Record<string, unknown>;
  const { required, params: paramRules } = compile(rules);
  for (const [name, where, key] of required) {
    const holder = given[where];
    if (key === undefined ? holder === undefined : !isObject(holder) || holder[key] === undefined)
      fail(name, 'is required');
  }
  for (const [where, rule] of paramRules) {
    const params = given[where];
    if (params === undefined) continue;
    const problem = check(params, rule);
    if (problem) fail(where + problem[0], problem[1]);
    // A URL resolves these segments away (percent-encoded too), so the request would reach another path.
    if (where === 'path')
      for (const key in params as Record<string, unknown>) {
        const value = (params as Record<string, unknown>)[key];
        if (value === '.' || value === '..') fail(`path.${key}`, `must not be '${value}' (a URL drops it)`);
      }
  }
  if (rules.body && given.body !== undefined) {
    const problem = check(given.body, rules.body, chunked?.slice('body.'.length));
    if (problem) fail(`body${problem[0]}`, problem[1]);
  }
}
