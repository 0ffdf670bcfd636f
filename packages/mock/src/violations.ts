// Prism's verdict on a request, from its `sl-violations` header: JSON, except past about 8 KB, where
// Prism sends "Too many violations! <the first 8 KB of the JSON>". Never throws.
import { type FieldViolation, fieldName, valueAt, violation } from '@feishu-task/platform';

export interface PrismViolation {
  location: string[];
  message: string;
  code?: string | number;
  severity?: string;
}

export type { FieldViolation };

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

/**
 * The platform's `field_violations` for Prism's violations, named as the emulator names them (the
 * platform model's rules): the field as the request spells it, the value sent, what is wrong.
 */
export function fieldViolations(
  list: PrismViolation[],
  request: { body: unknown; query: URLSearchParams },
  limit = 20,
): FieldViolation[] {
  return list.slice(0, limit).map((v) => {
    const [, where, ...path] = v.location;
    const raw =
      where === 'query'
        ? (request.query.get(path[0] ?? '') ?? undefined)
        : where === 'body'
          ? valueAt(request.body, path)
          : undefined;
    return violation(fieldName(path) || (where ?? 'request'), raw ?? undefined, v.message);
  });
}
