// The walker finds every operation under every method and every error example with its metadata.
import { describe, expect, it } from 'vitest';
import { errorExamples, oneAtATime, operationById, operations, requestSchema } from '../src/index.mjs';

const err = (code: number) => ({
  summary: `e${code}`,
  value: { code, msg: `m${code}` },
  'x-feishu-error': { code, kind: 'k' },
});
const spec = {
  paths: {
    '/a': {
      post: {
        operationId: 'a',
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {
          '200': { content: { 'application/json': { examples: { ok: { value: { code: 0 } } } } } },
          '400': { content: { 'application/json': { examples: { Bad: err(1), Worse: err(2) } } } },
          '429': { content: { 'application/json': { examples: { Slow: err(3) } } } },
        },
      },
      delete: { operationId: 'b', responses: {} },
    },
    '/c': { patch: { operationId: 'c', responses: {} }, parameters: [] },
  },
};

describe('walk', () => {
  it('yields every operation, whatever its method', () => {
    expect([...operations(spec)].map((o) => `${o.method} ${o.path} ${o.id}`)).toEqual([
      'post /a a',
      'delete /a b',
      'patch /c c',
    ]);
  });

  it('lists only 4xx/5xx examples, with status, name, code, message and metadata', () => {
    const found = errorExamples(operationById(spec, 'a').operation);
    expect(found.map((e) => [e.status, e.name, e.code, e.message, e.kind])).toEqual([
      [400, 'Bad', 1, 'm1', 'k'],
      [400, 'Worse', 2, 'm2', 'k'],
      [429, 'Slow', 3, 'm3', 'k'],
    ]);
  });

  it('names the operations that exist when asked for one that does not', () => {
    expect(() => operationById(spec, 'z')).toThrow('no operation "z" (have a, b, c)');
  });

  it('finds the JSON request body schema', () => {
    expect(requestSchema(operationById(spec, 'a').operation)).toEqual({ type: 'object' });
    expect(requestSchema(operationById(spec, 'b').operation)).toBeUndefined();
  });

  describe('oneAtATime (x-feishu-error.concurrent)', () => {
    const marked = (concurrent: object, source = { kind: 'page' }) => ({
      responses: {
        '400': {
          content: {
            'application/json': {
              examples: {
                Bad: err(1),
                Busy: { ...err(7), 'x-feishu-error': { code: 7, kind: 'rate_limit', concurrent }, 'x-source': source },
              },
            },
          },
        },
      },
    });

    it("is the path parameter, the code and the source of the reading (its own x-source, else the example's)", () => {
      expect(oneAtATime(marked({ per: 'id' }), '/t/{id}/x')).toEqual({ per: 'id', code: 7, source: 'page' });
      expect(oneAtATime(marked({ per: 'id', 'x-source': { kind: 'unsourced' } }), '/t/{id}')).toEqual({
        per: 'id',
        code: 7,
        source: 'unsourced',
      });
      expect(oneAtATime(operationById(spec, 'a').operation, '/a')).toBeUndefined();
    });

    it('throws on a parameter the path does not have', () => {
      expect(() => oneAtATime({ operationId: 'op', ...marked({ per: 'guid' }) }, '/t/{id}')).toThrow(
        'op: Busy\'s concurrent.per "guid" is not a path parameter of /t/{id}',
      );
    });

    it('throws when two examples mark concurrent requests differently', () => {
      const op: any = { operationId: 'op', ...marked({ per: 'id' }) };
      op.responses['429'] = {
        content: {
          'application/json': {
            examples: { Other: { ...err(8), 'x-feishu-error': { code: 8, kind: 'k', concurrent: { per: 'id' } } } },
          },
        },
      };
      expect(() => oneAtATime(op, '/t/{id}')).toThrow(
        'op: Busy (7 per id) and Other (8 per id) mark concurrent requests differently',
      );
    });
  });
});
