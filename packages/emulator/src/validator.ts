// Validates values against schemas inside the dereferenced spec (JSON Schema 2020-12, as OpenAPI 3.1),
// compiling each schema once, on first use, so that starting the emulator stays fast. Violations are
// named by the platform model (@feishu-task/platform), as the mock names them.
import type { FieldViolation } from '@feishu-task/platform';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json } from './spec.js';

// Ajv and ajv-formats are CommonJS with `exports.default` (imported, not required: no node: module, so the
// engine bundles for browsers).
export const Ajv2020 = ((Ajv2020Module as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

export type Violation = FieldViolation;

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
  // A schema the bundler left a local `$ref` in (it happens outside components and paths) is compiled
  // as a fragment of the whole document, which Ajv then resolves; every other schema stands alone.
  let documentAdded = false;
  const compile = (pointer: string[], node: object): ValidateFunction => {
    if (!JSON.stringify(node).includes('"$ref":"#/')) return ajv.compile(node) as ValidateFunction;
    if (!documentAdded) {
      ajv.addSchema(spec, 'urn:feishu-task:spec');
      documentAdded = true;
    }
    const fragment = pointer.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
    return ajv.compile({ $ref: `urn:feishu-task:spec#/${fragment}` }) as ValidateFunction;
  };
  const get = (pointer: string[]) => {
    const key = pointer.join('\u0000');
    let fn = compiled.get(key);
    if (fn === undefined) {
      let node: unknown = spec;
      for (const part of pointer) node = (node as Json | undefined)?.[part];
      fn = node && typeof node === 'object' ? compile(pointer, node as object) : null;
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

export { fromSchemaErrors as toViolations } from '@feishu-task/platform';
