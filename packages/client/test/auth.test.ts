import { inspect, types } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPIRE_SECONDS, FeishuApiError, FeishuResponseError } from '../src/index.js';
import { createClient } from './helpers/client-form.js';
import { fakeFetch, isToken, json, ok, tokenAnswer } from './helpers/fake-fetch.js';
import { addCollaborators } from './helpers/inputs.js';

const app = { appId: 'cli_test', appSecret: 'app-secret-value' };
const base = { domain: 'http://feishu.test', throttle: false, retryDelay: { baseDelayMs: 1 } } as const;
const bearer = (h: Headers) => h.get('authorization');

afterEach(() => vi.useRealTimers());

describe('auth', () => {
  it('sends a static tenant token, and a static user token', async () => {
    for (const auth of [{ tenantAccessToken: 't-static-tenant' }, { userAccessToken: 'u-static-user' }]) {
      const f = fakeFetch(() => ok({ collaborator: {} }));
      await createClient({ ...base, auth, fetch: f.fetch }).addTaskCollaborators(addCollaborators);
      expect(bearer(f.seen[0]!.headers)).toBe(`Bearer ${Object.values(auth)[0]}`);
      expect(f.seen).toHaveLength(1);
    }
  });

  it('exchanges app credentials once and reuses the cached token', async () => {
    const f = fakeFetch((req) => (isToken(req) ? tokenAnswer('t-first') : ok({ collaborator: {} })));
    const client = createClient({ ...base, auth: app, fetch: f.fetch });
    await client.addTaskCollaborators(addCollaborators);
    await client.addTaskCollaborators(addCollaborators);
    const exchanges = f.seen.filter(isToken);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]!.body).toEqual({ app_id: 'cli_test', app_secret: 'app-secret-value' });
    expect(exchanges[0]!.headers.has('authorization')).toBe(false);
    expect(f.seen.filter((s) => !isToken(s)).map((s) => bearer(s.headers))).toEqual([
      'Bearer t-first',
      'Bearer t-first',
    ]);
  });

  it('refreshes shortly before expire, not after', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    let n = 0;
    const f = fakeFetch((req) => (isToken(req) ? tokenAnswer(`t-gen-${++n}`, 7200) : ok({ collaborator: {} })));
    const client = createClient({ ...base, auth: { ...app, refreshMarginMs: 300_000 }, fetch: f.fetch });
    await client.addTaskCollaborators(addCollaborators);
    vi.advanceTimersByTime((7200 - 301) * 1000);
    await client.addTaskCollaborators(addCollaborators);
    expect(n).toBe(1);
    vi.advanceTimersByTime(2000);
    await client.addTaskCollaborators(addCollaborators);
    expect(n).toBe(2);
    expect(bearer(f.seen.at(-1)!.headers)).toBe('Bearer t-gen-2');
  });

  it(`a token answer without expire is cached for the documented default (${DEFAULT_EXPIRE_SECONDS} s), not exchanged on every call`, async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    let n = 0;
    const f = fakeFetch((req) =>
      isToken(req) ? json(200, { code: 0, msg: 'ok', tenant_access_token: `t-gen-${++n}` }) : ok({ collaborator: {} }),
    );
    const client = createClient({ ...base, auth: { ...app, refreshMarginMs: 60_000 }, fetch: f.fetch });
    await client.addTaskCollaborators(addCollaborators);
    await client.addTaskCollaborators(addCollaborators);
    vi.advanceTimersByTime((DEFAULT_EXPIRE_SECONDS - 61) * 1000);
    await client.addTaskCollaborators(addCollaborators);
    expect(n).toBe(1);
    vi.advanceTimersByTime(2000);
    await client.addTaskCollaborators(addCollaborators);
    expect(n).toBe(2);
  });

  it('single flight: concurrent callers share one token exchange', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const f = fakeFetch(async (req) => {
      if (!isToken(req)) return ok({ collaborator: {} });
      await gate;
      return tokenAnswer('t-shared');
    });
    const client = createClient({ ...base, auth: app, fetch: f.fetch });
    const calls = Array.from({ length: 10 }, () => client.addTaskCollaborators(addCollaborators));
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all(calls);
    expect(f.seen.filter(isToken)).toHaveLength(1);
    expect(f.seen.filter((s) => !isToken(s))).toHaveLength(10);
  });

  it.each([99991663, 99991661])('on %i drops the token, refreshes and retries once', async (code) => {
    let n = 0;
    const f = fakeFetch((req, _i) => {
      if (isToken(req)) return tokenAnswer(`t-gen-${++n}`);
      return bearer(req.headers) === 'Bearer t-gen-1'
        ? json(400, { code, msg: 'Invalid access token for authorization.' })
        : ok({ collaborator: {} });
    });
    const client = createClient({ ...base, auth: app, fetch: f.fetch, maxRetries: 0 });
    await expect(client.addTaskCollaborators(addCollaborators)).resolves.toEqual({ collaborator: {} });
    expect(n).toBe(2);
    expect(f.seen.map((s) => (isToken(s) ? 'token' : bearer(s.headers)))).toEqual([
      'token',
      'Bearer t-gen-1',
      'token',
      'Bearer t-gen-2',
    ]);
  });

  it('retries a rejected token only once, then throws the token error', async () => {
    const f = fakeFetch((req) =>
      isToken(req) ? undefined! : json(400, { code: 99991663, msg: 'Invalid access token' }),
    );
    const client = createClient({ ...base, auth: app, fetch: f.fetch });
    const error = await client.addTaskCollaborators(addCollaborators).catch((e) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(error).toMatchObject({ code: 99991663, kind: 'token', codeName: 'TenantTokenInvalid', status: 400 });
    expect(f.seen.filter(isToken)).toHaveLength(2);
    expect(f.seen.filter((s) => !isToken(s))).toHaveLength(2);
    // Both requests were sent: the refresh costs no retry, but attempts counts it.
    expect(error.attempts).toBe(2);
  });

  it('a request sent, its token rejected, then the new exchange fails: attempts 1, the outcome known', async () => {
    let exchanges = 0;
    const f = fakeFetch((req) =>
      isToken(req)
        ? ++exchanges === 1
          ? tokenAnswer('t-first')
          : json(400, { code: 10014, msg: 'app secret invalid' })
        : json(400, { code: 99991663, msg: 'Invalid access token' }),
    );
    const error = await createClient({ ...base, auth: { ...app, appId: 'cli_refresh_fails' }, fetch: f.fetch })
      .addTaskCollaborators(addCollaborators)
      .catch((e) => e);
    expect(error).toMatchObject({ operation: 'getTenantAccessToken', code: 10014, attempts: 1, outcomeUnknown: false });
    expect(f.seen.filter((s) => !isToken(s))).toHaveLength(1);
  });

  it('does not retry a rejected static token (a new one cannot be had)', async () => {
    const f = fakeFetch(() => json(400, { code: 99991663, msg: 'Invalid access token' }));
    const client = createClient({ ...base, auth: { tenantAccessToken: 't-expired' }, fetch: f.fetch });
    await expect(client.addTaskCollaborators(addCollaborators)).rejects.toMatchObject({ code: 99991663 });
    expect(f.seen).toHaveLength(1);
  });

  it('asks a token provider again with refresh: true after a rejection', async () => {
    const provider = vi.fn(async ({ refresh }: { refresh: boolean }) => (refresh ? 't-fresh' : 't-stale'));
    const f = fakeFetch((req) =>
      bearer(req.headers) === 'Bearer t-stale'
        ? json(400, { code: 99991663, msg: 'expired' })
        : ok({ collaborator: {} }),
    );
    await createClient({ ...base, auth: { tokenProvider: provider }, fetch: f.fetch }).addTaskCollaborators(
      addCollaborators,
    );
    expect(provider.mock.calls.map((c) => c[0])).toEqual([{ refresh: false }, { refresh: true }]);
  });

  it('a per-call user token overrides the client auth and is never refreshed', async () => {
    const f = fakeFetch((req) => (isToken(req) ? tokenAnswer('t-app') : ok({ collaborator: {} })));
    const client = createClient({ ...base, auth: app, fetch: f.fetch });
    await client.addTaskCollaborators(addCollaborators, { userAccessToken: 'u-per-call' });
    expect(f.seen).toHaveLength(1);
    expect(bearer(f.seen[0]!.headers)).toBe('Bearer u-per-call');
  });

  it('a failed exchange rejects with a typed error that never shows the secret', async () => {
    const f = fakeFetch((req) => (isToken(req) ? json(400, { code: 10014, msg: 'app secret invalid' }) : ok()));
    const error = await createClient({ ...base, auth: app, fetch: f.fetch })
      .addTaskCollaborators(addCollaborators)
      .catch((e) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(error).toMatchObject({
      operation: 'getTenantAccessToken',
      code: 10014,
      codeName: 'AppSecretInvalid',
      kind: 'auth',
    });
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain('app-secret-value');
  });

  it("a failed exchange speaks of the call's own request: nothing sent, so outcomeUnknown false and attempts 0, each call its own error", async () => {
    // The token endpoint answers a gateway's HTML page: the exchange's own request may have gone through,
    // but the calls waiting for its token never sent theirs.
    const f = fakeFetch((req) =>
      isToken(req)
        ? new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })
        : ok(),
    );
    const client = createClient({ ...base, auth: app, fetch: f.fetch, maxRetries: 1 });
    const [a, b] = await Promise.all([
      client.addTaskCollaborators(addCollaborators).catch((e) => e),
      // Another task: writes to one task would wait for each other, not for the one exchange.
      client.addTaskCollaborators({ ...addCollaborators, path: { task_id: 'another-task' } }).catch((e) => e),
    ]);
    expect(f.seen.filter((s) => !isToken(s))).toHaveLength(0);
    expect(f.seen.filter(isToken)).toHaveLength(2); // one exchange for both calls, retried once
    for (const error of [a, b]) {
      expect(error).toBeInstanceOf(FeishuResponseError);
      expect(error).toMatchObject({
        operation: 'getTenantAccessToken',
        status: 502,
        outcomeUnknown: false,
        attempts: 0,
      });
      expect(error.message).not.toMatch(/applied/);
      // A real error still: its stack, what console.error shows, native-error checks.
      expect(error.stack).toMatch(
        /^FeishuResponseError: getTenantAccessToken got an answer without the Feishu envelope/,
      );
      expect(inspect(error)).toMatch(/^FeishuResponseError: getTenantAccessToken/);
      expect(types.isNativeError(error)).toBe(true);
    }
    expect(a).not.toBe(b);
  });
});
