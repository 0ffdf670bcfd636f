// Every example in the bundled spec validates against its own schema (JSON Schema 2020-12, as OAS 3.1).
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { deref, loadBundledSpec, operations } from '../../scripts/lib/spec.mjs';

const spec = loadBundledSpec();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('password', true);
ajv.addSchema(spec, 'spec');

const pointer = (...parts: string[]) =>
  'spec#/' + parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

type Case = { where: string; schemaAt: string; value: unknown };
const cases: Case[] = [];

for (const { path, method, operation } of operations(spec)) {
  const at = (...rest: string[]) => pointer('paths', path, method, ...rest);
  const body = operation.requestBody && deref(spec, operation.requestBody);
  for (const [type, media] of Object.entries<any>(body?.content ?? {})) {
    for (const [name, ex] of Object.entries<any>(media.examples ?? {})) {
      cases.push({ where: `${method} ${path} request ${name}`, schemaAt: at('requestBody', 'content', type, 'schema'), value: deref(spec, ex).value });
    }
  }
  for (const [status, raw] of Object.entries<any>(operation.responses ?? {})) {
    const response = deref(spec, raw);
    const base = raw.$ref ? raw.$ref.slice(2).split('/') : ['paths', path, method, 'responses', status];
    for (const [type, media] of Object.entries<any>(response.content ?? {})) {
      for (const [name, ex] of Object.entries<any>(media.examples ?? {})) {
        cases.push({ where: `${method} ${path} ${status} ${name}`, schemaAt: pointer(...base, 'content', type, 'schema'), value: deref(spec, ex).value });
      }
    }
  }
}
for (const [name, raw] of Object.entries<any>(spec.components.parameters ?? {})) {
  const param = deref(spec, raw);
  if ('example' in param) cases.push({ where: `parameter ${name}`, schemaAt: pointer('components', 'parameters', name, 'schema'), value: param.example });
}

describe('examples', () => {
  it('are found: request, success and every error example', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)('$where validates', ({ schemaAt, value }) => {
    const validate = ajv.getSchema(schemaAt);
    expect(validate, `no schema at ${schemaAt}`).toBeTypeOf('function');
    const ok = validate!(value);
    expect(validate!.errors ?? [], JSON.stringify(value)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator rejects a wrong value (the check can fail)', () => {
    const validate = ajv.getSchema(pointer('components', 'schemas', 'MemberInput'))!;
    expect(validate({ id: 'x'.repeat(101), type: 'user', role: 'editor' })).toBe(false);
    expect(validate({ id: 'ou_1', type: 'group' })).toBe(false);
    expect(validate({ id: 'ou_1', role: 'owner' })).toBe(false);
    expect(validate({ id: 'ou_1' })).toBe(true);
  });
});
