// One comparable shape for both sides: operations keyed "METHOD path" with their parameters keyed
// "in:name" (path-level ones merged in), servers keyed by deployment, tags by name. Components are
// compared where the operations use them (the documents are dereferenced), so they are dropped here.
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function normalize(doc) {
  const out = structuredClone(doc);
  out.ops = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = {};
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) params[`${p.in}:${p.name}`] = p;
      out.ops[`${method.toUpperCase()} ${path}`] = { ...structuredClone(op), parameters: structuredClone(params) };
    }
  }
  delete out.paths;
  out.servers = Object.fromEntries((doc.servers ?? []).map((s) => [s['x-deployment'] ?? s.url, s]));
  out.tags = Object.fromEntries((doc.tags ?? []).map((t) => [t.name, t]));
  if (out.info) delete out.info.version;
  if (out.components) out.components = { securitySchemes: out.components.securitySchemes };
  return out;
}
