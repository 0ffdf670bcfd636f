// The platform around the operations: tokens, quotas, the per-task frequency rule, virtual time, the
// journal, and faults over real sockets.
import { describe, expect, it } from 'vitest';
import { createEmulator, startEmulator } from '../src/index.js';
import { caller } from './call.js';
import { secondsLeft, TASK, workflowFixture } from './helpers.js';

const v1 = `/open-apis/task/v1/tasks/${TASK}/collaborators`;

describe('tokens', () => {
  it('expire after `expire` seconds (99991663), are reissued only with less than 30 minutes left, both staying valid', async () => {
    const engine = createEmulator({ fixture: workflowFixture, clock: { frozen: true } });
    const { call, tenantToken } = caller(engine);
    const first = await tenantToken();
    expect(first).toMatchObject({ code: 0, expire: 7200 });
    engine.clock.advance(60_000);
    expect(await tenantToken()).toMatchObject({ tenant_access_token: first.tenant_access_token, expire: 7140 });
    engine.clock.advance((7200 - 60 - 29 * 60) * 1000);
    const second = await tenantToken();
    expect(second.tenant_access_token).not.toBe(first.tenant_access_token);
    expect(second.expire).toBe(7200);
    expect((await call('POST', v1, { id_list: ['ou_1'] }, first.tenant_access_token)).body.code).toBe(0);
    engine.clock.advance(29 * 60 * 1000);
    const expired = await call('POST', v1, { id_list: ['ou_2'] }, first.tenant_access_token);
    expect([expired.status, expired.body.code]).toEqual([400, 99991663]);
    expect((await call('POST', v1, { id_list: ['ou_2'] }, second.tenant_access_token)).body.code).toBe(0);
  });

  it('missing or malformed Authorization answers 99991661; a user token belongs to its user and expires', async () => {
    const engine = createEmulator({ fixture: workflowFixture });
    const { call } = caller(engine);
    for (const authorization of [undefined, '', 'Bearer', 'Basic abc', 'Bearer a b']) {
      const r = await engine.handle({
        method: 'POST',
        url: v1,
        headers: { authorization },
        body: '{"id_list":["ou_1"]}',
      });
      expect([r.status, (r.body as { code: number }).code]).toEqual([400, 99991661]);
    }
    const { token } = engine.issueUserToken('ou_creator', { expire: 10 });
    expect((await call('POST', v1, { id_list: ['ou_1'] }, token)).body.code).toBe(0);
    expect(engine.journal().at(-1)?.caller).toMatchObject({ kind: 'user', user: 'ou_creator' });
    // Someone who is neither the creator nor a collaborator may not change the task.
    const stranger = engine.issueUserToken('ou_stranger').token;
    expect((await call('POST', v1, { id_list: ['ou_9'] }, stranger)).body.code).toBe(1470404);
    engine.clock.advance(10_000);
    expect((await call('POST', v1, { id_list: ['ou_2'] }, token)).body.code).toBe(99991668);
  });

  it('restricted apps: only fixture apps get tokens; a bad secret answers 10014, an unknown app 10003', async () => {
    const engine = createEmulator({
      fixture: { restrictApps: true, apps: [{ app_id: 'cli_known', app_secret: 'right' }] },
    });
    const { tenantToken } = caller(engine);
    expect((await tenantToken('cli_known', 'right')).code).toBe(0);
    expect((await tenantToken('cli_known', 'wrong')).code).toBe(10014);
    expect((await tenantToken('cli_other', 'x')).code).toBe(10003);
    // A snapshot is lossless (secrets included, so a restore works); the journal never holds one.
    expect(engine.snapshot().apps).toContainEqual(
      expect.objectContaining({ app_id: 'cli_known', app_secret: 'right' }),
    );
    expect(JSON.stringify(engine.journal())).not.toContain('right');
  });
});

describe('quotas', () => {
  it('per app and tenant and operation, at the spec limit per minute, with the true reset; other apps unaffected', async () => {
    const engine = createEmulator({
      fixture: workflowFixture,
      taskFrequency: false,
      clock: { start: Date.UTC(2030, 0, 1, 0, 0, 20, 250), frozen: true },
    });
    const { call, tenantToken } = caller(engine);
    const a = (await tenantToken('cli_a')).tenant_access_token;
    const b = (await tenantToken('cli_b')).tenant_access_token;
    const codes: number[] = [];
    for (let i = 0; i < 101; i++) codes.push((await call('POST', v1, { id_list: [`ou_q${i % 40}`] }, a)).status);
    expect(codes.filter((s) => s === 429)).toHaveLength(1);
    const limited = await call('DELETE', `${v1}/ou_q1`, undefined, a);
    expect(limited.status).not.toBe(429);
    const again = await call('POST', v1, { id_list: ['ou_q1'] }, a);
    expect(again.status).toBe(429);
    expect(again.headers['x-ogw-ratelimit-limit']).toBe('100');
    expect(again.headers['x-ogw-ratelimit-reset']).toBe(String(secondsLeft(engine.clock.now(), 60_000)));
    expect(again.headers['x-ogw-ratelimit-reset']).toBe('40');
    expect((await call('POST', v1, { id_list: ['ou_q1'] }, b)).status).not.toBe(429);
    engine.clock.advance(39_749);
    expect((await call('POST', v1, { id_list: ['ou_q1'] }, a)).status).toBe(429);
    engine.clock.advance(1);
    expect((await call('POST', v1, { id_list: ['ou_q77'] }, a)).status).toBe(200);
  });

  it('can be scaled or switched off at run time', async () => {
    const engine = createEmulator({
      fixture: workflowFixture,
      taskFrequency: false,
      quotas: { scale: 0.05 },
      clock: { frozen: true },
    });
    const { call, tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call('POST', v1, { id_list: [`ou_s${i}`] }, token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(engine.journal().at(-1)?.answer).toMatchObject({ code: 99991400 });
    engine.configure({ quotas: false });
    expect((await call('POST', v1, { id_list: ['ou_s9'] }, token)).status).toBe(200);
  });

  it("windows per operation replace the spec's (unscaled), with their own reset; unknown operations refused", async () => {
    const engine = createEmulator({
      fixture: workflowFixture,
      taskFrequency: false,
      quotas: { scale: 0.05, windows: { addTaskCollaborators: [{ limit: 3, windowMs: 3000 }] } },
      clock: { start: Date.UTC(2030, 0, 1, 0, 0, 1, 500), frozen: true },
    });
    const { call, tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('POST', v1, { id_list: [`ou_w${i}`] }, token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call('POST', v1, { id_list: ['ou_w9'] }, token);
    expect(limited.headers).toMatchObject({ 'x-ogw-ratelimit-limit': '3', 'x-ogw-ratelimit-reset': '2' });
    engine.clock.advance(1500);
    expect((await call('POST', v1, { id_list: ['ou_w9'] }, token)).status).toBe(200);
    expect(() => engine.configure({ quotas: { windows: { addMembers: [{ limit: 1, windowMs: 1 }] } } })).toThrow(
      /quotas\.windows\.addMembers is not an operation/,
    );
    expect(() =>
      engine.configure({ quotas: { windows: { addTaskCollaborators: [{ limit: 0, windowMs: 1 }] } } }),
    ).toThrow(/quotas\.windows\.addTaskCollaborators\[0\]\.limit must be >= 1/);
    expect(engine.settings().quotas.windows).toEqual({ addTaskCollaborators: [{ limit: 3, windowMs: 3000 }] });
  });

  it('too-frequent operations on one task answer 1470451 (configurable)', async () => {
    const engine = createEmulator({
      fixture: workflowFixture,
      taskFrequency: { max: 2, windowMs: 1000 },
      clock: { frozen: true },
    });
    const { call, tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    const codes = [];
    for (const id of ['ou_1', 'ou_2', 'ou_3']) codes.push((await call('POST', v1, { id_list: [id] }, token)).body.code);
    expect(codes).toEqual([0, 0, 1470451]);
    engine.clock.advance(1000);
    expect((await call('POST', v1, { id_list: ['ou_3'] }, token)).body.code).toBe(0);
  });
});

describe('journal', () => {
  it('records operation, caller, validation and answer; bounded by a ring buffer', async () => {
    const engine = createEmulator({ fixture: workflowFixture, journalSize: 5 });
    const { call, tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    await call('POST', v1, { id_list: [42] }, token);
    const entry = engine.journal().at(-1)!;
    expect(entry).toMatchObject({
      operation: 'addTaskCollaborators',
      caller: { kind: 'app', appId: 'cli_test' },
      validation: { valid: false, violations: [{ field: 'id_list[0]', value: '42', description: 'must be string' }] },
      status: 400,
      code: 99992402,
      contract: { valid: true },
    });
    for (let i = 0; i < 10; i++) await call('DELETE', `${v1}/ou_${i}`, undefined, token);
    const entries = engine.journal();
    expect(entries).toHaveLength(5);
    expect(entries.map((e) => e.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(engine.journal({ operation: 'getTenantAccessToken' })).toEqual([]);
  });

  it('keeps a large body as a short preview (memory stays small with 5,000-member requests)', async () => {
    const engine = createEmulator({ fixture: workflowFixture });
    const { call, tenantToken } = caller(engine);
    const token = (await tenantToken()).tenant_access_token;
    const members = Array.from({ length: 5000 }, (_, i) => ({ id: `ou_${i}` }));
    const r = await call('POST', '/open-apis/task/v2/tasklists/tasklist-workflow/add_members', { members }, token);
    expect(r.body.code).toBe(1470400);
    const body = engine.journal().at(-1)!.body as string;
    expect(typeof body).toBe('string');
    expect(body.length).toBeLessThan(2200);
    expect(body).toMatch(/characters\)$/);
  });
});

describe('faults over HTTP', () => {
  it('delay, documented 5xx, 429 with reset, dropped connection, truncated body: each for the next N requests only', async () => {
    const emu = await startEmulator({ fixture: workflowFixture });
    try {
      const tokenUrl = `${emu.url}/open-apis/auth/v3/tenant_access_token/internal`;
      const post = () =>
        fetch(tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"app_id":"cli_f","app_secret":"s"}',
        });
      const token = (await (await post()).json()).tenant_access_token;
      const add = () =>
        fetch(`${emu.url}${v1}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: '{"id_list":["ou_f"]}',
        });

      emu.emulator.faults.inject({ operation: 'addTaskCollaborators', kind: 'server-error', count: 2 });
      for (let i = 0; i < 2; i++) {
        const r = await add();
        expect([r.status, (await r.json()).code]).toEqual([500, 1470701]);
      }
      expect((await add()).status).toBe(200);

      emu.emulator.faults.inject({ operation: 'addTaskCollaborators', kind: 'rate-limit', resetSeconds: 3 });
      const limited = await add();
      expect([limited.status, limited.headers.get('x-ogw-ratelimit-reset')]).toEqual([429, '3']);

      emu.emulator.faults.inject({ operation: 'getTenantAccessToken', kind: 'delay', delayMs: 150 });
      const started = performance.now();
      expect((await post()).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);

      emu.emulator.faults.inject({ operation: 'getTenantAccessToken', kind: 'drop' });
      await expect(post()).rejects.toThrow();

      emu.emulator.faults.inject({ operation: 'getTenantAccessToken', kind: 'truncate' });
      const truncated = await post();
      expect(truncated.status).toBe(200);
      await expect(truncated.text()).rejects.toThrow();

      expect((await post()).status).toBe(200);
      expect(
        emu.emulator
          .journal()
          .map((e) => e.fault)
          .filter(Boolean),
      ).toEqual(['server-error', 'server-error', 'rate-limit', 'delay', 'drop', 'truncate']);
      expect(() => emu.emulator.faults.inject({ operation: 'nope', kind: 'drop' })).toThrow(
        /operation is unknown: "nope"/,
      );

      // Lost after it applied: the resend answers 1470431, the code that means "the first attempt applied"
      // (x-feishu-retry's replayedSuccessCodes for this operation).
      emu.emulator.faults.inject({ operation: 'addTaskCollaborators', kind: 'drop', afterApply: true });
      const lost = fetch(`${emu.url}${v1}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"id_list":["ou_lost"]}',
      });
      await expect(lost).rejects.toThrow();
      expect(emu.emulator.snapshot().tasks?.[0]?.collaborators).toContain('ou_lost');
      const resend = await fetch(`${emu.url}${v1}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"id_list":["ou_lost"]}',
      });
      expect([resend.status, (await resend.json()).code]).toEqual([400, 1470431]);
    } finally {
      await emu.close();
    }
  });
});

describe('secrets', () => {
  it('an app secret is never journaled nor echoed in field_violations', async () => {
    const engine = createEmulator();
    const { call } = caller(engine);
    await call('POST', '/open-apis/auth/v3/tenant_access_token/internal', {
      app_id: 'cli_s',
      app_secret: 'top-secret-1',
    });
    const bad = await call('POST', '/open-apis/auth/v3/tenant_access_token/internal', {
      app_id: 'cli_s',
      app_secret: 'top-secret-2',
      extra: 1,
    });
    // The spec accepts and ignores unknown fields here, so this is a wrong secret of a registered app.
    expect(bad.body.code).toBe(10014);
    await engine.handle({
      method: 'POST',
      url: '/open-apis/auth/v3/tenant_access_token/internal',
      headers: {},
      body: '{"app_secret":"top-secret-3",',
    });
    const numeric = await call('POST', '/open-apis/auth/v3/tenant_access_token/internal', {
      app_id: 'x',
      app_secret: 987654,
    });
    expect(numeric.body.error.field_violations).toContainEqual(
      expect.objectContaining({ field: 'app_secret', value: '[redacted]' }),
    );
    // (snapshot() holds secrets and tokens on purpose: it restores the state exactly.)
    const everything = JSON.stringify([engine.journal(), bad.body, numeric.body]);
    expect(everything).not.toMatch(/top-secret|987654/);
    // Nor the tokens it issued.
    expect(everything).not.toMatch(/t-[0-9a-f]{40}/);
    expect(engine.journal()[0]!.answer).toMatchObject({ code: 0, tenant_access_token: '[redacted]', expire: 7200 });
  });
});
