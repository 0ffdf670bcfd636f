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
  /** Path parameters: '.' and '..' are refused. */
  path?: number;
}
export interface InputRules {
  path: Record<string, Rule>;
  query: Record<string, Rule>;
  req?: readonly string[];
  body?: Rule;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A problem found: where (built only on the way out, so valid input allocates no field names) and what. */
type Problem = [where: string, what: string] | undefined;
/**
 * `uncapped`, for an object: the key of its array that the caller splits into requests (that array's
 * maxItems is per request, so no cap here); passed on as `true` to that array, and as it is to other
 * objects (the array is the body's: `members` of the input's `body`).
 */
type Checker = (value: unknown, uncapped?: string | true) => Problem;
const at = (prefix: string, p: Problem): Problem => p && [prefix + p[0], p[1]];

// Each rule becomes a closure once, with its limits and messages taken out of the rule: a call then runs
// small functions that each see one kind of value. Reading the generated rules of many shapes on every
// call instead cost a few percent of a local call's CPU (found by running the CPU section's clients
// with the checks left out).
function compileRule(rule: Rule): Checker {
  const { t, min = 0, max = Infinity, enum: allowed, any, closed, path } = rule;
  const string = t === 's';
  // "character(s) long" for a string, "item(s)" for an array.
  const unit = string ? ' character(s) long' : ' item(s)';
  if (t !== 'o') {
    const item = rule.items && compileRule(rule.items);
    return (value, uncapped) => {
      if (string ? typeof value !== 'string' : !Array.isArray(value))
        return ['', `must be ${string ? 'a string' : 'an array'}`];
      if (allowed && !allowed.includes(value as string)) return ['', `must be one of ${allowed.join(', ')}`];
      const { length } = value as string | unknown[];
      if (length < min) return ['', `${string ? 'must be' : 'must have'} at least ${min}${unit}`];
      if (length > max && uncapped !== true) return ['', `${string ? 'must be' : 'must have'} at most ${max}${unit}`];
      for (let i = 0; item && i < length; i++) {
        const problem = item((value as unknown[])[i]);
        if (problem) return at(`[${i}]`, problem);
      }
    };
  }
  // A required key may name a nested one ('path.task_id': the input's path, and its task_id).
  const required = (rule.req ?? []).map((name) => name.split('.'));
  const props = new Map(Object.entries(rule.props ?? {}).map(([key, sub]) => [key, compileRule(sub)]));
  return (value, uncapped) => {
    if (!isObject(value)) return ['', 'must be an object'];
    // Counted loops, not for-of: the bench's calls run mostly before these closures are optimized, and
    // there an array iterator costs a call and a result object per step (`pnpm bench`, CPU per call).
    for (let i = 0; i < required.length; i++) {
      const keys = required[i] as string[];
      let v: unknown = value;
      for (let k = 0; k < keys.length; k++) v = isObject(v) ? v[keys[k] as string] : undefined;
      if (v === undefined) return [`.${keys.join('.')}`, 'is required'];
    }
    if (any && !any.some((keys) => keys.every((key) => value[key] !== undefined)))
      return ['', `needs ${any.map((keys) => keys.join(' and ')).join(' or ')}`];
    for (const key in value) {
      const v = value[key];
      const sub = props.get(key);
      if (!sub) {
        if (closed) return [`.${key}`, 'is not a known field'];
      } else if (v !== undefined) {
        const problem = sub(v, key === uncapped || uncapped);
        if (problem) return at(`.${key}`, problem);
      }
      // A URL resolves these segments away (percent-encoded too), so the request would reach another path.
      if (path && (v === '.' || v === '..')) return [`.${key}`, `must not be '${v}' (a URL drops it)`];
    }
  };
}

// An operation's rules as one object rule of the whole input, made once: what it requires first (in the
// spec's order), then each of path, query and body it holds.
const compiled = new WeakMap<InputRules, Checker>();

/**
 * Throws a FeishuInputError naming the first field that breaks a rule. `chunked` names the body's array
 * that the caller splits into requests of at most its maxItems, so its count is not capped here.
 */
export function checkInput(operation: string, rules: InputRules, input: unknown, chunked?: string): void {
  let check = compiled.get(rules);
  if (!check) {
    const { path, query, req, body } = rules;
    check = compileRule({
      t: 'o',
      req,
      props: {
        path: { t: 'o', props: path, closed: 1, path: 1 },
        query: { t: 'o', props: query, closed: 1 },
        ...(body && { body }),
      },
    });
    compiled.set(rules, check);
  }
  const problem = check(input, chunked);
  if (problem) throw new FeishuInputError(operation, problem[0].slice(1) || 'input', problem[1]);
}
