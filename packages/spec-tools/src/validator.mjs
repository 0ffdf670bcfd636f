// Validates values against schemas inside the bundled spec (JSON Schema 2020-12, as OAS 3.1).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020.js').default;
const addFormats = require('ajv-formats').default;

const pointerSegment = (part) => encodeURIComponent(String(part).replace(/~/g, '~0').replace(/\//g, '~1'));

export function createSpecValidator(spec) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('password', true);
  ajv.addSchema(spec, 'spec');
  return {
    /** Errors of `value` against the schema at `parts` (a JSON pointer's segments); [] when valid. */
    errorsAt(parts, value) {
      const validate = ajv.getSchema(`spec#/${parts.map(pointerSegment).join('/')}`);
      if (!validate) throw new Error(`no schema at /${parts.join('/')}`);
      validate(value);
      return validate.errors ?? [];
    },
  };
}
