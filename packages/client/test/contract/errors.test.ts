import { errors } from '@feishu-task/types';
import { describe, expect, it } from 'vitest';
import { createClient, FeishuApiError } from '../../src/index.js';
import { mockUrl, recordingFetch } from '../helpers/mock.js';

const inputs = {
  addTaskCollaborators: (c: ReturnType<typeof createClient>) =>
    c.addTaskCollaborators({ path: { task_id: 't1' }, body: { id_list: ['ou_1'] } }),
  removeTaskCollaborator: (c: ReturnType<typeof createClient>) =>
    c.removeTaskCollaborator({ path: { task_id: 't1', collaborator_id: 'ou_1' } }),
  addTasklistMembers: (c: ReturnType<typeof createClient>) =>
    c.addTasklistMembers({ path: { tasklist_guid: 'g1' }, body: { members: [{ id: 'ou_1' }] } }),
};

type Documented = { status: number; name: string; kind: string; message: string; advice: string };
const table = errors as unknown as Record<string, Record<string, Documented>>;
const cases = (Object.keys(inputs) as (keyof typeof inputs)[]).flatMap((op) =>
  Object.entries(table[op]!).map(([code, e]) => ({ op, code: Number(code), ...e })),
);

// A static-token client on the mock that sends each request once, unthrottled, through `rec`.
const contractClient = (rec: ReturnType<typeof recordingFetch>) =>
  createClient({
    domain: mockUrl(),
    auth: { tenantAccessToken: 't-contract' },
    fetch: rec.fetch,
    maxRetries: 0,
    throttle: false,
  });

describe('every documented error example reaches the client as a typed error', () => {
  it('covers every operation', () => expect(new Set(cases.map((c) => c.op)).size).toBe(3));

  it.each(cases)('$op: $name ($code, HTTP $status)', async ({ op, code, status, name, advice, kind }) => {
    const rec = recordingFetch(`code=${status}, example=${name}`);
    const client = contractClient(rec);
    const error = await inputs[op](client).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(error).toMatchObject({ operation: op, code, status, codeName: name, advice, kind, documented: true });
    expect(error.logId).toBeTruthy();
    expect(rec.seen).toHaveLength(1);
    expect(rec.seen[0]!.violations).toBeNull();
  });

  it.each(Object.entries(table.getTenantAccessToken!).map(([code, e]) => ({ code: Number(code), ...e })))(
    'the token exchange: $name ($code)',
    async ({ code, status, name }) => {
      const rec = recordingFetch(`code=${status}, example=${name}`);
      const client = createClient({
        domain: mockUrl(),
        auth: { appId: 'cli_x', appSecret: 'contract-secret' },
        fetch: rec.fetch,
        maxRetries: 0,
      });
      const error = await inputs.addTasklistMembers(client).catch((e) => e);
      expect(error).toMatchObject({ operation: 'getTenantAccessToken', code, status, codeName: name });
      expect(JSON.stringify(error) + error.message).not.toContain('contract-secret');
    },
  );
});

describe('a tasklist member without id (optional on the page, refused by the spec’s request rule)', () => {
  it('the client sends it as is and surfaces the FeishuApiError 1470400 naming the member', async () => {
    const rec = recordingFetch();
    const client = contractClient(rec);
    const members = [{ id: 'ou_1' }, { type: 'user' as const, role: 'viewer' as const }];
    const error = await client.addTasklistMembers({ path: { tasklist_guid: 'g1' }, body: { members } }).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(error).toMatchObject({ operation: 'addTasklistMembers', code: 1470400, status: 400, documented: true });
    expect(rec.seen).toHaveLength(1);
    // The error keeps the answer's detail: field_violations name the member without id.
    expect(error.detail?.field_violations).toEqual([expect.objectContaining({ field: 'members[1].id' })]);
    // ...and so does the message: the GUID example in the page's msg is not the cause here.
    expect(error.message).toMatch(/ Fields: members\[1\]\.id/);
  });
});
