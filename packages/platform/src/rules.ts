// Requests the body schema allows (as the page's tables do) but the service refuses whatever the state:
// the spec's x-feishu-request-rules, such as a tasklist member without `id`, which names nobody. Both
// doors answer them here, after the schema found the request valid, with the rule's documented code and
// `error.field_violations` naming the item.
import { type Answer, answerWith } from './answers.js';
import type { PlatformOperation } from './model.js';
import { type FieldViolation, fieldName } from './violations.js';

/** The first item a request rule refuses, as a field violation, and the rule's code. */
export function ruleViolation(
  op: PlatformOperation,
  body: unknown,
): { code: number; violation: FieldViolation } | undefined {
  for (const rule of Object.values(op.requestRules)) {
    const items = (body as Record<string, unknown> | null)?.[rule.field];
    if (!Array.isArray(items)) continue;
    const at = items.findIndex((item) => item !== null && typeof item === 'object' && !(rule.itemWithout in item));
    if (at < 0) continue;
    const field = fieldName([rule.field, String(at), rule.itemWithout]);
    return {
      code: rule.code,
      violation: {
        field,
        description: `is missing: an item of ${rule.field} without ${rule.itemWithout} names nobody`,
      },
    };
  }
  return undefined;
}

/** The documented answer to what a request rule refused (ruleViolation's result). */
export function ruleAnswer(
  op: PlatformOperation,
  found: { code: number; violation: FieldViolation },
  logId: string,
): Answer {
  const documented = op.errors.get(found.code);
  // The generated tables refuse a rule whose code the operation does not document; this is a bug if reached.
  if (!documented) throw new Error(`${op.id}: a request rule answers ${found.code}, which it does not document`);
  return answerWith(documented, logId, { error: { field_violations: [found.violation] } });
}

/** The documented answer to a body a request rule refuses, or undefined when no rule refuses it. */
export function refusedByRule(op: PlatformOperation, body: unknown, logId: string): Answer | undefined {
  const found = ruleViolation(op, body);
  return found && ruleAnswer(op, found, logId);
}
