// Open response enums: any string is accepted (a new role on the server must not break a consumer), and
// the known values stay in the type (so editors offer them). The type-level half is checked by the
// package's `tsc --noEmit` over test/, the text half by vitest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { components } from '../src/index.js';

// Required<> rather than NonNullable<>: NonNullable intersects with {} again, which collapses the union to string.
type Role = Required<components['schemas']['Member']>['role'];
type Kind = Required<components['schemas']['Member']>['type'];
type InputRole = Required<components['schemas']['MemberInput']>['role'];

// Known values are members of the union (with a plain `string` these would be `never`).
const editor: Extract<Role, 'editor'> = 'editor';
const chat: Extract<Kind, 'chat'> = 'chat';
// Unknown values are accepted in answers.
const future: Role = 'commenter';
// @ts-expect-error: requests stay exact, `owner` cannot be sent
const owner: InputRole = 'owner';

describe('open response enums', () => {
  const generated = readFileSync(new URL('../src/generated/openapi.ts', import.meta.url), 'utf8');

  it('print the known values and (string & {})', () => {
    expect(generated).toContain('role?: "editor" | "viewer" | "owner" | "creator" | (string & {});');
    expect(generated).toContain('type?: "user" | "chat" | "app" | (string & {});');
  });

  it('request enums stay closed', () => {
    expect(generated).toContain('role?: "editor" | "viewer";');
    expect([editor, chat, future, owner]).toHaveLength(4);
  });
});
