// The answer check: every answer is checked against the spec's schema for its status (the journal's
// `contract`): an operation's responses, or the gateway's for a request no operation serves; an
// undocumented status fails outright.
import type { Reply } from '../reply.js';
import type { OperationModel } from '../spec-model.js';
import type { SpecValidator } from '../validator.js';

export function checkAnswer(validator: SpecValidator, op: OperationModel | undefined, reply: Reply) {
  if (op && !op.statuses.has(reply.status))
    return { valid: false, errors: [`HTTP ${reply.status} is not a documented status of ${op.id}`] };
  // A request no operation serves is answered by the gateway: checked against its documented answers.
  const at = op
    ? ['paths', op.template, op.method.toLowerCase(), 'responses', String(reply.status)]
    : ['x-feishu-gateway-responses', String(reply.status)];
  const pointer = [...at, 'content', 'application/json', 'schema'];
  if (!op && !validator.has(pointer))
    return { valid: false, errors: [`HTTP ${reply.status} is not a documented answer of the gateway`] };
  const errors = validator.errors(pointer, reply.body).map((e) => `${e.instancePath || '/'} ${e.message}`);
  return { valid: errors.length === 0, errors };
}
