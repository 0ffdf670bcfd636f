// Walks a dereferenced spec (see loadSpec): its operations and their error examples. The only list of
// HTTP methods in the repository.

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const ERROR_STATUS = /^[45]\d\d$/;

export function* operations(spec) {
  for (const [path, pathItem] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation) yield { id: operation.operationId, path, method, pathItem, operation };
    }
  }
}

/** The operation with this operationId, or a thrown error naming the ones that exist. */
export function operationById(spec, id) {
  const all = [...operations(spec)];
  const found = all.find((o) => o.id === id);
  if (!found) throw new Error(`no operation "${id}" (have ${all.map((o) => o.id).join(', ')})`);
  return found;
}

/** Every named example of an operation's 4xx/5xx answers, with its `x-feishu-error` metadata. */
export function errorExamples(operation) {
  const out = [];
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!ERROR_STATUS.test(status)) continue;
    for (const [mediaType, media] of Object.entries(response.content ?? {})) {
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        out.push({
          status: Number(status),
          name,
          mediaType,
          code: example.value?.code,
          message: example.value?.msg,
          summary: example.summary,
          advice: example['x-feishu-error']?.advice,
          kind: example['x-feishu-error']?.kind,
          meta: example['x-feishu-error'],
          example,
          response,
        });
      }
    }
  }
  return out;
}

/**
 * What the operation's requests go one at a time per (its error example's `x-feishu-error.concurrent`):
 * the path parameter `per`, the code the server answers to a request on a value another request of it is
 * in flight on, and where that reading comes from (the concurrent's own x-source, else the example's).
 * Undefined when no example says so; throws when `per` is no parameter of `path` or two examples disagree.
 */
export function oneAtATime(operation, path) {
  const marked = errorExamples(operation).filter((e) => e.meta?.concurrent);
  if (marked.length === 0) return undefined;
  const [first, ...rest] = marked;
  const { per } = first.meta.concurrent;
  const other = rest.find((e) => e.meta.concurrent.per !== per || e.code !== first.code);
  if (other)
    throw new Error(
      `${operation.operationId}: ${first.name} (${first.code} per ${per}) and ${other.name} (${other.code} per ${other.meta.concurrent.per}) mark concurrent requests differently`,
    );
  if (!path.includes(`{${per}}`))
    throw new Error(
      `${operation.operationId}: ${first.name}'s concurrent.per "${per}" is not a path parameter of ${path}`,
    );
  const source = (first.meta.concurrent['x-source'] ?? first.example['x-source'])?.kind;
  return { per, code: first.code, source };
}

/** The JSON request body schema of an operation, if it has one. */
export const requestSchema = (operation) => operation.requestBody?.content?.['application/json']?.schema;
