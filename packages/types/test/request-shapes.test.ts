// The v1 collaborators body needs `id_list` or the deprecated `id`: the generated type says so (a
// required-only anyOf would otherwise print as `unknown`). Type-level half checked by `tsc --noEmit`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { components } from '../src/index.js';

type Body = components['schemas']['CollaboratorInput'];
const withList: Body = { id_list: ['ou_1'] };
const withId: Body = { id: 'ou_1' };
// @ts-expect-error: an empty body names nobody
const empty: Body = {};
// @ts-expect-error: a misspelt field alone is neither form
const misspelt: Body = { idlist: ['ou_1'] };

describe('request shapes', () => {
  it('the collaborators body is a union of its two forms, never unknown', () => {
    const generated = readFileSync(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');
    const body = /CollaboratorInput: \{[\s\S]*?\n {8}\};/.exec(generated)?.[0] ?? '';
    expect(body).toMatch(/id_list: string\[\];[\s\S]*\} \| \{[\s\S]*id: string;/);
    expect(body).not.toContain('unknown');
    expect([withList, withId, empty, misspelt]).toHaveLength(4);
  });
});
