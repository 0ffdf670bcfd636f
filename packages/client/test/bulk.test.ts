import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FeishuApiError, FeishuBulkError, FeishuInputError } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, json, ok } from './helpers/fake-fetch.js';
import { addMembers } from './helpers/inputs.js';

const base = { domain: 'http://feishu.test', auth: { tenantAccessToken: 't-static' }, throttle: false } as const;
const tasklistWith = (members: unknown[]) => ({ tasklist: { guid: 'g', members } });

describe('addTasklistMembers chunking', () => {
  it('sends 500 or fewer in one request', async () => {
    const f = fakeFetch((req) => ok(tasklistWith(req.body.members)));
    await createClient({ ...base, fetch: f.fetch }).addTasklistMembers(addMembers(500));
    expect(f.seen.map((s) => s.body.members.length)).toEqual([500]);
  });

  it('splits 1201 members into consecutive requests of 500, 500 and 201, in order, and returns the final tasklist', async () => {
    const all: unknown[] = [];
    const f = fakeFetch((req) => {
      all.push(...req.body.members);
      return ok(tasklistWith([...all]));
    });
    const result = await createClient({ ...base, fetch: f.fetch }).addTasklistMembers({
      ...addMembers(1201),
      query: { user_id_type: 'union_id' },
    });
    expect(f.seen.map((s) => s.body.members.length)).toEqual([500, 500, 201]);
    expect(f.seen.every((s) => s.url.searchParams.get('user_id_type') === 'union_id')).toBe(true);
    expect(all.map((m: any) => m.id)).toEqual(addMembers(1201).body.members.map((m) => m.id));
    expect(result.tasklist.members).toHaveLength(1201);
  });

  it('names the failed chunk and what was applied', async () => {
    const f = fakeFetch((_req, i) =>
      i === 1 ? json(400, { code: 1470612, msg: '清单成员数量超限。' }) : ok(tasklistWith([])),
    );
    const input = addMembers(1300);
    const error = await createClient({ ...base, fetch: f.fetch })
      .addTasklistMembers(input)
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuBulkError);
    expect(error).toMatchObject({ chunkIndex: 1, chunkCount: 3, operation: 'addTasklistMembers' });
    expect(error.applied).toEqual(input.body.members.slice(0, 500));
    expect(error.notApplied).toEqual(input.body.members.slice(500));
    expect(error.unknown).toEqual([]);
    expect(error.cause).toBeInstanceOf(FeishuApiError);
    expect(error.cause).toMatchObject({ code: 1470612, codeName: 'TasklistMemberLimitExceeded' });
    expect(error.message).toMatch(
      /chunk 2 of 3 failed; 500 applied, 0 unknown, 800 not applied \(ou_500, ou_501, ou_502, ... \(797 more\)\)/,
    );
    expect(f.seen).toHaveLength(2);
  });

  it('sends members of the same id and type once (the first one), keeps the same id of another type', async () => {
    const f = fakeFetch((req) => ok(tasklistWith(req.body.members)));
    const members = [
      { id: 'ou_1', role: 'editor' as const },
      { id: 'ou_1', type: 'user' as const, role: 'editor' as const },
      { id: 'ou_1', type: 'chat' as const },
      { id: 'ou_2' },
      { id: 'ou_2' },
    ];
    await createClient({ ...base, fetch: f.fetch }).addTasklistMembers({
      path: { tasklist_guid: 'g' },
      body: { members },
    });
    expect(f.seen[0]!.body.members).toEqual([members[0], members[2], members[3]]);
  });

  it('members without an id are never merged: each goes as written, whatever its role', async () => {
    const f = fakeFetch((req) => ok(tasklistWith(req.body.members)));
    const members = [{ role: 'editor' as const }, { role: 'viewer' as const }, { role: 'viewer' as const }];
    await createClient({ ...base, fetch: f.fetch }).addTasklistMembers({
      path: { tasklist_guid: 'g' },
      body: { members },
    });
    expect(f.seen[0]!.body.members).toEqual(members);
  });

  it('the same member with two roles is a FeishuInputError naming both, and nothing is sent', async () => {
    const f = fakeFetch((req) => ok(tasklistWith(req.body.members)));
    const members = [
      { id: 'ou_0' },
      { id: 'ou_1', role: 'editor' as const },
      { id: 'ou_1', type: 'user' as const, role: 'viewer' as const },
    ];
    const error = await createClient({ ...base, fetch: f.fetch })
      .addTasklistMembers({ path: { tasklist_guid: 'g' }, body: { members } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error.field).toBe('body.members[2].role');
    expect(error.message).toMatch(/"viewer" but body\.members\[1\] .*"ou_1".* role "editor"/);
    expect(f.seen).toHaveLength(0);
  });

  it('de-duplicates before chunking: 1,000 distinct among 1,500 go as two requests', async () => {
    const f = fakeFetch((req) => ok(tasklistWith(req.body.members)));
    const { path, body } = addMembers(1000);
    await createClient({ ...base, fetch: f.fetch }).addTasklistMembers({
      path,
      body: { members: [...body.members, ...body.members.slice(0, 500)] },
    });
    expect(f.seen.map((s) => s.body.members.length)).toEqual([500, 500]);
  });

  it('a short message and inspect output, however many members', async () => {
    const f = fakeFetch((_req, i) => (i === 2 ? json(400, { code: 1470400, msg: 'bad' }) : ok(tasklistWith([]))));
    const error = await createClient({ ...base, fetch: f.fetch })
      .addTasklistMembers(addMembers(5000))
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuBulkError);
    expect(error.message.length).toBeLessThan(400);
    const shown = inspect(error, { depth: 10 });
    expect(shown.length).toBeLessThan(2_000);
    expect(shown).toContain('"notApplied": 4000');
    expect(JSON.stringify(error).length).toBeLessThan(2_000);
  });

  it('rejects an empty member list before sending anything', async () => {
    const f = fakeFetch(() => ok());
    const error = await createClient({ ...base, fetch: f.fetch })
      .addTasklistMembers(addMembers(0))
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error).toMatchObject({ field: 'body.members' });
    expect(f.seen).toHaveLength(0);
  });

  it('rejects an empty path parameter before sending anything, naming it', async () => {
    const f = fakeFetch(() => ok());
    const error = await createClient({ ...base, fetch: f.fetch })
      .addTasklistMembers({ ...addMembers(1), path: { tasklist_guid: '' } })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error.message).toMatch(/path\.tasklist_guid must be at least 1 character\(s\) long/);
    expect(error.field).toBe('path.tasklist_guid');
    expect(f.seen).toHaveLength(0);
  });
});
