// The answer check: every answer of a routed request is checked against the spec's schema for its
// status (the journal's `contract`); an undocumented status fails outright.
import type { Reply } from '../reply.js';
import type { OperationModel } from '../spec-model.js';
import type { SpecValidator } from '../validator.js';

export function checkAnswer(validator: SpecValidator, op: OperationModel | undefined, reply: Reply) {
  if (!op) return { valid: true, errors: [] as string[] };
  if (!op.responseStatuses.has(reply.status))
    return { valid: false, errors: [`HTTP ${reply.status} is not a documented status of ${op.id}`] };
  const pointer = [
    'paths',
    op.template,
    op.method.toLowerCase(),
    'responses',
    String(reply.status),
    'content',
    'application/json',
    'schema',
  ];
  const errors = validator.errors(pointer, reply.body).map((e) => `${e.instancePath || '/'} ${e.message}`);
  return { valid: errors.length === 0, errors };
}
