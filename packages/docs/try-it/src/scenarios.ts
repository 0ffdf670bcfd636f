// The documented error scenarios, one click each. Every one starts from the reference's example state and
// makes the error happen the way the platform would: by state (seeded tasks, tasklists, apps), by the
// quota (real requests until it runs out), or by the clock (a token outlives its expiry). No answer is
// faked: the request then goes through the whole engine like any other.
import { ASSUMED, type Fixture } from '@feishu-task/emulator';
import { type Engine, type Outgoing, send } from './engine.js';
import type { Labels } from './labels.js';
import { requestUrl, type TryOperation } from './operation.js';
import { issueToken } from './token.js';

export interface Draft {
  op: TryOperation;
  /** The form's path and query values. */
  values: Record<string, string>;
  /** The request the form would send (its token included). */
  request: Outgoing;
}

export interface Scenario {
  /** The documented error (an example name of the spec) it produces. */
  error: string;
  prepare(engine: Engine, draft: Draft, t: Labels): Promise<{ request: Outgoing; note: string }>;
}

const parse = (text: string | undefined): Record<string, unknown> => {
  try {
    const v = JSON.parse(text ?? '');
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
};

/** The open_id of the user `id` names under the request's user_id_type (the emulator keys users by it). */
function openIdOf(snapshot: Fixture, id: string, idType: string) {
  const user = (snapshot.users ?? []).find((u) => (u as Record<string, unknown>)[idType] === id);
  return user?.open_id ?? id;
}
const idTypeOf = (draft: Draft) => draft.values.user_id_type || 'open_id';
const fillers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export const SCENARIOS: Scenario[] = [
  {
    error: 'CollaboratorNotFound',
    async prepare(engine, draft, t) {
      const snapshot = engine.snapshot();
      const taskId = draft.values.task_id ?? '';
      const user = openIdOf(snapshot, draft.values.collaborator_id ?? '', idTypeOf(draft));
      const task = snapshot.tasks?.find((x) => x.id === taskId) ?? { id: taskId };
      engine.seed({ tasks: [{ ...task, collaborators: (task.collaborators ?? []).filter((c) => c !== user) }] });
      return { request: draft.request, note: t.setups.notCollaborator(draft.values.collaborator_id ?? '', taskId) };
    },
  },
  {
    error: 'CollaboratorLimitExceeded',
    async prepare(engine, draft, t) {
      const n = engine.settings().collaboratorLimit;
      const taskId = draft.values.task_id ?? '';
      const task = engine.snapshot().tasks?.find((x) => x.id === taskId) ?? { id: taskId };
      engine.seed({ tasks: [{ ...task, collaborators: fillers('ou_try_it_collaborator_', n) }] });
      return { request: draft.request, note: t.setups.collaboratorCap(taskId, n) };
    },
  },
  {
    error: 'TasklistMemberLimitExceeded',
    async prepare(engine, draft, t) {
      // No page states the cap: the emulator has none by default, so the scenario sets its strict profile's
      // assumed value (ASSUMED.tasklistMemberLimit) for this engine.
      const limit =
        engine.settings().tasklistMemberLimit ??
        engine.configure({ tasklistMemberLimit: ASSUMED.tasklistMemberLimit.value }).tasklistMemberLimit ??
        ASSUMED.tasklistMemberLimit.value;
      const guid = draft.values.tasklist_guid ?? '';
      const snapshot = engine.snapshot();
      const list = snapshot.tasklists?.find((l) => l.guid === guid) ?? { guid, owner: { id: 'ou_try_it_owner' } };
      // The request's members are made new ones, so that adding them goes over the limit.
      const adding = new Set(
        ((parse(draft.request.body).members as { id?: string; type?: string }[] | undefined) ?? []).map((m) =>
          (m.type ?? 'user') === 'user' ? openIdOf(snapshot, String(m.id), idTypeOf(draft)) : String(m.id),
        ),
      );
      const kept = (list.members ?? []).filter((m) => !adding.has(m.id));
      // Adding a tasklist's owner changes nothing (the page says so), so an owner named by the request
      // gives way to another user.
      const stranger = { id: 'ou_try_it_owner', type: 'user' as const };
      const owner = adding.has(list.owner.id) ? stranger : list.owner;
      const creator = list.creator && adding.has(list.creator.id) ? stranger : list.creator;
      const members = [
        ...kept,
        ...fillers('ou_try_it_member_', Math.max(0, limit - kept.length)).map((id) => ({
          id,
          type: 'user' as const,
          role: 'viewer' as const,
        })),
      ];
      engine.seed({ tasklists: [{ ...list, owner, ...(creator ? { creator } : {}), members }] });
      return { request: draft.request, note: t.setups.memberCap(guid, limit) };
    },
  },
  {
    error: 'PlatformRateLimited',
    async prepare(engine, draft, t) {
      const quota = draft.op.quota;
      // Other ids than the form's, so that the requests that use up the quota change nothing.
      const other = Object.fromEntries(
        Object.entries(draft.values).map(([k, v]) => [
          k,
          draft.op.params.some((p) => p.in === 'path' && p.name === k) ? `${v}-other` : v,
        ]),
      );
      const filler = { ...draft.request, url: requestUrl(draft.op, other) };
      let sent = 0;
      while (sent <= quota) {
        sent++;
        if ((await send(engine, filler)).status === 429) break;
      }
      return { request: draft.request, note: t.setups.rateLimited(sent) };
    },
  },
  {
    error: 'TenantTokenInvalid',
    async prepare(engine, draft, t) {
      const { token, expire } = await issueToken(engine);
      engine.clock.advance((expire + 1) * 1000);
      return {
        request: { ...draft.request, headers: { ...draft.request.headers, authorization: `Bearer ${token}` } },
        note: t.setups.expiredToken(expire + 1),
      };
    },
  },
  {
    error: 'AppSecretInvalid',
    async prepare(engine, draft, t) {
      const body = parse(draft.request.body);
      const app = String(body.app_id ?? '');
      engine.seed({ apps: [{ app_id: app, app_secret: `${String(body.app_secret ?? '')}-rotated` }] });
      return { request: draft.request, note: t.setups.wrongSecret(app) };
    },
  },
];

/** The scenarios whose error the operation documents, in the order above. */
export const scenariosFor = (op: TryOperation) =>
  SCENARIOS.filter((s) => op.errors.some((e) => e.name === s.error)).map((s) => ({
    scenario: s,
    error: op.errors.find((e) => e.name === s.error) as TryOperation['errors'][number],
  }));
