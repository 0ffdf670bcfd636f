// The fixture format: the state to seed the emulator with, as plain JSON. Checked with Ajv before use,
// so a bad fixture fails with every problem named instead of an odd answer later.
import type { ErrorObject } from 'ajv';
import type { Json } from './spec.js';
import { Ajv2020 } from './validator.js';

export type MemberType = 'user' | 'chat' | 'app';

export interface Fixture {
  /** Apps that may exchange credentials for tenant tokens. */
  apps?: { app_id: string; app_secret: string; tenant_key?: string }[];
  /** When true, only `apps` may get tokens (a bad secret then answers as the platform does). */
  restrictApps?: boolean;
  /** Users; a missing union_id or user_id is derived from the open_id. */
  users?: { open_id: string; union_id?: string; user_id?: string; name?: string }[];
  /** Chats (groups) and the users in them (any id of each user). */
  chats?: { chat_id: string; name?: string; members?: string[] }[];
  /** User access tokens and the user each belongs to (any id of the user). */
  userTokens?: { token: string; user: string; app_id?: string; expire?: number }[];
  /** Task v1 tasks: creator, collaborators (assignees) and followers, each any id of a user. */
  tasks?: { id: string; creator?: string; collaborators?: string[]; followers?: string[] }[];
  /** Task v2 tasklists and their members. A deleted tasklist answers as one that does not exist. */
  tasklists?: {
    guid: string;
    name?: string;
    owner: { id: string; type?: MemberType };
    creator?: { id: string; type?: MemberType };
    members?: { id: string; type?: MemberType; role: 'editor' | 'viewer' }[];
    deleted?: boolean;
    created_at?: string;
  }[];
}

const id = { type: 'string', minLength: 1 };
const ref = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id, type: { enum: ['user', 'chat', 'app'] } },
};
const list = (items: object) => ({ type: 'array', items });
const object = (required: string[], properties: Record<string, object>) => ({
  type: 'object',
  required,
  additionalProperties: false,
  properties,
});

export const fixtureSchema = object([], {
  $schema: { type: 'string' },
  apps: list(object(['app_id', 'app_secret'], { app_id: id, app_secret: id, tenant_key: id })),
  restrictApps: { type: 'boolean' },
  users: list(object(['open_id'], { open_id: id, union_id: id, user_id: id, name: { type: 'string' } })),
  chats: list(object(['chat_id'], { chat_id: id, name: { type: 'string' }, members: list(id) })),
  userTokens: list(
    object(['token', 'user'], {
      token: { type: 'string', pattern: '^u-\\S+$' },
      user: id,
      app_id: id,
      expire: { type: 'integer', minimum: 1 },
    }),
  ),
  tasks: list(object(['id'], { id, creator: id, collaborators: list(id), followers: list(id) })),
  tasklists: list(
    object(['guid', 'owner'], {
      guid: id,
      name: { type: 'string' },
      owner: ref,
      creator: ref,
      members: list({
        ...ref,
        required: ['id', 'role'],
        properties: { ...ref.properties, role: { enum: ['editor', 'viewer'] } },
      }),
      deleted: { type: 'boolean' },
      created_at: { type: 'string', pattern: '^[0-9]+$' },
    }),
  ),
});

export class FixtureError extends TypeError {
  override name = 'FixtureError';
  constructor(readonly problems: string[]) {
    super(`invalid emulator fixture: ${problems.join('; ')}`);
  }
}

let check: ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Throws a FixtureError naming every problem of `value`, or returns it typed. */
export function checkFixture(value: unknown): Fixture {
  if (!check) {
    check = new Ajv2020({ allErrors: true, strict: false }).compile(fixtureSchema);
  }
  if (!check(value))
    throw new FixtureError(
      (check.errors ?? []).map((e) => {
        const extra =
          e.keyword === 'additionalProperties'
            ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
            : '';
        return `${e.instancePath || '/'} ${e.message}${extra}`;
      }),
    );
  return value as Fixture;
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
