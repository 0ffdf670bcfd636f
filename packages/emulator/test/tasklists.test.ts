// Tasklist semantics, as the add_members page states them.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../src/index.js';
import { caller } from './call.js';

const fixture = {
  users: [{ open_id: 'ou_owner', union_id: 'on_owner', user_id: 'owner' }],
  chats: [{ chat_id: 'oc_team', members: ['ou_in_chat'] }],
  tasklists: [
    {
      guid: 'tl',
      name: 'List',
      owner: { id: 'ou_owner' },
      members: [
        { id: 'ou_viewer', role: 'viewer' as const },
        { id: 'oc_team', type: 'chat' as const, role: 'editor' as const },
      ],
    },
    { guid: 'gone', owner: { id: 'ou_owner' }, deleted: true },
  ],
};
const url = (guid = 'tl', q = '') => `/open-apis/task/v2/tasklists/${guid}/add_members${q}`;

async function setup(options = {}) {
  const engine = createEmulator({ fixture, ...options });
  const { call, tenantToken } = caller(engine);
  const token = (await tenantToken()).tenant_access_token as string;
  return { engine, call, token };
}

describe('add_members', () => {
  it('same role ignored, another role updated, the owner ignored with its role unchanged; the whole tasklist answered', async () => {
    const { call, token, engine } = await setup();
    const before = engine.snapshot().tasklists![0]!;
    const same = await call('POST', url(), { members: [{ id: 'ou_viewer', role: 'viewer' }] }, token);
    expect(same.body.data.tasklist.updated_at).toBe(before.created_at);
    const updated = await call(
      'POST',
      url(),
      {
        members: [
          { id: 'ou_viewer', role: 'editor' },
          { id: 'ou_owner', role: 'viewer' },
        ],
      },
      token,
    );
    const list = updated.body.data.tasklist;
    expect(list.owner).toEqual({ id: 'ou_owner', type: 'user', role: 'owner' });
    expect(list.members).toEqual([
      { id: 'ou_viewer', type: 'user', role: 'editor' },
      { id: 'oc_team', type: 'chat', role: 'editor' },
    ]);
    expect(Number(list.updated_at)).toBeGreaterThan(Number(before.created_at));
  });

  it('member defaults come from the spec (type user, role viewer); ids answered in the requested user_id_type', async () => {
    const { call, token } = await setup();
    const r = await call('POST', url('tl', '?user_id_type=union_id'), { members: [{ id: 'on_newbie' }] }, token);
    expect(r.body.data.tasklist.members).toContainEqual({ id: 'on_newbie', type: 'user', role: 'viewer' });
    expect(r.body.data.tasklist.owner.id).toBe('on_owner');
    const byUserId = await call('POST', url('tl', '?user_id_type=user_id'), { members: [{ id: 'newbie' }] }, token);
    expect(byUserId.body.data.tasklist.members.filter((m: { id: string }) => m.id === 'newbie')).toHaveLength(1);
  });

  it('unknown or deleted tasklists answer 404/1470404', async () => {
    const { call, token } = await setup();
    for (const guid of ['nope', 'gone']) {
      const r = await call('POST', url(guid), { members: [{ id: 'ou_x' }] }, token);
      expect([r.status, r.body.code]).toEqual([404, 1470404]);
    }
  });

  it('owner cannot be set: role owner fails validation with the documented 1470400 and field_violations', async () => {
    const { call, token } = await setup();
    const r = await call('POST', url(), { members: [{ id: 'ou_x', role: 'owner' }] }, token);
    expect([r.status, r.body.code]).toEqual([400, 1470400]);
    expect(r.body.error.field_violations).toEqual([
      expect.objectContaining({ field: 'members[0].role', value: 'owner' }),
    ]);
  });

  it('user tokens decide: a viewer answers 403/1470403; an editor through a chat, and the owner, may add', async () => {
    const { call, engine } = await setup();
    const viewer = engine.issueUserToken('ou_viewer').token;
    const r = await call('POST', url(), { members: [{ id: 'ou_x' }] }, viewer);
    expect([r.status, r.body.code]).toEqual([403, 1470403]);
    const outsider = engine.issueUserToken('ou_outsider').token;
    expect((await call('POST', url(), { members: [{ id: 'ou_x' }] }, outsider)).status).toBe(403);
    for (const user of ['ou_in_chat', 'owner']) {
      const ok = await call('POST', url(), { members: [{ id: `ou_by_${user}` }] }, engine.issueUserToken(user).token);
      expect(ok.body.code).toBe(0);
    }
  });

  it('the member cap is configurable: beyond it 1470612 and nothing changes', async () => {
    const { call, token, engine } = await setup({ tasklistMemberLimit: 3 });
    const r = await call('POST', url(), { members: [{ id: 'ou_a' }, { id: 'ou_b' }] }, token);
    expect([r.status, r.body.code]).toEqual([400, 1470612]);
    expect(engine.snapshot().tasklists![0]!.members).toHaveLength(2);
    expect((await call('POST', url(), { members: [{ id: 'ou_a' }] }, token)).body.code).toBe(0);
  });
});
