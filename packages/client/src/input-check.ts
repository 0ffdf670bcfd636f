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
  closed?: number;
}
export interface InputRules {
  path: Record<string, Rule>;
  query: Record<string, Rule>;
  req?: readonly string[];
  body?: Rule;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(value: unknown, rule: Rule, field: string, skipMax: string | undefined): string | undefined {
  if (rule.t === 's') {
    if (typeof value !== 'string') return `${field} must be a string`;
    if (rule.enum && !rule.enum.includes(value)) return `${field} must be one of ${rule.enum.join(', ')}`;
    if (value.length < (rule.min ?? 0)) return `${field} must be at least ${rule.min} character(s) long`;
    if (rule.max !== undefined && value.length > rule.max)
      return `${field} must be at most ${rule.max} characters long`;
  } else if (rule.t === 'a') {
    if (!Array.isArray(value)) return `${field} must be an array`;
    if (value.length < (rule.min ?? 0)) return `${field} must have at least ${rule.min} item(s)`;
    if (rule.max !== undefined && field !== skipMax && value.length > rule.max)
      return `${field} must have at most ${rule.max} items`;
    for (let i = 0; rule.items && i < value.length; i++) {
      const problem = check(value[i], rule.items, `${field}[${i}]`, skipMax);
      if (problem) return problem;
    }
  } else {
    if (!isObject(value)) return `${field} must be an object`;
    for (const key of rule.req ?? []) if (value[key] === undefined) return `${field}.${key} is required`;
    for (const [key, v] of Object.entries(value)) {
      const sub = rule.props?.[key];
      if (!sub) {
        if (rule.closed) return `${field}.${key} is not a known field`;
      } else if (v !== undefined) {
        const problem = check(v, sub, `${field}.${key}`, skipMax);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

/**
 * Throws a FeishuInputError naming the first field that breaks a rule. `chunked` names an array the
 * caller splits into requests of at most its maxItems, so its count is not capped here.
 */
export function checkInput(operation: string, rules: InputRules, input: unknown, chunked?: string): void {
  const fail = (problem: string): never => {
    const field = problem.slice(0, problem.indexOf(' '));
    throw new FeishuInputError(operation, field, problem.slice(field.length + 1));
  };
  if (!isObject(input)) fail('input must be an object');
  const given = input as Record<string, unknown>;
  for (const name of rules.req ?? []) {
    const [where, key] = name.split('.') as ['path' | 'query' | 'body', string | undefined];
    const holder = given[where];
    if (key === undefined ? holder === undefined : !isObject(holder) || holder[key] === undefined)
      fail(`${name} is required`);
  }
  for (const where of ['path', 'query'] as const) {
    const params = given[where];
    if (params === undefined) continue;
    const problem = check(params, { t: 'o', props: rules[where], closed: 1 }, where, undefined);
    if (problem) fail(problem);
  }
  if (rules.body && given.body !== undefined) {
    const problem = check(given.body, rules.body, 'body', chunked);
    if (problem) fail(problem);
  }
}
