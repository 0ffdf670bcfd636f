// Every example in the bundled spec validates against its own schema (JSON Schema 2020-12, as OAS 3.1).

import { createSpecValidator, loadSpec, operations } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';

const spec = loadSpec(import.meta.url, 'dereferenced');
const validator = createSpecValidator(spec);

type Case = { where: string; schemaAt: string[]; value: unknown };
const cases: Case[] = [];

for (const { path, method, operation } of operations(spec)) {
  const at = (...rest: string[]) => ['paths', path, method, ...rest];
  const body = operation.requestBody && operation.requestBody;
  for (const [type, media] of Object.entries<any>(body?.content ?? {})) {
    for (const [name, ex] of Object.entries<any>(media.examples ?? {})) {
      cases.push({
        where: `${method} ${path} request ${name}`,
        schemaAt: at('requestBody', 'content', type, 'schema'),
        value: ex.value,
      });
    }
  }
  for (const [status, raw] of Object.entries<any>(operation.responses ?? {})) {
    const response = raw;
    const base = raw.$ref ? raw.$ref.slice(2).split('/') : ['paths', path, method, 'responses', status];
    for (const [type, media] of Object.entries<any>(response.content ?? {})) {
      for (const [name, ex] of Object.entries<any>(media.examples ?? {})) {
        cases.push({
          where: `${method} ${path} ${status} ${name}`,
          schemaAt: [...base, 'content', type, 'schema'],
          value: ex.value,
        });
      }
    }
  }
}
for (const [name, raw] of Object.entries<any>(spec.components.parameters ?? {})) {
  const param = raw;
  if ('example' in param)
    cases.push({
      where: `parameter ${name}`,
      schemaAt: ['components', 'parameters', name, 'schema'],
      value: param.example,
    });
}

describe('examples', () => {
  it('are found: request, success and every error example', () => {
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases)('$where validates', ({ schemaAt, value }) => {
    expect(validator.errorsAt(schemaAt, value), JSON.stringify(value)).toEqual([]);
  });

  it('the validator rejects a wrong value (the check can fail)', () => {
    const errors = (value: unknown) => validator.errorsAt(['components', 'schemas', 'MemberInput'], value);
    expect(errors({ id: 'x'.repeat(101), type: 'user', role: 'editor' })).not.toEqual([]);
    expect(errors({ id: 'ou_1', type: 'group' })).not.toEqual([]);
    expect(errors({ id: 'ou_1', role: 'owner' })).not.toEqual([]);
    expect(errors({ id: 'ou_1' })).toEqual([]);
  });
});
