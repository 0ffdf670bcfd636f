// The platform's `error.field_violations`: each entry names the field as the request spells it
// (`members[3].role`, `user_id_type`), the value sent (a string as sent, anything else as JSON, cut to
// 200 characters) and what is wrong. Both doors build them here, whatever validator found them.

export interface FieldViolation {
  field: string;
  /** The value sent; absent when the field is missing. */
  value?: string;
  description: string;
}

const MAX_VALUE = 200;

/** `['members', '3', 'role']` as `members[3].role`. */
export const fieldName = (path: readonly string[]) =>
  path.reduce((name, key) => (/^\d+$/.test(key) ? `${name}[${key}]` : name ? `${name}.${key}` : key), '');

/** A sent value as field_violations shows it: a string as is, anything else as JSON. */
export function shownValue(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  return text === undefined ? undefined : text.slice(0, MAX_VALUE);
}

/** One violation at `path` of the value `root` (path empty: the root itself). */
export function violation(field: string, raw: unknown, description: string): FieldViolation {
  const value = shownValue(raw);
  return { field, ...(value === undefined ? {} : { value }), description };
}

// biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary JSON value
export const valueAt = (root: any, path: readonly string[]) =>
  path.reduce((node, key) => (node == null ? undefined : node[key]), root);

/** The shape of an Ajv error this needs (so that the platform does not depend on Ajv). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** JSON Schema errors (Ajv's) for `value`, named from `prefix` (a parameter's name, or '' for the body). */
export function fromSchemaErrors(prefix: string, errors: readonly SchemaError[], value: unknown): FieldViolation[] {
  return errors.map((e) => {
    const parts = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const missing = e.keyword === 'required' ? String(e.params.missingProperty) : undefined;
    const extra = e.keyword === 'additionalProperties' ? String(e.params.additionalProperty) : undefined;
    const at = valueAt(value, parts);
    const field = fieldName(
      [prefix, ...parts, ...(missing ? [missing] : []), ...(extra ? [extra] : [])].filter(Boolean),
    );
    const allowed = e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    return violation(
      field || prefix || 'body',
      missing ? undefined : extra ? at?.[extra] : at,
      `${e.message ?? 'is invalid'}${allowed}`,
    );
  });
}
