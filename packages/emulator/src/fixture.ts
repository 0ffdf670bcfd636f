// The fixture format: the state to seed the emulator with, as plain JSON. Checked with Ajv before use,
// so a bad fixture fails with every problem named instead of an odd answer later.
import type { Static } from 'typebox';
import * as Type from 'typebox';
import { checker, type InputError } from './schema.js';
import type { Json } from './spec.js';

export type MemberType = 'user' | 'chat' | 'app';

const id = Type.String({ minLength: 1 });
const memberType = Type.Union([Type.Literal('user'), Type.Literal('chat'), Type.Literal('app')]);
const ref = Type.Object({ id, type: Type.Optional(memberType) }, { additionalProperties: false });
const epochMs = Type.Integer({ minimum: 0, maximum: 8.64e15, description: 'epoch milliseconds' });
const digits = Type.String({ pattern: '^[0-9]+$', description: 'epoch milliseconds, as the API answers them' });
const obj = <P extends Record<string, import('typebox').TSchema>>(props: P) =>
  Type.Object(props, { additionalProperties: false });

/**
 * The emulator's state as JSON: what a fixture seeds and what snapshot() returns (a snapshot is a
 * fixture with every field filled in, secrets and issued tokens included).
 */
export const FixtureSchema = obj({
  $schema: Type.Optional(Type.String()),
  /** Apps that may exchange credentials for tenant tokens. */
  apps: Type.Optional(Type.Array(obj({ app_id: id, app_secret: id, tenant_key: Type.Optional(id) }))),
  /** When true, only `apps` may get tokens (a bad secret then answers as the platform does). */
  restrictApps: Type.Optional(Type.Boolean()),
  /** Users; a missing union_id or user_id is derived from the open_id. */
  users: Type.Optional(
    Type.Array(
      obj({
        open_id: id,
        union_id: Type.Optional(id),
        user_id: Type.Optional(id),
        name: Type.Optional(Type.String()),
      }),
    ),
  ),
  /** Chats (groups) and the users in them (any id of each user). */
  chats: Type.Optional(
    Type.Array(obj({ chat_id: id, name: Type.Optional(Type.String()), members: Type.Optional(Type.Array(id)) })),
  ),
  /** User access tokens and the user each belongs to (any id of the user); `expire` seconds from now, or `expires_at`. */
  userTokens: Type.Optional(
    Type.Array(
      obj({
        token: Type.String({ pattern: '^u-\\S+$' }),
        user: id,
        app_id: Type.Optional(id),
        tenant_key: Type.Optional(id),
        expire: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 * 365 * 86_400 })),
        expires_at: Type.Optional(epochMs),
      }),
    ),
  ),
  /** Tenant access tokens already issued (a snapshot carries them, so a client's cached token still works). */
  tenantTokens: Type.Optional(
    Type.Array(
      obj({
        token: Type.String({ pattern: '^t-\\S+$' }),
        app_id: id,
        tenant_key: Type.Optional(id),
        expires_at: epochMs,
      }),
    ),
  ),
  /** Task v1 tasks: creator, collaborators (assignees) and followers, each any id of a user. */
  tasks: Type.Optional(
    Type.Array(
      obj({
        id,
        creator: Type.Optional(id),
        collaborators: Type.Optional(Type.Array(id)),
        followers: Type.Optional(Type.Array(id)),
      }),
    ),
  ),
  /** Task v2 tasklists and their members. A deleted tasklist answers as one that does not exist. */
  tasklists: Type.Optional(
    Type.Array(
      obj({
        guid: id,
        name: Type.Optional(Type.String()),
        owner: ref,
        creator: Type.Optional(ref),
        members: Type.Optional(
          Type.Array(
            obj({
              id,
              type: Type.Optional(memberType),
              role: Type.Union([Type.Literal('editor'), Type.Literal('viewer')]),
            }),
          ),
        ),
        deleted: Type.Optional(Type.Boolean()),
        created_at: Type.Optional(digits),
        updated_at: Type.Optional(digits),
      }),
    ),
  ),
});
/** @deprecated the same schema as FixtureSchema */
export const fixtureSchema = FixtureSchema;

export type Fixture = Static<typeof FixtureSchema>;

export class FixtureError extends TypeError {
  override name = 'FixtureError';
  constructor(
    readonly problems: string[],
    readonly field = '',
  ) {
    super(`invalid emulator fixture: ${problems.join('; ')}`);
  }
}

const check = checker(FixtureSchema, 'fixture');

/** Throws a FixtureError naming the problem of `value` (its field; `root`: the whole value), or returns it typed. */
export function checkFixture(value: unknown, root?: string): Fixture {
  try {
    return check(value, root);
  } catch (error) {
    const e = error as InputError;
    throw new FixtureError([e.message.replace(/^fixture: /, '')], e.field);
  }
}

/**
 * The default state: every task and tasklist of the spec's examples, with their members, so that each
 * example request of the spec succeeds against a fresh emulator. The remove-collaborator example's
 * collaborator is a collaborator of every example task; each add_members example path names a tasklist
 * shaped like the page's answer example.
 */
export function fixtureFromSpec(spec: Json): Fixture {
  const values = (name: string) => {
    const out = new Set<string>();
    for (const pathItem of Object.values<Json>(spec.paths ?? {}))
      for (const p of [
        ...(pathItem.parameters ?? []),
        ...Object.values<Json>(pathItem).flatMap((o) => o?.parameters ?? []),
      ])
        if (p?.name === name && typeof p.example === 'string') out.add(p.example);
    return [...out];
  };
  const collaborators = values('collaborator_id');
  const tasks = values('task_id').map((task) => ({ id: task, collaborators }));

  const tasklists: NonNullable<Fixture['tasklists']> = [];
  for (const pathItem of Object.values<Json>(spec.paths ?? {})) {
    for (const op of Object.values<Json>(pathItem)) {
      const examples = op?.responses?.['200']?.content?.['application/json']?.examples ?? {};
      for (const example of Object.values<Json>(examples)) {
        const t = example.value?.data?.tasklist;
        if (!t?.guid || !t.owner) continue;
        const shape = (guid: string) => ({
          guid,
          ...(typeof t.name === 'string' ? { name: t.name } : {}),
          owner: { id: t.owner.id, type: t.owner.type },
          ...(t.creator ? { creator: { id: t.creator.id, type: t.creator.type } } : {}),
          members: (t.members ?? [])
            .filter((m: Json) => m.role === 'editor' || m.role === 'viewer')
            .map((m: Json) => ({ id: m.id, type: m.type, role: m.role })),
          ...(typeof t.created_at === 'string' ? { created_at: t.created_at } : {}),
        });
        for (const guid of new Set([t.guid, ...values('tasklist_guid')]))
          if (!tasklists.some((l) => l.guid === guid)) tasklists.push(shape(guid));
      }
    }
  }
  return { tasks, tasklists };
}
