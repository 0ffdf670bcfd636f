// Prism's verdict on a request, from its `sl-violations` header: JSON, except past about 8 KB, where
// Prism sends "Too many violations! <the first 8 KB of the JSON>". Never throws.

export interface PrismViolation {
  location: string[];
  message: string;
  code?: string | number;
  severity?: string;
}

export interface FieldViolation {
  field: string;
  value?: string;
  description: string;
}

/** The violations Prism reported, as many as can be read; `truncated` when Prism cut the list. */
export function parseViolations(header: string): { list: PrismViolation[]; truncated: boolean } {
  const truncated = header.startsWith('Too many violations!');
  const text = truncated ? header.slice('Too many violations!'.length).trim() : header;
  try {
    const parsed = JSON.parse(text);
    return { list: Array.isArray(parsed) ? parsed.filter(isViolation) : [], truncated };
  } catch {
    // A cut list: read the complete objects before the cut.
    const list: PrismViolation[] = [];
    for (const match of text.matchAll(/\{"location":\[[^\]]*\][^{}]*\}/g)) {
      try {
        const v = JSON.parse(match[0]);
        if (isViolation(v)) list.push(v);
      } catch {
        // skip the fragment
      }
    }
    return { list, truncated: true };
  }
}

function isViolation(v: unknown): v is PrismViolation {
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as PrismViolation).location) &&
    typeof (v as PrismViolation).message === 'string'
  );
}

// biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary request body
const at = (root: any, path: string[]) => path.reduce((node, key) => (node == null ? undefined : node[key]), root);

/**
 * The platform's `field_violations` for Prism's violations: the field as the request names it
 * (`members[3].role`, `user_id_type`), the value sent (cut to 100 characters) and what is wrong.
 */
export function fieldViolations(
  list: PrismViolation[],
  request: { body: unknown; query: URLSearchParams },
  limit = 20,
): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const v of list.slice(0, limit)) {
    const [, where, ...path] = v.location;
    const field = path.reduce(
      (name, key) => (/^\d+$/.test(key) ? `${name}[${key}]` : name ? `${name}.${key}` : key),
      '',
    );
    const raw =
      where === 'query' ? request.query.get(path[0] ?? '') : where === 'body' ? at(request.body, path) : undefined;
    const value = raw === undefined || raw === null ? undefined : typeof raw === 'string' ? raw : JSON.stringify(raw);
    out.push({
      field: field || (where ?? 'request'),
      ...(value === undefined ? {} : { value: value.slice(0, 100) }),
      description: v.message,
    });
  }
  return out;
}
