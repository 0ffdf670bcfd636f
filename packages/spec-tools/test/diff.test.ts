// diffSpecs on a minimal description (the spec's own mutations are in spec/test/spec-diff-rules.test.ts):
// the rules read any OpenAPI 3.1 document, and what no rule knows is rated major, never dropped.
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../src/index.mjs';

const doc = () => ({
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1.0.0' },
  paths: {
    '/pets': {
      get: {
        operationId: 'listPets',
        description: 'Lists pets.',
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100, default: 20 } }],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { kind: { anyOf: [{ type: 'string', enum: ['cat', 'dog'] }, { type: 'string' }] } },
                },
              },
            },
          },
        },
      },
    },
  },
});

const diff = (edit: (d: any) => void) => {
  const after = doc();
  edit(after);
  return diffSpecs(doc(), after);
};
const kind = (d: any) => d.paths['/pets'].get.responses['200'].content['application/json'].schema.properties.kind;
const limit = (d: any) => d.paths['/pets'].get.parameters[0].schema;

describe('diffSpecs', () => {
  it('rates by promise: open enums, request limits, defaults, text', () => {
    expect(diff((d) => kind(d).anyOf[0].enum.push('bird')).level).toBe('minor');
    expect(diff((d) => kind(d).anyOf.pop()).level).toBe('major');
    expect(diff((d) => (limit(d).maximum = 50)).changes.map((c) => c.rule)).toEqual(['request-narrowed']);
    expect(diff((d) => (limit(d).maximum = 500)).level).toBe('minor');
    expect(diff((d) => (limit(d).default = 10)).changes.map((c) => c.rule)).toEqual(['default-changed']);
    expect(diff((d) => (d.paths['/pets'].get.description = 'Lists all pets.')).level).toBe('patch');
    expect(diff((d) => (d.info.version = '2.0.0')).level).toBe('none');
  });

  it('rates a change no rule knows as major and says where it is', () => {
    expect(diff((d) => (limit(d).readOnly = true)).changes).toEqual([
      {
        rule: 'unrated',
        level: 'major',
        where: 'GET /pets: parameters.query:limit.readOnly',
        message: 'changed; no rule rates it',
      },
    ]);
  });
});
