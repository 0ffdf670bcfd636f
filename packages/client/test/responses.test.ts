// Against a real local HTTP server: non-JSON bodies, timeouts, aborts, and the raw typed calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeishuAbortedError, FeishuResponseError, FeishuTimeoutError } from '../src/index.js';
import { createRawClient } from '../src/raw.js';
import { form } from './helpers/client-form.js';
import { serverClient, startServer } from './helpers/http-server.js';
import { addCollaborators } from './helpers/inputs.js';

let server: Awaited<ReturnType<typeof startServer>>;
const hits: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer((req, res) => {
    const key = req.url!.split('?')[0]!;
    hits[key] = (hits[key] ?? 0) + 1;
    const id = key.split('/')[5];
    if (id === 'plain') return res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    if (id === 'html')
      return res
        .writeHead(502, { 'content-type': 'text/html' })
        .end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    if (id === 'garbage') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":0,"msg":');
    if (id === 'empty') return res.writeHead(200, { 'content-type': 'application/json' }).end('');
    if (id === 'hang') return; // never answers
    if (id === 'slow-body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"code":');
      return;
    }
    res
      .writeHead(400, { 'content-type': 'application/json', 'x-tt-logid': 'LOG-RAW' })
      .end(JSON.stringify({ code: 1470602, msg: 'Invalid task id.' }));
  });
});
afterAll(() => server.close());

const client = (o: object = {}) => serverClient(server.url, o);
const call = (task_id: string, o?: object, signal?: AbortSignal) =>
  client(o).addTaskCollaborators({ ...addCollaborators, path: { task_id } }, { signal });

describe('answers that are not the JSON envelope', () => {
  it('plain text from the gateway: FeishuResponseError with status and body, not a JSON parse crash, not retried', async () => {
    const error = await call('plain').catch((e) => e);
    expect(error).toBeInstanceOf(FeishuResponseError);
    expect(error).toMatchObject({
      status: 404,
      contentType: 'text/plain',
      bodySnippet: '404 page not found',
      operation: 'addTaskCollaborators',
    });
    expect(error.message).toMatch(/an answer without the Feishu envelope \(HTTP 404, text\/plain\)/);
    expect(error.outcomeUnknown).toBe(true);
    expect(hits['/open-apis/task/v1/tasks/plain/collaborators']).toBe(1);
  });

  it('an HTML 502 from a proxy is retried (server failure), then reported', async () => {
    const error = await call('html').catch((e) => e);
    expect(error).toBeInstanceOf(FeishuResponseError);
    expect(error).toMatchObject({ status: 502, contentType: 'text/html' });
    expect(error.bodySnippet).toContain('502 Bad Gateway');
    expect(hits['/open-apis/task/v1/tasks/html/collaborators']).toBe(3);
  });

  it.each(['garbage', 'empty'])('a truncated or empty JSON body (%s) is a FeishuResponseError', async (id) => {
    await expect(call(id)).rejects.toBeInstanceOf(FeishuResponseError);
  });
});

describe('timeouts and aborts', () => {
  it('a server that never answers: FeishuTimeoutError after timeoutMs, per attempt', async () => {
    const started = Date.now();
    const error = await call('hang', { timeoutMs: 150, maxRetries: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 150 });
    expect(hits['/open-apis/task/v1/tasks/hang/collaborators']).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('attempts in flight together each end at their own limit (one timer serves them all)', async () => {
    const started = Date.now();
    const ended = (p: Promise<unknown>) =>
      p.catch((e) => {
        expect(e).toBeInstanceOf(FeishuTimeoutError);
        return Date.now() - started;
      });
    // The long limit first, then a shorter one: the shorter must not wait for the longer; and the one
    // started later still ends after its own limit once the earlier ones are gone. (Not in line behind
    // each other: all three write to the same task.)
    const o = { maxRetries: 0, serializeTaskWrites: false };
    const long = ended(call('hang', { ...o, timeoutMs: 600 }));
    const short = ended(call('hang', { ...o, timeoutMs: 100 }));
    await new Promise((r) => setTimeout(r, 50));
    const late = ended(call('hang', { ...o, timeoutMs: 200 }));
    const [l, s, t] = await Promise.all([long, short, late]);
    expect(s).toBeGreaterThanOrEqual(95);
    expect(s).toBeLessThan(400);
    expect(t).toBeGreaterThanOrEqual(245);
    expect(t).toBeLessThan(550);
    expect(l).toBeGreaterThanOrEqual(595);
  });

  it('a body that stops half-way also times out', async () => {
    await expect(call('slow-body', { timeoutMs: 150, maxRetries: 0 })).rejects.toBeInstanceOf(FeishuTimeoutError);
  });

  it("the caller's AbortSignal: FeishuAbortedError, no retry", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    const before = hits['/open-apis/task/v1/tasks/hang/collaborators'] ?? 0;
    const error = await call('hang', { timeoutMs: 5000 }, controller.signal).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuAbortedError);
    expect(hits['/open-apis/task/v1/tasks/hang/collaborators']).toBe(before + 1);
  });
});

describe.skipIf(form === 'modular')('raw typed calls (createClient only)', () => {
  it('keep openapi-fetch results: {error, response} for a documented error', async () => {
    const { data, error, response } = await createRawClient(client()).POST(
      '/open-apis/task/v1/tasks/{task_id}/collaborators',
      {
        params: { path: { task_id: 'bad' } },
        body: { id_list: ['ou_1'] },
      },
    );
    expect(data).toBeUndefined();
    expect(error).toEqual({ code: 1470602, msg: 'Invalid task id.' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-tt-logid')).toBe('LOG-RAW');
  });
});
