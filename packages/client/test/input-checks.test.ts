// Input is checked at run time against rules generated from the spec, for every operation, so callers
// without types (or with `as any`) get a FeishuInputError naming the field, and nothing is sent.
import { operations } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { FeishuInputError } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, ok } from './helpers/fake-fetch.js';
import { addCollaborators, addMembers, validInputs } from './helpers/inputs.js';

const valid = validInputs(2);
type Op = keyof typeof valid;

const cases: [Op, string, (i: any) => unknown, string][] = [
  [
    'removeTaskCollaborator',
    'a missing path parameter',
    (i) => ({ path: { task_id: i.path.task_id } }),
    'path.collaborator_id',
  ],
  ['addTaskCollaborators', 'no path at all', (i) => ({ body: i.body }), 'path.task_id'],
  ['addTaskCollaborators', 'an empty path parameter', (i) => ({ ...i, path: { task_id: '' } }), 'path.task_id'],
  ['addTaskCollaborators', "a path parameter '..'", (i) => ({ ...i, path: { task_id: '..' } }), 'path.task_id'],
  [
    'removeTaskCollaborator',
    "a path parameter '.'",
    (i) => ({ ...i, path: { ...i.path, collaborator_id: '.' } }),
    'path.collaborator_id',
  ],
  ['addTaskCollaborators', 'a number as path parameter', (i) => ({ ...i, path: { task_id: 42 } }), 'path.task_id'],
  ['addTaskCollaborators', 'an unknown path parameter', (i) => ({ ...i, path: { ...i.path, x: 'y' } }), 'path.x'],
  [
    'addTaskCollaborators',
    'user_id_type=email',
    (i) => ({ ...i, query: { user_id_type: 'email' } }),
    'query.user_id_type',
  ],
  ['addTaskCollaborators', 'neither id_list nor id', (i) => ({ ...i, body: { idlist: ['ou_1'] } }), 'body'],
  ['addTaskCollaborators', 'id_list as a string', (i) => ({ ...i, body: { id_list: 'ou_1' } }), 'body.id_list'],
  [
    'addTaskCollaborators',
    'an empty id in id_list',
    (i) => ({ ...i, body: { id_list: ['ou_1', ''] } }),
    'body.id_list[1]',
  ],
  [
    'removeTaskCollaborator',
    'user_id_type=email',
    (i) => ({ ...i, query: { user_id_type: 'email' } }),
    'query.user_id_type',
  ],
  ['addTasklistMembers', 'members as an object', (i) => ({ ...i, body: { members: { id: 'ou_1' } } }), 'body.members'],
  [
    'addTasklistMembers',
    'members as a Set',
    (i) => ({ ...i, body: { members: new Set([{ id: 'ou_1' }]) } }),
    'body.members',
  ],
  ['addTasklistMembers', 'no body', (i) => ({ path: i.path }), 'body'],
  ['addTasklistMembers', 'no members', (i) => ({ ...i, body: {} }), 'body.members'],
  [
    'addTasklistMembers',
    'role owner',
    (i) => ({ ...i, body: { members: [{ id: 'ou_1', role: 'owner' }] } }),
    'body.members[0].role',
  ],
  [
    'addTasklistMembers',
    'type group',
    (i) => ({ ...i, body: { members: [{ id: 'ou_1', type: 'group' }] } }),
    'body.members[0].type',
  ],
  [
    'addTasklistMembers',
    'an id over maxLength',
    (i) => ({ ...i, body: { members: [{ id: 'x'.repeat(101) }] } }),
    'body.members[0].id',
  ],
  [
    'addTasklistMembers',
    'a bad member deep in the third chunk',
    (i) => ({ ...i, body: { members: [...addMembers(1200).body.members, { id: 'ou_x', role: 'owner' }] } }),
    'body.members[1200].role',
  ],
  [
    'addTasklistMembers',
    'user_id_type=email',
    (i) => ({ ...i, query: { user_id_type: 'email' } }),
    'query.user_id_type',
  ],
];

describe('runtime input checks from the spec', () => {
  it('every operation has generated rules', () => {
    for (const op of Object.keys(valid) as Op[]) expect(operations[op].input.path).not.toEqual({});
  });

  it.each(cases)('%s: %s is refused, naming %s, and nothing is sent', async (op, _what, change, field) => {
    const f = fakeFetch(() => ok({}));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      fetch: f.fetch,
    });
    const error: any = await (client[op] as (i: unknown) => Promise<unknown>)(change(valid[op])).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${op}: ${field} `);
    expect(f.seen).toHaveLength(0);
  });

  it.each(Object.keys(valid) as Op[])('%s: valid input passes the same checks', async (op) => {
    const f = fakeFetch(() => ok({}));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      fetch: f.fetch,
    });
    await (client[op] as (i: unknown) => Promise<unknown>)(valid[op]);
    expect(f.seen).toHaveLength(1);
  });

  it('an unknown member field is sent as is: the spec accepts and ignores it, as the server is said to', async () => {
    const f = fakeFetch(() => ok({}));
    const client = createClient({ domain: 'http://feishu.test', auth: { tenantAccessToken: 't' }, fetch: f.fetch });
    await client.addTasklistMembers({
      path: { tasklist_guid: 'g' },
      body: { members: [{ id: 'ou_1', nick: 'x' } as never] },
    });
    expect(f.seen).toHaveLength(1);
  });

  it('an empty user token is an input error, not a silent fall back to the tenant token', async () => {
    const f = fakeFetch(() => ok({}));
    const client = createClient({
      domain: 'http://feishu.test',
      auth: { tenantAccessToken: 't-static' },
      fetch: f.fetch,
    });
    const error: any = await client.addTaskCollaborators(addCollaborators, { userAccessToken: '' }).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuInputError);
    expect(error.field).toBe('options.userAccessToken');
    expect(f.seen).toHaveLength(0);
  });

  it('empty credentials are refused when the client is created', () => {
    expect(() => createClient({ auth: { tenantAccessToken: '' } })).toThrow(
      /auth.tenantAccessToken must be a non-empty string/,
    );
    expect(() => createClient({ auth: { appId: 'cli_x', appSecret: '' } })).toThrow(FeishuInputError);
  });
});
