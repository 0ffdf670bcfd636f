// The spec as the in-page engine needs it: the dereferenced bundle without its prose (descriptions, enum
// notes, provenance notes, scope names), which the page shows already. 225 KB of JSON becomes about 67 KB
// (7 KB gzip). Kept: every schema, parameter, example value and x-feishu-* fact the engine reads, each
// example's summary (the scenario labels, both languages) and x-source's kind (the engine tells page-
// documented errors by it). test/try-it-spec.test.ts checks that the engine answers alike on both.
const DROP = new Set([
  'description',
  'externalDocs',
  'tags',
  'x-tagGroups',
  'x-enum-descriptions',
  'x-feishu-field-scopes',
  'x-feishu-scope-names',
  'x-feishu-sdk-method',
]);
/** Values kept byte for byte: examples, defaults and enums are data, not prose. */
const VERBATIM = new Set(['example', 'value', 'default', 'const', 'enum']);

function slim(node, parentKey) {
  if (Array.isArray(node)) return node.map((n) => slim(n));
  if (!node || typeof node !== 'object') return node;
  // Under `properties` the keys are field names (a field may be called `description`).
  if (parentKey === 'properties')
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, slim(v, undefined)]));
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROP.has(key)) continue;
    if (key === 'x-source') out[key] = { kind: value?.kind };
    else if (key === 'x-i18n')
      out[key] = Object.fromEntries(
        Object.entries(value ?? {}).map(([lang, t]) => [lang, t?.summary === undefined ? {} : { summary: t.summary }]),
      );
    else if (VERBATIM.has(key) || (key === 'examples' && Array.isArray(value))) out[key] = value;
    else out[key] = slim(value, key);
  }
  return out;
}

/** `spec` (dereferenced) without what only a reader needs. */
export function slimSpec(spec) {
  const { info, ...rest } = spec;
  return { ...slim(rest), info: { title: info.title, version: info.version } };
}
