// Standard aborts, as users write them (controller.abort(), AbortSignal.timeout(), AbortSignal.abort()),
// in every wait of a call: in flight, in the quota wait, in backoff, in the token exchange. Each ends in
// FeishuAbortedError or FeishuTimeoutError, says whether the request may have been sent, sends nothing
// when the signal had already fired, and leaves the caller's reason untouched. Over real sockets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeishuAbortedError, FeishuTimeoutError, MemoryQuotaStore } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { serverClient, startServer } from './helpers/http-server.js';
import { addCollaborators } from './helpers/inputs.js';

const TOKEN = 't-static-abcdef';
let server: Awaited<ReturnType<typeof startServer>>;
let hits: string[] = [];
beforeAll(async () => {
  server = await startServer((req: IncomingMessage, res: ServerResponse) => {
    hits.push(req.url!);
    req.resume();
    if (req.url!.includes('/tasks/hang/') || req.url!.includes('tenant_access_token')) return; // never answers
    res
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 1470701, msg: 'Failed to add task collaborator.' }));
  });
});
afterAll(() => server.close());
beforeEach(() => {
  hits = [];
});

const task = (task_id: string) => ({ ...addCollaborators, path: { task_id } });
/** Aborts once the request has reached the server (in flight for sure, however loaded the machine). */
const abortOnArrival = (controller: AbortController, reason?: unknown) => {
  const timer = setInterval(() => {
    if (hits.some((h) => h.includes('/tasks/hang/'))) {
      clearInterval(timer);
      controller.abort(reason);
    }
  }, 5);
};
const sent = (task_id: string) => hits.filter((h) => h.includes(`/tasks/${task_id}/`)).length;

describe('in flight', () => {
  it('controller.abort(): FeishuAbortedError, outcome unknown, the DOMException kept as it is', async () => {
    const controller = new AbortController();
    abortOnArrival(controller);
    const error = await serverClient(server.url)
      .addTaskCollaborators(task('hang'), { signal: controller.signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuAbortedError);
    expect(error).toMatchObject({ outcomeUnknown: true, operation: 'addTaskCollaborators' });
    expect(error.cause).toBe(controller.signal.reason);
    expect(error.cause.name).toBe('AbortError');
    expect(sent('hang')).toBe(1);
  });

  it('AbortSignal.timeout(ms): FeishuTimeoutError, outcome unknown', async () => {
    const signal = AbortSignal.timeout(80);
    const error = await serverClient(server.url)
      .addTaskCollaborators(task('hang'), { signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true, timeoutMs: undefined, deadline: false });
    expect(error.cause).toBe(signal.reason);
  });

  it.each([
    ['a string', 'stop now'],
    ['an Error', new Error('user cancelled')],
    ['an object', { why: 'shutdown' }],
  ])('a reason that is %s: FeishuAbortedError with that reason as its cause', async (_kind, reason) => {
    const controller = new AbortController();
    abortOnArrival(controller, reason);
    const error = await serverClient(server.url)
      .addTaskCollaborators(task('hang'), { signal: controller.signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuAbortedError);
    expect(error.cause).toBe(reason);
    expect(error.outcomeUnknown).toBe(true);
  });

  it("the caller's Error is never modified; one holding a secret is shown as a scrubbed copy", async () => {
    const mine = new Error(`cancelled while holding ${TOKEN}`);
    const before = { message: mine.message, stack: mine.stack };
    const controller = new AbortController();
    abortOnArrival(controller, mine);
    const error = await serverClient(server.url)
      .addTaskCollaborators(task('hang'), { signal: controller.signal })
      .catch((e) => e);
    expect({ message: mine.message, stack: mine.stack }).toEqual(before);
    expect(error.cause).not.toBe(mine);
    expect(error.cause.message).toBe('cancelled while holding [redacted]');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});

describe('before anything was sent', () => {
  it('AbortSignal.abort(): nothing is sent, outcome known', async () => {
    const error = await serverClient(server.url)
      .addTaskCollaborators(task('never'), { signal: AbortSignal.abort() })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuAbortedError);
    expect(error).toMatchObject({ outcomeUnknown: false, attempts: 0 });
    expect(hits).toEqual([]);
  });

  it('in the quota wait: the call leaves the line and nothing is sent', async () => {
    const client = serverClient(server.url, {
      throttle: true,
      quota: { store: new MemoryQuotaStore(), windows: { addTaskCollaborators: [{ limit: 1, windowMs: 60_000 }] } },
      maxRetries: 0,
    });
    await client.addTaskCollaborators(task('first')).catch(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await client.addTaskCollaborators(task('waits'), { signal: controller.signal }).catch((e) => e);
    const timedOut = await client
      .addTaskCollaborators(task('waits'), { signal: AbortSignal.timeout(50) })
      .catch((e) => e);
    expect(aborted).toBeInstanceOf(FeishuAbortedError);
    expect(timedOut).toBeInstanceOf(FeishuTimeoutError);
    expect([aborted.outcomeUnknown, timedOut.outcomeUnknown]).toEqual([false, false]);
    expect([aborted.attempts, timedOut.attempts]).toEqual([0, 0]);
    expect(sent('waits')).toBe(0);
  });

  it('in backoff after a documented server failure: ends at once, outcome known, no resend', async () => {
    const client = serverClient(server.url, { retryDelay: { baseDelayMs: 10_000 } });
    const started = Date.now();
    const error = await client
      .addTaskCollaborators(task('fails'), { signal: AbortSignal.timeout(150) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: false, attempts: 1 });
    expect(sent('fails')).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('the token exchange obeys the call', () => {
  const appClient = (o: object = {}) =>
    createClient({
      domain: server.url,
      auth: { appId: `cli_stall_${Math.random()}`, appSecret: 'secret-stall' },
      throttle: false,
      ...o,
    });

  it('a stalled token endpoint: deadlineMs ends the call on time', async () => {
    const started = Date.now();
    const error = await appClient()
      .addTaskCollaborators(task('after-token'), { deadlineMs: 300 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuTimeoutError);
    expect(error).toMatchObject({ deadline: true, timeoutMs: 300, outcomeUnknown: false, attempts: 0 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sent('after-token')).toBe(0);
  });

  it('a stalled token endpoint: AbortSignal.timeout ends the call on time', async () => {
    const started = Date.now();
    const error = await appClient()
      .addTaskCollaborators(task('after-token'), { signal: AbortSignal.timeout(300) })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuTimeoutError);
    expect(error.outcomeUnknown).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
