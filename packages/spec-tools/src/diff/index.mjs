// diffSpecs(old, new): every change between two dereferenced OpenAPI documents, rated by the spec's own
// promises (rules.mjs), and the release level they need together. Whatever no rule looked at is caught at
// the end: text (descriptions, Chinese texts, notes, sources, examples) is a patch, anything else is
// `unrated` and major, so a change no rule knows cannot pass as smaller than it is.
import { Changes } from './changes.mjs';
import { compareOperationExtensions, compareServers } from './extensions.mjs';
import { normalize } from './normalize.mjs';
import { compareOperations, compareResponses } from './operations.mjs';

export { LEVELS, RULES } from './rules.mjs';

// Keys whose values only people read.
const TEXT = new Set([
  'description',
  'summary',
  'title',
  'x-displayName',
  'x-i18n',
  'x-enum-descriptions',
  'x-feishu-scope-names',
  'x-source',
  'example',
  'examples',
  'advice',
  'name',
  'deprecated',
  'externalDocs',
  'tags',
  'x-tagGroups',
  'contact',
  'license',
  'bearerFormat',
]);

export function diffSpecs(oldDoc, newDoc) {
  const [a, b] = [normalize(oldDoc), normalize(newDoc)];
  const changes = new Changes();
  compareOperations(changes, a.ops, b.ops);
  for (const key of Object.keys(a.ops))
    if (b.ops[key]) compareOperationExtensions(changes, a.ops[key], b.ops[key], ['ops', key]);
  compareResponses(changes, a['x-feishu-gateway-responses'], b['x-feishu-gateway-responses'], [
    'x-feishu-gateway-responses',
  ]);
  compareServers(changes, a.servers, b.servers);
  catchAll(changes, a, b);
  return { level: changes.level, changes: changes.list };
}

function leaves(a, b, path, out) {
  const isObj = (v) => v !== null && typeof v === 'object';
  if (isObj(a) && isObj(b) && Array.isArray(a) === Array.isArray(b) && (!Array.isArray(a) || a.length === b.length)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) leaves(a[k], b[k], [...path, k], out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

function catchAll(changes, a, b) {
  const found = [];
  leaves(a, b, [], found);
  for (const path of found) {
    if (changes.isClaimed(path)) continue;
    // A text key, unless it is the name of a schema property (Member.name).
    const textAt = path.findIndex((k, i) => TEXT.has(k) && path[i - 1] !== 'properties');
    // Named examples are reported one by one.
    const end = path[textAt] === 'examples' && typeof path[textAt + 1] === 'string' ? textAt + 2 : textAt + 1;
    if (textAt >= 0) changes.add('text', path.slice(0, end), 'text changed');
    else changes.add('unrated', path, 'changed; no rule rates it');
  }
}
