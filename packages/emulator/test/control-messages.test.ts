// A refused control input says what would have been accepted: every choice of a union (read from the
// schema, not written per field), and a body of the wrong kind is named as the body.
import { expect, it } from 'vitest';
import { createEmulator, createFetchHandler } from '../src/engine-entry.js';

const serve = createFetchHandler(createEmulator({ fixture: 'empty' }));
const ROLE = '{"tasklists":[{"guid":"g","owner":{"id":"u"},"members":[{"id":"a","role":"owner"}]}]}';

// [method and path, body, field, error]
it.each([
  ['PATCH /config', '{"profile":"loose"}', 'profile', 'config: profile must be one of "default", "strict"'],
  ['PATCH /config', '{"taskConcurrency":"yes"}', 'taskConcurrency', 'must be false, null or a JSON object'],
  ['PATCH /config', '{"quotas":"yes"}', 'quotas', 'config: quotas must be a boolean or a JSON object'],
  ['PATCH /config', '{"tasklistMemberLimit":"x"}', 'tasklistMemberLimit', 'must be null or an integer'],
  // A value of one branch's kind is told that branch's problem, not the other branches'.
  ['PATCH /config', '{"tasklistMemberLimit":0}', 'tasklistMemberLimit', 'tasklistMemberLimit must be >= 1'],
  ['PATCH /config', '{"quotas":{"bogus":1}}', 'quotas.bogus', 'config: quotas.bogus is not a known field'],
  ['POST /reset?dropTokens=yes', '', 'dropTokens', 'query: dropTokens must be one of "true", "false"'],
  ['POST /seed', ROLE, 'tasklists[0].members[0].role', 'role must be one of "editor", "viewer"'],
  ['PATCH /config', '[]', 'body', 'config: the body must be a JSON object'],
  ['POST /clock', '3', 'body', 'clock: the body must be a JSON object'],
  ['POST /seed', '"x"', 'body', 'invalid emulator fixture: the body must be a JSON object'],
  ['POST /faults', 'null', 'body', 'fault: the body must be a JSON object or an array of them'],
])('%s %s', async (route, body, field, error) => {
  const [method, path] = route.split(' ') as [string, string];
  const res = await serve(new Request(`http://emulator/__emulator${path}`, { method, ...(body ? { body } : {}) }));
  expect(res.status).toBe(400);
  const answer = await res.json();
  expect(answer).toEqual({ error: expect.any(String), field, name: expect.any(String) });
  expect(answer.error.endsWith(error), answer.error).toBe(true);
});
