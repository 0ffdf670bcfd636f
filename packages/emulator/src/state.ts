// What the emulated tenant holds: identities (users, chats, apps), tokens, tasks and tasklists.
import type { Fixture, MemberType } from './fixture.js';

export type IdType = 'open_id' | 'union_id' | 'user_id';
export interface User {
  open_id: string;
  union_id: string;
  user_id: string;
  name?: string;
}
export interface App {
  app_id: string;
  app_secret: string;
  tenant_key: string;
}
export interface TokenRecord {
  appId: string;
  tenantKey: string;
  expiresAt: number;
  /** The user's open_id, for user tokens. */
  user?: string;
}
export interface Task {
  id: string;
  creator?: string;
  /** open_ids, in the order they were added. */
  collaborators: string[];
  followers: Set<string>;
}
/** A member key: the user's open_id, the chat_id or the app_id. */
export interface MemberRef {
  type: MemberType;
  key: string;
}
export interface Tasklist {
  guid: string;
  name: string;
  owner: MemberRef;
  creator: MemberRef;
  /** `${type}:${key}` → role, in the order they were added. */
  members: Map<string, { ref: MemberRef; role: 'editor' | 'viewer' }>;
  deleted: boolean;
  createdAt: number;
  updatedAt: number;
}

export const DEFAULT_TENANT = 'emulator-tenant';
/** The default of `userLimit`: users registered on first sight stop here, so that a fuzzer sending random ids cannot grow memory without end. */
export const MAX_USERS = 100_000;
export const DEFAULT_APP = 'cli_emulator';
export const memberKey = (ref: MemberRef) => `${ref.type}:${ref.key}`;

/** The other two ids of a user known by one, derived so that they stay stable and distinct. */
export function deriveUser(id: string, type: IdType): User {
  const base = id.replace(/^o[un]_/, '');
  return {
    open_id: type === 'open_id' ? id : `ou_${base}`,
    union_id: type === 'union_id' ? id : `on_${base}`,
    user_id: type === 'user_id' ? id : base,
  };
}

export class State {
  readonly users = new Map<string, User>();
  private readonly userIndex: Record<IdType, Map<string, User>> = {
    open_id: new Map(),
    union_id: new Map(),
    user_id: new Map(),
  };
  readonly chats = new Map<string, { chat_id: string; name?: string; members: Set<string> }>();
  readonly apps = new Map<string, App>();
  restrictApps = false;
  readonly tenantTokens = new Map<string, TokenRecord>();
  readonly userTokens = new Map<string, TokenRecord>();
  readonly tasks = new Map<string, Task>();
  readonly tasklists = new Map<string, Tasklist>();

  addUser(user: User): User {
    const existing = this.users.get(user.open_id);
    if (existing) {
      for (const t of ['union_id', 'user_id'] as const) this.userIndex[t].delete(existing[t]);
    }
    this.users.set(user.open_id, user);
    for (const t of ['open_id', 'union_id', 'user_id'] as const) this.userIndex[t].set(user[t], user);
    return user;
  }

  /** The user this id names under `type`, or under any type when none is given. */
  findUser(id: string, type?: IdType): User | undefined {
    if (type) return this.userIndex[type].get(id);
    return this.userIndex.open_id.get(id) ?? this.userIndex.union_id.get(id) ?? this.userIndex.user_id.get(id);
  }

  /**
   * The user this id names, registered on first sight when `register` (a tenant of any size, up to
   * `limit` users); `'full'` when it would be registered but the registry holds `limit` already.
   */
  userFor(id: string, type: IdType, register: boolean, limit = MAX_USERS): User | undefined | 'full' {
    const known = this.findUser(id, type);
    if (known || !register) return known;
    if (this.users.size >= limit) return 'full';
    return this.addUser(deriveUser(id, type));
  }

  /** A fixture's user reference (any of the three ids, or a new open_id). */
  private fixtureUser(id: string): User {
    return this.findUser(id) ?? this.addUser(deriveUser(id, id.startsWith('on_') ? 'union_id' : 'open_id'));
  }

  private ref(input: { id: string; type?: MemberType }): MemberRef {
    const type = input.type ?? 'user';
    return { type, key: type === 'user' ? this.fixtureUser(input.id).open_id : input.id };
  }

  /** Adds (or replaces, by id) everything in `fixture`. */
  seed(fixture: Fixture, now: number, defaultTtlSeconds: number) {
    if (fixture.restrictApps !== undefined) this.restrictApps = fixture.restrictApps;
    for (const a of fixture.apps ?? [])
      this.apps.set(a.app_id, {
        app_id: a.app_id,
        app_secret: a.app_secret,
        tenant_key: a.tenant_key ?? DEFAULT_TENANT,
      });
    for (const u of fixture.users ?? []) {
      const derived = deriveUser(u.open_id, 'open_id');
      this.addUser({
        open_id: u.open_id,
        union_id: u.union_id ?? derived.union_id,
        user_id: u.user_id ?? derived.user_id,
        ...(u.name === undefined ? {} : { name: u.name }),
      });
    }
    for (const c of fixture.chats ?? [])
      this.chats.set(c.chat_id, {
        chat_id: c.chat_id,
        ...(c.name === undefined ? {} : { name: c.name }),
        members: new Set((c.members ?? []).map((m) => this.fixtureUser(m).open_id)),
      });
    for (const t of fixture.userTokens ?? []) {
      const app = t.app_id ? this.apps.get(t.app_id) : undefined;
      this.userTokens.set(t.token, {
        appId: t.app_id ?? DEFAULT_APP,
        tenantKey: t.tenant_key ?? app?.tenant_key ?? DEFAULT_TENANT,
        expiresAt: t.expires_at ?? now + (t.expire ?? defaultTtlSeconds) * 1000,
        user: this.fixtureUser(t.user).open_id,
      });
    }
    for (const t of fixture.tenantTokens ?? []) {
      const app = this.apps.get(t.app_id);
      this.tenantTokens.set(t.token, {
        appId: t.app_id,
        tenantKey: t.tenant_key ?? app?.tenant_key ?? DEFAULT_TENANT,
        expiresAt: t.expires_at,
      });
    }
    for (const t of fixture.tasks ?? []) {
      const creator = t.creator === undefined ? undefined : this.fixtureUser(t.creator).open_id;
      this.tasks.set(t.id, {
        id: t.id,
        ...(creator === undefined ? {} : { creator }),
        collaborators: [...new Set((t.collaborators ?? []).map((c) => this.fixtureUser(c).open_id))],
        followers: new Set((t.followers ?? []).map((c) => this.fixtureUser(c).open_id)),
      });
    }
    for (const l of fixture.tasklists ?? []) {
      const owner = this.ref(l.owner);
      const members: Tasklist['members'] = new Map();
      for (const m of l.members ?? []) {
        const ref = this.ref(m);
        members.set(memberKey(ref), { ref, role: m.role });
      }
      const createdAt = l.created_at === undefined ? now : Number(l.created_at);
      const updatedAt = l.updated_at === undefined ? createdAt : Number(l.updated_at);
      this.tasklists.set(l.guid, {
        guid: l.guid,
        name: l.name ?? l.guid,
        owner,
        creator: l.creator ? this.ref(l.creator) : owner,
        members,
        deleted: l.deleted === true,
        createdAt,
        updatedAt,
      });
    }
  }

  /**
   * The whole state as a fixture that restores it exactly: app secrets and issued tokens included (this
   * is a test double's state; never a real tenant's).
   */
  snapshot(): Fixture {
    const refOut = (r: MemberRef) => ({ id: r.key, type: r.type });
    return {
      apps: [...this.apps.values()].map((a) => ({
        app_id: a.app_id,
        app_secret: a.app_secret,
        tenant_key: a.tenant_key,
      })),
      restrictApps: this.restrictApps,
      users: [...this.users.values()].map((u) => ({ ...u })),
      chats: [...this.chats.values()].map((c) => ({
        chat_id: c.chat_id,
        ...(c.name === undefined ? {} : { name: c.name }),
        members: [...c.members],
      })),
      tasks: [...this.tasks.values()].map((t) => ({
        id: t.id,
        ...(t.creator === undefined ? {} : { creator: t.creator }),
        collaborators: [...t.collaborators],
        followers: [...t.followers],
      })),
      tasklists: [...this.tasklists.values()].map((l) => ({
        guid: l.guid,
        name: l.name,
        owner: refOut(l.owner),
        creator: refOut(l.creator),
        members: [...l.members.values()].map((m) => ({ ...refOut(m.ref), role: m.role })),
        deleted: l.deleted,
        created_at: String(l.createdAt),
        updated_at: String(l.updatedAt),
      })),
      tenantTokens: [...this.tenantTokens].map(([token, r]) => ({
        token,
        app_id: r.appId,
        tenant_key: r.tenantKey,
        expires_at: r.expiresAt,
      })),
      userTokens: [...this.userTokens].map(([token, r]) => ({
        token,
        user: r.user ?? '',
        app_id: r.appId,
        tenant_key: r.tenantKey,
        expires_at: r.expiresAt,
      })),
    };
  }

  /** The issued tokens of `from` carried over (credentials a client holds survive a reset). */
  keepTokens(from: State) {
    for (const [token, record] of from.tenantTokens) this.tenantTokens.set(token, record);
    for (const [token, record] of from.userTokens) {
      const user = record.user ? from.users.get(record.user) : undefined;
      if (user && !this.findUser(user.open_id, 'open_id')) this.addUser({ ...user });
      this.userTokens.set(token, record);
    }
  }

  /** Forgets expired tokens (memory stays bounded when a test issues many). */
  pruneTokens(now: number) {
    for (const map of [this.tenantTokens, this.userTokens])
      for (const [token, record] of map) if (record.expiresAt <= now) map.delete(token);
  }
}
