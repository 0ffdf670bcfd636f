// Validates values against schemas inside the dereferenced spec (JSON Schema 2020-12, as OpenAPI 3.1),
// compiling each schema once, on first use, so that starting the emulator stays fast.
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Json } from './spec.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js').default;
const addFormats = require('ajv-formats').default;

export interface Violation {
  field: string;
  value: string;
  description: string;
}

export interface SpecValidator {
  /** Ajv's errors for `value` against the schema at `pointer`; [] when valid. */
  errors(pointer: string[], value: unknown): ErrorObject[];
  has(pointer: string[]): boolean;
}

/**
 * The spec is Redocly's dereferenced bundle (no `$ref` left), so each schema in it stands alone and is
 * compiled alone: compiling the whole document as one schema would cost far more than the few it holds.
 */
export function createValidator(spec: Json): SpecValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addFormat('password', true);
  const compiled = new Map<string, ValidateFunction | null>();
  const get = (pointer: string[]) => {
    const key = pointer.join('\u0000');
    let fn = compiled.get(key);
    if (fn === undefined) {
      let node: unknown = spec;
      for (const part of pointer) node = (node as Json | undefined)?.[part];
      fn = node && typeof node === 'object' ? (ajv.compile(node as object) as ValidateFunction) : null;
      compiled.set(key, fn);
    }
    return fn;
  };
  return {
    errors(pointer, value) {
      const fn = get(pointer);
      if (!fn) throw new Error(`no schema at /${pointer.join('/')}`);
      return fn(value) ? [] : [...(fn.errors ?? [])];
    },
    has: (pointer) => get(pointer) !== null,
  };
}

/** Ajv errors as the platform's field_violations: `{field, value, description}`, field in dotted form. */
export function toViolations(prefix: string, errors: ErrorObject[], value: unknown): Violation[] {
  return errors.map((e) => {
    const parts = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    // biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary JSON value
    let at: any = value;
    for (const p of parts) at = at?.[p];
    const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : undefined;
    const additional =
      e.keyword === 'additionalProperties'
        ? (e.params as { additionalProperty: string }).additionalProperty
        : undefined;
    const path = [prefix, ...parts, ...(missing ? [missing] : []), ...(additional ? [additional] : [])]
      .filter(Boolean)
      .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
      .join('');
    const shown = missing ? '' : additional ? JSON.stringify(at?.[additional]) : JSON.stringify(at);
    return {
      field: path || prefix || 'body',
      value: (shown ?? '').slice(0, 200),
      description: `${e.message ?? 'is invalid'}${e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : ''}`,
    };
  });
}
