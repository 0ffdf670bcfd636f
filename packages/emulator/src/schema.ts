// One way to check input against a TypeBox schema (JSON Schema and its TS type from one source): Ajv,
// which the project already uses for the spec, with no coercion and no defaults filled in, so `"false"`
// stays a string and is refused. The first problem is named by its path, e.g. `quotas.scale`.
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Static, TSchema } from 'typebox';
import { Ajv2020 } from './validator.js';

export class InputError extends TypeError {
  override name = 'InputError';
  constructor(
    message: string,
    /** The offending field, as a dotted path (`''` for the whole input). */
    readonly field: string,
  ) {
    super(message);
  }
}

let ajv: { compile(schema: unknown): ValidateFunction } | undefined;

const fieldOf = (e: ErrorObject) => {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'additionalProperties') path.push((e.params as { additionalProperty: string }).additionalProperty);
  if (e.keyword === 'required') path.push((e.params as { missingProperty: string }).missingProperty);
  return path.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
};

/** The most telling error of a failed check: the deepest one (a union's branches report at its level). */
function describe(errors: ErrorObject[], what: string): InputError {
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!deepest) return new InputError(`${what}: invalid`, '');
  const field = fieldOf(deepest);
  const detail =
    deepest.keyword === 'additionalProperties'
      ? 'is not a known field'
      : deepest.keyword === 'required'
        ? 'is required'
        : (deepest.message ?? 'is invalid');
  const allowed =
    deepest.keyword === 'enum' || deepest.keyword === 'const'
      ? ` (${JSON.stringify((deepest.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (deepest.params as { allowedValue?: unknown }).allowedValue)})`
      : '';
  return new InputError(`${what}: ${field || 'the input'} ${detail}${allowed}`, field);
}

/** A checker for `schema`: returns the value typed, or throws an InputError naming the field. */
export function checker<T extends TSchema>(schema: T, what: string): (value: unknown) => Static<T> {
  let check: ValidateFunction | undefined;
  return (value) => {
    ajv ??= new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
    check ??= (ajv as { compile(schema: unknown): ValidateFunction }).compile(schema);
    if (!check(value)) throw describe(check.errors ?? [], what);
    return value as Static<T>;
  };
}
