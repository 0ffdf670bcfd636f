// Body: parses the JSON body of an operation that takes one (a body sent with DELETE is ignored, as
// the gateway does). Never answers: a missing or unparsable body is a violation the validation phase
// reports after authentication, as the platform does.
import type { Phase } from '../pipeline.js';
import { REDACTED, redact } from '../redact.js';

const MAX_JOURNAL_BODY = 16 * 1024;

export const bodyPhase: Phase = (x) => {
  const op = x.ctx?.op;
  if (!op?.bodyPointer) return undefined;
  const text = x.request.body ?? '';
  let body: unknown;
  if (text.trim() === '') {
    if (op.bodyRequired) x.bodyViolations.push({ field: 'body', value: '', description: 'a JSON body is required' });
  } else {
    try {
      body = JSON.parse(text);
    } catch {
      const value = op.secretFields.length > 0 ? REDACTED : text.slice(0, 50);
      x.bodyViolations.push({ field: 'body', value, description: 'the body is not valid JSON' });
    }
  }
  x.body = body;
  // Large bodies (5,000 members) are kept as a short preview, so the journal's memory stays small.
  const kept =
    text.length > MAX_JOURNAL_BODY
      ? `${text.slice(0, 2048)}… (${text.length} characters)`
      : (body ?? (text === '' ? undefined : text));
  x.journalBody = op.secretFields.length > 0 ? redact(kept, op.secretFields) : kept;
  return undefined;
};
