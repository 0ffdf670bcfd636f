// What the real gateway answers before any operation runs, in Feishu's envelope: never Prism's problem
// documents, never an empty body.
import { connect } from 'node:net';
import { loadSpec } from '@feishu-task/spec-tools';
import { describe, expect, it } from 'vitest';
import { mockUrl } from '../helpers.js';
import { raw } from '../raw.js';

const spec = loadSpec(import.meta.url, 'dereferenced');
const example = (status: number) =>
  Object.values<{ value: { code: number } }>(
    spec['x-feishu-gateway-responses'][status].content['application/json'].examples,
  )[0]!.value;
const badRequest = { status: 400, code: example(400).code };

const v2 = '/open-apis/task/v2/tasklists/d300a75f/add_members';
const json = { authorization: 'Bearer t-1', 'content-type': 'application/json' };
const valid = '{"members":[{"id":"ou_1"}]}';

describe('the gateway answers', () => {
  it.each([
    ['a wrong method', { method: 'GET', path: v2 }, /GET is not a method of .*; it takes POST/],
    ['an unknown route', { method: 'POST', path: '/open-apis/task/v3/nothing', body: '{}' }, /no API at POST/],
    [
      'a ".." segment',
      { method: 'POST', path: '/open-apis/task/v1/tasks/../collaborators', body: '{}' },
      /"\.\." segment/,
    ],
    [
      'an encoded ".." segment',
      { method: 'DELETE', path: '/open-apis/task/v1/tasks/%2E%2E/collaborators/x' },
      /segment/,
    ],
    [
      'a body over the limit',
      { method: 'POST', path: v2, body: `{"members":[${'{"id":"ou_1"},'.repeat(90_000)}{"id":"x"}]}` },
      /body is over 1048576 bytes/,
    ],
    [
      'a URL over the limit',
      { method: 'POST', path: `${v2}?q=${'a'.repeat(9000)}`, body: valid },
      /URL is over 8192 characters/,
    ],
    [
      'a request line over 16 KB',
      { method: 'GET', path: `/${'a'.repeat(20_000)}` },
      /request line and headers are over the limit/,
    ],
    [
      'a Prefer naming an unknown example',
      { method: 'POST', path: v2, body: valid, headers: { prefer: 'code=400, example=InvalidParamter' } },
      /example "InvalidParamter" under HTTP 400.*code=400, example=InvalidParameter/,
    ],
    [
      'a Prefer naming an undocumented status',
      { method: 'POST', path: v2, body: valid, headers: { prefer: 'code=418' } },
      /HTTP 418, which addTasklistMembers does not document/,
    ],
  ])('%s: HTTP 400 with the gateway code and a msg that says what is wrong', async (_, req, msg) => {
    const res = await raw(mockUrl(), {
      ...req,
      headers: { ...json, ...(req as { headers?: Record<string, string> }).headers },
    });
    expect(res.status).toBe(badRequest.status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-tt-logid']).toMatch(/^\d{14}[0-9A-F]{20}$/);
    const body = JSON.parse(res.text);
    expect(body.code).toBe(badRequest.code);
    expect(body.msg).toMatch(msg);
  });

  it.each([
    ['a header line without a colon', 'POST /open-apis/x HTTP/1.1\r\nHost: a\r\nnot a header\r\n\r\n'],
    ['a control byte in a header value', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u0001c\r\n\r\n'],
    ['a method with a space', 'GE T / HTTP/1.1\r\nHost: a\r\n\r\n'],
  ])('%s: the same gateway envelope, written by the parser guard', async (_, text) => {
    const { port } = new URL(mockUrl());
    const socket = connect(Number(port), '127.0.0.1');
    socket.end(text);
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    const answer = Buffer.concat(chunks).toString('utf8');
    expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${badRequest.status} `));
    expect(answer).toMatch(/\r\nx-tt-logid: \d{14}[0-9A-F]{20}\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toMatchObject({ code: badRequest.code });
  });

  it('a CORS preflight is answered by Prism, naming the origin', async () => {
    const res = await raw(mockUrl(), {
      method: 'OPTIONS',
      path: v2,
      headers: {
        origin: 'http://app.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://app.test');
    expect(res.headers['access-control-allow-headers']).toBe('authorization');
  });

  it('a lower-case "bearer" scheme is accepted, as the gateway accepts it', async () => {
    const res = await raw(mockUrl(), {
      method: 'POST',
      path: v2,
      body: valid,
      headers: { ...json, authorization: 'bearer t-1' },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).code).toBe(0);
  });

  it.each(['Basic dTpw', 'Bearer', 't-1'])('Authorization "%s" is the token-missing answer', async (authorization) => {
    const res = await raw(mockUrl(), { method: 'POST', path: v2, body: valid, headers: { ...json, authorization } });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).code).toBe(99991661);
  });

  it('a 429 tells the truth: the quota of the operation and the seconds left in its minute', async () => {
    const before = Date.now();
    const res = await raw(mockUrl(), {
      method: 'POST',
      path: v2,
      body: valid,
      headers: { ...json, prefer: 'code=429, example=PlatformRateLimited' },
    });
    const after = Date.now();
    expect(res.status).toBe(429);
    expect(res.headers['x-ogw-ratelimit-limit']).toBe(
      String(
        spec.paths['/open-apis/task/v2/tasklists/{tasklist_guid}/add_members'].post['x-feishu-rate-limit'].per_minute,
      ),
    );
    const reset = Number(res.headers['x-ogw-ratelimit-reset']);
    const lo = Math.ceil((60_000 - (after % 60_000)) / 1000);
    const hi = Math.ceil((60_000 - (before % 60_000)) / 1000);
    expect(reset >= Math.min(lo, hi) && reset <= Math.max(lo, hi) + 1, `reset ${reset}`).toBe(true);
  });
});
