// The platform model, part by part; the README's example runs as written in readme.test.ts.
import { describe, expect, it } from 'vitest';
import {
  acceptsJson,
  createPlatform,
  documentedAnswer,
  type ErrorName,
  FixedWindows,
  fromSchemaErrors,
  gatewayRefusal,
  invalidFields,
  logId,
  nestedDeeperThan,
  overStateLimit,
  quotaWindows,
  rateLimitHeaders,
  refuseBody,
  refusedByRule,
  refuseHeaders,
  refuseTarget,
  route,
} from '../src/index.js';
import { listen, loadBundledSpec, portAnswers } from '../src/node.js';

const platform = createPlatform(loadBundledSpec());
const op = (id: string) => platform.operations.find((o) => o.id === id)!;
const V2 = '/open-apis/task/v2/tasklists/g%20x/add_members';

describe('routes', () => {
  it('matches method and template, percent-decodes path parameters, says why it cannot route', () => {
    const routed = route(platform, 'post', V2);
    expect('op' in routed && [routed.op.id, routed.pathParams]).toEqual([
      'addTasklistMembers',
      { tasklist_guid: 'g x' },
    ]);
    expect(route(platform, 'GET', V2)).toEqual({ refused: `GET is not a method of ${V2}; it takes POST` });
    expect(route(platform, 'GET', '/nothing')).toEqual({ refused: 'no API at GET /nothing' });
  });
});

describe('documented answers', () => {
  it('carry the example, this answer’s log id and the troubleshooter; the gateway’s msg says why', () => {
    const id = logId();
    const answer = documentedAnswer(op('addTasklistMembers'), 'TasklistNotFound', id);
    expect(answer).toMatchObject({ status: 404, body: { code: 1470404, error: { log_id: id } } });
    expect(gatewayRefusal(platform, 'why', id)).toMatchObject({
      status: 400,
      body: { code: 9499, msg: 'Bad Request: why' },
    });
    expect(() => documentedAnswer(op('addTasklistMembers'), 'Nope', id)).toThrow(/documents no Nope answer/);
  });

  it('name errors by the generated names of each operation (a typo does not compile)', () => {
    const ok: ErrorName<'addTasklistMembers'> = 'TasklistNotFound';
    // @ts-expect-error: not a documented name of this operation
    const typo: ErrorName<'addTasklistMembers'> = 'TasklistNotFund';
    expect([ok, typo]).toHaveLength(2);
  });

  it('invalid fields: the page’s own code first, field_violations always, secrets redacted', () => {
    const v2 = invalidFields(op('addTasklistMembers'), [{ field: 'members', description: 'x' }], logId());
    expect([v2.status, v2.body.code, v2.body.error.field_violations]).toEqual([
      400,
      1470400,
      [{ field: 'members', description: 'x' }],
    ]);
    const token = invalidFields(
      op('getTenantAccessToken'),
      [{ field: 'app_secret', value: '42', description: 'type' }],
      logId(),
    );
    expect([token.body.code, token.body.error.field_violations[0].value]).toEqual([10003, '[redacted]']);
  });

  it('a body over a state limit in one request answers the limit’s code; 50 distinct ids do not', () => {
    const ids = (n: number) => ({ id_list: Array.from({ length: n }, (_, i) => `ou_${i}`) });
    expect(overStateLimit(op('addTaskCollaborators'), ids(51))?.code).toBe(1470429);
    expect(overStateLimit(op('addTaskCollaborators'), ids(50))).toBeUndefined();
    expect(overStateLimit(op('addTaskCollaborators'), { id_list: Array(60).fill('ou_same') })).toBeUndefined();
  });

  it('a member without id is refused by the spec’s request rule with 1470400 naming it; members with ids pass', () => {
    const add = op('addTasklistMembers');
    const refused = refusedByRule(add, { members: [{ id: 'ou_a' }, { role: 'editor' }] }, logId());
    expect([refused?.status, refused?.body.code, refused?.body.error.field_violations]).toEqual([
      400,
      1470400,
      [expect.objectContaining({ field: 'members[1].id' })],
    ]);
    expect(refusedByRule(add, { members: [{ id: 'ou_a' }, { id: 'oc_b', type: 'chat' }] }, logId())).toBeUndefined();
    // Other operations declare no rule: a v1 body is never refused by one.
    expect(refusedByRule(op('addTaskCollaborators'), { members: [{}] }, logId())).toBeUndefined();
  });
});

describe('field_violations', () => {
  it('name the field as the request spells it and show a string as sent', () => {
    const errors = [
      {
        instancePath: '/members/3/role',
        keyword: 'enum',
        message: 'must be equal to one of the allowed values',
        params: { allowedValues: ['editor', 'viewer'] },
      },
      {
        instancePath: '',
        keyword: 'required',
        message: "must have required property 'members'",
        params: { missingProperty: 'members' },
      },
    ];
    const body = { members: [{}, {}, {}, { role: 'owner' }] };
    expect(fromSchemaErrors('', errors, body)).toEqual([
      {
        field: 'members[3].role',
        value: 'owner',
        description: 'must be equal to one of the allowed values (editor, viewer)',
      },
      { field: 'members', description: "must have required property 'members'" },
    ]);
  });
});

describe('request limits', () => {
  it('refuse a dot segment, a bad escape, a long URL, big headers, a JSON-less Accept, a big or deep body', () => {
    expect(refuseTarget('/a/../b')).toMatch(/"\." or "\.\." segment/);
    expect(refuseTarget('/a/%2E%2e/b')).toMatch(/segment/);
    expect(refuseTarget('/a/%E0%A4%A')).toMatch(/malformed %-escape/);
    expect(refuseTarget(`/a?${'x'.repeat(9000)}`)).toMatch(/over 8192 characters/);
    expect(refuseTarget('/open-apis/task/v1/tasks/t.1/collaborators?x=..')).toBeUndefined();
    expect(refuseHeaders({ 'x-big': 'x'.repeat(17_000) })).toMatch(/over the limit/);
    expect(refuseHeaders({ accept: 'text/xml' })).toMatch(/Accept "text\/xml"/);
    expect(refuseBody('{}', 1024 * 1024 + 1)).toMatch(/over 1048576 bytes/);
    expect(refuseBody(`{"a":${'['.repeat(101)}${']'.repeat(101)}}`, 10)).toMatch(/deeper than 100 levels/);
    expect(refuseBody(`{"a":"${'['.repeat(500)}"}`, 10)).toBeUndefined();
  });

  it('take JSON from the Accepts clients send', () => {
    for (const accept of [
      undefined,
      '',
      '*/*',
      'application/json',
      'application/json, text/plain, */*',
      'application/*',
      'application/problem+json',
    ])
      expect(acceptsJson(accept), String(accept)).toBe(true);
    for (const accept of ['text/xml', 'text/html, text/plain', 'application/json;q=0'])
      expect(acceptsJson(accept), accept).toBe(false);
    expect(nestedDeeperThan('[[]]', 2)).toBe(false);
    expect(nestedDeeperThan('[[[]]]', 2)).toBe(true);
  });
});

describe('log ids and quotas', () => {
  it('log ids: UTC time then 20 hex digits, unique', () => {
    const ids = Array.from({ length: 2000 }, () => logId(Date.UTC(2026, 0, 2, 3, 4, 5)));
    expect(ids[0]).toMatch(/^20260102030405[0-9A-F]{20}$/);
    expect(new Set(ids).size).toBe(2000);
  });

  it('quota windows from the generated rate limit; the true reset in the headers', () => {
    expect(op('addTasklistMembers').quotas).toEqual([
      { windowMs: 1000, limit: 50 },
      { windowMs: 60_000, limit: 1000 },
    ]);
    expect(quotaWindows({ perSecond: null, perMinute: 100 })).toEqual([{ windowMs: 60_000, limit: 100 }]);
    const windows = [{ windowMs: 60_000, limit: 2 }];
    const counter = new FixedWindows();
    const at = 120_000 + 45_000;
    expect([counter.take('k', windows, at), counter.take('k', windows, at)]).toEqual([undefined, undefined]);
    expect(counter.take('k', windows, at)).toEqual({ limit: 2, resetSeconds: 15 });
    expect(rateLimitHeaders(windows, at)).toEqual({ 'x-ogw-ratelimit-limit': '2', 'x-ogw-ratelimit-reset': '15' });
  });
});

describe('listening (./node)', () => {
  it('a taken port is one error naming it and the hint; portAnswers sees it without binding', async () => {
    const { createServer } = await import('node:http');
    const first = createServer();
    const port = await listen(first, 0, '127.0.0.1');
    try {
      expect(await portAnswers('127.0.0.1', port)).toBe(true);
      await expect(listen(createServer(), port, '127.0.0.1', 'pick another with --port')).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use; pick another with --port`,
      );
      await expect(listen(createServer(), 70000, '127.0.0.1')).rejects.toThrow(/0 to 65535, got 70000/);
    } finally {
      first.close();
    }
    expect(await portAnswers('127.0.0.1', port)).toBe(false);
  });
});
