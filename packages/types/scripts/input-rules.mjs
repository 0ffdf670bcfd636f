// Turns an operation's parameters and JSON request body into the compact rules the client checks input
// against at run time (nothing is sent when one fails). Only what a JSON value can break is kept: types,
// required keys, closed objects, enums, string lengths and array counts. Unknown schema keywords fail
// the generation, so a spec change the checks cannot express is noticed instead of silently skipped.
import { requestSchema } from '@feishu-task/spec-tools';

// Keywords that only document (descriptions, examples, defaults the server applies) or that the
// client has no business checking (response-only markers).
const DOC_ONLY = new Set([
  'description',
  'examples',
  'example',
  'default',
  'deprecated',
  'title',
  'x-i18n',
  'x-enumDescriptions',
  'x-enum-descriptions',
  'x-source',
  'x-feishu-field-scopes',
  'format',
  'writeOnly',
  'readOnly',
]);
const CHECKED = {
  string: ['type', 'enum', 'minLength', 'maxLength'],
  array: ['type', 'items', 'minItems', 'maxItems'],
  object: ['type', 'properties', 'required', 'additionalProperties', 'anyOf'],
};

/** A schema as a rule: { t: 'string'|'array'|'object', ... } with short keys (the client ships them). */
export function ruleOf(schema, where) {
  const type = schema.type;
  if (!CHECKED[type]) throw new Error(`${where}: type ${JSON.stringify(type)} has no runtime check`);
  for (const key of Object.keys(schema)) {
    if (!CHECKED[type].includes(key) && !DOC_ONLY.has(key))
      throw new Error(`${where}: keyword ${key} has no runtime check`);
  }
  const rule = { t: type[0] };
  if (type === 'string') {
    if (schema.enum) rule.enum = schema.enum;
    if (schema.minLength) rule.min = schema.minLength;
    if (schema.maxLength !== undefined) rule.max = schema.maxLength;
  } else if (type === 'array') {
    if (schema.minItems) rule.min = schema.minItems;
    if (schema.maxItems !== undefined) rule.max = schema.maxItems;
    rule.items = ruleOf(schema.items ?? {}, `${where}[]`);
  } else {
    rule.props = Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, s]) => [k, ruleOf(s, `${where}.${k}`)]),
    );
    if (schema.required?.length) rule.req = schema.required;
    if (schema.additionalProperties === false) rule.closed = 1;
    // "at least one of these fields" (v1's id_list or id) is the only anyOf the checks express.
    if (schema.anyOf) {
      if (!schema.anyOf.every((alt) => Object.keys(alt).join() === 'required'))
        throw new Error(`${where}: anyOf other than alternatives of required keys has no runtime check`);
      rule.any = schema.anyOf.map((alt) => alt.required);
    }
  }
  return rule;
}

/** { path: {name: rule}, query: {name: rule}, req: ['path.x', 'body', ...], body?: rule } */
export function inputRules(pathItem, operation) {
  const id = operation.operationId;
  const out = { path: {}, query: {} };
  const required = [];
  for (const p of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    out[p.in][p.name] = ruleOf(p.schema, `${id} ${p.in}.${p.name}`);
    if (p.required) required.push(`${p.in}.${p.name}`);
  }
  if (operation.requestBody?.required) required.push('body');
  if (required.length) out.req = required;
  const body = requestSchema(operation);
  if (body) out.body = ruleOf(body, `${id} body`);
  return out;
}
