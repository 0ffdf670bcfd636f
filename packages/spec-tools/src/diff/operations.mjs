// Operations: their existence and id, parameters, request body, answers (statuses, headers, schemas,
// documented error codes) and security.
import { compareErrors } from './errors.mjs';
import { compareSchema } from './schema.mjs';

const keysOf = (o) => Object.keys(o ?? {});
const union = (a, b) => [...new Set([...keysOf(a), ...keysOf(b)])];

export function compareOperations(changes, a, b) {
  for (const key of union(a, b)) {
    const path = ['ops', key];
    if (!b[key]) changes.add('operation-removed', path, 'removed');
    else if (!a[key]) changes.add('operation-added', path, 'added');
    else compareOperation(changes, a[key], b[key], path);
  }
}

function compareOperation(changes, a, b, path) {
  if (a.operationId !== b.operationId)
    changes.add('operation-id-changed', [...path, 'operationId'], `${a.operationId} -> ${b.operationId}`);
  compareParameters(changes, a.parameters, b.parameters, [...path, 'parameters']);
  compareRequestBody(changes, a.requestBody, b.requestBody, [...path, 'requestBody']);
  compareResponses(changes, a.responses, b.responses, [...path, 'responses']);
  compareSecurity(changes, a.security, b.security, [...path, 'security']);
}

function compareParameters(changes, a = {}, b = {}, path) {
  for (const key of union(a, b)) {
    const at = [...path, key];
    if (!b[key]) changes.add('parameter-removed', at, 'removed');
    else if (!a[key]) changes.add(b[key].required ? 'parameter-required' : 'parameter-added', at, 'added');
    else {
      if (Boolean(a[key].required) !== Boolean(b[key].required))
        changes.add(
          b[key].required ? 'parameter-required' : 'request-widened',
          [...at, 'required'],
          b[key].required ? 'now required' : 'now optional',
        );
      compareSchema(changes, a[key].schema, b[key].schema, [...at, 'schema'], 'request');
    }
  }
}

function compareRequestBody(changes, a, b, path) {
  if (!a && !b) return;
  if (!a) return changes.add(b.required ? 'request-narrowed' : 'request-widened', path, 'request body added');
  if (!b) return changes.add('request-narrowed', path, 'request body removed');
  if (Boolean(a.required) !== Boolean(b.required))
    changes.add(
      b.required ? 'request-narrowed' : 'request-widened',
      [...path, 'required'],
      b.required ? 'body now required' : 'body now optional',
    );
  for (const mt of union(a.content, b.content)) {
    const at = [...path, 'content', mt];
    if (!b.content?.[mt]) changes.add('media-type-changed', at, `${mt} removed`);
    else if (!a.content?.[mt]) changes.add('request-widened', at, `${mt} added`);
    else compareSchema(changes, a.content[mt].schema, b.content[mt].schema, [...at, 'schema'], 'request');
  }
}

/** A map of answers by status (an operation's responses, or the gateway's). */
export function compareResponses(changes, a = {}, b = {}, path) {
  for (const status of union(a, b)) {
    const at = [...path, status];
    if (!b[status]) changes.add('status-removed', at, `HTTP ${status} removed`);
    else if (!a[status]) changes.add('status-added', at, `HTTP ${status} added`);
    else compareResponse(changes, a[status], b[status], at);
  }
  compareErrors(changes, a, b, path);
}

function compareResponse(changes, a, b, path) {
  for (const h of union(a.headers, b.headers)) {
    const at = [...path, 'headers', h];
    if (!b.headers?.[h]) changes.add('header-removed', at, `header ${h} removed`);
    else if (!a.headers?.[h]) changes.add('response-field-added', at, `header ${h} added`);
    else compareSchema(changes, a.headers[h].schema, b.headers[h].schema, [...at, 'schema'], 'response');
  }
  for (const mt of union(a.content, b.content)) {
    const at = [...path, 'content', mt];
    if (!b.content?.[mt]) changes.add('media-type-changed', at, `${mt} removed`);
    else if (!a.content?.[mt]) changes.add('response-loosened', at, `${mt} added`);
    else compareSchema(changes, a.content[mt].schema, b.content[mt].schema, [...at, 'schema'], 'response');
  }
}

function compareSecurity(changes, a = [], b = [], path) {
  changes.claim(path);
  const [sa, sb] = [new Set(a.map((s) => JSON.stringify(s))), new Set(b.map((s) => JSON.stringify(s)))];
  for (const s of sa) if (!sb.has(s)) changes.add('security-removed', path, `${s} removed`);
  for (const s of sb) if (!sa.has(s)) changes.add('security-added', path, `${s} added`);
}
