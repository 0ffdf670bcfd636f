// Invalid requests get the endpoint's documented Feishu envelope, never Prism's problem document.
import { describe, expect, it } from 'vitest';
import { mockUrl } from '../helpers.js';

const v2 = '/open-apis/task/v2/tasklists/d300a75f-c56a-4be9-80d1-e47653028ceb/add_members';
const auth = { authorization: 'Bearer t-contract', 'content-type': 'application/json' };
const post = (path: string, body: string, headers: Record<string, string> = auth) =>
  fetch(mockUrl() + path, { method: 'POST', headers, body });
const member = (over: object = {}) => ({ id: 'ou_1', type: 'user', role: 'editor', ...over });

const cases: { name: string; send: () => Promise<Response>; code: number; violation: boolean }[] = [
  { name: 'missing members', send: () => post(v2, '{}'), code: 1470400, violation: true },
  { name: 'empty members', send: () => post(v2, '{"members":[]}'), code: 1470400, violation: true },
  {
    name: '501 members',
    send: () => post(v2, JSON.stringify({ members: Array.from({ length: 501 }, (_, i) => member({ id: `ou_${i}` })) })),
    code: 1470400,
    violation: true,
  },
  {
    name: 'a wrong type enum',
    send: () => post(v2, JSON.stringify({ members: [member({ type: 'group' })] })),
    code: 1470400,
    violation: true,
  },
  {
    name: 'role owner',
    send: () => post(v2, JSON.stringify({ members: [member({ role: 'owner' })] })),
    code: 1470400,
    violation: true,
  },
  {
    name: 'an id over 100 characters',
    send: () => post(v2, JSON.stringify({ members: [member({ id: 'x'.repeat(101) })] })),
    code: 1470400,
    violation: true,
  },
  {
    name: 'a wrong user_id_type',
    send: () => post(`${v2}?user_id_type=email`, JSON.stringify({ members: [member()] })),
    code: 1470400,
    violation: true,
  },
  { name: 'a malformed JSON body', send: () => post(v2, '{"members":['), code: 1470400, violation: false },
  {
    name: 'no Authorization header',
    send: () => post(v2, JSON.stringify({ members: [member()] }), { 'content-type': 'application/json' }),
    code: 99991661,
    violation: false,
  },
  {
    name: 'v1: no Authorization header',
    send: () => fetch(`${mockUrl()}/open-apis/task/v1/tasks/t1/collaborators/ou_1`, { method: 'DELETE' }),
    code: 99991661,
    violation: false,
  },
  {
    name: 'v1: a malformed JSON body',
    send: () => post('/open-apis/task/v1/tasks/t1/collaborators', '{"id_list":'),
    code: 99992402,
    violation: false,
  },
  {
    name: 'v1: an id_list of numbers',
    send: () => post('/open-apis/task/v1/tasks/t1/collaborators', '{"id_list":[1]}'),
    code: 99992402,
    violation: true,
  },
  {
    name: 'v1: a wrong user_id_type on DELETE',
    send: () =>
      fetch(`${mockUrl()}/open-apis/task/v1/tasks/t1/collaborators/ou_1?user_id_type=email`, {
        method: 'DELETE',
        headers: auth,
      }),
    code: 99992402,
    violation: true,
  },
  {
    name: '45 members with role owner (Prism cuts its verdict past 8 KB)',
    send: () =>
      post(
        v2,
        JSON.stringify({ members: Array.from({ length: 45 }, (_, i) => member({ id: `ou_${i}`, role: 'owner' })) }),
      ),
    code: 1470400,
    violation: true,
  },
  {
    name: 'the token endpoint: a malformed body',
    send: () =>
      post('/open-apis/auth/v3/tenant_access_token/internal', '{"app_id":', { 'content-type': 'application/json' }),
    // The platform's documented answer to a malformed credentials body (the spec's InvalidParam).
    code: 10003,
    violation: false,
  },
];

describe('invalid requests', () => {
  it.each(cases)('$name: HTTP 400 with code $code', async ({ send, code, violation }) => {
    const response = await send();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({ code, msg: expect.any(String) });
    expect(body).not.toHaveProperty('type');
    if (violation) expect(response.headers.get('sl-violations')).toBeTruthy();
  });

  it('v1: a body error names the failing field and its value, under the platform code', async () => {
    const response = await post('/open-apis/task/v1/tasks/83912691/collaborators', '{"id_list":["ou_1", 7]}');
    const body = await response.json();
    expect(body.code).not.toBe(1470602); // not an invalid task id: the task id is fine
    expect(body.error.field_violations).toEqual([
      expect.objectContaining({ field: 'id_list[1]', value: '7', description: expect.stringContaining('string') }),
    ]);
    expect(body.error.log_id).toBe(response.headers.get('x-tt-logid'));
  });

  it('a member without id: valid by the schema (the page marks id optional), answered by the spec’s request rule', async () => {
    const response = await post(v2, JSON.stringify({ members: [member(), { type: 'user', role: 'viewer' }] }));
    const body = await response.json();
    expect([response.status, body.code]).toEqual([400, 1470400]);
    expect(body.error.field_violations).toEqual([expect.objectContaining({ field: 'members[1].id' })]);
    // Prism found nothing wrong: the refusal is the rule's, not a schema verdict.
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(body.error.log_id).toBe(response.headers.get('x-tt-logid'));
  });

  it('a valid request passes (the cases above are invalid for the stated reason only)', async () => {
    const response = await post(v2, JSON.stringify({ members: [member()] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
  });
});
