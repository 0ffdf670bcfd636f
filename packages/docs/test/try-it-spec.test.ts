// The in-page engine runs on the slimmed spec (try-it/slim-spec.mjs): the same emulator must answer the
// same requests alike on it and on the full dereferenced spec, or the page would show answers the
// emulator does not give. One corpus per operation: its example, a bad body, a bad query value, no
// token, a bad token, and the count of requests until its quota answers 429.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createEmulator } from '@feishu-task/emulator';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { slimSpec } from '../try-it/slim-spec.mjs';

const require = createRequire(import.meta.url);
const full = JSON.parse(readFileSync(require.resolve('@feishu-task/openapi/openapi.dereferenced.json'), 'utf8'));
const slim = slimSpec(full);

/** An answer without what differs from run to run (log ids, tokens). */
const stable = (a: { status: number; headers: Record<string, string>; body: unknown }) =>
  JSON.parse(
    JSON.stringify({ status: a.status, headers: { ...a.headers, 'x-tt-logid': '' }, body: a.body })
      .replace(/"(log_id|tenant_access_token)":"[^"]*"/g, '"$1":""')
      .replace(/log_id=[0-9A-F]+/g, 'log_id='),
  );

async function run(spec: any) {
  const engine = createEmulator({ spec, clock: { start: Date.UTC(2026, 0, 1), frozen: true } });
  const json = { 'content-type': 'application/json; charset=utf-8' };
  const tokenAnswer = await engine.handle({
    method: 'POST',
    url: '/open-apis/auth/v3/tenant_access_token/internal',
    headers: json,
    body: JSON.stringify({ app_id: 'cli_try_it', app_secret: 'secret' }),
  });
  const token = (tokenAnswer.body as { tenant_access_token: string }).tenant_access_token;
  const out: unknown[] = [stable(tokenAnswer)];
  for (const [path, item] of Object.entries<any>(full.paths))
    for (const [method, op] of Object.entries<any>(item)) {
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const url = path.replace(/\{([^}]+)\}/g, (_, n) => params.find((p: any) => p.name === n).example);
      const body = op.requestBody
        ? JSON.stringify(Object.values<any>(op.requestBody.content['application/json'].examples)[0].value)
        : undefined;
      const auth = { ...json, authorization: `Bearer ${token}` };
      const requests = [
        { url, headers: auth, body },
        { url, headers: auth, body: '{"nope": [' },
        { url, headers: auth, body: '{"members": [{"id": ""}], "id_list": [""], "app_id": 1}' },
        { url: `${url}?user_id_type=nobody`, headers: auth, body },
        { url, headers: json, body },
        { url, headers: { ...json, authorization: 'Bearer t-unknown' }, body },
      ];
      for (const r of requests)
        out.push(
          stable(await engine.handle({ method: method.toUpperCase(), ...r, ...(body ? {} : { body: undefined }) })),
        );
      // The quota (x-feishu-rate-limit): how many requests until the first 429, as the page's scenario counts.
      let sent = 0;
      while (
        sent < 2000 &&
        (await engine.handle({ method: method.toUpperCase(), url, headers: auth, body })).status !== 429
      )
        sent++;
      out.push({ [op.operationId]: sent });
    }
  engine.clock.advance(8 * 3600 * 1000);
  // Issued tokens are random: the state without them is what the two specs must agree on.
  const { tenantTokens: _t, userTokens: _u, ...state } = engine.snapshot();
  out.push(state, engine.contractViolations().length);
  return out;
}

describe('the slimmed spec', () => {
  it('is much smaller than the full one', () => {
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(full).length / 2);
  });
  it('gives the emulator the same answers as the full spec', async () => {
    const [a, b] = [await run(full), await run(slim)];
    expect(a.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    expect(a.at(-1), 'answers that failed the spec (contractViolations)').toBe(0);
    // The corpus reaches both success and documented errors (it could not otherwise tell the specs apart).
    const statuses = new Set(a.map((x: any) => x?.status).filter(Boolean));
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 400]));
  });
  it('keeps what the page reads: every example summary in both languages', () => {
    for (const item of Object.values<any>(slim.paths))
      for (const op of Object.values<any>(item))
        for (const response of Object.values<any>(op?.responses ?? {}))
          for (const example of Object.values<any>(response.content?.['application/json']?.examples ?? {})) {
            expect(example.summary).toBeTruthy();
            expect(example['x-i18n']?.zh?.summary).toBeTruthy();
          }
  });
});
