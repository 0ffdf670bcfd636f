// Picks one language out of the bilingual spec: for `zh`, every node's x-i18n.zh fields replace the
// English ones; for `en`, the English stays. x-i18n itself is removed either way.
export function localize(node, lang) {
  if (Array.isArray(node)) return node.map((n) => localize(n, lang));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'x-i18n') out[key] = localize(value, lang);
  }
  const translated = node['x-i18n']?.[lang];
  if (translated) Object.assign(out, translated);
  return out;
}
