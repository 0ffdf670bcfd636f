// One way to check input against a TypeBox schema (JSON Schema and its TS type from one source): Ajv,
// which the project already uses for the spec, with no coercion and no defaults filled in, so `"false"`
// stays a string and is refused. The first problem is named by its path, e.g. `quotas.scale`, and a
// value that fits no branch of a union is told every branch the schema allows, read from the schema.
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
const depthOf = (e: ErrorObject) =>
  e.instancePath.split('/').length + (e.keyword === 'additionalProperties' || e.keyword === 'required' ? 1 : 0);

const TYPE_WORDS: Record<string, string> = {
  boolean: 'a boolean',
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  array: 'an array',
  object: 'a JSON object',
  null: 'null',
};
type Schema = { const?: unknown; enum?: unknown[]; type?: string | string[]; anyOf?: Schema[]; oneOf?: Schema[] };

/** What a schema accepts, as choices: literal values (JSON) and kinds of value ("a boolean"). */
function choicesOf(schema: Schema): { literal: boolean; text: string }[] {
  if ('const' in schema) return [{ literal: true, text: JSON.stringify(schema.const) }];
  if (schema.enum) return schema.enum.map((v) => ({ literal: true, text: JSON.stringify(v) }));
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.flatMap(choicesOf);
  const types = [schema.type ?? []].flat();
  if (types.length > 0) return types.map((t) => ({ literal: t === 'null', text: TYPE_WORDS[t] ?? t }));
  return [{ literal: false, text: 'a value of its schema' }];
}

/** `one of "a", "b"` for literals only, else `false, null or a JSON object`. */
function describeChoices(schema: Schema): string {
  const choices = choicesOf(schema).filter((c, i, all) => all.findIndex((d) => d.text === c.text) === i);
  const texts = choices.map((c) => c.text);
  if (texts.length === 1) return texts[0] ?? '';
  if (choices.every((c) => c.literal)) return `one of ${texts.join(', ')}`;
  return `${texts.slice(0, -1).join(', ')} or ${texts.at(-1)}`;
}

const MISMATCH = new Set(['type', 'const', 'enum']);
const isUnion = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';

/**
 * The most telling error of a failed check: the deepest one. Ajv reports every branch of a union that
 * a value does not fit, so a branch's "wrong kind of value" is not told alone: when the value fits no
 * branch's kind the union itself is told (with every choice), and when it has the kind of one branch
 * that branch's own problem is (`quotas.bogus is not a known field`, `tasklistMemberLimit must be >= 1`).
 */
function describe(errors: ErrorObject[], what: string, root: string): InputError {
  const unions = errors.filter(isUnion);
  const inUnion = (e: ErrorObject, u: ErrorObject) => e !== u && e.schemaPath.startsWith(`${u.schemaPath}/`);
  const branchMismatch = (e: ErrorObject) =>
    MISMATCH.has(e.keyword) && unions.some((u) => u.instancePath === e.instancePath && inUnion(e, u));
  const fitsNoBranch = (u: ErrorObject) =>
    errors.every((e) => !inUnion(e, u) || (branchMismatch(e) && e.instancePath === u.instancePath) || isUnion(e));
  const candidates = errors.filter((e) => (isUnion(e) ? fitsNoBranch(e) : !branchMismatch(e)));
  const deepest = candidates.sort((a, b) => depthOf(b) - depthOf(a))[0];
  if (!deepest) return new InputError(`${what}: ${root} is invalid`, '');
  const field = fieldOf(deepest);
  const params = deepest.params as { allowedValues?: unknown[]; allowedValue?: unknown; type?: string | string[] };
  const detail =
    deepest.keyword === 'additionalProperties'
      ? 'is not a known field'
      : deepest.keyword === 'required'
        ? 'is required'
        : isUnion(deepest)
          ? `must be ${describeChoices({ anyOf: deepest.schema as Schema[] })}`
          : deepest.keyword === 'type'
            ? `must be ${describeChoices({ type: params.type ?? [] })}`
            : deepest.keyword === 'const'
              ? `must be ${describeChoices({ const: params.allowedValue })}`
              : deepest.keyword === 'enum'
                ? `must be ${describeChoices({ enum: params.allowedValues ?? [] })}`
                : (deepest.message ?? 'is invalid');
  return new InputError(`${what}: ${field || root} ${detail}`, field);
}

/**
 * A checker for `schema`: returns the value typed, or throws an InputError naming the field. `root`
 * names the whole value in a message (`the body` for the control API).
 */
export function checker<T extends TSchema>(schema: T, what: string): (value: unknown, root?: string) => Static<T> {
  let check: ValidateFunction | undefined;
  return (value, root = 'the input') => {
    // verbose: a union's error carries its branches, which the message lists.
    ajv ??= new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false, verbose: true });
    check ??= (ajv as { compile(schema: unknown): ValidateFunction }).compile(schema);
    if (!check(value)) throw describe(check.errors ?? [], what, root);
    return value as Static<T>;
  };
}
