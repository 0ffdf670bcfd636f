// One answer against the spec: each aspect on its own, with the source the spec gives for that fact.
import { errors } from '@feishu-task/types';
import { expect, it } from 'vitest';
import { checkAnswer, operationFacts } from '../src/index.js';

const facts = operationFacts();
const op = facts.get('addTaskCollaborators');
if (!op) throw new Error('addTaskCollaborators missing from the spec');
const missing = errors.addTaskCollaborators['99991661'];
const answer = (
  status: number,
  json: Record<string, unknown>,
  headers: Record<string, string> = { 'x-tt-logid': 'log1' },
) => ({
  status,
  headers,
  text: JSON.stringify(json),
  json,
});

it('accepts the documented answer', () => {
  expect(checkAnswer(op, ['TokenMissing'], answer(missing.status, { code: 99991661, msg: missing.message }))).toEqual(
    [],
  );
});

it('names the source of a status, which may differ from that of the code', () => {
  const [finding] = checkAnswer(op, ['TokenMissing'], answer(401, { code: 99991661, msg: missing.message }));
  expect(finding).toMatchObject({ aspect: 'status', expected: `HTTP ${missing.status} for 99991661 TokenMissing` });
  // The platform documents the code; no page states its status (the spec marks that part unsourced).
  expect(finding?.facts[0]?.source).toMatch(/^unsourced: /);
});

it('tells a documented code the situation does not expect from an undocumented one', () => {
  const ok = { code: 0, msg: 'success', data: { collaborator: {} } };
  expect(checkAnswer(op, ['AlreadyCollaborators'], answer(200, ok)).map((f) => [f.aspect, f.observed])).toEqual([
    ['code', 'success (code 0)'],
  ]);
  expect(checkAnswer(op, ['AlreadyCollaborators'], answer(400, { code: 42, msg: 'x' }))[0]?.observed).toBe(
    '42 (not documented for addTaskCollaborators)',
  );
});

it('reads a non-JSON answer as a body difference and still checks the headers', () => {
  const findings = checkAnswer(op, ['success'], {
    status: 502,
    headers: {},
    text: '<html>bad gateway</html>',
    json: undefined,
  });
  expect(findings.map((f) => f.aspect)).toEqual(['body']);
  expect(findings[0]?.observed).toContain('not JSON: <html>');
});

it("checks a 429's rate-limit headers, as the spec declares them for that answer", () => {
  const limited = errors.addTaskCollaborators['99991400'];
  const body = { code: 99991400, msg: limited.message };
  const headers = op.responses.get(limited.status)?.headers.map((h) => h.name) ?? [];
  expect(headers.length).toBeGreaterThan(1);
  const all = Object.fromEntries(headers.map((h) => [h.toLowerCase(), '1']));
  expect(checkAnswer(op, ['PlatformRateLimited'], answer(limited.status, body, all))).toEqual([]);
  const [kept, ...dropped] = headers;
  const findings = checkAnswer(op, ['PlatformRateLimited'], answer(limited.status, body, { [String(kept)]: '1' }));
  expect(findings.map((f) => f.aspect)).toEqual(dropped.map((h) => `header ${h}`));
});
