// A tasklist member without `id`: the page marks id optional, so the request is valid by the schema; the
// spec's request rule (x-feishu-request-rules, inferred) answers it with the page's 1470400 and changes
// nothing. Held over HTTP and through the official SDK, both as black boxes.
import { operations } from '@feishu-task/types';
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import { contractProblems, TASKLIST, workflowFixture } from './helpers.js';

const rule = operations.addTasklistMembers.requestRules.memberWithoutId;
const path = `/open-apis/task/v2/tasklists/${TASKLIST}/add_members`;

let emu: RunningEmulator;
let token: string;
beforeAll(async () => {
  emu = await startEmulator({ fixture: workflowFixture });
  const issued = await fetch(`${emu.url}/open-apis/auth/v3/tenant_access_token/internal`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: 'cli_sdk_workflow', app_secret: 'sdk-secret' }),
  });
  token = ((await issued.json()) as { tenant_access_token: string }).tenant_access_token;
});
afterAll(() => emu.close());

const members = () => emu.emulator.snapshot().tasklists?.find((l) => l.guid === TASKLIST)?.members ?? [];
const post = async (body: unknown) => {
  const r = await fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as any };
};

describe('a tasklist member without id', () => {
  it('the spec declares the rule and its code (1470400, inferred)', () => {
    expect(rule).toEqual({ field: 'members', itemWithout: 'id', code: 1470400, source: 'unsourced' });
  });

  it('over HTTP: 400 / 1470400 naming the member, nothing added, and the answer is the spec’s', async () => {
    const before = members();
    const r = await post({
      members: [
        { id: 'ou_named', role: 'editor' },
        { type: 'user', role: 'editor' },
      ],
    });
    expect([r.status, r.body.code]).toEqual([400, rule.code]);
    expect(r.body.error.field_violations).toEqual([expect.objectContaining({ field: 'members[1].id' })]);
    expect(members()).toEqual(before);
    expect(contractProblems('POST', path, r.status, r.body)).toEqual([]);
    // The journal tells the truth: the request was refused for that field.
    const entry = emu.emulator.journal().at(-1);
    expect(entry?.validation).toEqual({
      valid: false,
      violations: [expect.objectContaining({ field: 'members[1].id' })],
    });
    // With the id, the same members are added.
    const ok = await post({
      members: [
        { id: 'ou_named', role: 'editor' },
        { id: 'ou_second', role: 'editor' },
      ],
    });
    expect(ok.body.code).toBe(0);
  });

  it('through the official SDK, which lets id be left out: the SDK surfaces 400 / 1470400', async () => {
    const client = new lark.Client({
      appId: 'cli_sdk_workflow',
      appSecret: 'sdk-secret',
      domain: emu.url,
      loggerLevel: lark.LoggerLevel.fatal,
    });
    const failure = await client.task.v2.tasklist
      .addMembers({ path: { tasklist_guid: TASKLIST }, data: { members: [{ type: 'user', role: 'viewer' }] } })
      .then(
        () => undefined,
        (error: any) => error.response,
      );
    expect([failure?.status, failure?.data?.code]).toEqual([400, rule.code]);
    expect(failure?.data?.error?.field_violations?.[0]?.field).toBe('members[0].id');
  });
});
