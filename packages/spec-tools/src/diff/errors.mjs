// Documented error codes (the error examples' x-feishu-error): the generated error tables, the client's
// typed errors, retry decisions and the doubles' answers are built from them.

/** code -> {status, name, kind, invalid, path} over a map of answers by status. */
function codes(responses = {}) {
  const out = new Map();
  for (const [status, r] of Object.entries(responses))
    for (const [mt, media] of Object.entries(r?.content ?? {}))
      for (const [name, ex] of Object.entries(media?.examples ?? {})) {
        const meta = ex?.['x-feishu-error'];
        if (!meta) continue;
        const path = [status, 'content', mt, 'examples', name, 'x-feishu-error'];
        const concurrentPer = meta.concurrent?.per;
        out.set(meta.code, {
          status,
          name,
          kind: meta.kind,
          invalid: Boolean(meta.answersInvalidFields),
          concurrentPer,
          path,
        });
      }
  return out;
}

export function compareErrors(changes, a, b, path) {
  const [ca, cb] = [codes(a), codes(b)];
  // x-feishu-error's advice is text, and so is concurrent's x-source: the catch-all rates them as a patch.
  for (const e of [...ca.values(), ...cb.values()])
    for (const k of ['code', 'kind', 'answersInvalidFields', ['concurrent', 'per']])
      changes.claim([...path, ...e.path, ...[k].flat()]);
  for (const [code, e] of ca) {
    const n = cb.get(code);
    const at = [...path, ...(n ?? e).path.slice(0, -1)];
    if (!n) changes.add('error-code-removed', at, `code ${code} (HTTP ${e.status}) removed`);
    else {
      if (n.status !== e.status)
        changes.add('error-status-changed', at, `code ${code}: HTTP ${e.status} -> ${n.status}`);
      if (n.kind !== e.kind) changes.add('error-kind-changed', at, `code ${code}: kind ${e.kind} -> ${n.kind}`);
      if (n.name !== e.name) changes.add('error-name-changed', at, `code ${code}: ${e.name} -> ${n.name}`);
      if (n.invalid !== e.invalid)
        changes.add('error-invalid-fields-changed', at, `code ${code}: answersInvalidFields ${n.invalid}`);
      if (n.concurrentPer !== e.concurrentPer)
        changes.add(
          'error-concurrency-changed',
          at,
          `code ${code}: concurrent per ${e.concurrentPer ?? '(none)'} -> ${n.concurrentPer ?? '(none)'}`,
        );
    }
  }
  for (const [code, n] of cb)
    if (!ca.has(code))
      changes.add('error-code-added', [...path, ...n.path.slice(0, -1)], `code ${code} (HTTP ${n.status}) added`);
}
