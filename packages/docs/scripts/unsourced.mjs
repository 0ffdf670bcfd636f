// A fact the spec marks `x-source: { kind: unsourced }` (observed or inferred; no page states it) says
// so where the reader meets it: the viewer shows schemas, parameters, headers and examples from their
// descriptions, so the mark and the spec's note are appended to the node's own description. The
// operation-level extensions (rate limit, retry, SDK method) are marked in the summary card instead.
import { unsourcedMark } from './operation-card.mjs';

const SHOWN = (node) =>
  'schema' in node || 'type' in node || 'properties' in node || 'in' in node || 'value' in node || 'anyOf' in node;

/** Marks every unsourced node of a localized document in place; returns how many it marked. */
export function markUnsourced(node, lang, count = { marked: 0 }, key = '') {
  if (Array.isArray(node)) {
    for (const n of node) markUnsourced(n, lang, count);
    return count.marked;
  }
  if (!node || typeof node !== 'object' || key.startsWith('x-feishu-')) return count.marked;
  if (node['x-source']?.kind === 'unsourced' && !node.operationId && SHOWN(node)) {
    const mark = unsourcedMark(node, lang).trim();
    node.description = node.description ? `${node.description.trimEnd()}\n\n${mark}` : mark;
    count.marked++;
  }
  for (const [k, value] of Object.entries(node))
    if (k !== 'x-source' && k !== 'value') markUnsourced(value, lang, count, k);
  return count.marked;
}
