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
/**
 * `uncapped`, for an object: the key of its array that the caller splits into requests (that array's
 * maxItems is per request, so no cap here); passed on as `true` to that array.
 */
type Checker = (value: unknown, uncapped?: string | true) => Problem | undefined;
const at = (prefix: string, p: Problem | undefined): Problem | undefined => p && [prefix + p[0], p[1]];

// Each rule becomes a closure once, with its limits and messages taken out of the rule: a call then runs
// small functions that each see one kind of value. Reading the generated rules of many shapes on every
// call instead cost a few percent of a local call's CPU (found by running the CPU section's clients
// with the checks left out).
function compileRule(rule: Rule): Checker {
  const min = rule.min ?? 0;
  const max = rule.max;
  if (rule.t === 's') {
    const allowed = rule.enum;
    const oneOf = `must be one of ${allowed?.join(', ')}`;
    return (value) => {
      if (typeof value !== 'string') return ['', 'must be a string'];
      if (allowed && !allowed.includes(value)) return ['', oneOf];
      if (value.length < min) return ['', `must be at least ${min} character(s) long`];
      if (max !== undefined && value.length > max) return ['', `must be at most ${max} characters long`];
      return undefined;
    };
  }
  if (rule.t === 'a') {
    const item = rule.items && compileRule(rule.items);
    return (value, uncapped) => {
      if (!Array.isArray(value)) return ['', 'must be an array'];
      if (value.length < min) return ['', `must have at least ${min} item(s)`];
      if (max !== undefined && uncapped !== true && value.length > max) return ['', `must have at most ${max} items`];
      for (let i = 0; item && i < value.length; i++) {
        const problem = item(value[i]);
        if (problem) return at(`[${i}]`, problem);
      }
      return undefined;
    };
  }
  const required = rule.req ?? [];
  const any = rule.any;
  const needs = `needs ${any?.map((keys) => keys.join(' and ')).join(' or ')}`;
  const props = new Map(Object.entries(rule.props ?? {}).map(([key, sub]) => [key, compileRule(sub)]));
  const closed = Boolean(rule.closed);
  return (value, uncapped) => {
    if (!isObject(value)) return ['', 'must be an object'];
    for (const key of required) if (value[key] === undefined) return [`.${key}`, 'is required'];
    if (any && !any.some((keys) => keys.every((key) => value[key] !== undefined))) return ['', needs];
    for (const key in value) {
      const sub = props.get(key);
      if (!sub) {
        if (closed) return [`.${key}`, 'is not a known field'];
      } else if (value[key] !== undefined) {
        const problem = sub(value[key], key === uncapped || undefined);
        if (problem) return at(`.${key}`, problem);
      }
    }
    return undefined;
  };
}

// What checking needs from an operation's rules, derived once: each required input split into where and
// key ('path.task_id' -> path, task_id), and a checker for path, query and body.
interface Compiled {
  required_: [name: string, where: string, key: string | undefined][];
  params_: [where: 'path' | 'query', check: Checker][];
  body_: Checker | undefined;
}
const compiled = new WeakMap<InputRules, Compiled>();
function compile(rules: InputRules): Compiled {
  let c = compiled.get(rules);
  if (!c) {
    c = {
      required_: (rules.req ?? []).map((name) => {
        const [where, key] = name.split('.') as [string, string | undefined];
        return [name, where, key];
      }),
      params_: (['path', 'query'] as const).map((where) => [
        where,
        compileRule({ t: 'o', props: rules[where], closed: 1 }),
      ]),
      body_: rules.body && compileRule(rules.body),
    };
    compiled.set(rules, c);
  }
  return c;
}

/**
 * Throws a FeishuInputError naming the first field that breaks a rule. `chunked` names the body's array
 * that the caller splits into requests of at most its maxItems, so its count is not capped here.
 */
export function checkInput(operation: string, rules: InputRules, input: unknown, chunked?: string): void {
  const fail = (field: string, what: string): never => {
    throw new FeishuInputError(operation, field, what);
  };
  if (!isObject(input)) fail('input', 'must be an object');
  const given = input as Record<string, unknown>;
  const { required_: required, params_: params, body_: body } = compile(rules);
  for (const [name, where, key] of required) {
    const holder = given[where];
    if (key === undefined ? holder === undefined : !isObject(holder) || holder[key] === undefined)
      fail(name, 'is required');
  }
  for (const [where, check] of params) {
    const values = given[where];
    if (values === undefined) continue;
    const problem = check(values);
    if (problem) fail(where + problem[0], problem[1]);
    // A URL resolves these segments away (percent-encoded too), so the request would reach another path.
    if (where === 'path')
      for (const key in values as Record<string, unknown>) {
        const value = (values as Record<string, unknown>)[key];
        if (value === '.' || value === '..') fail(`path.${key}`, `must not be '${value}' (a URL drops it)`);
      }
  }
  if (body && given.body !== undefined) {
    const problem = body(given.body, chunked);
    if (problem) fail(`body${problem[0]}`, problem[1]);
  }
}
