// The input-rule generator keeps what the client can check and refuses what it cannot express.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { ruleOf } from '../scripts/input-rules.mjs';

describe('input rules', () => {
  it('keeps types, enums, lengths, counts, required keys and closed objects', () => {
    expect(
      ruleOf(
        {
          type: 'object',
          required: ['a'],
          additionalProperties: false,
          description: 'doc only',
          properties: { a: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', enum: ['x'] } } },
        },
        'w',
      ),
    ).toEqual({
      t: 'o',
      req: ['a'],
      closed: 1,
      props: { a: { t: 'a', min: 1, max: 3, items: { t: 's', enum: ['x'] } } },
    });
  });

  it('fails the generation on a keyword it cannot check', () => {
    expect(() => ruleOf({ type: 'string', pattern: '^a$' }, 'op body.id')).toThrow(/op body.id: keyword pattern/);
    expect(() => ruleOf({ type: 'integer' }, 'op query.n')).toThrow(/type "integer" has no runtime check/);
  });
});
