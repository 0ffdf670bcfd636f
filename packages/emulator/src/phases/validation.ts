// Validation: parameters and body against the spec's schemas; any violation answers the spec's
// invalid-fields answer with `error.field_violations`.
import { answerWith, overStateLimit, ruleAnswer, ruleViolation } from '@feishu-task/platform';
import type { Phase } from '../pipeline.js';
import { REDACTED } from '../redact.js';
import { invalid } from '../reply.js';
import { toViolations, type Violation } from '../validator.js';

export const validationPhase: Phase = (x, engine) => {
  const ctx = x.ctx;
  if (!ctx) return undefined;
  const op = ctx.op;
  const violations: Violation[] = [...x.bodyViolations];
  for (const p of op.params) {
    const value =
      p.in === 'path'
        ? ctx.pathParams[p.name]
        : p.in === 'query'
          ? ctx.query[p.name]
          : x.request.headers[p.name.toLowerCase()];
    if (value === undefined) {
      if (p.required) violations.push({ field: p.name, value: '', description: 'is required' });
      continue;
    }
    violations.push(...toViolations(p.name, engine.validator.errors(p.pointer, value), value));
  }
  if (op.bodyPointer && x.body !== undefined)
    violations.push(
      ...toViolations('', engine.validator.errors(op.bodyPointer, x.body), x.body).map((v) =>
        op.secretFields.includes(v.field) ? { ...v, value: REDACTED } : v,
      ),
    );
  x.validation = { valid: violations.length === 0, violations };
  if (violations.length > 0) return invalid(ctx, violations);
  // What the schema allows but the service refuses whatever the state (a member without id: 1470400).
  const rule = ruleViolation(op, x.body);
  if (rule) {
    x.validation = { valid: false, violations: [rule.violation] };
    return ruleAnswer(op, rule, x.logId);
  }
  // More distinct items than a resource holds in all: never succeeds, whatever the state (as the mock).
  const over = overStateLimit(op, x.body);
  if (over) return answerWith(over, x.logId);
  ctx.body = x.body;
  return undefined;
};
